// Tests for cpp/layers/softmax_with_loss.hpp.
#include "layers/softmax_with_loss.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(SoftmaxWithLoss, BooksSoftmaxExampleAndItsCrossEntropy) {
  SoftmaxWithLoss<double> layer;
  const MatD a = mat({{0.3, 2.9, 4.0}});  // book 3.5.3
  const MatD y = layer.output(a);
  EXPECT_NEAR(y(0, 0), 0.01821127, 1e-8);
  EXPECT_NEAR(y(0, 1), 0.24519181, 1e-8);
  EXPECT_NEAR(y(0, 2), 0.73659691, 1e-8);
  EXPECT_NEAR(y.sum(), 1.0, 1e-15);
  // L = −log y_2 for t = [0, 0, 1]
  EXPECT_NEAR(layer.forward(a, mat({{0, 0, 1}})), 0.305714464812452, 1e-12);
  EXPECT_NEAR(layer.forward(a, mat({{1, 0, 0}})), 4.005714464812452, 1e-12);
}

TEST(SoftmaxWithLoss, NoOverflowForHugeScores) {
  // Book 3.5.2: exp(1010) overflows; subtracting the row max fixes it.
  SoftmaxWithLoss<double> layer;
  const MatD a = mat({{1010, 1000, 990}});
  const MatD y = layer.output(a);
  EXPECT_NEAR(y(0, 0), 0.999954600070331, 1e-12);
  EXPECT_NEAR(y(0, 1), 4.539786860886666e-05, 1e-15);
  EXPECT_NEAR(y(0, 2), 2.061060046209062e-09, 1e-18);
  // log-softmax gives the true loss 20.0000454; the book's log(y + 1e-7) would say ~16.1.
  EXPECT_NEAR(layer.forward(a, mat({{0, 0, 1}})), 20.00004540096028, 1e-10);
}

TEST(SoftmaxWithLoss, LogOfZeroNeverHappensInFloat) {
  // softmax([0, −200]) in float is [1, 0] exactly; log(0) would be −inf.
  SoftmaxWithLoss<float> layer;
  Matrix<float> a(1, 2), t(1, 2);
  a << 0.0f, -200.0f;
  t << 0.0f, 1.0f;
  EXPECT_EQ(layer.output(a)(0, 1), 0.0f);
  const float L = layer.forward(a, t);
  EXPECT_TRUE(std::isfinite(L));
  EXPECT_NEAR(L, 200.0f, 1e-3f);
  // Scores so far apart that their difference overflows float: still no NaN.
  a << 3e38f, -3e38f;
  EXPECT_TRUE(std::isfinite(layer.forward(a, Matrix<float>(Matrix<float>::Identity(1, 2)))));
}

TEST(SoftmaxWithLoss, BackwardIsYMinusTOverN) {
  SoftmaxWithLoss<double> layer;
  const MatD a = mat({{0.3, 2.9, 4.0}, {0.0, 0.0, 0.0}});
  const MatD t = mat({{0, 0, 1}, {1, 0, 0}});
  layer.forward(a, t);
  const MatD dx = layer.backward();
  EXPECT_NEAR(dx(0, 0), 0.01821127329554753 / 2, 1e-12);
  EXPECT_NEAR(dx(0, 2), (0.7365969137693786 - 1) / 2, 1e-12);
  EXPECT_NEAR(dx(1, 0), (1.0 / 3 - 1) / 2, 1e-12);
  EXPECT_NEAR(dx(1, 1), (1.0 / 3) / 2, 1e-12);
}

TEST(SoftmaxWithLoss, BackwardMatchesNumericalGradient) {
  Rng rng(31);
  SoftmaxWithLoss<double> layer;
  MatD t = MatD::Zero(5, 4);
  for (Index i = 0; i < 5; ++i) t(i, rng.below(4)) = 1.0;
  expect_loss_gradient_matches(layer, random_matrix(5, 4, rng, 2.0), t);
}

TEST(SoftmaxWithLoss, Errors) {
  SoftmaxWithLoss<double> layer;
  expect_error("layer.no_forward", [&] { layer.backward(); });
  const std::string msg = expect_error(
      "shape.mismatch", [&] { layer.forward(MatD::Zero(2, 3), MatD::Zero(2, 2)); });
  EXPECT_NE(msg.find("(2, 3)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("(2, 2)"), std::string::npos) << msg;
  expect_error("target.not_distribution",
               [&] { layer.forward(MatD::Zero(1, 3), mat({{1, 1, 0}})); });
  expect_error("input.not_finite",
               [&] { layer.forward(mat({{std::nan(""), 0, 0}}), mat({{1, 0, 0}})); });
  expect_error("input.empty", [&] { layer.forward(MatD(0, 3), MatD(0, 3)); });
}
