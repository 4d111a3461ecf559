// Tests for cpp/layers/tanh.hpp.
#include "layers/tanh.hpp"

#include <gtest/gtest.h>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(Tanh, ForwardByHand) {
  Tanh<double> tanh_layer;
  const MatD y = tanh_layer.forward(mat({{0.0, 0.5, -1.0}}), false);
  EXPECT_NEAR(y(0, 0), 0.0, 1e-15);
  EXPECT_NEAR(y(0, 1), 0.46211715726000974, 1e-12);
  EXPECT_NEAR(y(0, 2), -0.7615941559557649, 1e-12);
}

TEST(Tanh, BackwardIsDoutTimesOneMinusYSquared) {
  Tanh<double> tanh_layer;
  tanh_layer.forward(mat({{0.0, 0.5}}), true);
  const MatD dx = tanh_layer.backward(mat({{3.0, 1.0}}));
  EXPECT_NEAR(dx(0, 0), 3.0, 1e-12);  // tanh'(0) = 1
  EXPECT_NEAR(dx(0, 1), 1.0 - 0.46211715726000974 * 0.46211715726000974, 1e-12);
}

TEST(Tanh, BackwardMatchesNumericalGradient) {
  Rng rng(22);
  Tanh<double> tanh_layer;
  expect_gradients_match(tanh_layer, random_matrix(4, 5, rng), true, rng);
}

TEST(Tanh, ShapeErrors) {
  Tanh<double> tanh_layer;
  tanh_layer.forward(MatD::Zero(2, 3), true);
  expect_error("shape.mismatch", [&] { tanh_layer.backward(MatD::Zero(2, 4)); });
}
