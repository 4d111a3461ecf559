// finite_test.cpp — all_finite (cpp/kernels/finite.hpp) agrees with Eigen's allFinite().
#include <gtest/gtest.h>

#include <limits>

#include "kernels/finite.hpp"

namespace scratchnet {
namespace {

TEST(AllFinite, FindsEveryKindOfNonFiniteValueAtEveryPosition) {
  // 21 entries: two full 8-float blocks and a tail of 5, so every code path sees a bad value.
  const float bad[] = {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                       -std::numeric_limits<float>::infinity()};
  for (float b : bad) {
    for (Index i = 0; i < 21; ++i) {
      Matrix<float> m = Matrix<float>::Constant(3, 7, 1e30f);  // huge but finite: x − x is still 0
      m.data()[i] = b;
      EXPECT_FALSE(all_finite(m)) << "value " << b << " at " << i;
      EXPECT_FALSE(kernels::all_finite(m.data(), 21)) << "value " << b << " at " << i;
      EXPECT_FALSE(all_finite(m.cast<double>())) << "double, value " << b << " at " << i;
      EXPECT_EQ(all_finite(m), m.allFinite());
    }
  }
}

TEST(AllFinite, AcceptsFiniteExtremesAndEmptyMatrices) {
  Matrix<float> m(2, 5);
  m << std::numeric_limits<float>::max(), -std::numeric_limits<float>::max(),
      std::numeric_limits<float>::denorm_min(), -0.0f, 0.0f, 1.0f, -1.0f, 3.0e38f, -3.0e38f, 1e-40f;
  EXPECT_TRUE(all_finite(m));
  EXPECT_TRUE(all_finite(Matrix<float>(0, 4)));
  EXPECT_TRUE(all_finite(Matrix<double>::Constant(4, 4, -1e300)));
  EXPECT_TRUE(all_finite(m.row(1)));  // an expression, not a whole matrix
}

}  // namespace
}  // namespace scratchnet
