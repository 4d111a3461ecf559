// Tests for cpp/layers/batch_norm.hpp.
#include "layers/batch_norm.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(BatchNorm, TrainingNormalisesEachColumnThenScalesAndShifts) {
  BatchNorm<double> bn(mat({{1.0, 2.0}}), mat({{0.0, 0.5}}));
  // column 0: [1, 5] → μ = 3, σ² = 4 → xn = ±2/√(4 + 1e-7)
  // column 1: [2, 2] → μ = 2, σ² = 0 → xn = 0, y = β (ε keeps it from 0/0)
  const MatD y = bn.forward(mat({{1.0, 2.0}, {5.0, 2.0}}), true);
  const double xn = 2.0 / std::sqrt(4.0 + 1e-7);
  EXPECT_NEAR(y(0, 0), -xn, 1e-12);
  EXPECT_NEAR(y(1, 0), xn, 1e-12);
  EXPECT_NEAR(y(0, 1), 0.5, 1e-12);
  EXPECT_NEAR(y(1, 1), 0.5, 1e-12);
}

TEST(BatchNorm, RunningStatisticsUseMomentumAndDriveInference) {
  BatchNorm<double> bn(mat({{2.0}}), mat({{0.5}}));
  EXPECT_EQ(bn.running_mean()(0, 0), 0.0);
  EXPECT_EQ(bn.running_var()(0, 0), 1.0);
  bn.forward(mat({{1.0}, {5.0}}), true);  // μ = 3, σ² = 4
  EXPECT_NEAR(bn.running_mean()(0, 0), 0.9 * 0.0 + 0.1 * 3.0, 1e-15);
  EXPECT_NEAR(bn.running_var()(0, 0), 0.9 * 1.0 + 0.1 * 4.0, 1e-15);
  // inference: γ·(x − 0.3)/√(1.3 + ε) + β, independent of the batch
  const MatD y = bn.forward(mat({{1.0}, {2.0}}), false);
  EXPECT_NEAR(y(0, 0), 2.0 * (1.0 - 0.3) / std::sqrt(1.3 + 1e-7) + 0.5, 1e-12);
  EXPECT_NEAR(y(1, 0), 2.0 * (2.0 - 0.3) / std::sqrt(1.3 + 1e-7) + 0.5, 1e-12);
  EXPECT_NEAR(bn.running_mean()(0, 0), 0.3, 1e-15);  // inference leaves them alone
}

TEST(BatchNorm, BackwardByHandForTheSimpleParts) {
  BatchNorm<double> bn(mat({{1.0}}), mat({{0.0}}));
  bn.forward(mat({{1.0}, {5.0}}), true);
  const MatD dx = bn.backward(mat({{1.0}, {1.0}}));
  const auto p = bn.params();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].name, "gamma");
  EXPECT_EQ(p[1].name, "beta");
  EXPECT_NEAR((*p[1].grad)(0, 0), 2.0, 1e-12);  // dβ = Σ dout
  EXPECT_NEAR((*p[0].grad)(0, 0), 0.0, 1e-12);  // dγ = Σ xn·dout = −xn + xn
  // Shifting every row of x by the same amount does not change y, so a
  // uniform dout must give dx = 0, and in general Σ_rows dx = 0.
  EXPECT_NEAR(dx(0, 0), 0.0, 1e-12);
  EXPECT_NEAR(dx(1, 0), 0.0, 1e-12);
}

TEST(BatchNorm, BackwardMatchesNumericalGradient) {
  Rng rng(34);
  BatchNorm<double> bn(random_matrix(1, 4, rng), random_matrix(1, 4, rng));
  expect_gradients_match(bn, random_matrix(6, 4, rng), true, rng);
  // the column sums of dx vanish (the mean was subtracted)
  const MatD dx = bn.backward(random_matrix(6, 4, rng));
  EXPECT_LT(dx.colwise().sum().cwiseAbs().maxCoeff(), 1e-12);
}

TEST(BatchNorm, Errors) {
  expect_error("shape.mismatch", [] { BatchNorm<double>(MatD::Ones(1, 3), MatD::Zero(1, 2)); });
  BatchNorm<double> bn(MatD::Ones(1, 3), MatD::Zero(1, 3));
  expect_error("shape.mismatch", [&] { bn.backward(MatD::Zero(2, 3)); });  // no training forward yet
  const std::string msg =
      expect_error("shape.mismatch", [&] { bn.forward(MatD::Zero(2, 4), true); });
  EXPECT_NE(msg.find("(2, 4)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("(1, 3)"), std::string::npos) << msg;
  bn.forward(MatD::Zero(2, 3), true);
  expect_error("shape.mismatch", [&] { bn.backward(MatD::Zero(2, 2)); });
}
