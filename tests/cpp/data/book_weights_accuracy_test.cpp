// The book's chapter-3 check, in C++: the pre-trained 784-50-100-10 sigmoid
// network (models/book-ch03.npz, converted from the book's
// sample_weight.pkl) classifies real MNIST digits with ~93% accuracy
// without any training here. If our IDX reader, our .npz reader (and the
// Fortran->C reordering of the weights) or the row-major layout were wrong
// anywhere, this number would collapse to ~10% (chance).
//
// The forward pass is written out with Eigen on purpose, exactly like the
// book's predict() — no dependency on cpp/net:
//   a1 = x·W1 + b1; z1 = sigmoid(a1); a2 = z1·W2 + b2; z2 = sigmoid(a2)
//   a3 = z2·W3 + b3; y = softmax(a3); prediction = argmax(y)
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "data/idx.hpp"
#include "io/npz.hpp"

namespace {

using scratchnet::Matrix;

const std::string kRoot = SCRATCHNET_SOURCE_DIR;
const std::string kMnist = kRoot + "/web/public/data/mnist/";

// Measured once (see the test output) — the assertion allows +-0.005.
constexpr double kExpectedAllAccuracy = 0.9374;   // all 10,000 bundled digits (NumPy agrees)
constexpr double kExpectedTestAccuracy = 0.9310;  // the 2,000-digit test split

Matrix<float> sigmoid(const Matrix<float>& a) {
  return a.unaryExpr([](float v) { return 1.0f / (1.0f + std::exp(-v)); });
}

// Row-wise softmax with the max subtracted first (the book's overflow fix).
Matrix<float> softmax(const Matrix<float>& a) {
  Matrix<float> y = a.colwise() - a.rowwise().maxCoeff();
  y = y.array().exp().matrix();
  return y.array().colwise() / y.rowwise().sum().array();
}

// Fraction of rows of `set` the book network classifies correctly.
double accuracy(const scratchnet::NamedArrays& p, const scratchnet::Dataset& set) {
  using scratchnet::find_array;
  const auto& W1 = find_array(p, "W1");
  const auto& W2 = find_array(p, "W2");
  const auto& W3 = find_array(p, "W3");
  const auto& b1 = find_array(p, "b1");
  const auto& b2 = find_array(p, "b2");
  const auto& b3 = find_array(p, "b3");
  const Matrix<float> z1 = sigmoid((set.x * W1).rowwise() + b1.row(0));
  const Matrix<float> z2 = sigmoid((z1 * W2).rowwise() + b2.row(0));
  const Matrix<float> y = softmax((z2 * W3).rowwise() + b3.row(0));
  int correct = 0;
  for (scratchnet::Index i = 0; i < y.rows(); ++i) {
    scratchnet::Index best = 0;
    y.row(i).maxCoeff(&best);
    correct += best == set.labels[static_cast<std::size_t>(i)];
  }
  return static_cast<double>(correct) / static_cast<double>(y.rows());
}

scratchnet::Dataset load_split(const std::string& split) {
  return scratchnet::make_idx_dataset(
      scratchnet::read_idx_file(kMnist + split + "-images-idx3-ubyte.gz"),
      scratchnet::read_idx_file(kMnist + split + "-labels-idx1-ubyte.gz"), 10, "mnist-" + split);
}

TEST(BookWeights, AccuracyOnBundledMnist) {
  if (!std::filesystem::exists(kMnist + "test-images-idx3-ubyte.gz")) {
    GTEST_SKIP() << "no bundled MNIST; run: node scripts/make-mnist-idx.mjs";
  }
  const auto params = scratchnet::load_npz_file(kRoot + "/models/book-ch03.npz");
  const scratchnet::Dataset train = load_split("train");
  const scratchnet::Dataset test = load_split("test");

  const double test_acc = accuracy(params, test);
  const double train_acc = accuracy(params, train);
  const double all_acc = (train_acc * static_cast<double>(train.size()) +
                          test_acc * static_cast<double>(test.size())) /
                         static_cast<double>(train.size() + test.size());
  std::printf("book ch03 weights: all %lld digits %.4f, test split (%lld) %.4f\n",
              static_cast<long long>(train.size() + test.size()), all_acc,
              static_cast<long long>(test.size()), test_acc);
  EXPECT_EQ(train.size() + test.size(), 10000);
  EXPECT_NEAR(all_acc, kExpectedAllAccuracy, 0.005);
  EXPECT_NEAR(test_acc, kExpectedTestAccuracy, 0.005);
}

}  // namespace
