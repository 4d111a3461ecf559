// network.cpp — Network<S> for S = float and double, and validate().
// See network.hpp for the what; the comments here explain the how.
#include "network.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "../layers/activation_layer.hpp"
#include "../layers/affine.hpp"
#include "../layers/dropout.hpp"
#include "../layers/identity_with_loss.hpp"
#include "../layers/relu.hpp"
#include "../layers/sigmoid.hpp"
#include "../layers/softmax_with_loss.hpp"
#include "../optim/weight_decay.hpp"

namespace scratchnet {

namespace {

constexpr int kMaxLayerSize = 100000;
// Per trainable scalar we count the value, its gradient and two optimizer
// slots (Adam keeps m and v): the worst case a training run holds.
constexpr std::uint64_t kCopiesPerParameter = 4;

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}
std::uint64_t saturating_mul(std::uint64_t a, std::uint64_t b) {
  return (a != 0 && b > UINT64_MAX / a) ? UINT64_MAX : a * b;
}

std::string sizes_string(const std::vector<int>& sizes) {
  std::string s;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    if (i > 0) s += '-';
    s += std::to_string(sizes[i]);
  }
  return s;
}

bool is_output_name(const std::string& name) {
  return name == "softmax" || name == "identity" || name == "sigmoid" || name == "tanh";
}

// Class name of an activation as the book spells it ("relu" → "Relu").
std::string activation_class_name(const std::string& name) {
  if (name == "sigmoid") return "Sigmoid";
  if (name == "tanh") return "Tanh";
  if (name == "relu") return "Relu";
  if (name == "leaky_relu") return "LeakyRelu";
  return "Identity";
}

}  // namespace

std::uint64_t parameter_count(const NetSpec& spec) {
  std::uint64_t count = 0;
  for (std::size_t l = 0; l + 1 < spec.sizes.size(); ++l) {
    const auto in = static_cast<std::uint64_t>(std::max(spec.sizes[l], 0));
    const auto out = static_cast<std::uint64_t>(std::max(spec.sizes[l + 1], 0));
    count = saturating_add(count, saturating_add(saturating_mul(in, out), out));  // W and b
    const bool hidden = l + 2 < spec.sizes.size();
    if (spec.batch_norm && hidden) count = saturating_add(count, saturating_mul(2, out));  // γ, β
  }
  return count;
}

void require_activation_memory(const NetSpec& spec, std::uint64_t rows, bool train,
                               std::size_t scalar_bytes, const char* what) {
  std::uint64_t widths = 0;
  for (int n : spec.sizes) widths = saturating_add(widths, static_cast<std::uint64_t>(std::max(n, 0)));
  const std::uint64_t copies = train ? 6 : 3;
  const std::uint64_t elements = saturating_mul(saturating_mul(rows, widths), copies);
  if (allocation_fits(elements, scalar_bytes)) return;  // every step: no message to build
  require_allocation(elements, scalar_bytes,
                     what + std::string(" over ") + std::to_string(rows) + " rows of the network " +
                         sizes_string(spec.sizes) + " (its layer outputs and what backward keeps)");
}

void validate(const NetSpec& spec, std::size_t scalar_bytes) {
  const auto& sizes = spec.sizes;
  require(sizes.size() >= 2, "net.too_few_layers",
          "a network needs at least an input and an output size, got " +
              std::to_string(sizes.size()) + " size(s)");
  require(sizes.size() - 1 <= kMaxAffineLayers, "net.too_deep",
          "a network may have at most " + std::to_string(kMaxAffineLayers) +
              " Affine layers, got " + std::to_string(sizes.size() - 1));
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    require(sizes[i] >= 1, "net.layer_size",
            "layer size " + std::to_string(i) + " must be at least 1, got " +
                std::to_string(sizes[i]));
  }
  require(is_activation_name(spec.hidden), "activation.unknown",
          "unknown hidden activation \"" + spec.hidden +
              "\" (known: sigmoid, tanh, relu, leaky_relu, identity)");
  require(is_output_name(spec.output), "net.output_unknown",
          "unknown output \"" + spec.output + "\" (known: softmax, identity, sigmoid, tanh)");
  require(spec.init == "std" || spec.init == "xavier" || spec.init == "he", "net.init_unknown",
          "unknown weight initialisation \"" + spec.init + "\" (known: std, xavier, he)");
  require(std::isfinite(spec.init_std) && spec.init_std > 0.0, "net.bad_init_std",
          "init_std must be a finite number > 0, got " + std::to_string(spec.init_std));
  require(std::isfinite(spec.leaky_slope), "activation.bad_slope",
          "leaky_slope must be a finite number, got " + std::to_string(spec.leaky_slope));
  require(std::isfinite(spec.dropout) && spec.dropout >= 0.0 && spec.dropout < 1.0,
          "dropout.bad_ratio", "dropout must be in [0, 1), got " + std::to_string(spec.dropout));
  require(std::isfinite(spec.weight_decay) && spec.weight_decay >= 0.0 && spec.weight_decay < 1.0,
          "optimizer.bad_weight_decay",
          "weight_decay must be in [0, 1), got " + std::to_string(spec.weight_decay));

  // Memory before the per-size limit, so an absurd request is answered with
  // what it would cost. BatchNorm's running mean and variance are a rounding
  // error next to the weights and are covered by the optimizer-slot margin.
  const std::uint64_t params = parameter_count(spec);
  require_allocation(saturating_mul(params, kCopiesPerParameter), scalar_bytes,
                     "the network " + sizes_string(sizes) + " (" + std::to_string(params) +
                         " parameters; values, gradients and optimizer state at " +
                         std::to_string(scalar_bytes) + " bytes each)");

  for (std::size_t i = 0; i < sizes.size(); ++i) {
    require(sizes[i] <= kMaxLayerSize, "net.layer_size",
            "layer size " + std::to_string(i) + " is " + std::to_string(sizes[i]) +
                "; the limit is " + std::to_string(kMaxLayerSize));
  }
}

template <class S>
Network<S>::Network(const NetSpec& spec, std::uint64_t seed)
    : spec_(spec), noise_rng_(std::make_unique<Rng>(seed ^ 0x9E3779B97F4A7C15ull)) {
  validate(spec_, sizeof(S));  // throws before any matrix below is allocated
  Rng init_rng(seed);
  const auto& sizes = spec_.sizes;
  const std::size_t affine_count = sizes.size() - 1;

  for (std::size_t l = 0; l < affine_count; ++l) {
    const std::string idx = std::to_string(l + 1);
    const int in = sizes[l], out = sizes[l + 1];
    const bool hidden = l + 1 < affine_count;

    // Initial weight scale (book 6.2): a small fixed std, or one matched to
    // the fan-in n so that each layer's outputs keep the spread of its inputs:
    //   Xavier √(1/n) for sigmoid/tanh (6.2.2), He √(2/n) for ReLU (6.2.3) —
    //   ReLU zeroes half its inputs, so it needs twice the variance.
    double std_dev = spec_.init_std;
    if (spec_.init == "xavier") std_dev = std::sqrt(1.0 / in);
    if (spec_.init == "he") std_dev = std::sqrt(2.0 / in);
    // Drawn in row-major order from our own generator: the same on every platform.
    Matrix<S> W(in, out);
    for (Index i = 0; i < W.size(); ++i) W.data()[i] = static_cast<S>(std_dev * init_rng.normal());
    auto affine = std::make_unique<Affine<S>>(std::move(W), Matrix<S>::Zero(1, out));
    // Affine1's dx would be ∂L/∂(the data): backward skips that product (affine.hpp).
    if (l == 0) affine->set_input_gradient(false);
    layers_.push_back(std::move(affine));
    names_.push_back("Affine" + idx);
    kinds_.push_back("A");
    if (!hidden) break;  // the last Affine gives the scores; the loss layer follows

    if (spec_.batch_norm) {
      layers_.push_back(
          std::make_unique<BatchNorm<S>>(Matrix<S>::Ones(1, out), Matrix<S>::Zero(1, out)));
      names_.push_back("BatchNorm" + idx);
      kinds_.push_back("BN");
    }
    layers_.push_back(make_activation_layer<S>(spec_.hidden, spec_.leaky_slope));
    names_.push_back(activation_class_name(spec_.hidden) + idx);
    kinds_.push_back("Z");
    if (spec_.dropout > 0.0) {
      layers_.push_back(std::make_unique<Dropout<S>>(spec_.dropout, *noise_rng_));
      names_.push_back("Dropout" + idx);
      kinds_.push_back("Dropout");
    }
  }

  if (spec_.output == "softmax") {
    last_layer_ = std::make_unique<SoftmaxWithLoss<S>>();
  } else {
    if (spec_.output != "identity") {
      output_activation_ = make_activation_layer<S>(spec_.output);
      output_activation_name_ = activation_class_name(spec_.output) + std::to_string(affine_count);
    }
    last_layer_ = std::make_unique<IdentityWithLoss<S>>();
  }

  // Name each layer's parameters with the layer number: Affine2's "W" is "W2".
  // Layer numbers count Affine layers, so BatchNorm2's "gamma" is "gamma2".
  int number = 0;
  for (const auto& layer : layers_) {
    if (dynamic_cast<Affine<S>*>(layer.get())) ++number;
    for (auto p : layer->params()) {
      p.name += std::to_string(number);
      params_.push_back(p);
    }
  }
}

template <class S>
void Network<S>::require_input(const Eigen::Ref<const Matrix<S>>& x, const char* where) const {
  if (x.cols() != spec_.sizes.front()) {
    throw Error("shape.mismatch", std::string(where) + ": x " + shape_string(x) +
                                      " vs the network's input (N, " +
                                      std::to_string(spec_.sizes.front()) + ")");
  }
}

template <class S>
Matrix<S> Network<S>::predict(const Matrix<S>& x, bool train) {
  return train ? forward_layers(x, true) : infer(x);
}

template <class S>
Matrix<S> Network<S>::forward_layers(const Matrix<S>& x, bool train) {
  require_input(x, "Network.predict");
  require_activation_memory(spec_, static_cast<std::uint64_t>(x.rows()), train, sizeof(S), "a forward pass");
  // Each layer's output is the next one's input (book: for layer in layers: x = layer.forward(x)).
  // There is always at least one Affine, so x itself is never copied.
  Matrix<S> h = layers_.front()->forward(x, train);
  for (std::size_t i = 1; i < layers_.size(); ++i) h = layers_[i]->forward(h, train);
  return h;
}

template <class S>
Matrix<S> Network<S>::infer(const Eigen::Ref<const Matrix<S>>& x) {
  if constexpr (!std::is_same_v<S, float>) {
    return forward_layers(Matrix<S>(x), false);  // double is for gradient checks: the book's loop
  } else {
    require_input(x, "Network.predict");
    require_activation_memory(spec_, static_cast<std::uint64_t>(x.rows()), false, sizeof(S), "a forward pass");
    // h alternates between two buffers: the Affine reads one and writes the other.
    Matrix<S> h, next;
    for (std::size_t i = 0; i < layers_.size();) {
      auto* affine = dynamic_cast<Affine<S>*>(layers_[i].get());
      if (!affine) {  // BatchNorm, Dropout, an activation the GEMM does not fuse
        h = layers_[i]->forward(h, false);
        ++i;
        continue;
      }
      // Affine then Relu or Sigmoid: one fused product; anything else: Affine alone.
      const Layer<S>* after = i + 1 < layers_.size() ? layers_[i + 1].get() : nullptr;
      kernels::Activation act = kernels::Activation::None;
      if (dynamic_cast<const Relu<S>*>(after)) act = kernels::Activation::Relu;
      if (dynamic_cast<const Sigmoid<S>*>(after)) act = kernels::Activation::Sigmoid;
      // The first Affine reads x where it lies (layers_ always starts with one).
      if (i == 0) affine->infer(x, act, next);
      else affine->infer(h, act, next);
      std::swap(h, next);
      i += act == kernels::Activation::None ? 1 : 2;
    }
    return h;
  }
}

template <class S>
Matrix<S> Network<S>::forward_to_loss_input(const Matrix<S>& x, bool train) {
  Matrix<S> scores = predict(x, train);
  if (output_activation_) return output_activation_->forward(scores, train);
  return scores;
}

template <class S>
Matrix<S> Network<S>::output(const Eigen::Ref<const Matrix<S>>& x) {
  Matrix<S> scores = infer(x);
  if (output_activation_) scores = output_activation_->forward(scores, false);
  return last_layer_->output(scores);
}

template <class S>
Matrix<S> Network<S>::targets(const Matrix<S>& t) const {
  const int outputs = spec_.sizes.back();
  if (t.cols() == outputs || t.cols() != 1) return t;  // one-hot or targets (the loss checks the shape)
  // (N, 1) labels for a network with several outputs: the book's t.ndim == 1 case.
  std::vector<std::int32_t> labels(static_cast<std::size_t>(t.rows()));
  for (Index i = 0; i < t.rows(); ++i) {
    const double v = static_cast<double>(t(i, 0));
    require(std::isfinite(v) && v == std::floor(v), "label.not_integer",
            "label " + std::to_string(v) + " at row " + std::to_string(i) + " is not a whole number");
    require(v >= 0 && v < outputs, "label.out_of_range",
            "label " + std::to_string(v) + " at row " + std::to_string(i) + " is outside [0, " +
                std::to_string(outputs) + ")");
    labels[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(v);
  }
  return one_hot<S>(labels, outputs);
}

template <class S>
double Network<S>::weight_decay_loss() const {
  if (spec_.weight_decay == 0.0) return 0.0;
  return scratchnet::weight_decay_loss(params_, spec_.weight_decay);
}

template <class S>
S Network<S>::data_loss(const Matrix<S>& x, const Matrix<S>& t, bool train) {
  const Matrix<S> scores = forward_to_loss_input(x, train);
  // one-hot rows or targets as they are (no copy on the training path); labels become one-hot
  if (t.cols() == spec_.sizes.back()) return last_layer_->forward(scores, t);
  return last_layer_->forward(scores, targets(t));
}

template <class S>
S Network<S>::loss(const Matrix<S>& x, const Matrix<S>& t, bool train) {
  // book MultiLayerNet.loss: self.last_layer.forward(y, t) + weight_decay
  return data_loss(x, t, train) + static_cast<S>(weight_decay_loss());
}

template <class S>
S Network<S>::gradient(const Matrix<S>& x, const Matrix<S>& t) {
  // forward
  const S L = loss(x, t, true);
  // backward: start from the loss layer (dL/dL = 1 is implicit), then walk the
  // layers in reverse; each backward() also stores its parameters' gradients.
  Matrix<S> dout = last_layer_->backward();
  if (output_activation_) dout = output_activation_->backward(dout);
  for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) dout = (*it)->backward(dout);
  // ∂/∂W (½λ‖W‖²) = λW, for the weights only (book MultiLayerNet.gradient)
  if (spec_.weight_decay != 0.0) {
    const S lambda = static_cast<S>(spec_.weight_decay);
    for (auto& p : params_)
      if (is_decayed(p.name)) *p.grad += lambda * *p.value;
  }
  return L;
}

template <class S>
double Network<S>::accuracy(const Eigen::Ref<const Matrix<S>>& x, const std::vector<std::int32_t>& labels, Index rows) {
  require(static_cast<std::size_t>(x.rows()) == labels.size(), "shape.mismatch",
          "Network.accuracy: x " + shape_string(x) + " vs " + std::to_string(labels.size()) +
              " labels");
  const Index n = rows < 0 ? x.rows() : std::min(rows, x.rows());
  require(n > 0, "input.empty", "Network.accuracy: the batch has no rows");
  const bool single_output = spec_.sizes.back() == 1;
  // Softmax keeps the order of the scores, so the argmax of the scores is the
  // argmax of the probabilities (book 3.5.3) — no need to compute softmax.
  // A single output is compared with 0.5 after its output activation.
  // In chunks of rows: 60,000 MNIST rows through wide layers would otherwise
  // hold 60,000 × width scores per layer at once.
  std::size_t correct = 0;
  for (Index start = 0; start < n; start += kForwardChunkRows) {
    const Index count = std::min<Index>(kForwardChunkRows, n - start);
    // The chunk's rows are read where they lie (infer takes a block, no copy).
    const auto part = x.middleRows(start, count);
    const Matrix<S> y = single_output ? output(part) : infer(part);
    for (Index i = 0; i < count; ++i) {
      Index best = 0;
      if (single_output) best = y(i, 0) > S(0.5) ? 1 : 0;
      else y.row(i).maxCoeff(&best);
      correct += best == labels[static_cast<std::size_t>(start + i)];
    }
  }
  return static_cast<double>(correct) / static_cast<double>(n);
}

template <class S>
Matrix<S>& Network<S>::param(const std::string& name) {
  for (auto& p : params_) {
    if (p.name == name) return *p.value;
  }
  std::string known;
  for (const auto& p : params_) {
    if (!known.empty()) known += ", ";
    known += p.name;
  }
  throw Error("param.unknown", "no parameter named \"" + name + "\" (this network has " + known + ")");
}

template <class S>
void Network<S>::set_param(const std::string& name, const Matrix<S>& value) {
  Matrix<S>& target = param(name);
  const std::string where = "Network.set_param(" + name + ")";
  require_same_shape(where.c_str(), "value", value, "parameter", target);
  require_finite(value, where.c_str());
  target = value;
}

template <class S>
void Network<S>::copy_params_from(const Network& other) {
  require(other.params_.size() == params_.size(), "shape.mismatch",
          "Network.copy_params_from: " + sizes_string(other.spec_.sizes) + " into " + sizes_string(spec_.sizes));
  for (std::size_t i = 0; i < params_.size(); ++i) {
    require_same_shape("Network.copy_params_from", "source", *other.params_[i].value, "parameter",
                       *params_[i].value);
  }
  // Same shapes: plain copies into the existing buffers, nothing is allocated.
  for (std::size_t i = 0; i < params_.size(); ++i) *params_[i].value = *other.params_[i].value;
}

template <class S>
std::vector<typename Network<S>::Trace> Network<S>::trace(const Matrix<S>& x) {
  require_input(x, "Network.trace");
  require_activation_memory(spec_, static_cast<std::uint64_t>(x.rows()), false, sizeof(S), "a traced forward pass");
  std::vector<Trace> steps;
  steps.reserve(layers_.size() + 2);
  Matrix<S> h;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    h = layers_[i]->forward(i == 0 ? x : h, false);
    steps.push_back({names_[i], kinds_[i], h});
  }
  if (output_activation_) {
    h = output_activation_->forward(h, false);
    steps.push_back({output_activation_name_, "Z", h});
  }
  steps.push_back({last_layer_->name(), "Y", last_layer_->output(h)});
  return steps;
}

template class Network<float>;
template class Network<double>;

}  // namespace scratchnet
