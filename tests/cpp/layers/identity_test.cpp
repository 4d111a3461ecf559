// Tests for cpp/layers/identity.hpp.
#include "layers/identity.hpp"

#include <gtest/gtest.h>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(Identity, PassesValuesAndGradientsThrough) {
  Identity<double> id;
  const MatD x = mat({{0.31682708, 0.69627909}});
  EXPECT_EQ(id.forward(x, false), x);
  const MatD dout = mat({{2.0, -1.0}});
  EXPECT_EQ(id.backward(dout), dout);
}

TEST(Identity, BackwardMatchesNumericalGradient) {
  Rng rng(25);
  Identity<double> id;
  expect_gradients_match(id, random_matrix(3, 4, rng), true, rng);
}

TEST(Identity, ShapeErrors) {
  Identity<double> id;
  id.forward(MatD::Zero(2, 3), true);
  expect_error("shape.mismatch", [&] { id.backward(MatD::Zero(2, 2)); });
}
