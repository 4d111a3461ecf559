// Tests for cpp/layers/relu.hpp.
#include "layers/relu.hpp"

#include <gtest/gtest.h>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(Relu, ForwardAndBackwardByHand) {
  Relu<double> relu;
  const MatD y = relu.forward(mat({{-1.0, 0.0, 2.0}, {3.0, -0.5, 0.25}}), true);
  EXPECT_TRUE(y.isApprox(mat({{0.0, 0.0, 2.0}, {3.0, 0.0, 0.25}})));
  const MatD dout = mat({{1.0, 1.0, 1.0}, {2.0, 2.0, 2.0}});
  const MatD dx = relu.backward(dout);
  // blocked where x ≤ 0 (including exactly 0), passed through where x > 0
  EXPECT_TRUE(dx.isApprox(mat({{0.0, 0.0, 1.0}, {2.0, 0.0, 2.0}})));
}

TEST(Relu, BackwardDoesNotModifyDout) {
  // The book's ReLU zeroes dout in place; ours must leave the caller's gradient alone.
  Relu<double> relu;
  relu.forward(mat({{-1.0, 1.0}}), true);
  const MatD dout = mat({{5.0, 6.0}});
  const MatD before = dout;
  relu.backward(dout);
  EXPECT_EQ(dout, before);
}

TEST(Relu, BackwardMatchesNumericalGradientAwayFromTheKink) {
  Rng rng(23);
  MatD x = random_matrix(4, 5, rng);
  // Keep every input at least 0.1 from the kink at 0: a nudge of h = 1e-4 must
  // not switch a unit on or off, or the central difference would be meaningless.
  for (Index i = 0; i < x.size(); ++i) {
    double& v = x.data()[i];
    if (std::abs(v) < 0.1) v = v < 0 ? -0.1 - std::abs(v) : 0.1 + v;
  }
  Relu<double> relu;
  expect_gradients_match(relu, x, true, rng);
}

TEST(Relu, ShapeErrors) {
  Relu<double> relu;
  expect_error("shape.mismatch", [&] { relu.backward(MatD::Zero(1, 1)); });
  relu.forward(MatD::Zero(2, 3), true);
  expect_error("shape.mismatch", [&] { relu.backward(MatD::Zero(3, 3)); });
}
