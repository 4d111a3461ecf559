// sigmoid_test.cpp — the vectorized σ (cpp/kernels/sigmoid.hpp) against σ in double.
//
// Natively the kernel runs on the portable 4-float lanes, which do the same
// float operations in the same order as the wasm SIMD ones (the wasm build
// is checked the same way through Node: tests/node/lib/sigmoid.test.mjs).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "kernels/sigmoid.hpp"

namespace scratchnet::kernels {
namespace {

double sigmoid_double(double x) { return 1.0 / (1.0 + std::exp(-x)); }

TEST(SigmoidKernel, WithinThreeUnitsInTheLastPlaceFromMinus100To100) {
  // 400,001 points, 0.0005 apart: every range reduction step n from −126 to 127 is crossed
  std::vector<float> x;
  for (int i = -200000; i <= 200000; ++i) x.push_back(static_cast<float>(i) * 0.0005f);
  std::vector<float> y(x.size());
  sigmoid(x.data(), y.data(), x.size());
  double worst_ulps = 0;
  float worst_x = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double ref = sigmoid_double(x[i]);
    if (ref < std::numeric_limits<float>::min()) {  // below the normal floats: flushed to 0
      EXPECT_EQ(y[i], 0.0f) << "x = " << x[i];
      continue;
    }
    const float ref_f = static_cast<float>(ref);
    // one float ulp at the reference: the spacing to the next float up
    const double ulp = std::nextafter(ref_f, 2.0f) - ref_f;
    const double ulps = std::abs(y[i] - ref) / ulp;
    if (ulps > worst_ulps) { worst_ulps = ulps; worst_x = x[i]; }
  }
  EXPECT_LE(worst_ulps, 3.0) << "worst at x = " << worst_x;
  RecordProperty("worst_ulps", std::to_string(worst_ulps));
}

TEST(SigmoidKernel, TheBooksNumbersAndTheEdges) {
  const float inf = std::numeric_limits<float>::infinity();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // book 3.2.4: sigmoid([-1.0, 1.0, 2.0]) = [0.26894142, 0.73105858, 0.88079708]; then the edges
  const std::vector<float> x = {-1.0f, 1.0f, 2.0f, 0.0f, 87.0f, 1000.0f, inf, -87.0f, -88.0f, -88.8f, -1000.0f, -inf, nan};
  std::vector<float> y(x.size());
  sigmoid(x.data(), y.data(), x.size());  // 13 values: three full lane groups and a tail of 1
  EXPECT_NEAR(y[0], 0.26894142f, 1e-7f);
  EXPECT_NEAR(y[1], 0.73105858f, 1e-7f);
  EXPECT_NEAR(y[2], 0.88079708f, 1e-7f);
  EXPECT_EQ(y[3], 0.5f);
  EXPECT_EQ(y[4], 1.0f);
  EXPECT_EQ(y[5], 1.0f);
  EXPECT_EQ(y[6], 1.0f);
  EXPECT_NEAR(y[7], sigmoid_double(-87.0), 1e-44);  // 1.6e-38: the smallest σ still computed
  EXPECT_GT(y[7], 0.0f);
  EXPECT_EQ(y[8], 0.0f);  // 6.1e-39 and below are not normal floats: flushed to 0
  EXPECT_EQ(y[9], 0.0f);  // e^88.8 overflows float: 1/(1 + ∞) = 0, as std::exp would give
  EXPECT_EQ(y[10], 0.0f);
  EXPECT_EQ(y[11], 0.0f);
  EXPECT_TRUE(std::isnan(y[12]));
}

TEST(SigmoidKernel, InPlaceAndEveryTailLength) {
  for (std::size_t n = 0; n <= 9; ++n) {
    std::vector<float> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<float>(i) - 4.0f;
    const std::vector<float> x = v;
    sigmoid(v.data(), v.data(), n);
    for (std::size_t i = 0; i < n; ++i) EXPECT_NEAR(v[i], sigmoid_double(x[i]), 2e-7) << n << " values, #" << i;
  }
}

}  // namespace
}  // namespace scratchnet::kernels
