// Tests for cpp/layers/identity_with_loss.hpp.
#include "layers/identity_with_loss.hpp"

#include <gtest/gtest.h>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(IdentityWithLoss, MeanSquaredErrorByHand) {
  IdentityWithLoss<double> layer;
  const MatD y = mat({{1, 2}, {3, 4}});
  const MatD t = mat({{0, 2}, {3, 2}});
  // 0.5·(1² + 0² + 0² + 2²)/2 = 1.25
  EXPECT_NEAR(layer.forward(y, t), 1.25, 1e-15);
  // (y − t)/N
  EXPECT_TRUE(layer.backward().isApprox(mat({{0.5, 0}, {0, 1}})));
  EXPECT_EQ(layer.output(y), y);
}

TEST(IdentityWithLoss, TheSeedNetworksOutput) {
  // y of the 3-layer example against the target [0, 1]: 0.5·(0.31682708² + 0.30372091²)
  IdentityWithLoss<float> layer;
  Matrix<float> y(1, 2), t(1, 2);
  y << 0.31682708f, 0.69627909f;
  t << 0.0f, 1.0f;
  EXPECT_NEAR(layer.forward(y, t), 0.5 * (0.31682708 * 0.31682708 + 0.30372091 * 0.30372091),
              1e-6);
}

TEST(IdentityWithLoss, BackwardMatchesNumericalGradient) {
  Rng rng(32);
  IdentityWithLoss<double> layer;
  expect_loss_gradient_matches(layer, random_matrix(4, 3, rng), random_matrix(4, 3, rng));
}

TEST(IdentityWithLoss, Errors) {
  IdentityWithLoss<double> layer;
  expect_error("layer.no_forward", [&] { layer.backward(); });
  expect_error("shape.mismatch", [&] { layer.forward(MatD::Zero(2, 3), MatD::Zero(3, 2)); });
  expect_error("input.not_finite", [&] { layer.forward(mat({{1.0}}), mat({{INFINITY}})); });
}
