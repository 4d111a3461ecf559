// conv_net.hpp — a convolutional network assembled from a list of layers.
//
// 밑바닥부터 시작하는 딥러닝 1권 7.5 "CNN 구현하기" (ch07/simple_convnet.py,
// SimpleConvNet) and 8.1 "더 깊게" (ch08/deep_convnet.py, DeepConvNet).
//
// Unlike the MLP Network (network.hpp), whose layers follow from a list of
// sizes, a convnet is described layer by layer — exactly what the book's
// two classes hard-code:
//
//   SimpleConvNet  conv 30×5×5 → relu → pool 2 → affine 100 → relu → affine 10
//   DeepConvNet    conv 16 → relu → conv 16 → relu → pool → conv 32 → relu →
//                  conv 32 (pad 2) → relu → pool → conv 64 → relu → conv 64 →
//                  relu → pool → affine 50 → relu → dropout 0.5 → affine 10 →
//                  dropout 0.5          (every conv 3×3, pad 1 unless noted)
//
// and SoftmaxWithLoss on the scores. Parameters are named like the book's
// `params`: W1, b1 for the first layer that has weights (conv or affine), W2,
// b2 for the next, … A conv layer's W is (FN, C·FH·FW), the book's
// W.reshape(FN, -1) (see layers/convolution.hpp).
//
// Shapes: the network's input row is an image (C, H, W) flattened C-major;
// every layer knows the (C, H, W) it receives, and an Affine flattens it
// (the book's x.reshape(N, -1) in Affine.forward).
//
// ConvNet<float> runs and trains; ConvNet<double> is for gradient checks.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../core/matrix.hpp"
#include "../core/rng.hpp"
#include "../layers/layer.hpp"

namespace scratchnet {

// One entry of the layer list (the JSON of a saved convnet, agreement
// "scratchnet/1": {"type": "conv", "filters": 30, "size": 5, "stride": 1, "pad": 0}).
struct ConvLayerSpec {
  std::string type;   // conv | pool | relu | affine | dropout
  int filters = 0;    // conv: FN
  int size = 0;       // conv: FH = FW; pool: PH = PW
  int stride = 1;     // conv, pool
  int pad = 0;        // conv, pool
  int out = 0;        // affine: output size
  double ratio = 0;   // dropout
};

struct ConvNetSpec {
  int channels = 1, height = 28, width = 28;  // input (C, H, W)
  std::vector<ConvLayerSpec> layers;          // the last affine gives the scores (only dropout may follow)
  std::string output = "softmax";             // only softmax (SoftmaxWithLoss) for now
  // The book's Dropout multiplies by (1 − ratio) at inference and does not
  // scale while training (layers/dropout.hpp) — the only convention supported.
  std::string dropout_convention = "scale_at_inference";
  std::string init = "he";                    // he (√(2/fan-in)) | std (N(0, init_std²))
  double init_std = 0.01;                     // the book's weight_init_std (SimpleConvNet: 0.01)
};

// The book's two networks for MNIST (1, 28, 28) → 10 classes.
ConvNetSpec simple_conv_net_spec();  // ch. 7 SimpleConvNet, init std 0.01
ConvNetSpec deep_conv_net_spec();    // ch. 8 DeepConvNet, He init

// Throws unless the spec is buildable: "convnet.bad_layer" (unknown type, a
// size ≤ 0, a conv after an affine, no final affine, …), "conv.bad_geometry"
// (a window larger than its input), "dropout.bad_ratio", "net.output_unknown",
// "net.init_unknown", "convnet.bad_architecture" (another dropout convention),
// "size.too_large" (parameters or one sample's activations over the limit).
void validate(const ConvNetSpec& spec);

template <class S>
class ConvNet {
 public:
  // Validates the spec and draws the weights from Rng(seed) (biases 0).
  ConvNet(const ConvNetSpec& spec, std::uint64_t seed);
  ConvNet(ConvNet&&) noexcept = default;
  ConvNet& operator=(ConvNet&&) noexcept = default;

  // x (N, C·H·W) → scores (N, classes), before softmax (after a trailing
  // dropout, as the book's DeepConvNet.predict). train = true draws dropout masks.
  Matrix<S> predict(const Matrix<S>& x, bool train = false);
  // predict/loss/gradient throw "size.too_large" when N rows would need more
  // than the allocation limit (im2col copies each pixel FH·FW times).
  // Mean loss; t (N, classes) one-hot.
  S loss(const Matrix<S>& x, const Matrix<S>& t, bool train = true);
  // Forward (training mode) and backward: fills every gradient, returns the loss.
  S gradient(const Matrix<S>& x, const Matrix<S>& t);
  // Inference mode, in batches of `batch` rows (the book's accuracy(x, t, batch_size=100)):
  // share of rows whose argmax equals the label. rows ≥ 0: the first `rows` rows only
  // (the Trainer's eval_max_samples), read in place.
  double accuracy(const Matrix<S>& x, const std::vector<std::int32_t>& labels, Index batch = 100,
                  Index rows = -1);

  // Class probabilities: softmax of predict(x) (book 3.5), inference mode.
  Matrix<S> output(const Matrix<S>& x);

  // What each layer makes of one image while it is still an image (book
  // fig. 7-24/7-26): the outputs of the conv, relu and pool layers before the
  // first affine, in inference mode. x is one row (1, C·H·W).
  struct FeatureMap {
    std::string layer;             // "Convolution1", "Relu1", "Pooling1", …
    Index channels, height, width;
    Matrix<S> values;              // (1, channels·height·width), channel-major
  };
  std::vector<FeatureMap> feature_maps(const Matrix<S>& x);

  std::vector<Param<S>> params() { return params_; }  // W1, b1, W2, b2, …
  Matrix<S>& param(const std::string& name);          // "param.unknown"
  void set_param(const std::string& name, const Matrix<S>& value);  // + "shape.mismatch"
  // Every parameter from `other`, a net of the same spec ("shape.mismatch"
  // otherwise): buffer to buffer, no allocation — the divergence guard's checkpoint.
  void copy_params_from(const ConvNet& other);

  std::vector<std::unique_ptr<Layer<S>>>& layers() { return layers_; }
  const std::vector<std::string>& layer_names() const { return names_; }  // "Convolution1", "Relu1", …
  const ConvNetSpec& spec() const { return spec_; }
  Index input_size() const { return static_cast<Index>(spec_.channels) * spec_.height * spec_.width; }
  Index classes() const { return classes_; }
  // The generator every Dropout layer draws from; reseed it to repeat the masks.
  Rng& noise_rng() { return *noise_rng_; }

 private:
  void require_input(const Matrix<S>& x, const char* where) const;

  ConvNetSpec spec_;
  std::unique_ptr<Rng> noise_rng_;  // on the heap: Dropout layers hold a reference to it
  std::vector<std::unique_ptr<Layer<S>>> layers_;
  std::vector<std::string> names_;
  std::unique_ptr<LossLayer<S>> last_layer_;
  std::vector<Param<S>> params_;
  Index classes_ = 0;
  std::uint64_t activations_per_sample_ = 0;  // scalars one sample's forward makes (outputs + im2col)
};

extern template class ConvNet<float>;
extern template class ConvNet<double>;

}  // namespace scratchnet
