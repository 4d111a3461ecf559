// Tests for cpp/layers/leaky_relu.hpp.
#include "layers/leaky_relu.hpp"

#include <gtest/gtest.h>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(LeakyRelu, DefaultSlopeIsOneHundredth) {
  LeakyRelu<double> leaky;
  EXPECT_DOUBLE_EQ(leaky.slope(), 0.01);
  const MatD y = leaky.forward(mat({{-2.0, 3.0}}), false);
  EXPECT_NEAR(y(0, 0), -0.02, 1e-15);
  EXPECT_NEAR(y(0, 1), 3.0, 1e-15);
}

TEST(LeakyRelu, ForwardAndBackwardByHand) {
  LeakyRelu<double> leaky(0.1);
  const MatD y = leaky.forward(mat({{-1.0, 0.0, 2.0}}), true);
  EXPECT_NEAR(y(0, 0), -0.1, 1e-15);
  EXPECT_NEAR(y(0, 1), 0.0, 1e-15);
  EXPECT_NEAR(y(0, 2), 2.0, 1e-15);
  const MatD dx = leaky.backward(mat({{1.0, 1.0, 1.0}}));
  EXPECT_NEAR(dx(0, 0), 0.1, 1e-15);
  EXPECT_NEAR(dx(0, 1), 0.1, 1e-15);  // x = 0 takes the negative branch, like Relu
  EXPECT_NEAR(dx(0, 2), 1.0, 1e-15);
}

TEST(LeakyRelu, BackwardMatchesNumericalGradientAwayFromTheKink) {
  Rng rng(24);
  MatD x = random_matrix(4, 5, rng);
  for (Index i = 0; i < x.size(); ++i) {
    double& v = x.data()[i];
    if (std::abs(v) < 0.1) v = v < 0 ? -0.1 - std::abs(v) : 0.1 + v;
  }
  LeakyRelu<double> leaky(0.1);
  expect_gradients_match(leaky, x, true, rng);
}

TEST(LeakyRelu, Errors) {
  LeakyRelu<double> leaky;
  leaky.forward(MatD::Zero(2, 3), true);
  expect_error("shape.mismatch", [&] { leaky.backward(MatD::Zero(2, 2)); });
  expect_error("activation.bad_slope", [] { LeakyRelu<double> bad(std::nan("")); });
}
