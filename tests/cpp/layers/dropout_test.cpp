// Tests for cpp/layers/dropout.hpp.
#include "layers/dropout.hpp"

#include <gtest/gtest.h>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(Dropout, InferenceScalesByTheKeepProbability) {
  Rng rng(1);
  Dropout<double> dropout(0.25, rng);
  const MatD y = dropout.forward(mat({{4.0, -8.0}}), false);
  EXPECT_TRUE(y.isApprox(mat({{3.0, -6.0}})));  // × (1 − 0.25), the book's convention
}

TEST(Dropout, TrainingDropsAboutRatioAndBackwardUsesTheSameMask) {
  Rng rng(2);
  Dropout<double> dropout(0.3, rng);
  const MatD x = MatD::Constant(200, 100, 2.0);
  const MatD y = dropout.forward(x, true);
  const double kept = dropout.mask().sum() / double(dropout.mask().size());
  EXPECT_NEAR(kept, 0.7, 0.01);
  // kept elements pass unchanged (no inverted-dropout rescaling), dropped are 0
  for (Index i = 0; i < y.size(); ++i) {
    EXPECT_TRUE(y.data()[i] == 0.0 || y.data()[i] == 2.0);
  }
  const MatD dx = dropout.backward(MatD::Ones(200, 100));
  EXPECT_EQ(dx, dropout.mask());
}

TEST(Dropout, SameSeedSameMaskRatioZeroKeepsEverything) {
  Rng r1(7), r2(7);
  Dropout<double> a(0.5, r1), b(0.5, r2);
  const MatD x = MatD::Ones(10, 10);
  EXPECT_EQ(a.forward(x, true), b.forward(x, true));
  Rng r3(8);
  Dropout<double> none(0.0, r3);
  EXPECT_EQ(none.forward(x, true), x);
}

TEST(Dropout, BackwardMatchesNumericalGradientWithAFixedMask) {
  Rng noise(9), rng(33);
  Dropout<double> dropout(0.5, noise);
  // Reseed before every forward: the same mask for the analytic and numerical passes.
  expect_gradients_match(dropout, random_matrix(4, 5, rng), true, rng, [&] { noise.reseed(9); });
}

TEST(Dropout, Errors) {
  Rng rng(3);
  expect_error("dropout.bad_ratio", [&] { Dropout<double>(1.0, rng); });
  expect_error("dropout.bad_ratio", [&] { Dropout<double>(-0.1, rng); });
  Dropout<double> dropout(0.5, rng);
  dropout.forward(MatD::Zero(2, 3), true);
  expect_error("shape.mismatch", [&] { dropout.backward(MatD::Zero(3, 2)); });
}
