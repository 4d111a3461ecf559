// Tests for cpp/core/rng.hpp: determinism and the moments of the normal.
#include "core/rng.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

using scratchnet::Rng;

TEST(Rng, SameSeedSameSequence) {
  Rng a(7), b(7), c(8);
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next_u32();
    EXPECT_EQ(x, b.next_u32());
    (void)c;
  }
  Rng d(7), e(8);
  int same = 0;
  for (int i = 0; i < 100; ++i) same += d.next_u32() == e.next_u32();
  EXPECT_LT(same, 3);
}

TEST(Rng, NormalHasMeanZeroAndUnitVariance) {
  Rng r(1);
  const int n = 200000;
  double sum = 0, sq = 0;
  for (int i = 0; i < n; ++i) {
    const double v = r.normal();
    sum += v;
    sq += v * v;
  }
  const double mean = sum / n;
  EXPECT_NEAR(mean, 0.0, 0.01);
  EXPECT_NEAR(sq / n - mean * mean, 1.0, 0.01);
}

TEST(Rng, BelowIsInRangeAndShuffleIsAPermutation) {
  Rng r(3);
  for (int i = 0; i < 1000; ++i) EXPECT_LT(r.below(10), 10u);
  std::vector<int> v(50);
  std::iota(v.begin(), v.end(), 0);
  r.shuffle(v.begin(), v.end());
  std::vector<int> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 50; ++i) EXPECT_EQ(sorted[i], i);
  EXPECT_NE(v, sorted);
}
