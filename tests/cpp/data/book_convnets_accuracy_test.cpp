// The book's trained convnets, in C++: ch. 7's SimpleConvNet
// (models/book-ch07-simple_convnet.npz) and ch. 8's DeepConvNet
// (models/book-ch08-deep_convnet.npz), converted from the book's params.pkl
// files by scripts/convert-book-convnets.py, classify the 10,000 bundled MNIST
// digits without any training here. Any mistake in im2col, the (FN, C, FH, FW)
// layout, pooling, the flatten before the first Affine or the .npz reader
// would make these numbers collapse.
//
// 8.3.4 (ch08/half_float_network.py): the DeepConvNet with every weight
// rounded to float16 and back scores the same — 16 bits are enough for
// inference.
//
// Each network runs in batches of 100 (ConvNet::accuracy), im2col + GEMM.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "data/idx.hpp"
#include "kernels/float16.hpp"
#include "net/conv_net_npz.hpp"

namespace {

using namespace scratchnet;

const std::string kRoot = SCRATCHNET_SOURCE_DIR;
const std::string kMnist = kRoot + "/web/public/data/mnist/";

// Measured once on all 10,000 bundled digits (see the test output); ±0.0005 allowed.
constexpr double kSimpleConvNetAccuracy = 0.9600;
constexpr double kDeepConvNetAccuracy = 0.9758;

// The bundled train and test splits together: 10,000 digits, (N, 1·28·28) in [0, 1].
Dataset all_digits() {
  const auto load = [](const std::string& split) {
    return make_idx_dataset(read_idx_file(kMnist + split + "-images-idx3-ubyte.gz"),
                            read_idx_file(kMnist + split + "-labels-idx1-ubyte.gz"), 10, "mnist-" + split);
  };
  Dataset train = load("train");
  const Dataset test = load("test");
  Dataset all = train;
  all.x.resize(train.size() + test.size(), train.features());
  all.x << train.x, test.x;
  all.labels.insert(all.labels.end(), test.labels.begin(), test.labels.end());
  return all;
}

double timed_accuracy(ConvNet<float>& net, const Dataset& d, const char* what) {
  const auto start = std::chrono::steady_clock::now();
  const double acc = net.accuracy(d.x, d.labels, 100);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s: accuracy %.4f on %lld digits (%.1f s)\n", what, acc, static_cast<long long>(d.size()), s);
  return acc;
}

class BookConvNets : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kMnist + "test-images-idx3-ubyte.gz")) {
      GTEST_SKIP() << "no bundled MNIST; run: bash scripts/build.sh data";
    }
  }
};

TEST_F(BookConvNets, SimpleConvNetOnBundledMnist) {
  const Dataset digits = all_digits();
  ASSERT_EQ(digits.size(), 10000);
  ConvNet<float> net = load_conv_net_npz_file(kRoot + "/models/book-ch07-simple_convnet.npz");
  EXPECT_NEAR(timed_accuracy(net, digits, "book ch07 SimpleConvNet"), kSimpleConvNetAccuracy, 0.0005);
}

// A DeepConvNet pass over 10,000 digits takes ~70 s in the Release build on
// the 2-core machine, several times that under ASan + UBSan; its layers are
// the same code SimpleConvNet's accuracy, the ConvNet tests and the gradient
// checks run under the sanitizers, so there it is skipped.
#ifdef SCRATCHNET_SANITIZED
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
constexpr const char* kSanitizedSkip =
    "DeepConvNet accuracy runs in the Release build only (too slow under ASan + UBSan)";

TEST_F(BookConvNets, DeepConvNetOnBundledMnist) {
  if (kSanitized) GTEST_SKIP() << kSanitizedSkip;
  const Dataset digits = all_digits();
  ConvNet<float> net = load_conv_net_npz_file(kRoot + "/models/book-ch08-deep_convnet.npz");
  EXPECT_NEAR(timed_accuracy(net, digits, "book ch08 DeepConvNet (float32)"), kDeepConvNetAccuracy, 0.0005);
}

TEST_F(BookConvNets, DeepConvNetWithFloat16WeightsOnBundledMnist) {
  if (kSanitized) GTEST_SKIP() << kSanitizedSkip;
  const Dataset digits = all_digits();
  ConvNet<float> net = load_conv_net_npz_file(kRoot + "/models/book-ch08-deep_convnet.npz");
  // half_float_network.py: params[key] = params[key].astype(np.float16)
  double largest_change = 0;
  for (const Param<float>& p : net.params()) {
    const Matrix<float> half = p.value->unaryExpr([](float v) { return round_to_half(v); });
    largest_change = std::max(largest_change, double((half - *p.value).cwiseAbs().maxCoeff()));
    *p.value = half;
  }
  std::printf("largest change of a weight by float16 rounding: %.3g\n", largest_change);
  EXPECT_GT(largest_change, 0.0);  // the rounding really happened
  EXPECT_NEAR(timed_accuracy(net, digits, "book ch08 DeepConvNet (float16 weights)"), kDeepConvNetAccuracy, 0.0005);
}

}  // namespace
