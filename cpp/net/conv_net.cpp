// conv_net.cpp — ConvNet<S> for S = float and double, the book's two specs,
// and validate(). See conv_net.hpp for the what.
#include "conv_net.hpp"

#include <algorithm>
#include <cmath>

#include "../core/error.hpp"
#include "../core/activations.hpp"
#include "../layers/affine.hpp"
#include "../layers/convolution.hpp"
#include "../layers/dropout.hpp"
#include "../layers/pooling.hpp"
#include "../layers/relu.hpp"
#include "../layers/softmax_with_loss.hpp"

namespace scratchnet {

namespace {

constexpr int kMaxLayers = 64;
constexpr int kMaxSize = 100000;  // channels, sizes, filters, affine outputs
// Per trainable scalar: value, gradient and two optimizer slots (as network.cpp).
constexpr std::uint64_t kCopiesPerParameter = 4;

std::uint64_t sat_add(std::uint64_t a, std::uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }
std::uint64_t sat_mul(std::uint64_t a, std::uint64_t b) {
  return (a != 0 && b > UINT64_MAX / a) ? UINT64_MAX : a * b;
}

ConvLayerSpec conv(int filters, int pad) { return {"conv", filters, 3, 1, pad, 0, 0}; }
ConvLayerSpec layer(const char* type) { return {type, 0, 0, 1, 0, 0, 0}; }
ConvLayerSpec pool2() { return {"pool", 0, 2, 2, 0, 0, 0}; }
ConvLayerSpec affine(int out) { return {"affine", 0, 0, 1, 0, out, 0}; }
ConvLayerSpec dropout(double ratio) { return {"dropout", 0, 0, 1, 0, 0, ratio}; }

[[noreturn]] void bad_layer(std::size_t i, const std::string& why) {
  throw Error("convnet.bad_layer", "layer " + std::to_string(i + 1) + ": " + why);
}

// What one walk over the spec finds out: used by validate() and the constructor.
struct Walk {
  std::uint64_t parameters = 0;  // W and b scalars
  std::uint64_t activations = 0;  // per sample: every layer output + every conv's im2col rows
};

// Walks the layers, checking each one against the (C, H, W) it receives.
// `visit(i, g)` gets each layer with its input geometry (window fields set
// for conv and pool).
template <class Visit>
Walk walk(const ConvNetSpec& spec, Visit&& visit) {
  require(spec.channels >= 1 && spec.height >= 1 && spec.width >= 1 && spec.channels <= kMaxSize &&
              spec.height <= kMaxSize && spec.width <= kMaxSize,
          "convnet.bad_layer",
          "the input (C, H, W) must be positive sizes up to " + std::to_string(kMaxSize));
  require(!spec.layers.empty() && spec.layers.size() <= kMaxLayers, "convnet.bad_layer",
          "a convnet needs 1 to " + std::to_string(kMaxLayers) + " layers, got " +
              std::to_string(spec.layers.size()));
  // The scores come from an affine; the book's DeepConvNet puts one more
  // Dropout after it (a scale at inference: the argmax does not change).
  std::size_t last = spec.layers.size() - 1;
  while (last > 0 && spec.layers[last].type == "dropout") --last;
  require(spec.layers[last].type == "affine", "convnet.bad_layer",
          "the last layer (before any trailing dropout) must be an affine: it produces the "
          "class scores; got \"" + spec.layers[last].type + "\"");
  Walk w;
  ConvGeometry g;
  g.channels = spec.channels, g.height = spec.height, g.width = spec.width;
  bool flat = false;  // after an affine there is no image any more
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const ConvLayerSpec& l = spec.layers[i];
    if (l.type == "conv" || l.type == "pool") {
      if (flat) bad_layer(i, "a " + l.type + " layer cannot follow an affine layer");
      if (l.size < 1 || l.size > 1024 || l.stride < 1 || l.stride > 1024 || l.pad < 0 || l.pad > 1024)
        bad_layer(i, "size and stride must be 1..1024 and pad 0..1024");
      if (l.type == "conv" && (l.filters < 1 || l.filters > kMaxSize))
        bad_layer(i, "filters must be 1.." + std::to_string(kMaxSize));
      g.filter_h = g.filter_w = l.size;
      g.stride = l.stride;
      g.pad = l.pad;
      g.validate(l.type == "conv" ? "Convolution" : "Pooling");
      visit(i, g);
      const Index channels = l.type == "conv" ? l.filters : g.channels;
      if (l.type == "conv") {
        w.parameters = sat_add(w.parameters, sat_mul(std::uint64_t(l.filters), std::uint64_t(g.window_size()) + 1));
        w.activations = sat_add(w.activations, sat_mul(std::uint64_t(g.positions()), std::uint64_t(g.window_size())));
      }
      const Index oh = g.out_h(), ow = g.out_w();
      g = ConvGeometry{};
      g.channels = channels, g.height = oh, g.width = ow;
    } else if (l.type == "affine") {
      if (l.out < 1 || l.out > kMaxSize) bad_layer(i, "out must be 1.." + std::to_string(kMaxSize));
      visit(i, g);
      w.parameters = sat_add(w.parameters, sat_mul(std::uint64_t(g.input_size()) + 1, std::uint64_t(l.out)));
      g = ConvGeometry{};
      g.channels = l.out;
      flat = true;
    } else if (l.type == "relu") {
      visit(i, g);
    } else if (l.type == "dropout") {
      require(std::isfinite(l.ratio) && l.ratio >= 0.0 && l.ratio < 1.0, "dropout.bad_ratio",
              "layer " + std::to_string(i + 1) + ": dropout ratio must be in [0, 1), got " +
                  std::to_string(l.ratio));
      visit(i, g);
    } else {
      bad_layer(i, "unknown layer type \"" + l.type + "\" (known: conv, pool, relu, affine, dropout)");
    }
    w.activations = sat_add(w.activations, std::uint64_t(g.input_size()));
  }
  return w;
}

}  // namespace

ConvNetSpec simple_conv_net_spec() {
  ConvNetSpec s;
  s.layers = {{"conv", 30, 5, 1, 0, 0, 0}, layer("relu"), pool2(), affine(100), layer("relu"), affine(10)};
  s.init = "std";  // SimpleConvNet(weight_init_std=0.01)
  return s;
}

ConvNetSpec deep_conv_net_spec() {
  ConvNetSpec s;
  const ConvLayerSpec relu = layer("relu");
  // deep_convnet.py: conv_param_1..6 have pad 1, 1, 1, 2, 1, 1 (the 2 keeps 16×16 → 8×8 → 4×4)
  s.layers = {conv(16, 1), relu, conv(16, 1), relu, pool2(),
              conv(32, 1), relu, conv(32, 2), relu, pool2(),
              conv(64, 1), relu, conv(64, 1), relu, pool2(),
              affine(50),  relu, dropout(0.5), affine(10), dropout(0.5)};
  s.init = "he";
  return s;
}

void validate(const ConvNetSpec& spec) {
  require(spec.output == "softmax", "net.output_unknown",
          "a convnet's output must be \"softmax\", got \"" + spec.output + "\"");
  require(spec.init == "he" || spec.init == "std", "net.init_unknown",
          "unknown weight initialisation \"" + spec.init + "\" (known: he, std)");
  require(std::isfinite(spec.init_std) && spec.init_std > 0.0, "net.bad_init_std",
          "init_std must be a finite number > 0, got " + std::to_string(spec.init_std));
  require(spec.dropout_convention == "scale_at_inference", "convnet.bad_architecture",
          "dropoutConvention \"" + spec.dropout_convention +
              "\" is not supported (known: scale_at_inference, the book's)");
  const Walk w = walk(spec, [](std::size_t, const ConvGeometry&) {});
  require_allocation(sat_mul(w.parameters, kCopiesPerParameter), sizeof(float),
                     "the convnet's " + std::to_string(w.parameters) + " parameters");
  require_allocation(w.activations, sizeof(float), "one sample's activations in the convnet");
}

template <class S>
ConvNet<S>::ConvNet(const ConvNetSpec& spec, std::uint64_t seed)
    : spec_(spec), noise_rng_(std::make_unique<Rng>(seed ^ 0x9E3779B97F4A7C15ull)) {
  validate(spec_);
  Rng rng(seed);
  // Book 6.2.2: He init √(2/n) with n = the inputs one output sees — C·FH·FW
  // for a filter, the input size for an affine (deep_convnet.py's
  // pre_node_nums); or the fixed weight_init_std of SimpleConvNet.
  const auto draw = [&](Index rows, Index cols, Index fan_in) {
    const double sd = spec_.init == "he" ? std::sqrt(2.0 / double(fan_in)) : spec_.init_std;
    Matrix<S> m(rows, cols);
    for (Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<S>(sd * rng.normal());
    return m;
  };
  int weighted = 0, relus = 0, pools = 0, dropouts = 0;
  activations_per_sample_ = walk(spec_, [&](std::size_t i, const ConvGeometry& g) {
    const ConvLayerSpec& l = spec_.layers[i];
    if (l.type == "conv") {
      auto c = std::make_unique<Convolution<S>>(draw(l.filters, g.window_size(), g.window_size()),
                                                Matrix<S>::Zero(1, l.filters), g);
      if (weighted == 0) c->set_input_gradient(false);  // its input is the data
      layers_.push_back(std::move(c));
      names_.push_back("Convolution" + std::to_string(++weighted));
    } else if (l.type == "affine") {
      auto a = std::make_unique<Affine<S>>(draw(g.input_size(), l.out, g.input_size()),
                                           Matrix<S>::Zero(1, l.out));
      if (weighted == 0) a->set_input_gradient(false);
      layers_.push_back(std::move(a));
      names_.push_back("Affine" + std::to_string(++weighted));
      classes_ = l.out;
    } else if (l.type == "pool") {
      layers_.push_back(std::make_unique<Pooling<S>>(g));
      names_.push_back("Pooling" + std::to_string(++pools));
    } else if (l.type == "relu") {
      layers_.push_back(std::make_unique<Relu<S>>());
      names_.push_back("Relu" + std::to_string(++relus));
    } else {  // dropout
      layers_.push_back(std::make_unique<Dropout<S>>(l.ratio, *noise_rng_));
      names_.push_back("Dropout" + std::to_string(++dropouts));
    }
    if (l.type == "conv" || l.type == "affine") {
      for (const Param<S>& p : layers_.back()->params())
        params_.push_back({p.name + std::to_string(weighted), p.value, p.grad});
    }
  }).activations;
  last_layer_ = std::make_unique<SoftmaxWithLoss<S>>();
}

template <class S>
void ConvNet<S>::require_input(const Matrix<S>& x, const char* where) const {
  require(x.cols() == input_size(), "shape.mismatch",
          std::string(where) + ": x " + shape_string(x) + " vs the input (C·H·W) = " +
              std::to_string(input_size()));
  require(x.rows() > 0, "input.empty", std::string(where) + ": the batch has no rows");
  // Every layer's output and every conv's im2col matrix for the whole batch
  // (twice: backward makes as much again) — refused before anything is allocated.
  require_allocation(sat_mul(sat_mul(std::uint64_t(x.rows()), activations_per_sample_), 2), sizeof(S),
                     std::string(where) + " over " + std::to_string(x.rows()) +
                         " rows (the layer outputs and im2col matrices; use accuracy() or smaller batches)");
}

template <class S>
Matrix<S> ConvNet<S>::predict(const Matrix<S>& x, bool train) {
  require_input(x, "ConvNet.predict");
  Matrix<S> h = x;
  for (auto& layer : layers_) h = layer->forward(h, train);
  return h;
}

template <class S>
Matrix<S> ConvNet<S>::output(const Matrix<S>& x) {
  return softmax(predict(x, false));
}

template <class S>
std::vector<typename ConvNet<S>::FeatureMap> ConvNet<S>::feature_maps(const Matrix<S>& x) {
  require_input(x, "ConvNet.feature_maps");
  require(x.rows() == 1, "shape.mismatch", "ConvNet.feature_maps: one image (1 row), got " + shape_string(x));
  std::vector<FeatureMap> maps;
  Index c = spec_.channels, h = spec_.height, w = spec_.width;  // the shape of what flows in
  Matrix<S> v = x;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    Layer<S>& layer = *layers_[i];
    if (const auto* conv = dynamic_cast<const Convolution<S>*>(&layer)) {
      c = conv->filters(), h = conv->geometry().out_h(), w = conv->geometry().out_w();
    } else if (const auto* pool = dynamic_cast<const Pooling<S>*>(&layer)) {
      h = pool->geometry().out_h(), w = pool->geometry().out_w();
    } else if (dynamic_cast<const Relu<S>*>(&layer) == nullptr) {
      break;  // an affine (or dropout): from here on the sample is a vector, no longer an image
    }
    v = layer.forward(v, false);
    maps.push_back({names_[i], c, h, w, v});
  }
  return maps;
}

template <class S>
S ConvNet<S>::loss(const Matrix<S>& x, const Matrix<S>& t, bool train) {
  return last_layer_->forward(predict(x, train), t);
}

template <class S>
S ConvNet<S>::gradient(const Matrix<S>& x, const Matrix<S>& t) {
  const S l = loss(x, t, true);
  // Backward through the layers in reverse (book 7.5 SimpleConvNet.gradient).
  Matrix<S> dout = last_layer_->backward();
  for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) dout = (*it)->backward(dout);
  return l;
}

template <class S>
double ConvNet<S>::accuracy(const Matrix<S>& x, const std::vector<std::int32_t>& labels, Index batch,
                            Index rows) {
  require(x.cols() == input_size(), "shape.mismatch",
          "ConvNet.accuracy: x " + shape_string(x) + " vs the input (C·H·W) = " + std::to_string(input_size()));
  require(x.rows() > 0, "input.empty", "ConvNet.accuracy: the batch has no rows");
  require(static_cast<std::size_t>(x.rows()) == labels.size(), "shape.mismatch",
          "ConvNet.accuracy: x " + shape_string(x) + " vs " + std::to_string(labels.size()) + " labels");
  require(batch >= 1, "input.empty", "ConvNet.accuracy: batch must be at least 1");
  // In batches: im2col of 10,000 images at once would need gigabytes.
  const Index n = rows < 0 ? x.rows() : std::min(rows, x.rows());
  require(n > 0, "input.empty", "ConvNet.accuracy: no rows to score");
  std::size_t correct = 0;
  for (Index start = 0; start < n; start += batch) {
    const Index count = std::min(batch, n - start);
    const Matrix<S> y = predict(x.middleRows(start, count), false);
    for (Index i = 0; i < count; ++i) {
      Index best = 0;
      y.row(i).maxCoeff(&best);  // softmax keeps the order: argmax of the scores (book 3.5.3)
      correct += best == labels[static_cast<std::size_t>(start + i)];
    }
  }
  return static_cast<double>(correct) / static_cast<double>(n);
}

template <class S>
Matrix<S>& ConvNet<S>::param(const std::string& name) {
  for (auto& p : params_)
    if (p.name == name) return *p.value;
  std::string known;
  for (const auto& p : params_) known += (known.empty() ? "" : ", ") + p.name;
  throw Error("param.unknown", "ConvNet has no parameter \"" + name + "\" (it has " + known + ")");
}

template <class S>
void ConvNet<S>::set_param(const std::string& name, const Matrix<S>& value) {
  Matrix<S>& p = param(name);
  require_same_shape("ConvNet.set_param", name.c_str(), p, "value", value);
  p = value;
}

template <class S>
void ConvNet<S>::copy_params_from(const ConvNet& other) {
  require(other.params_.size() == params_.size(), "shape.mismatch",
          "ConvNet.copy_params_from: the other network has " + std::to_string(other.params_.size()) +
              " parameters, this one " + std::to_string(params_.size()));
  for (std::size_t i = 0; i < params_.size(); ++i) {
    require_same_shape("ConvNet.copy_params_from", params_[i].name.c_str(), *params_[i].value, "other",
                       *other.params_[i].value);
    *params_[i].value = *other.params_[i].value;
  }
}

template class ConvNet<float>;
template class ConvNet<double>;

}  // namespace scratchnet
