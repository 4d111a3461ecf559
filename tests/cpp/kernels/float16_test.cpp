// Tests for cpp/kernels/float16.hpp: round-to-nearest-even at the edges of
// binary16 (largest finite, overflow, subnormals, ties), and every one of the
// 65,536 half bit patterns surviving half → float → half unchanged.
#include "kernels/float16.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace scratchnet;

TEST(Float16, ExactValuesStayExact) {
  for (float v : {0.0f, 1.0f, -1.0f, 0.5f, 2.0f, 1024.0f, 65504.0f, -65504.0f, 0.099975586f})
    EXPECT_EQ(round_to_half(v), v) << v;
  EXPECT_EQ(float_to_half(1.0f), 0x3C00);
  EXPECT_EQ(float_to_half(-2.0f), 0xC000);
  EXPECT_EQ(float_to_half(65504.0f), 0x7BFF);  // the largest finite half
  EXPECT_EQ(float_to_half(-0.0f), 0x8000);     // the sign of zero is kept
  EXPECT_TRUE(std::signbit(round_to_half(-0.0f)));
}

TEST(Float16, TiesGoToEven) {
  // Near 1 a half step is 2⁻¹⁰; 1 + 2⁻¹¹ lies exactly between 1 (even) and 1 + 2⁻¹⁰ (odd).
  EXPECT_EQ(round_to_half(1.0f + std::ldexp(1.0f, -11)), 1.0f);
  // 1 + 3·2⁻¹¹ lies between 1 + 2⁻¹⁰ (odd) and 1 + 2⁻⁹ (even).
  EXPECT_EQ(round_to_half(1.0f + 3 * std::ldexp(1.0f, -11)), 1.0f + std::ldexp(1.0f, -9));
  // Just above a tie rounds up, just below rounds down.
  EXPECT_EQ(round_to_half(std::nextafter(1.0f + std::ldexp(1.0f, -11), 2.0f)), 1.0f + std::ldexp(1.0f, -10));
  EXPECT_EQ(round_to_half(std::nextafter(1.0f + 3 * std::ldexp(1.0f, -11), 0.0f)), 1.0f + std::ldexp(1.0f, -10));
  // A carry out of the fraction moves to the next power of two: 2 − 2⁻¹¹ → 2.
  EXPECT_EQ(round_to_half(2.0f - std::ldexp(1.0f, -12)), 2.0f);
}

TEST(Float16, OverflowToInfinity) {
  // 65520 is halfway between 65504 (odd fraction 0x3FF) and 65536 (not representable: inf).
  EXPECT_EQ(round_to_half(65519.99f), 65504.0f);
  EXPECT_EQ(float_to_half(65520.0f), 0x7C00);
  EXPECT_EQ(float_to_half(-1e10f), 0xFC00);
  EXPECT_EQ(round_to_half(std::numeric_limits<float>::infinity()), std::numeric_limits<float>::infinity());
  EXPECT_TRUE(std::isnan(round_to_half(std::numeric_limits<float>::quiet_NaN())));
}

TEST(Float16, Subnormals) {
  const float tiny = std::ldexp(1.0f, -24);  // the smallest subnormal half
  EXPECT_EQ(float_to_half(tiny), 0x0001);
  EXPECT_EQ(round_to_half(tiny), tiny);
  EXPECT_EQ(round_to_half(std::ldexp(1.0f, -25)), 0.0f);                // tie between 0 (even) and 1 step
  EXPECT_EQ(round_to_half(std::nextafter(std::ldexp(1.0f, -25), 1.0f)), tiny);
  EXPECT_EQ(round_to_half(3 * std::ldexp(1.0f, -25)), 2 * tiny);         // tie between 1 and 2 steps → 2
  EXPECT_EQ(round_to_half(std::ldexp(1.0f, -14)), std::ldexp(1.0f, -14));  // the smallest normal
  EXPECT_EQ(float_to_half(std::ldexp(1.0f, -14) - tiny / 2), 0x0400);   // rounds up into the normals
  EXPECT_EQ(float_to_half(std::ldexp(1.0f, -14) - tiny), 0x03FF);        // the largest subnormal
  EXPECT_EQ(round_to_half(1e-30f), 0.0f);
  EXPECT_EQ(float_to_half(-1e-30f), 0x8000);
}

TEST(Float16, EveryHalfRoundTrips) {
  for (unsigned h = 0; h < 65536; ++h) {
    const float f = half_to_float(static_cast<std::uint16_t>(h));
    const bool nan = ((h >> 10) & 0x1F) == 31 && (h & 0x3FF) != 0;
    if (nan) {
      EXPECT_TRUE(std::isnan(f));
      continue;
    }
    ASSERT_EQ(float_to_half(f), h) << "half 0x" << std::hex << h << " = " << f;
  }
}
