// Tests for cpp/net/precision.* and the float16 '.npz' (io/npy '<f2'):
// 밑바닥부터 시작하는 딥러닝 1권 8.3.4 (half_float_network.py) and 2권 1.5.1
// (save_params' float16). The book's ch. 3 network keeps 93.74 % on the 10,000
// bundled digits with its weights in float64, float32 or float16; the numbers
// below are NumPy's, from scripts/precision-reference.py (never regenerated here).
#include "net/precision.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "../error_of.hpp"
#include "../python_numpy.hpp"
#include "data/idx.hpp"
#include "io/binary_file.hpp"
#include "io/npz.hpp"
#include "kernels/float16.hpp"
#include "net/network_npz.hpp"

namespace {

using namespace scratchnet;

const std::string kRoot = SCRATCHNET_SOURCE_DIR;
const std::string kMnist = kRoot + "/web/public/data/mnist/";

// scripts/precision-reference.py (NumPy 1.24): every precision scores 0.9374;
// the largest |Δ| of a softmax output against float64 is 1.27e-6 (float32) and
// 3.92e-4 (float16 weights); float16 rounding moves a weight by at most 4.47e-4.
constexpr double kAccuracy = 0.9374;
constexpr double kMaxChangeF32 = 1.2681435394013008e-06;
constexpr double kMaxChangeF16 = 0.00039205767750338794;
constexpr double kMaxWeightChangeF16 = 0.0004469156265258789;
constexpr std::uint64_t kParameters = 45360;  // 784·50 + 50 + 50·100 + 100 + 100·10 + 10

Dataset all_digits() {
  const auto load = [](const std::string& split) {
    return make_idx_dataset(read_idx_file(kMnist + split + "-images-idx3-ubyte.gz"),
                            read_idx_file(kMnist + split + "-labels-idx1-ubyte.gz"), 10, "mnist-" + split);
  };
  Dataset all = load("train");
  const Dataset test = load("test");
  const Index n = all.size();
  all.x.conservativeResize(n + test.size(), Eigen::NoChange);
  all.x.bottomRows(test.size()) = test.x;
  all.labels.insert(all.labels.end(), test.labels.begin(), test.labels.end());
  return all;
}

Network<float> book_network() {
  NetSpec options;
  options.hidden = "sigmoid";
  return load_network_npz_file(kRoot + "/models/book-ch03.npz", options);
}

TEST(Precision, BookNetworkInThreePrecisionsMatchesNumpy) {
  if (!std::filesystem::exists(kMnist + "test-images-idx3-ubyte.gz")) GTEST_SKIP() << "run: bash scripts/build.sh data";
  const Dataset digits = all_digits();
  ASSERT_EQ(digits.size(), 10000);
  const auto rows = compare_precisions(book_network(), digits);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].dtype, "float64");
  EXPECT_EQ(rows[2].dtype, "float16");
  for (const auto& r : rows) {
    std::printf("%s: accuracy %.4f, %llu bytes, max |Δy| %.3g, max |Δw| %.3g\n", r.dtype.c_str(), r.accuracy,
                static_cast<unsigned long long>(r.weight_bytes), r.max_output_change, r.max_weight_change);
    EXPECT_NEAR(r.accuracy, kAccuracy, 0.0001) << r.dtype;  // one digit of 10,000 either way
    EXPECT_EQ(r.weight_bytes, kParameters * r.bits / 8) << r.dtype;
  }
  EXPECT_EQ(rows[0].max_output_change, 0.0);
  // float32: the order of the sums differs from NumPy's (BLAS), so only the order of magnitude is the same.
  EXPECT_GT(rows[1].max_output_change, 0.0);
  EXPECT_LT(rows[1].max_output_change, 10 * kMaxChangeF32);
  // float16: the rounding dominates every summation-order effect: NumPy's number within 10 %.
  EXPECT_NEAR(rows[2].max_output_change, kMaxChangeF16, 0.1 * kMaxChangeF16);
  EXPECT_DOUBLE_EQ(rows[2].max_weight_change, kMaxWeightChangeF16);  // a rounding, no arithmetic: exact
  EXPECT_EQ(rows[1].max_weight_change, 0.0);
}

TEST(Precision, HalfWeightsAreRoundedCopies) {
  NetSpec spec;
  spec.sizes = {3, 4, 2};
  spec.batch_norm = true;
  Network<float> net(spec, 5);
  const Network<float> half = with_half_weights(net);
  auto hp = const_cast<Network<float>&>(half).params();
  for (std::size_t i = 0; i < net.params().size(); ++i) {
    const Matrix<float>& w = *net.params()[i].value;
    EXPECT_EQ(*hp[i].value, w.unaryExpr([](float v) { return round_to_half(v); })) << net.params()[i].name;
  }
  EXPECT_NE(*hp[0].value, *net.params()[0].value) << "He-initialised weights are not all halves";
}

TEST(Precision, NeedsLabelsAndMatchingWidth) {
  NetSpec spec;
  spec.sizes = {2, 3, 2};
  const Network<float> net(spec, 1);
  Dataset d;
  d.x = Matrix<float>::Zero(4, 2);
  EXPECT_EQ(scratchnet::testing::error_of([&] { compare_precisions(net, d); }), "dataset.no_labels");
  d.x = Matrix<float>::Zero(4, 3);
  d.labels = {0, 1, 0, 1};
  EXPECT_EQ(scratchnet::testing::error_of([&] { compare_precisions(net, d); }), "shape.mismatch");
}

// save_params in float16 (2권 1.5.1): '<f2' arrays, half the bytes of the data, loaded back exactly as the rounded weights.
TEST(Float16Npz, NetworkRoundTripsAsRoundedWeights) {
  NetSpec spec;
  spec.sizes = {784, 100, 10};
  Network<float> net(spec, 3);
  const auto f32 = save_network_npz(net);
  const auto f16 = save_network_npz(net, NpyFloat::Float16);
  // 79,510 parameters: 2 bytes each instead of 4 (headers and the zip directory are the same size).
  EXPECT_EQ(f32.size() - f16.size(), 2u * 79510u);
  Network<float> back = load_network_npz(f16.data(), f16.size(), {});
  EXPECT_EQ(back.spec().sizes, spec.sizes);
  const Network<float> expected = with_half_weights(net);
  auto ep = const_cast<Network<float>&>(expected).params();
  for (std::size_t i = 0; i < ep.size(); ++i) EXPECT_EQ(*back.params()[i].value, *ep[i].value) << ep[i].name;
  // Saving the loaded network in float16 again changes nothing: halves are fixed points.
  EXPECT_EQ(save_network_npz(back, NpyFloat::Float16), f16);
}

TEST(Float16Npz, NpyHalfBytesAreLittleEndianBinary16) {
  Matrix<float> m(1, 3);
  m << 1.0f, -2.0f, 65504.0f;
  const auto bytes = write_npy(m, true, NpyFloat::Float16);
  ASSERT_EQ(bytes.size() % 64, 6u);  // a header padded to 64 bytes, then 3 halves
  const std::size_t d = bytes.size() - 6;
  const std::string header(bytes.begin() + 10, bytes.begin() + static_cast<std::ptrdiff_t>(d));
  EXPECT_NE(header.find("'descr': '<f2'"), std::string::npos) << header;
  EXPECT_EQ(bytes[d + 0], 0x00);  // 1.0 = 0x3C00
  EXPECT_EQ(bytes[d + 1], 0x3C);
  EXPECT_EQ(bytes[d + 2], 0x00);  // -2.0 = 0xC000
  EXPECT_EQ(bytes[d + 3], 0xC0);
  EXPECT_EQ(bytes[d + 4], 0xFF);  // 65504 = 0x7BFF
  EXPECT_EQ(bytes[d + 5], 0x7B);
  EXPECT_EQ(parse_npy(bytes.data(), bytes.size(), "m"), m);
  EXPECT_EQ(scratchnet::testing::error_of([] { npy_float_from_name("bfloat16"); }), "npy.bad_dtype");
}

TEST(Float16Npz, NumpyReadsFloat16Weights) {
  if (!scratchnet::testing::have_numpy()) GTEST_SKIP() << "no NumPy (apt-get install python3-numpy)";
  NetSpec spec;
  spec.sizes = {4, 3, 2};
  Network<float> net(spec, 9);
  const std::string path = scratchnet::testing::temp_path("half.npz");
  write_binary_file(path, save_network_npz(net, NpyFloat::Float16));
  int status = 0;
  const std::string out = scratchnet::testing::run(
      "/usr/bin/python3 -c \"import numpy as np; f = np.load('" + path +
          "'); w = f['W1']; print(w.dtype, w.shape, repr(float(w.astype(np.float64).sum())), f['b2'].shape)\"",
      &status);
  std::filesystem::remove(path);
  ASSERT_EQ(status, 0) << out;
  double sum = 0;
  for (float v : net.param("W1").reshaped()) sum += double(round_to_half(v));
  ASSERT_EQ(out.rfind("float16 (4, 3) ", 0), 0u) << out;
  EXPECT_NEAR(std::stod(out.substr(15)), sum, 1e-6) << out;
  EXPECT_NE(out.find("(2,)"), std::string::npos) << out;
}

}  // namespace
