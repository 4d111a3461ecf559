// Tests for cpp/layers/sigmoid.hpp.
#include "layers/sigmoid.hpp"

#include <gtest/gtest.h>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(Sigmoid, ForwardMatchesTheBooksZ1) {
  Sigmoid<double> sigmoid;
  // Z1 = sigmoid(A1) from the study notes (book 3.4.2)
  const MatD z = sigmoid.forward(mat({{0.3, 0.7, 1.1}}), false);
  EXPECT_NEAR(z(0, 0), 0.57444252, 1e-8);
  EXPECT_NEAR(z(0, 1), 0.66818777, 1e-8);
  EXPECT_NEAR(z(0, 2), 0.75026011, 1e-8);
}

TEST(Sigmoid, BackwardIsDoutTimesYTimesOneMinusY) {
  Sigmoid<double> sigmoid;
  sigmoid.forward(mat({{0.0, 0.3}}), true);
  const MatD dx = sigmoid.backward(mat({{1.0, 2.0}}));
  EXPECT_NEAR(dx(0, 0), 0.25, 1e-12);  // y = 0.5 → 0.5·0.5
  EXPECT_NEAR(dx(0, 1), 2.0 * 0.574442516811659 * (1 - 0.574442516811659), 1e-12);
}

TEST(Sigmoid, SaturatesWithoutNaN) {
  Sigmoid<float> sigmoid;
  Matrix<float> x(1, 2);
  x << -1000.0f, 1000.0f;
  const Matrix<float> y = sigmoid.forward(x, false);
  EXPECT_EQ(y(0, 0), 0.0f);
  EXPECT_EQ(y(0, 1), 1.0f);
}

TEST(Sigmoid, BackwardMatchesNumericalGradient) {
  Rng rng(21);
  Sigmoid<double> sigmoid;
  expect_gradients_match(sigmoid, random_matrix(4, 5, rng), true, rng);
}

TEST(Sigmoid, ShapeErrors) {
  Sigmoid<double> sigmoid;
  expect_error("shape.mismatch", [&] { sigmoid.backward(MatD::Zero(2, 2)); });
  sigmoid.forward(MatD::Zero(2, 3), true);
  const std::string msg = expect_error("shape.mismatch", [&] { sigmoid.backward(MatD::Zero(3, 2)); });
  EXPECT_NE(msg.find("(3, 2)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("(2, 3)"), std::string::npos) << msg;
}
