// network.hpp — a multi-layer network assembled from layers.
//
// 밑바닥부터 시작하는 딥러닝 1권 5.7 "오차역전파법 구현하기" (TwoLayerNet) and
// 6장's common/multi_layer_net.py / multi_layer_net_extend.py (MultiLayerNet,
// MultiLayerNetExtend); 2권 1.2.2 (layers as classes, params and grads lists).
//
// Layer order for sizes {n0, n1, ..., nL} (book MultiLayerNetExtend):
//
//   Affine1 → [BatchNorm1] → Activation1 → [Dropout1] → ... → AffineL → loss
//
// The last Affine produces the *scores* (book: predict()). The loss layer is
// SoftmaxWithLoss for classification; for regression the scores optionally
// pass an output activation (sigmoid/tanh) and then IdentityWithLoss (MSE).
//
// Parameters are named like the book's `params` dict and listed in its order:
//   W1, b1, gamma1, beta1, W2, b2, gamma2, beta2, ..., WL, bL
// (gamma/beta only with batch_norm, never for the output Affine).
//
// Network<float> is what trains (and runs in the browser); Network<double>
// is for gradient checks. cast<T>() copies weights between the two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../core/rng.hpp"
#include "../layers/batch_norm.hpp"
#include "../layers/layer.hpp"

namespace scratchnet {

struct NetSpec {
  std::vector<int> sizes;         // neurons per layer, input first: {784, 100, 10}; ≥ 2 entries
  std::string hidden = "relu";    // sigmoid | tanh | relu | leaky_relu | identity
  std::string output = "softmax";  // softmax (→ SoftmaxWithLoss) | identity | sigmoid | tanh (→ MSE)
  std::string init = "he";        // std (N(0, init_std²)) | xavier (√(1/n_in)) | he (√(2/n_in))
  double init_std = 0.01;         // the book's weight_init_std, used when init == "std"
  double leaky_slope = 0.01;      // α of leaky_relu
  bool batch_norm = false;        // BatchNorm after each hidden Affine
  double dropout = 0.0;           // Dropout ratio after each hidden activation; 0 = none
  // λ of L2 weight decay (book 6.4.2, MultiLayerNet's weight_decay_lambda): loss()
  // adds ½λ·Σ‖W‖² over the weights (not biases, not BatchNorm's γ/β), gradient()
  // adds λW to each dW. 0 = none. Not part of the saved architecture: it is a
  // training setting, like the optimizer's own weight decay (optim/optimizer.hpp).
  double weight_decay = 0.0;
};

// Throws scratchnet::Error unless the spec is buildable:
//   "net.too_few_layers"  fewer than 2 sizes       "net.too_deep"     more than 32 Affine layers
//   "net.layer_size"      a size outside 1..100000  "activation.unknown" unknown hidden name
//   "net.output_unknown"  unknown output name       "net.init_unknown" unknown init name
//   "net.bad_init_std"    init_std not finite > 0   "activation.bad_slope" leaky_slope not finite
//   "dropout.bad_ratio"   dropout outside [0, 1)  "optimizer.bad_weight_decay" weight_decay outside [0, 1)
//   "size.too_large"      the estimated parameter memory (values, gradients and two
//                         optimizer slots, in scalars of `scalar_bytes` bytes) is above
//                         the limit; the message carries the estimate. Checked before
//                         the per-layer size limit and before anything is allocated.
void validate(const NetSpec& spec, std::size_t scalar_bytes = sizeof(float));

// Number of trainable scalars (W, b, gamma, beta) the spec describes.
// Saturates instead of overflowing for absurd sizes.
std::uint64_t parameter_count(const NetSpec& spec);

// The weights are not all a network needs: a forward pass over N rows makes
// an (N, width) matrix per layer, and the layers keep some of them for
// backward. Estimated generously as N·Σwidths scalars times 3 (inference:
// output, cached input, activation) or 6 (training: plus the backward
// gradients, BatchNorm's xc/xn, Dropout's mask). Throws "size.too_large"
// (with the estimate) above the allocation limit — before anything is
// allocated. predict/output/loss/gradient/trace check it; accuracy() runs in
// chunks of kForwardChunkRows rows, so it never needs more than one chunk.
void require_activation_memory(const NetSpec& spec, std::uint64_t rows, bool train,
                               std::size_t scalar_bytes, const char* what);
inline constexpr std::int64_t kForwardChunkRows = 1024;
// The most Affine layers a network may have (validate() and the .npz loader).
inline constexpr std::size_t kMaxAffineLayers = 32;

template <class S>
class Network {
 public:
  // One step of the step-by-step forward view. kind is
  //   "A"       output of an Affine layer (the book's a = x·W + b)
  //   "BN"      output of a BatchNorm layer
  //   "Z"       output of an activation (the book's z = h(a))
  //   "Dropout" output of a Dropout layer (inference: scaled by 1 − ratio)
  //   "Y"       what the network outputs (softmax probabilities or regression values)
  struct Trace {
    std::string layer;  // "Affine1", "Sigmoid1", ..., "SoftmaxWithLoss"
    std::string kind;
    Matrix<S> value;    // (N, width of that layer)
  };

  // Validates the spec (see validate()) and draws the initial weights from
  // Rng(seed): the same seed gives the same weights bit for bit, on every
  // platform. Biases start at 0, BatchNorm gamma at 1 and beta at 0.
  Network(const NetSpec& spec, std::uint64_t seed);
  Network(Network&&) noexcept = default;
  Network& operator=(Network&&) noexcept = default;

  // x (N, n0) → scores (N, nL): the output of the last Affine, before softmax.
  // train = true makes Dropout draw masks and BatchNorm use batch statistics
  // (forward_layers); train = false is inference (infer): the same numbers.
  Matrix<S> predict(const Matrix<S>& x, bool train = false);
  // The book's predict, layer by layer (for layer in layers: x = layer.forward(x)):
  // what training runs. Every layer keeps what its backward() needs.
  Matrix<S> forward_layers(const Matrix<S>& x, bool train);
  // Inference only: the scores of forward_layers(x, false), bit for bit, with
  // less memory traffic. For float, each Affine and the Relu or Sigmoid after
  // it run as one fused product (Affine::infer: bias and activation in the
  // GEMM's store); nothing is cached for backward; x may be a block of the
  // caller's buffer (a Map of the wasm heap, rows of a Dataset), never copied.
  // Other layers (BatchNorm, Dropout, other activations) run their own
  // forward(h, false). For double it is forward_layers.
  Matrix<S> infer(const Eigen::Ref<const Matrix<S>>& x);
  // x (N, n0) → (N, nL) probabilities (softmax) or regression outputs; inference mode (infer).
  Matrix<S> output(const Eigen::Ref<const Matrix<S>>& x);
  // Mean loss over the batch plus ½λ·Σ‖W‖² (spec.weight_decay; book
  // MultiLayerNet.loss). t (N, nL): one-hot for softmax, targets for MSE — or
  // (N, 1) class labels, see targets().
  S loss(const Matrix<S>& x, const Matrix<S>& t, bool train = true);
  // Forward (training mode) and backward: fills every gradient (dW with + λW),
  // returns the loss as loss() does.
  S gradient(const Matrix<S>& x, const Matrix<S>& t);
  // ½λ·Σ_l ‖W_l‖² with λ = spec.weight_decay, summed in double (0 when λ = 0).
  double weight_decay_loss() const;
  // What loss() compares the output with. t of shape (N, nL) is used as it is;
  // t of shape (N, 1) when nL > 1 holds class labels (the book's loss accepts
  // both, common/functions.py cross_entropy_error), which become one-hot rows.
  // Errors: "label.not_integer", "label.out_of_range", "shape.mismatch".
  Matrix<S> targets(const Matrix<S>& t) const;
  // Inference mode. Share of the first `rows` rows (all when rows < 0) whose prediction equals
  // the label: the argmax, or for a single output (the XOR networks) class 1
  // when the output is above 0.5, halfway between the 0 and 1 targets.
  double accuracy(const Eigen::Ref<const Matrix<S>>& x, const std::vector<std::int32_t>& labels, Index rows = -1);

  // Every parameter with its gradient, named and ordered like the book (W1, b1, ...).
  // The pointers stay valid for the network's lifetime, also after a move.
  std::vector<Param<S>> params() { return params_; }
  Matrix<S>& param(const std::string& name);                        // "param.unknown"
  void set_param(const std::string& name, const Matrix<S>& value);  // "shape.mismatch"
  // Every parameter's value from `other`, a network of the same sizes: a checkpoint
  // kept inside the core (no copy out to JavaScript). "shape.mismatch" otherwise.
  void copy_params_from(const Network& other);

  std::vector<std::unique_ptr<Layer<S>>>& layers() { return layers_; }
  const std::vector<std::string>& layer_names() const { return names_; }  // "Affine1", ...
  Layer<S>* output_activation() { return output_activation_.get(); }  // null unless sigmoid/tanh output
  LossLayer<S>& last_layer() { return *last_layer_; }
  // The generator every Dropout layer draws its masks from. Reseeding it before
  // a forward pass reproduces the same masks (the gradient check relies on this).
  Rng& noise_rng() { return *noise_rng_; }

  // Forward in inference mode, keeping every intermediate matrix for the UI.
  // Note: like any forward, it replaces the layers' caches for backward().
  std::vector<Trace> trace(const Matrix<S>& x);

  // One layer of a traced backward pass (book 5.7.2 "오차역전파법을 적용한 신경망
  // 구현하기": the forward values and the gradients that flow back through them).
  struct LayerGradients {
    std::string layer;  // "Affine1", "Relu1", ..., last the loss layer "SoftmaxWithLoss"
    Matrix<S> input;    // what forward took in (N, in); for the loss layer, the scores
    Matrix<S> output;   // what forward gave (N, out); for the loss layer, the loss (1, 1)
    Matrix<S> dout;     // ∂L/∂output, what backward took in; for the loss layer 1
    Matrix<S> dx;       // ∂L/∂input, what backward gave
    std::vector<std::pair<std::string, Matrix<S>>> grads;  // ∂L/∂W1, ∂L/∂b1, ... in the book's names
  };
  struct BackwardTrace {
    S loss;
    std::vector<LayerGradients> layers;  // in forward order, the loss layer last
  };
  // One forward (training mode) and one backward, keeping every layer's input,
  // output, dout and dx and its parameter gradients — the same numbers gradient()
  // computes (the network's gradients are left filled, as by gradient()). The
  // first Affine computes dx as well, which training skips. BatchNorm's running
  // statistics are left as they were. (network_trace_backward.cpp)
  BackwardTrace trace_backward(const Matrix<S>& x, const Matrix<S>& t);

  const NetSpec& spec() const { return spec_; }

  // A Network<T> with the same spec and the same weights (and BatchNorm
  // running statistics, gradients and noise generator state), converted to T.
  template <class T>
  Network<T> cast() const;

 private:
  template <class>
  friend class Network;

  void require_input(const Eigen::Ref<const Matrix<S>>& x, const char* where) const;
  Matrix<S> forward_to_loss_input(const Matrix<S>& x, bool train);
  S data_loss(const Matrix<S>& x, const Matrix<S>& t, bool train);

  NetSpec spec_;
  std::unique_ptr<Rng> noise_rng_;  // on the heap: Dropout layers hold a reference to it
  std::vector<std::unique_ptr<Layer<S>>> layers_;
  std::vector<std::string> names_;  // "Affine1", "BatchNorm1", "Relu1", "Dropout1", ...
  std::vector<std::string> kinds_;  // "A", "BN", "Z", "Dropout" (see Trace)
  std::unique_ptr<Layer<S>> output_activation_;
  std::string output_activation_name_;
  std::unique_ptr<LossLayer<S>> last_layer_;
  std::vector<Param<S>> params_;  // "W1", "b1", ... pointing into the layers
};

// Labels → one-hot rows (book 3.6.1 one_hot_label): label 3 of 10 → [0,0,0,1,0,0,0,0,0,0].
// A label < 0 or ≥ classes throws "label.out_of_range".
template <class S>
Matrix<S> one_hot(const std::vector<std::int32_t>& labels, int classes) {
  require(classes >= 1, "label.out_of_range",
          "one_hot: classes must be at least 1, got " + std::to_string(classes));
  require_allocation(std::uint64_t(labels.size()) * std::uint64_t(classes), sizeof(S),
                     "one-hot targets");
  Matrix<S> t = Matrix<S>::Zero(static_cast<Index>(labels.size()), classes);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::int32_t label = labels[i];
    if (label < 0 || label >= classes) {
      throw Error("label.out_of_range", "one_hot: label " + std::to_string(label) + " at row " +
                                            std::to_string(i) + " is outside [0, " +
                                            std::to_string(classes) + ")");
    }
    t(static_cast<Index>(i), label) = S(1);
  }
  return t;
}

template <class S>
template <class T>
Network<T> Network<S>::cast() const {
  Network<T> out(spec_, 0);  // same structure; its random weights are overwritten below
  for (std::size_t i = 0; i < params_.size(); ++i) {
    *out.params_[i].value = params_[i].value->template cast<T>();
    *out.params_[i].grad = params_[i].grad->template cast<T>();
  }
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    if (const auto* bn = dynamic_cast<const BatchNorm<S>*>(layers_[i].get())) {
      static_cast<BatchNorm<T>&>(*out.layers_[i])
          .set_running_stats(bn->running_mean().template cast<T>(),
                             bn->running_var().template cast<T>());
    }
  }
  *out.noise_rng_ = *noise_rng_;
  return out;
}

// The member functions are compiled once, in network.cpp, for these two scalars.
extern template class Network<float>;
extern template class Network<double>;

}  // namespace scratchnet
