// bindings.cpp — the only file that knows about Emscripten.
//
// It exposes the core to JavaScript through Embind. The rules that keep the
// boundary cheap and safe:
//   * bulk data comes in as a pointer into the wasm heap (the JS wrapper in
//     web/lib/scratchnet.js copies a typed array there with one `set`) and is
//     viewed with Eigen::Map — no per-element copies;
//   * bulk data goes out as a typed array copied once (`view.slice()`), so JS
//     never holds a view that goes stale when the heap grows;
//   * every entry point catches C++ exceptions and rethrows a JS Error with
//     the core's error `code`, so a bad input is an exception, never an abort.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include <malloc.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "scratchnet.hpp"

using emscripten::val;
namespace sn = scratchnet;
using MatF = sn::Matrix<float>;

namespace {

// ---- errors -----------------------------------------------------------------
// The message is kept in static storage so nothing is leaked when the JS throw
// unwinds past C++ frames without running their destructors.
std::string g_error_code, g_error_message;

EM_JS(void, sn_throw_js_error, (const char* code, const char* message), {
  var e = new Error(UTF8ToString(message));
  e.name = 'ScratchnetError';
  e.code = UTF8ToString(code);
  throw e;
});

[[noreturn]] void throw_pending_error() {
  sn_throw_js_error(g_error_code.c_str(), g_error_message.c_str());
  __builtin_unreachable();
}

// Notes the exception being handled as the pending error (its code and message).
// One out-of-line copy, called from every entry point's catch (...): the three
// catch clauses and their string copies were once inlined into each of the ~100
// entry points, about 1 kB of wasm apiece (README "Size").
[[gnu::noinline]] void note_current_exception() {
  try {
    throw;
  } catch (const sn::Error& e) {
    g_error_code = e.code();
    g_error_message = e.what();
  } catch (const std::bad_alloc&) {
    g_error_code = "memory.exhausted";
    g_error_message = "the wasm heap could not grow: not enough memory for this size";
  } catch (const std::exception& e) {
    g_error_code = "internal";
    g_error_message = e.what();
  }
}

// The JS error is thrown after the catch clause has ended, so the C++ exception is freed first.
template <class Fn>
auto guarded(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (...) {
    note_current_exception();
  }
  throw_pending_error();
}

// ---- bulk data across the boundary -------------------------------------------------
template <class T>
val copy_out(const T* data, std::size_t n) {
  return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

template <class S>
val matrix_out(const sn::Matrix<S>& m) {
  val o = val::object();
  o.set("rows", static_cast<int>(m.rows()));
  o.set("cols", static_cast<int>(m.cols()));
  o.set("data", copy_out(m.data(), static_cast<std::size_t>(m.size())));
  return o;
}

// A (rows × n/rows) matrix over `n` floats at `ptr` in the wasm heap.
Eigen::Map<const MatF> matrix_in(std::uintptr_t ptr, int n, int rows, const char* what) {
  sn::require(rows > 0 && n > 0 && n % rows == 0, "shape.mismatch",
              std::string(what) + ": " + std::to_string(n) + " numbers do not split into " +
                  std::to_string(rows) + " rows");
  const auto* p = reinterpret_cast<const float*>(ptr);
  Eigen::Map<const MatF> m(p, rows, n / rows);
  // No NaN/inf check here: the core checks every input where it is used (Affine,
  // the loss layers, set_param) and throws the same code, input.not_finite.
  return m;
}

template <class T>
std::vector<T> vector_in(std::uintptr_t ptr, int n) {
  const auto* p = reinterpret_cast<const T*>(ptr);
  return std::vector<T>(p, p + n);
}

// A JS array of strings (feature names). Anything else is "argument.invalid".
std::vector<std::string> strings_in(const val& v) {
  sn::require(v.isArray(), "argument.invalid", "expected an array of names");
  const int n = v["length"].as<int>();
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    sn::require(v[i].isString(), "argument.invalid", "expected an array of names");
    out.push_back(v[i].as<std::string>());
  }
  return out;
}

val names_out(const std::vector<std::string>& names) {
  val a = val::array();
  for (const auto& n : names) a.call<void>("push", n);
  return a;
}

// ---- the playground's plane ----------------------------------------------------------
// x (rows × 2) → (rows × features.length) row-major, as a Float32Array.
val feature_map(std::uintptr_t ptr, int n, int rows, const val& features) {
  return guarded([&] {
    const MatF f = sn::feature_map(MatF(matrix_in(ptr, n, rows, "x")), strings_in(features));
    return copy_out(f.data(), static_cast<std::size_t>(f.size()));
  });
}

val plane_grid(double from, double to, int size) {
  return guarded([&] {
    const MatF g = sn::plane_grid(from, to, size);
    return copy_out(g.data(), static_cast<std::size_t>(g.size()));
  });
}

// ---- activations --------------------------------------------------------------------
val activate(const std::string& name, std::uintptr_t ptr, int n, double slope, bool derivative) {
  return guarded([&] {
    const auto kind = sn::activation_from_name(name);
    const sn::Matrix<double> x = Eigen::Map<const sn::Matrix<double>>(reinterpret_cast<const double*>(ptr), 1, n);
    const sn::Matrix<double> y = derivative ? sn::derivative(kind, x, slope) : sn::activate(kind, x, slope);
    return copy_out(y.data(), static_cast<std::size_t>(y.size()));
  });
}

val sample_activation(const std::string& name, double from, double to, int points, double slope) {
  return guarded([&] {
    const auto s = sn::sample_activation(sn::activation_from_name(name), from, to, points, slope);
    val o = val::object();
    o.set("x", copy_out(s.x.data(), s.x.size()));
    o.set("y", copy_out(s.y.data(), s.y.size()));
    o.set("dy", copy_out(s.dy.data(), s.dy.size()));
    return o;
  });
}

val softmax(std::uintptr_t ptr, int n, bool stable) {
  return guarded([&] {
    const auto* p = reinterpret_cast<const double*>(ptr);
    const sn::Matrix<double> a = Eigen::Map<const sn::Matrix<double>>(p, 1, n);
    const sn::Matrix<double> y = stable ? sn::softmax(a) : sn::softmax_naive(a);
    return copy_out(y.data(), static_cast<std::size_t>(y.size()));
  });
}


// ---- how a network learns: derivatives and gradient descent (book 4.3–4.4, 6.1) ------
sn::RowVector<double> point_in(std::uintptr_t ptr, int n) {
  sn::require(n >= 0 && n <= 16, "calculus.bad_point", "a point has 1 or 2 coordinates, got " + std::to_string(n));
  return Eigen::Map<const sn::RowVector<double>>(reinterpret_cast<const double*>(ptr), n);
}

val book_functions() {
  val names = val::array();
  for (const char* name : sn::kBookFunctionNames) names.call<void>("push", std::string(name));
  return names;
}

double function_value(const std::string& fn, std::uintptr_t ptr, int n) {
  return guarded([&] { return sn::function_value(sn::book_function_from_name(fn), point_in(ptr, n)); });
}

val analytic_gradient(const std::string& fn, std::uintptr_t ptr, int n) {
  return guarded([&] {
    const auto g = sn::analytic_gradient(sn::book_function_from_name(fn), point_in(ptr, n));
    return copy_out(g.data(), static_cast<std::size_t>(g.size()));
  });
}

// single = true: the whole difference in float32, h included (1e-50 becomes 0).
double numerical_diff(const std::string& fn, std::uintptr_t ptr, int n, double h, bool single, int axis) {
  return guarded([&] {
    const auto f = sn::book_function_from_name(fn);
    const auto x = point_in(ptr, n);
    if (single) return static_cast<double>(sn::numerical_diff<float>(f, x.cast<float>(), h, axis));
    return sn::numerical_diff<double>(f, x, h, axis);
  });
}

val numerical_gradient(const std::string& fn, std::uintptr_t ptr, int n, double h) {
  return guarded([&] {
    const auto g = sn::numerical_gradient<double>(sn::book_function_from_name(fn), point_in(ptr, n), h);
    return copy_out(g.data(), static_cast<std::size_t>(g.size()));
  });
}

val gradient_descent(const std::string& fn, std::uintptr_t ptr, int n, double lr, int steps,
                     const std::string& optimizer, const std::string& gradient) {
  return guarded([&] {
    const auto x = point_in(ptr, n);
    const auto p = sn::gradient_descent(sn::book_function_from_name(fn), std::vector<double>(x.data(), x.data() + n),
                                        lr, steps, optimizer, sn::gradient_method_from_name(gradient));
    val o = val::object();
    o.set("dims", p.dims);
    o.set("path", copy_out(p.path.data(), p.path.size()));
    o.set("values", copy_out(p.values.data(), p.values.size()));
    return o;
  });
}

// ---- computational graphs (book 5.1–5.4, vol. 2 1.3.4–1.3.5) ---------------------------
// A 1×1 matrix as a number, anything else as { rows, cols, data: Float64Array }.
val graph_matrix_out(const sn::MatrixD& m) {
  if (m.rows() == 1 && m.cols() == 1) return val(m(0, 0));
  val o = val::object();
  o.set("rows", static_cast<int>(m.rows()));
  o.set("cols", static_cast<int>(m.cols()));
  o.set("data", copy_out(m.data(), static_cast<std::size_t>(m.size())));
  return o;
}

sn::MatrixD graph_matrix_in(std::uintptr_t ptr, int n, int rows, int cols) {
  sn::require(rows > 0 && cols > 0 && static_cast<std::int64_t>(rows) * cols == n, "shape.mismatch",
              std::to_string(n) + " numbers are not " + std::to_string(rows) + "×" + std::to_string(cols));
  return Eigen::Map<const sn::MatrixD>(reinterpret_cast<const double*>(ptr), rows, cols);
}

val graph_examples() {
  val names = val::array();
  for (const char* name : sn::kGraphExampleNames) names.call<void>("push", std::string(name));
  return names;
}

class GraphJs {
 public:
  explicit GraphJs(sn::Graph g) : g_(std::move(g)) {}
  static GraphJs* example(const std::string& name) {
    return guarded([&] { return new GraphJs(sn::make_graph_example(name)); });
  }

  val nodes() const {
    val out = val::array();
    for (const auto& n : g_.nodes()) {
      val o = val::object();
      o.set("name", n.name);
      o.set("op", n.op->op());
      val in = val::array(), outs = val::array();
      for (int i : n.inputs) in.call<void>("push", g_.edges()[static_cast<std::size_t>(i)].name);
      for (int i : n.outputs) outs.call<void>("push", g_.edges()[static_cast<std::size_t>(i)].name);
      o.set("inputs", in);
      o.set("outputs", outs);
      o.set("forwardDone", n.forward_done);
      o.set("backwardDone", n.backward_done);
      out.call<void>("push", o);
    }
    return out;
  }

  val edges() const {
    val out = val::array();
    for (const auto& e : g_.edges()) {
      val o = val::object();
      o.set("name", e.name);
      o.set("rows", static_cast<int>(e.rows));
      o.set("cols", static_cast<int>(e.cols));
      o.set("value", e.has_value ? graph_matrix_out(e.value) : val::null());
      o.set("grad", e.has_grad ? graph_matrix_out(e.grad) : val::null());
      o.set("isInput", e.is_input);
      o.set("isOutput", e.is_output);
      o.set("differentiable", e.differentiable);
      out.call<void>("push", o);
    }
    return out;
  }

  void setInput(const std::string& name, std::uintptr_t ptr, int n, int rows, int cols) {
    guarded([&] {
      g_.set_input(name, graph_matrix_in(ptr, n, rows, cols));
      return 0;
    });
  }
  void setDout(double fill) {
    guarded([&] {
      g_.set_dout(fill);
      return 0;
    });
  }
  void setEdgeDout(const std::string& name, std::uintptr_t ptr, int n, int rows, int cols) {
    guarded([&] {
      g_.set_dout(name, graph_matrix_in(ptr, n, rows, cols));
      return 0;
    });
  }
  void setEdgeDoutFill(const std::string& name, double fill) {
    guarded([&] {
      g_.set_dout(name, fill);
      return 0;
    });
  }
  void forward() {
    guarded([&] {
      g_.forward();
      return 0;
    });
  }
  void backward() {
    guarded([&] {
      g_.backward();
      return 0;
    });
  }
  int stepForward() { return guarded([&] { return g_.step_forward(); }); }
  int stepBackward() { return guarded([&] { return g_.step_backward(); }); }
  void reset() { g_.reset(); }
  val numericalGradient() {
    return guarded([&] {
      val o = val::object();
      for (const auto& [name, grad] : g_.numerical_gradient()) o.set(name, graph_matrix_out(grad));
      return o;
    });
  }

 private:
  sn::Graph g_;
};

// ---- perceptrons --------------------------------------------------------------------
val perceptron_out(const sn::Perceptron& p) {
  val o = val::object();
  o.set("w1", p.w1);
  o.set("w2", p.w2);
  o.set("b", p.b);
  return o;
}

val gate_presets() {
  val o = val::object();
  for (auto g : {sn::Gate::And, sn::Gate::Nand, sn::Gate::Or})
    o.set(sn::gate_name(g), perceptron_out(sn::gate_preset(g)));
  return o;
}

val truth_table(double w1, double w2, double b, const std::string& gate) {
  return guarded([&] {
    val rows = val::array();
    for (const auto& r : sn::truth_table(sn::Perceptron{w1, w2, b}, sn::gate_from_name(gate))) {
      val o = val::object();
      o.set("x1", r.x1);
      o.set("x2", r.x2);
      o.set("net", r.net);
      o.set("y", r.y);
      o.set("target", r.target);
      o.set("correct", r.correct);
      rows.call<void>("push", o);
    }
    return rows;
  });
}

val xor_two_layer() {
  val rows = val::array();
  for (const auto& r : sn::xor_two_layer()) {
    val o = val::object();
    o.set("x1", r.x1);
    o.set("x2", r.x2);
    o.set("s1", r.s1);
    o.set("s2", r.s2);
    o.set("y", r.y);
    rows.call<void>("push", o);
  }
  return rows;
}

// One of the three single-neuron learning rules, steppable for animation.
class PerceptronTrainerJs {
 public:
  PerceptronTrainerJs(const std::string& rule, const std::string& gate, double lr, int max_epochs,
                      double threshold) {
    guarded([&] {
      trainer_ = sn::make_gate_trainer(rule, sn::gate_from_name(gate), lr, max_epochs, threshold);
      return 0;
    });
  }

  val step() {
    return guarded([&] {
      const auto s = trainer_->step();
      val o = val::object();
      o.set("epoch", s.epoch);
      o.set("sample", s.sample);
      o.set("w1", s.w1);
      o.set("w2", s.w2);
      o.set("b", s.b);
      o.set("y", s.y);
      o.set("target", s.target);
      o.set("error", s.error);
      o.set("converged", trainer_->converged());
      o.set("finished", trainer_->finished());
      return o;
    });
  }
  int run() { return guarded([&] { return trainer_->run(); }); }
  void reset() { trainer_->reset(); }
  val weights() const { return perceptron_out(trainer_->weights()); }
  val epochErrors() const {
    const auto& h = trainer_->epoch_errors();
    return copy_out(h.data(), h.size());
  }
  val samples() const {
    val rows = val::array();
    for (const auto& s : trainer_->samples()) {
      val o = val::object();
      o.set("x1", s.x1);
      o.set("x2", s.x2);
      o.set("target", s.target);
      rows.call<void>("push", o);
    }
    return rows;
  }
  int epochs() const { return trainer_->epochs(); }
  int nextSample() const { return trainer_->next_sample(); }
  bool converged() const { return trainer_->converged(); }
  bool finished() const { return trainer_->finished(); }
  double accuracy() const { return trainer_->accuracy(); }
  // Only the perceptron rule watches for repeating weights; the others report 0.
  int cycleLength() const { return trainer_->cycle_length(); }

 private:
  std::unique_ptr<sn::GateTrainer> trainer_;
};


// ---- networks -----------------------------------------------------------------------
sn::NetSpec spec_in(const val& o) {
  sn::NetSpec spec;
  const val sizes = o["sizes"];
  sn::require(sizes.isArray(), "net.bad_spec", "spec.sizes must be an array of layer sizes");
  const int n = sizes["length"].as<int>();
  // read no more entries than a network may have (the core checks the rest)
  sn::require(n <= static_cast<int>(sn::kMaxAffineLayers) + 1, "net.too_deep",
              "spec.sizes has " + std::to_string(n) + " entries; at most " + std::to_string(sn::kMaxAffineLayers + 1) +
                  " (" + std::to_string(sn::kMaxAffineLayers) + " layers) are allowed");
  for (int i = 0; i < n; ++i) {
    const double v = sizes[i].as<double>();
    sn::require(std::isfinite(v) && v == std::floor(v) && v >= 1 && v <= 1e9, "net.layer_size",
                "layer size " + std::to_string(v) + " is not a positive whole number");
    spec.sizes.push_back(static_cast<int>(v));
  }
  spec.hidden = o["hidden"].as<std::string>();
  spec.output = o["output"].as<std::string>();
  spec.init = o["init"].as<std::string>();
  spec.init_std = o["initStd"].as<double>();
  spec.leaky_slope = o["leakySlope"].as<double>();
  spec.batch_norm = o["batchNorm"].as<bool>();
  spec.dropout = o["dropout"].as<double>();
  spec.weight_decay = o["weightDecay"].as<double>();
  return spec;
}

val spec_out(const sn::NetSpec& spec) {
  val o = val::object();
  val sizes = val::array();
  for (int s : spec.sizes) sizes.call<void>("push", s);
  o.set("sizes", sizes);
  o.set("hidden", spec.hidden);
  o.set("output", spec.output);
  o.set("init", spec.init);
  o.set("initStd", spec.init_std);
  o.set("leakySlope", spec.leaky_slope);
  o.set("batchNorm", spec.batch_norm);
  o.set("dropout", spec.dropout);
  o.set("weightDecay", spec.weight_decay);
  return o;
}

class DatasetJs;

// What every network binding shares, whatever the core class (Network, ConvNet):
// parameters by name, accuracy and outputs on rows in the heap or on a Dataset,
// and its .npz bytes. `Self` (NetworkJs, ConvNetJs) gives input(): the rows of x
// as the network reads them. Bound for each class by with_net_methods below.
std::vector<std::uint8_t> npz_bytes(sn::Network<float>& net) { return sn::save_network_npz(net); }
std::vector<std::uint8_t> npz_bytes(sn::ConvNet<float>& net) { return sn::save_conv_net_npz(net); }

template <class Self, class Net>
class NetJs {
 public:
  explicit NetJs(std::shared_ptr<Net> net) : net_(std::move(net)) {}

  double accuracy(std::uintptr_t px, int nx, std::uintptr_t pl, int nl) {
    return guarded([&] { return net_->accuracy(self().input(px, nx, nl), vector_in<std::int32_t>(pl, nl)); });
  }
  val outputOf(const DatasetJs& data, int start, int count);  // defined after DatasetJs
  double accuracyOf(const DatasetJs& data);

  val paramNames() {
    val names = val::array();
    for (const auto& p : net_->params()) names.call<void>("push", p.name);
    return names;
  }
  val param(const std::string& name) { return guarded([&] { return matrix_out(net_->param(name)); }); }
  void setParam(const std::string& name, std::uintptr_t ptr, int n, int rows, int cols) {
    guarded([&] {
      const MatF m = matrix_in(ptr, n, rows, name.c_str());
      sn::require(m.cols() == cols, "shape.mismatch", name + ": " + std::to_string(n) + " numbers are not " +
                                                          std::to_string(rows) + "×" + std::to_string(cols));
      net_->set_param(name, m);
      return 0;
    });
  }
  void copyParamsFrom(const Self& other) {
    guarded([&] {
      net_->copy_params_from(*other.shared());
      return 0;
    });
  }
  val toNpz() {
    return guarded([&] {
      const auto bytes = npz_bytes(*net_);
      return copy_out(bytes.data(), bytes.size());
    });
  }

  const std::shared_ptr<Net>& shared() const { return net_; }

 protected:
  std::shared_ptr<Net> net_;

 private:
  Self& self() { return static_cast<Self&>(*this); }
};

// Embind files a method under the class its member pointer names; the shared
// ones are NetJs's, so they are renamed as the derived class's methods.
template <class Self, class R, class B, class... A>
auto method_of(R (B::*f)(A...)) {
  return static_cast<R (Self::*)(A...)>(f);
}

template <class Self>
const emscripten::class_<Self>& with_net_methods(const emscripten::class_<Self>& c) {
  return c.function("accuracy", method_of<Self>(&Self::accuracy))
      .function("outputOf", method_of<Self>(&Self::outputOf))
      .function("accuracyOf", method_of<Self>(&Self::accuracyOf))
      .function("paramNames", method_of<Self>(&Self::paramNames))
      .function("param", method_of<Self>(&Self::param))
      .function("setParam", method_of<Self>(&Self::setParam))
      .function("copyParamsFrom", method_of<Self>(&Self::copyParamsFrom))
      .function("toNpz", method_of<Self>(&Self::toNpz));
}

class NetworkJs : public NetJs<NetworkJs, sn::Network<float>> {
 public:
  NetworkJs(const val& spec, double seed)
      : NetJs(guarded([&] {
          sn::require(std::isfinite(seed) && seed >= 0, "net.bad_seed", "the seed must be a whole number ≥ 0");
          return std::make_shared<sn::Network<float>>(spec_in(spec), static_cast<std::uint64_t>(seed));
        })) {}
  explicit NetworkJs(std::shared_ptr<sn::Network<float>> net) : NetJs(std::move(net)) {}

  // A network saved as .npz: rebuilt from its architecture entry, or for a file
  // without one (the book's) from the spec, sizes from the W shapes when it gives none.
  static NetworkJs* fromNpz(std::uintptr_t ptr, int n, const val& spec_obj) {
    return guarded([&] {
      auto net = std::make_shared<sn::Network<float>>(
          sn::load_network_npz(reinterpret_cast<const std::uint8_t*>(ptr), static_cast<std::size_t>(n), spec_in(spec_obj)));
      return new NetworkJs(std::move(net));
    });
  }

  val spec() const { return spec_out(net_->spec()); }
  int inputSize() const { return net_->spec().sizes.front(); }
  int outputSize() const { return net_->spec().sizes.back(); }

  val predict(std::uintptr_t ptr, int n, int rows, bool probabilities) {
    return guarded([&] {
      const auto x = input(ptr, n, rows);  // read in place in the wasm heap: no copy
      const MatF y = probabilities ? net_->output(x) : net_->infer(x);
      return copy_out(y.data(), static_cast<std::size_t>(y.size()));
    });
  }

  double loss(std::uintptr_t px, int nx, std::uintptr_t pt, int nt, int rows) {
    return guarded([&] {
      const MatF x = input(px, nx, rows);
      const MatF t = matrix_in(pt, nt, rows, "t");  // (rows, 1) labels or (rows, outputs): Network::targets
      return static_cast<double>(net_->loss(x, t, false));
    });
  }


  val trace(std::uintptr_t ptr, int n, int rows) {
    return guarded([&] {
      val steps = val::array();
      for (const auto& t : net_->trace(input(ptr, n, rows))) {
        val o = matrix_out(t.value);
        o.set("layer", t.layer);
        o.set("kind", t.kind);
        steps.call<void>("push", o);
      }
      return steps;
    });
  }

  // Every hidden neuron's and output's value at every row (grid point), one
  // trace: [{ layer, kind, neurons, points, data }], neuron j's map at
  // data[j·points, (j+1)·points).
  val neuronMaps(std::uintptr_t ptr, int n, int rows) {
    return guarded([&] {
      val maps = val::array();
      for (const auto& m : sn::neuron_maps(*net_, MatF(input(ptr, n, rows)))) {
        val o = val::object();
        o.set("layer", m.layer);
        o.set("kind", m.kind);
        o.set("neurons", static_cast<int>(m.values.rows()));
        o.set("points", static_cast<int>(m.values.cols()));
        o.set("data", copy_out(m.values.data(), static_cast<std::size_t>(m.values.size())));
        maps.call<void>("push", o);
      }
      return maps;
    });
  }

  // Backprop vs central differences, in double precision on a copy of this network.
  val gradientCheck(std::uintptr_t px, int nx, std::uintptr_t pt, int nt, int rows) {
    return guarded([&] {
      const MatF x = input(px, nx, rows);
      const MatF t = matrix_in(pt, nt, rows, "t");
      auto dnet = net_->cast<double>();
      val out = val::array();
      for (const auto& r : sn::gradient_check(dnet, x.cast<double>(), t.cast<double>())) {
        val o = val::object();
        o.set("param", r.param);
        o.set("maxAbsDiff", r.max_abs_diff);
        o.set("maxRelError", r.max_rel_error);
        o.set("meanAbsDiff", r.mean_abs_diff);
        o.set("maxError", r.max_error);
        o.set("ok", r.ok);
        out.call<void>("push", o);
      }
      return out;
    });
  }

  // One forward (training) and one backward with every layer's numbers (trace_backward).
  val traceBackward(std::uintptr_t px, int nx, std::uintptr_t pt, int nt, int rows) {
    return guarded([&] {
      const MatF x = input(px, nx, rows);
      const MatF t = matrix_in(pt, nt, rows, "t");
      const auto trace = net_->trace_backward(x, t);
      val layers = val::array();
      for (const auto& l : trace.layers) {
        val o = val::object();
        o.set("layer", l.layer);
        o.set("input", matrix_out(l.input));
        o.set("output", matrix_out(l.output));
        o.set("dout", matrix_out(l.dout));
        o.set("dx", matrix_out(l.dx));
        val grads = val::object();
        for (const auto& [name, g] : l.grads) grads.set(name, matrix_out(g));
        o.set("grads", grads);
        layers.call<void>("push", o);
      }
      val out = val::object();
      out.set("loss", static_cast<double>(trace.loss));
      out.set("layers", layers);
      return out;
    });
  }

  // The book's network.gradient(x, t): one forward and backward; { W1: {rows, cols, data}, b1: … }.
  val gradients(std::uintptr_t px, int nx, std::uintptr_t pt, int nt, int rows) {
    return guarded([&] {
      const MatF x = input(px, nx, rows);
      const MatF t = matrix_in(pt, nt, rows, "t");
      net_->gradient(x, t);
      val out = val::object();
      for (const auto& p : net_->params()) out.set(p.name, matrix_out(*p.grad));
      return out;
    });
  }

  // The book's numerical_gradient(loss, params): central differences in double on a copy.
  val numericalGradients(std::uintptr_t px, int nx, std::uintptr_t pt, int nt, int rows) {
    return guarded([&] {
      const MatF x = input(px, nx, rows);
      const MatF t = matrix_in(pt, nt, rows, "t");
      auto dnet = net_->cast<double>();
      val out = val::object();
      for (const auto& g : sn::numerical_gradient(dnet, x.cast<double>(), t.cast<double>())) {
        out.set(g.param, matrix_out(g.grad));
      }
      return out;
    });
  }

  // x's rows, read in place in the wasm heap (no copy), with as many features as the network takes.
  Eigen::Map<const MatF> input(std::uintptr_t ptr, int n, int rows) const {
    const auto x = matrix_in(ptr, n, rows, "x");
    sn::require(x.cols() == net_->spec().sizes.front(), "shape.mismatch",
                "x has " + std::to_string(x.cols()) + " features per row but the network expects " +
                    std::to_string(net_->spec().sizes.front()));
    return x;
  }
};

// ---- datasets -----------------------------------------------------------------------
class DatasetJs {
 public:
  explicit DatasetJs(sn::Dataset d) : data_(std::make_shared<sn::Dataset>(std::move(d))) {}

  static DatasetJs* fromIdx(std::uintptr_t pi, int ni, std::uintptr_t pl, int nl, int classes,
                            const std::string& name) {
    return guarded([&] {
      const auto images = sn::read_idx(reinterpret_cast<const std::uint8_t*>(pi), static_cast<std::size_t>(ni));
      const auto labels = sn::read_idx(reinterpret_cast<const std::uint8_t*>(pl), static_cast<std::size_t>(nl));
      return new DatasetJs(sn::make_idx_dataset(images, labels, classes, name));
    });
  }
  // Float features of any width and int32 labels, both already in the wasm heap.
  static DatasetJs* fromArrays(std::uintptr_t px, int nx, std::uintptr_t pl, int nl, int features, int height,
                               int width, int classes, const std::string& name) {
    return guarded([&] {
      sn::ArrayShape shape{features, height, width};
      return new DatasetJs(sn::make_array_dataset(reinterpret_cast<const float*>(px), static_cast<std::size_t>(nx),
                                                  reinterpret_cast<const std::int32_t*>(pl),
                                                  static_cast<std::size_t>(nl), shape, classes, name));
    });
  }
  static DatasetJs* spiral(int points, int classes, double seed) {
    return guarded([&] { return new DatasetJs(sn::spiral(points, classes, static_cast<std::uint64_t>(seed))); });
  }
  static DatasetJs* toy(const std::string& name, int points, double noise, double seed) {
    return guarded([&] { return new DatasetJs(sn::toy_dataset(name, points, noise, static_cast<std::uint64_t>(seed))); });
  }
  // The test part (test = true) or the training part of split_dataset(ratio, seed).
  DatasetJs* splitPart(double test_ratio, double seed, bool test) const {
    return guarded([&] {
      auto parts = sn::split_dataset(*data_, test_ratio, static_cast<std::uint64_t>(seed));
      return new DatasetJs(std::move(test ? parts.test : parts.train));
    });
  }
  DatasetJs* withFeatures(const val& features) const {
    return guarded([&] { return new DatasetJs(sn::with_features(*data_, strings_in(features))); });
  }
  static DatasetJs* xorSet() { return new DatasetJs(sn::xor_dataset()); }
  static DatasetJs* gate(const std::string& g) { return guarded([&] { return new DatasetJs(sn::gate_dataset(g)); }); }

  int size() const { return static_cast<int>(data_->size()); }
  int features() const { return static_cast<int>(data_->features()); }
  int classes() const { return data_->classes; }
  int height() const { return data_->height; }
  int width() const { return data_->width; }
  std::string name() const { return data_->name; }

  val x(int start, int count) const {
    return guarded([&] {
      check_range(start, count);
      return copy_out(data_->x.row(start).data(), static_cast<std::size_t>(count) * data_->features());
    });
  }
  val labels(int start, int count) const {
    return guarded([&] {
      check_range(start, count);
      sn::require(!data_->labels.empty(), "dataset.no_labels", "this dataset has no class labels");
      return copy_out(data_->labels.data() + start, static_cast<std::size_t>(count));
    });
  }
  val targets() const { return matrix_out(data_->targets); }

  const std::shared_ptr<sn::Dataset>& shared() const { return data_; }

  void check_range(int start, int count) const {
    sn::require(start >= 0 && count >= 0 && start + static_cast<std::int64_t>(count) <= data_->size(),
                "dataset.bad_range",
                "rows [" + std::to_string(start) + ", " + std::to_string(start + count) + ") are outside 0.." +
                    std::to_string(data_->size()));
  }

 private:
  std::shared_ptr<sn::Dataset> data_;
};

// A network run over rows of a Dataset that already lives in the wasm heap:
// the images are not copied out to JavaScript and back in (an epoch-end
// evaluation of Fashion-MNIST's test set would otherwise move 31 MB twice).
template <class Self, class Net>
val NetJs<Self, Net>::outputOf(const DatasetJs& data, int start, int count) {
  return guarded([&] {
    data.check_range(start, count);
    const MatF y = net_->output(data.shared()->x.middleRows(start, count));
    return copy_out(y.data(), static_cast<std::size_t>(y.size()));
  });
}

template <class Self, class Net>
double NetJs<Self, Net>::accuracyOf(const DatasetJs& data) {
  return guarded([&] {
    sn::require(!data.shared()->labels.empty(), "dataset.no_labels", "this dataset has no class labels");
    return net_->accuracy(data.shared()->x, data.shared()->labels);
  });
}

// ---- training -----------------------------------------------------------------------
val step_out(const sn::StepResult& r) {
  val o = val::object();
  o.set("step", static_cast<double>(r.step));
  o.set("epoch", r.epoch);
  o.set("loss", r.loss);
  o.set("epochEnd", r.epoch_end);
  o.set("trainAcc", r.train_acc);
  o.set("testAcc", r.test_acc);
  o.set("diverged", r.diverged);
  o.set("epochLoss", r.epoch_loss);
  return o;
}

// Owns everything a training run needs, so JavaScript can drop its own handles
// to the network and datasets without pulling them from under the trainer.
class TrainerJs {
 public:
  TrainerJs(NetworkJs& net, const std::string& optimizer, double lr, double weight_decay,
            const std::string& regularization, double regularization_rate, DatasetJs& train, DatasetJs& test,
            bool has_test, int batch_size, double seed, int eval_max_samples, bool shuffle)
      : TrainerJs(net.shared(), *net.shared(), optimizer, lr, weight_decay, regularization, regularization_rate,
                  train, test, has_test, batch_size, seed, eval_max_samples, shuffle) {}

  // Any network kind the core's Trainer takes (Network, ConvNet); `keep` holds it alive.
  template <class Net>
  TrainerJs(std::shared_ptr<void> keep, Net& net, const std::string& optimizer, double lr, double weight_decay,
            const std::string& regularization, double regularization_rate, DatasetJs& train, DatasetJs& test,
            bool has_test, int batch_size, double seed, int eval_max_samples, bool shuffle)
      : net_(std::move(keep)), train_(train.shared()), test_(has_test ? test.shared() : nullptr) {
    guarded([&] {
      sn::require(batch_size >= 1 && batch_size <= 100000, "trainer.bad_config",
                  "batch size must be in [1, 100000], got " + std::to_string(batch_size));
      opt_ = sn::make_optimizer<float>(optimizer, lr, weight_decay);
      sn::set_regularization(*opt_, regularization, regularization_rate);
      sn::TrainerConfig config;
      config.batch_size = batch_size;
      config.seed = static_cast<std::uint64_t>(seed);
      config.eval_max_samples = eval_max_samples;
      config.shuffle = shuffle;
      trainer_ = std::make_unique<sn::Trainer<float>>(net, *opt_, *train_, test_.get(), config);
      return 0;
    });
  }

  val step() { return guarded([&] { return step_out(trainer_->step()); }); }

  // Up to n steps; stops early at the first divergence so the UI can react.
  val run(int n) {
    return guarded([&] {
      std::vector<float> losses;
      val epochs = val::array();
      val last = val::null();
      for (const auto& r : trainer_->run(n, /*stop_at_divergence=*/true)) {
        losses.push_back(static_cast<float>(r.loss));
        last = step_out(r);
        if (r.epoch_end) epochs.call<void>("push", last);
      }
      val o = val::object();
      o.set("losses", copy_out(losses.data(), losses.size()));
      o.set("epochs", epochs);
      o.set("last", last);
      return o;
    });
  }

  double learningRate() const { return trainer_->learning_rate(); }
  void setLearningRate(double lr) {
    guarded([&] {
      sn::require_learning_rate(lr);
      trainer_->set_learning_rate(lr);
      return 0;
    });
  }
  // Forget momentum / Adam moments, e.g. after the caller put back earlier weights.
  void resetOptimizer() { opt_->reset(); }
  double stepCount() const { return static_cast<double>(trainer_->step_count()); }
  int epoch() const { return trainer_->epoch(); }
  int stepsPerEpoch() const { return trainer_->steps_per_epoch(); }
  val lossHistory() const {
    const auto& h = trainer_->loss_history();
    return copy_out(h.data(), h.size());
  }
  val epochLossHistory() const {
    const auto& h = trainer_->epoch_loss_history();
    return copy_out(h.data(), h.size());
  }
  double evaluate(DatasetJs& d) { return guarded([&] { return trainer_->evaluate(*d.shared()); }); }

  // Trainer::gradient: the data loss's gradient + the optimizer's L1/L2 terms,
  // { W1: {rows, cols, data}, b1: … } like NetworkJs::gradients (bound below, in its own block).
  val gradients(std::uintptr_t px, int nx, std::uintptr_t pt, int nt, int rows) {
    return guarded([&] {
      // (the first layer refuses an x of the wrong width with shape.mismatch)
      trainer_->gradient(MatF(matrix_in(px, nx, rows, "x")), MatF(matrix_in(pt, nt, rows, "t")));
      val out = val::object();
      for (const auto& p : trainer_->params()) out.set(p.name, matrix_out(*p.grad));
      return out;
    });
  }

 private:
  std::shared_ptr<void> net_;  // the network trained: kept alive, used through trainer_
  std::shared_ptr<sn::Dataset> train_, test_;
  std::unique_ptr<sn::Optimizer<float>> opt_;
  std::unique_ptr<sn::Trainer<float>> trainer_;
};

// ---- convolutional networks (book ch. 7–8) ------------------------------------------
// A ConvNet<float> for JavaScript. Its layer list travels as the architecture
// JSON of agreement A ("scratchnet/1", kind "convnet"), which the core parses
// and checks; `simple` and `deep` are the book's two networks.
class ConvNetJs : public NetJs<ConvNetJs, sn::ConvNet<float>> {
 public:
  ConvNetJs(const std::string& architecture, const std::string& init, double init_std, double seed)
      : NetJs(guarded([&] {
          sn::require(std::isfinite(seed) && seed >= 0, "net.bad_seed", "the seed must be a whole number ≥ 0");
          sn::ConvNetSpec spec = architecture == "simple" ? sn::simple_conv_net_spec()
                                 : architecture == "deep" ? sn::deep_conv_net_spec()
                                                          : sn::conv_net_spec_from_json(architecture);
          if (!init.empty()) spec.init = init;
          if (init_std > 0) spec.init_std = init_std;
          return std::make_shared<sn::ConvNet<float>>(spec, static_cast<std::uint64_t>(seed));
        })) {}
  explicit ConvNetJs(std::shared_ptr<sn::ConvNet<float>> net) : NetJs(std::move(net)) {}

  static ConvNetJs* fromNpz(std::uintptr_t ptr, int n) {
    return guarded([&] {
      return new ConvNetJs(std::make_shared<sn::ConvNet<float>>(
          sn::load_conv_net_npz(reinterpret_cast<const std::uint8_t*>(ptr), static_cast<std::size_t>(n))));
    });
  }

  std::string architecture() const { return sn::conv_net_architecture_json(net_->spec()); }
  std::string init() const { return net_->spec().init; }
  double initStd() const { return net_->spec().init_std; }
  int inputSize() const { return static_cast<int>(net_->input_size()); }
  int outputSize() const { return static_cast<int>(net_->classes()); }
  val layerNames() const { return names_out(net_->layer_names()); }

  val predict(std::uintptr_t ptr, int n, int rows, bool probabilities) {
    return guarded([&] {
      const MatF x = matrix_in(ptr, n, rows, "x");
      const MatF y = probabilities ? net_->output(x) : net_->predict(x, false);
      return copy_out(y.data(), static_cast<std::size_t>(y.size()));
    });
  }

  // t: one-hot rows (rows, classes) or one label per row (rows, 1).
  double loss(std::uintptr_t px, int nx, std::uintptr_t pt, int nt, int rows) {
    return guarded([&] {
      const MatF x = matrix_in(px, nx, rows, "x");
      const MatF t = matrix_in(pt, nt, rows, "t");
      if (t.cols() != 1 || net_->classes() == 1) return static_cast<double>(net_->loss(x, t, false));
      std::vector<std::int32_t> labels(static_cast<std::size_t>(t.rows()));
      for (sn::Index i = 0; i < t.rows(); ++i) labels[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(t(i, 0));
      return static_cast<double>(net_->loss(x, sn::one_hot<float>(labels, static_cast<int>(net_->classes())), false));
    });
  }

  // x's rows (the core checks their width: ConvNet::require_input).
  Eigen::Map<const MatF> input(std::uintptr_t ptr, int n, int rows) const { return matrix_in(ptr, n, rows, "x"); }

  // The first conv layer's filters (book fig. 7-24): { layer, count, channels, size, data } with
  // filter f, channel c, row y, column x at data[((f·channels + c)·size + y)·size + x]. null without a conv.
  val filters() {
    for (std::size_t i = 0; i < net_->layers().size(); ++i) {
      const auto* conv = dynamic_cast<const sn::Convolution<float>*>(net_->layers()[i].get());
      if (conv == nullptr) continue;
      const sn::ConvGeometry& g = conv->geometry();
      const MatF& W = net_->param("W" + net_->layer_names()[i].substr(std::string("Convolution").size()));
      val o = val::object();
      o.set("layer", net_->layer_names()[i]);
      o.set("count", static_cast<int>(conv->filters()));
      o.set("channels", static_cast<int>(g.channels));
      o.set("size", static_cast<int>(g.filter_h));
      o.set("data", copy_out(W.data(), static_cast<std::size_t>(W.size())));
      return o;
    }
    return val::null();
  }

  // Each conv/relu/pool layer's output for one image: [{ layer, channels, height, width, data }].
  val featureMaps(std::uintptr_t ptr, int n) {
    return guarded([&] {
      val out = val::array();
      for (const auto& m : net_->feature_maps(MatF(matrix_in(ptr, n, 1, "x")))) {
        val o = val::object();
        o.set("layer", m.layer);
        o.set("channels", static_cast<int>(m.channels));
        o.set("height", static_cast<int>(m.height));
        o.set("width", static_cast<int>(m.width));
        o.set("data", copy_out(m.values.data(), static_cast<std::size_t>(m.values.size())));
        out.call<void>("push", o);
      }
      return out;
    });
  }

};

// Which class an .npz is for: "convnet", "mlp", … (its architecture's kind).
std::string npz_network_kind(std::uintptr_t ptr, int n) {
  return guarded([&] { return sn::npz_network_kind(reinterpret_cast<const std::uint8_t*>(ptr), static_cast<std::size_t>(n)); });
}

TrainerJs* conv_trainer(ConvNetJs& net, const std::string& optimizer, double lr, double weight_decay,
                        const std::string& regularization, double regularization_rate, DatasetJs& train,
                        DatasetJs& test, bool has_test, int batch_size, double seed, int eval_max_samples,
                        bool shuffle) {
  return new TrainerJs(net.shared(), *net.shared(), optimizer, lr, weight_decay, regularization,
                       regularization_rate, train, test, has_test, batch_size, seed, eval_max_samples, shuffle);
}

// The core's limits, so the web reads them instead of copying them (sn.limits).
val limits() {
  val o = val::object();
  o.set("maxLearningRate", sn::kMaxLearningRate);
  o.set("maxAffineLayers", static_cast<int>(sn::kMaxAffineLayers));
  o.set("maxRunSteps", sn::Trainer<float>::kMaxRunSteps);
  o.set("maxGradCheckWork", static_cast<double>(sn::kMaxGradCheckWork));
  o.set("maxRuleLearningRate", sn::kMaxRuleLearningRate);
  o.set("maxRuleEpochs", sn::kMaxRuleEpochs);
  return o;
}

}  // namespace

EMSCRIPTEN_BINDINGS(scratchnet) {
  using namespace emscripten;
  function("version", &sn::version);
  function("limits", &limits);
  function("buildFlavor", &sn::build_flavor);
  // Bytes malloc has handed out and not yet taken back (the wasm memory's
  // size only grows, so it cannot show a leak that fits in already-grown space).
  function("heapUsed", +[] { return static_cast<double>(mallinfo().uordblks); });
  function("activate", &activate);
  function("sampleActivation", &sample_activation);
  function("softmax", &softmax);

  function("featureMap", &feature_map);
  function("planeGrid", &plane_grid);
  function("toyDatasetNames", +[] { return names_out(sn::toy_dataset_names()); });
  function("featureNames", +[] { return names_out(sn::feature_names()); });
  function("gatePresets", &gate_presets);
  function("truthTable", &truth_table);
  function("xorTwoLayer", &xor_two_layer);
  class_<PerceptronTrainerJs>("PerceptronTrainer")
      .constructor<const std::string&, const std::string&, double, int, double>()
      .function("step", &PerceptronTrainerJs::step)
      .function("run", &PerceptronTrainerJs::run)
      .function("reset", &PerceptronTrainerJs::reset)
      .function("weights", &PerceptronTrainerJs::weights)
      .function("epochErrors", &PerceptronTrainerJs::epochErrors)
      .function("samples", &PerceptronTrainerJs::samples)
      .function("epochs", &PerceptronTrainerJs::epochs)
      .function("nextSample", &PerceptronTrainerJs::nextSample)
      .function("converged", &PerceptronTrainerJs::converged)
      .function("finished", &PerceptronTrainerJs::finished)
      .function("accuracy", &PerceptronTrainerJs::accuracy)
      .function("cycleLength", &PerceptronTrainerJs::cycleLength);

  with_net_methods(class_<NetworkJs>("Network"))
      .constructor<const val&, double>()
      .class_function("fromNpz", &NetworkJs::fromNpz, allow_raw_pointers())
      .function("spec", &NetworkJs::spec)
      .function("inputSize", &NetworkJs::inputSize)
      .function("outputSize", &NetworkJs::outputSize)
      .function("predict", &NetworkJs::predict)
      .function("loss", &NetworkJs::loss)
      .function("trace", &NetworkJs::trace)
      .function("neuronMaps", &NetworkJs::neuronMaps)
      .function("gradientCheck", &NetworkJs::gradientCheck)
      .function("traceBackward", &NetworkJs::traceBackward)
      .function("gradients", &NetworkJs::gradients)
      .function("numericalGradients", &NetworkJs::numericalGradients);

  class_<DatasetJs>("Dataset")
      .class_function("fromIdx", &DatasetJs::fromIdx, allow_raw_pointers())
      .class_function("fromArrays", &DatasetJs::fromArrays, allow_raw_pointers())
      .class_function("spiral", &DatasetJs::spiral, allow_raw_pointers())
      .class_function("xor", &DatasetJs::xorSet, allow_raw_pointers())
      .class_function("toy", &DatasetJs::toy, allow_raw_pointers())
      .function("splitPart", &DatasetJs::splitPart, allow_raw_pointers())
      .function("withFeatures", &DatasetJs::withFeatures, allow_raw_pointers())
      .class_function("gate", &DatasetJs::gate, allow_raw_pointers())
      .function("size", &DatasetJs::size)
      .function("features", &DatasetJs::features)
      .function("classes", &DatasetJs::classes)
      .function("height", &DatasetJs::height)
      .function("width", &DatasetJs::width)
      .function("name", &DatasetJs::name)
      .function("x", &DatasetJs::x)
      .function("labels", &DatasetJs::labels)
      .function("targets", &DatasetJs::targets);

  class_<TrainerJs>("Trainer")
      .constructor<NetworkJs&, const std::string&, double, double, const std::string&, double, DatasetJs&,
                   DatasetJs&, bool, int, double, int, bool>()
      .function("step", &TrainerJs::step)
      .function("run", &TrainerJs::run)
      .function("learningRate", &TrainerJs::learningRate)
      .function("setLearningRate", &TrainerJs::setLearningRate)
      .function("resetOptimizer", &TrainerJs::resetOptimizer)
      .function("stepCount", &TrainerJs::stepCount)
      .function("epoch", &TrainerJs::epoch)
      .function("stepsPerEpoch", &TrainerJs::stepsPerEpoch)
      .function("lossHistory", &TrainerJs::lossHistory)
      .function("epochLossHistory", &TrainerJs::epochLossHistory)
      .function("evaluate", &TrainerJs::evaluate);
}

// How a network learns (book 4.3–4.4, 5.4, vol. 2 1.3): a block of its own.
EMSCRIPTEN_BINDINGS(scratchnet_learning) {
  using namespace emscripten;
  function("bookFunctions", &book_functions);
  function("functionValue", &function_value);
  function("analyticGradient", &analytic_gradient);
  function("numericalDiff", &numerical_diff);
  function("numericalGradient", &numerical_gradient);
  function("gradientDescent", &gradient_descent);

  function("graphExamples", &graph_examples);
  class_<GraphJs>("Graph")
      .class_function("example", &GraphJs::example, allow_raw_pointers())
      .function("nodes", &GraphJs::nodes)
      .function("edges", &GraphJs::edges)
      .function("setInput", &GraphJs::setInput)
      .function("setDout", &GraphJs::setDout)
      .function("setEdgeDout", &GraphJs::setEdgeDout)
      .function("setEdgeDoutFill", &GraphJs::setEdgeDoutFill)
      .function("forward", &GraphJs::forward)
      .function("backward", &GraphJs::backward)
      .function("stepForward", &GraphJs::stepForward)
      .function("stepBackward", &GraphJs::stepBackward)
      .function("reset", &GraphJs::reset)
      .function("numericalGradient", &GraphJs::numericalGradient);
}

// The plane's ∂L/∂w as the optimizer uses it (Trainer::gradient, regularization included): a block of its own.
val trainer_gradients(TrainerJs& trainer, std::uintptr_t px, int nx, std::uintptr_t pt, int nt, int rows) {
  return trainer.gradients(px, nx, pt, nt, rows);
}

EMSCRIPTEN_BINDINGS(scratchnet_trainer_gradients) {
  emscripten::function("trainerGradients", &trainer_gradients);
}

// Threads (the wasm threads build; README "Performance"): the loader sets the
// count once, right after loading, to navigator.hardwareConcurrency (at most
// kernels::kMaxThreads). Single-thread builds answer 1 to both.
EMSCRIPTEN_BINDINGS(scratchnet_threads) {
  using namespace emscripten;
  function("threadCount", &sn::kernels::thread_count);
  function("setThreadCount", &sn::kernels::set_thread_count);
}

// ---- calculation speed-ups: bit precision (book 8.3.4, vol. 2 1.5.1) ----------------
// A block of its own (agreement E): the speed panel's float64/float32/float16 rows,
// the float16 .npz, and a network + trainer in double, each a thin marshal of the core.
namespace {

// [{ dtype, bits, accuracy, weightBytes, maxOutputChange, maxWeightChange }] for float64, float32, float16.
val compare_precisions_js(NetworkJs& net, const DatasetJs& data) {
  return guarded([&] {
    val out = val::array();
    for (const auto& r : sn::compare_precisions(*net.shared(), *data.shared())) {
      val o = val::object();
      o.set("dtype", r.dtype);
      o.set("bits", r.bits);
      o.set("accuracy", r.accuracy);
      o.set("weightBytes", static_cast<double>(r.weight_bytes));
      o.set("maxOutputChange", r.max_output_change);
      o.set("maxWeightChange", r.max_weight_change);
      out.call<void>("push", o);
    }
    return out;
  });
}

// The network's .npz with its arrays as 'float32' ('<f4') or 'float16' ('<f2').
val network_to_npz_js(NetworkJs& net, const std::string& dtype) {
  return guarded([&] {
    const auto bytes = sn::save_network_npz(*net.shared(), sn::npy_float_from_name(dtype));
    return copy_out(bytes.data(), bytes.size());
  });
}

// A network in double (the core's Network<double>): built as Network<float>(spec, seed)
// and cast, so a float32 and a float64 network of the same seed start from the same weights.
class Network64Js {
 public:
  Network64Js(const val& spec, double seed)
      : net_(guarded([&] {
          sn::require(std::isfinite(seed) && seed >= 0, "net.bad_seed", "the seed must be a whole number ≥ 0");
          const sn::Network<float> f(spec_in(spec), static_cast<std::uint64_t>(seed));
          sn::validate(f.spec(), sizeof(double));
          return std::make_shared<sn::Network<double>>(f.cast<double>());
        })) {}

  val spec() const { return spec_out(net_->spec()); }
  val paramNames() {
    val names = val::array();
    for (const auto& p : net_->params()) names.call<void>("push", p.name);
    return names;
  }
  val param(const std::string& name) { return guarded([&] { return matrix_out(net_->param(name)); }); }
  // Accuracy on a Dataset, cast to double kForwardChunkRows rows at a time (not the whole set at once).
  double accuracyOf(const DatasetJs& data) {
    return guarded([&] {
      const sn::Dataset& d = *data.shared();
      sn::require(!d.labels.empty(), "dataset.no_labels", "this dataset has no class labels");
      double correct = 0;
      for (sn::Index s = 0; s < d.size(); s += sn::kForwardChunkRows) {
        const sn::Index m = std::min<sn::Index>(sn::kForwardChunkRows, d.size() - s);
        const std::vector<std::int32_t> labels(d.labels.begin() + s, d.labels.begin() + s + m);
        correct += net_->accuracy(d.x.middleRows(s, m).cast<double>(), labels) * static_cast<double>(m);
      }
      return d.size() > 0 ? correct / static_cast<double>(d.size()) : std::nan("");
    });
  }
  const std::shared_ptr<sn::Network<double>>& shared() const { return net_; }

 private:
  std::shared_ptr<sn::Network<double>> net_;
};

// Trainer<double> on a double network: the same minibatches and optimizer as TrainerJs for the same seed.
class Trainer64Js {
 public:
  Trainer64Js(Network64Js& net, const std::string& optimizer, double lr, DatasetJs& train, int batch_size,
              double seed)
      : net_(net.shared()), train_(train.shared()) {
    guarded([&] {
      sn::require(batch_size >= 1 && batch_size <= 100000, "trainer.bad_config",
                  "batch size must be in [1, 100000], got " + std::to_string(batch_size));
      opt_ = sn::make_optimizer<double>(optimizer, lr, 0.0);
      sn::TrainerConfig config;
      config.batch_size = batch_size;
      config.seed = static_cast<std::uint64_t>(seed);
      trainer_ = std::make_unique<sn::Trainer<double>>(*net_, *opt_, *train_, nullptr, config);
      return 0;
    });
  }
  val step() { return guarded([&] { return step_out(trainer_->step()); }); }
  // Up to n steps: { losses: Float64Array, last }; stops at the first divergence.
  val run(int n) {
    return guarded([&] {
      std::vector<double> losses;
      val last = val::null();
      for (const auto& r : trainer_->run(n, /*stop_at_divergence=*/true)) {
        losses.push_back(r.loss);
        last = step_out(r);
      }
      val o = val::object();
      o.set("losses", copy_out(losses.data(), losses.size()));
      o.set("epochs", val::array());
      o.set("last", last);
      return o;
    });
  }
  double stepCount() const { return static_cast<double>(trainer_->step_count()); }
  int stepsPerEpoch() const { return trainer_->steps_per_epoch(); }

 private:
  std::shared_ptr<sn::Network<double>> net_;
  std::shared_ptr<sn::Dataset> train_;
  std::unique_ptr<sn::Optimizer<double>> opt_;
  std::unique_ptr<sn::Trainer<double>> trainer_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(scratchnet_precision) {
  using namespace emscripten;
  function("comparePrecisions", &compare_precisions_js);
  function("networkToNpz", &network_to_npz_js);
  class_<Network64Js>("Network64")
      .constructor<const val&, double>()
      .function("spec", &Network64Js::spec)
      .function("paramNames", &Network64Js::paramNames)
      .function("param", &Network64Js::param)
      .function("accuracyOf", &Network64Js::accuracyOf);
  class_<Trainer64Js>("Trainer64")
      .constructor<Network64Js&, const std::string&, double, DatasetJs&, int, double>()
      .function("step", &Trainer64Js::step)
      .function("run", &Trainer64Js::run)
      .function("stepCount", &Trainer64Js::stepCount)
      .function("stepsPerEpoch", &Trainer64Js::stepsPerEpoch);
}

// Convolutional networks (book ch. 7–8): a block of their own.
EMSCRIPTEN_BINDINGS(scratchnet_convnet) {
  using namespace emscripten;
  function("npzNetworkKind", &npz_network_kind);
  function("convTrainer", &conv_trainer, allow_raw_pointers());
  with_net_methods(class_<ConvNetJs>("ConvNet"))
      .constructor<const std::string&, const std::string&, double, double>()
      .class_function("fromNpz", &ConvNetJs::fromNpz, allow_raw_pointers())
      .function("architecture", &ConvNetJs::architecture)
      .function("init", &ConvNetJs::init)
      .function("initStd", &ConvNetJs::initStd)
      .function("inputSize", &ConvNetJs::inputSize)
      .function("outputSize", &ConvNetJs::outputSize)
      .function("layerNames", &ConvNetJs::layerNames)
      .function("predict", &ConvNetJs::predict)
      .function("loss", &ConvNetJs::loss)
      .function("filters", &ConvNetJs::filters)
      .function("featureMaps", &ConvNetJs::featureMaps);
}
