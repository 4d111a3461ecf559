// network_infer_test.cpp — Network::infer (the fused inference path) gives the
// scores of the book's layer-by-layer forward (forward_layers(x, false)) bit
// for bit: for every hidden activation, with BatchNorm and Dropout between the
// Affine layers, for batch sizes around the GEMM's 4 × 8 tile, and for input
// that is a strided block of a larger buffer (read in place).
//
// Bitwise, not within a tolerance: the fused GEMM does the same float
// operations in the same order (kernels/gemm_packed.hpp, "epilogue"). Natively
// the product is Eigen's in both paths, so this checks the network's side
// (which layers fuse, what runs separately, the buffers); the kernel's side is
// tests/cpp/kernels/gemm_epilogue_test.cpp, and the wasm SIMD build is checked
// by tests/node/lib/infer.test.mjs.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <tuple>

#include "../error_of.hpp"
#include "layers/batch_norm.hpp"
#include "layers/softmax_with_loss.hpp"
#include "net/network.hpp"

namespace scratchnet {
namespace {

using MatF = Matrix<float>;
using testing::error_of;

MatF random_matrix(Index rows, Index cols, unsigned seed, float scale = 1.0f) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> u(-scale, scale);
  MatF m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = u(gen);
  return m;
}

// A network whose biases are not 0 (the epilogue must add them) and whose
// BatchNorm running statistics are not the identity.
Network<float> make_network(std::vector<int> sizes, const std::string& hidden, bool batch_norm,
                            double dropout, const std::string& output = "softmax") {
  NetSpec spec;
  spec.sizes = std::move(sizes);
  spec.hidden = hidden;
  spec.output = output;
  spec.batch_norm = batch_norm;
  spec.dropout = dropout;
  Network<float> net(spec, 7);
  unsigned seed = 100;
  for (auto& p : net.params())
    if (p.name[0] == 'b') *p.value = random_matrix(1, p.value->cols(), seed++, 0.5f);
  for (auto& layer : net.layers()) {
    if (auto* bn = dynamic_cast<BatchNorm<float>*>(layer.get())) {
      const Index d = bn->running_mean().cols();
      bn->set_running_stats(random_matrix(1, d, seed++, 0.3f),
                            (random_matrix(1, d, seed++, 0.5f).array() + 1.0f).matrix());
    }
  }
  return net;
}

class InferMatchesLayers
    : public ::testing::TestWithParam<std::tuple<std::string, Index, bool>> {};

TEST_P(InferMatchesLayers, BitForBit) {
  const auto [hidden, rows, batch_norm] = GetParam();
  for (const auto& sizes : {std::vector<int>{784, 50, 100, 10}, std::vector<int>{13, 7, 9, 3}}) {
    Network<float> net = make_network(sizes, hidden, batch_norm, batch_norm ? 0.25 : 0.0);
    const MatF x = random_matrix(rows, sizes.front(), 11, 2.0f);
    const MatF layered = net.forward_layers(x, false);
    EXPECT_EQ(net.infer(x), layered) << hidden << " rows " << rows;
    EXPECT_EQ(net.predict(x), layered);  // predict(x, false) is infer
    EXPECT_EQ(net.output(x), SoftmaxWithLoss<float>::softmax(layered));
  }
}

// relu and sigmoid fuse into the GEMM; tanh, leaky_relu and identity run as
// layers of their own after a bias-only epilogue. Rows: 1 and 3 (fewer than a
// tile), 4, 5, 100 and 129 (ragged last tile past a 128-row block).
INSTANTIATE_TEST_SUITE_P(
    ActivationsAndBatchSizes, InferMatchesLayers,
    ::testing::Combine(::testing::Values("relu", "sigmoid", "tanh", "leaky_relu", "identity"),
                       ::testing::Values(Index{1}, Index{3}, Index{4}, Index{5}, Index{100}, Index{129}),
                       ::testing::Bool()));

TEST(NetworkInfer, ReadsAStridedBlockInPlace) {
  Network<float> net = make_network({20, 16, 5}, "sigmoid", false, 0.0);
  const MatF buffer = random_matrix(9, 32, 12);
  const auto block = buffer.block(1, 4, 7, 20);  // rows 32 floats apart
  EXPECT_EQ(net.infer(block), net.forward_layers(MatF(block), false));
}

TEST(NetworkInfer, RegressionOutputsMatchToo) {
  Network<float> net = make_network({6, 11, 2}, "relu", false, 0.0, "sigmoid");
  const MatF x = random_matrix(10, 6, 13);
  const MatF scores = net.forward_layers(x, false);
  EXPECT_EQ(net.infer(x), scores);
  EXPECT_EQ(net.output(x), net.output_activation()->forward(scores, false));  // the Sigmoid layer
}

TEST(NetworkInfer, RefusesBadInputLikeTheLayerForward) {
  Network<float> net = make_network({4, 3, 2}, "relu", false, 0.0);
  MatF x = random_matrix(2, 4, 14);
  x(1, 2) = std::numeric_limits<float>::infinity();
  std::string fused_message, layered_message;
  EXPECT_EQ(error_of([&] { net.infer(x); }, &fused_message), "input.not_finite");
  EXPECT_EQ(error_of([&] { net.forward_layers(x, false); }, &layered_message), "input.not_finite");
  EXPECT_EQ(fused_message, layered_message);
  EXPECT_EQ(error_of([&] { net.infer(MatF::Zero(2, 5)); }), "shape.mismatch");
}

TEST(NetworkInfer, DoublePrecisionIsTheLayerForward) {
  Network<double> net = make_network({5, 4, 3}, "sigmoid", true, 0.5).cast<double>();
  const Matrix<double> x = random_matrix(6, 5, 15).cast<double>();
  EXPECT_EQ(net.infer(x), net.forward_layers(x, false));
}

}  // namespace
}  // namespace scratchnet
