// Tests for cpp/layers/affine.hpp: the seed's first layer by hand, backward by
// hand and against the numerical gradient, shape and NaN errors.
#include "layers/affine.hpp"

#include <gtest/gtest.h>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

namespace {
// The study notes' 3-layer network, first layer (book 3.4.2).
MatD W1() { return mat({{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}); }
MatD b1() { return mat({{0.1, 0.2, 0.3}}); }
}  // namespace

TEST(Affine, ForwardMatchesTheBooksFirstLayer) {
  Affine<double> affine(W1(), b1());
  // A1 = x·W1 + b1 = [1·0.1 + 0.5·0.2 + 0.1, 1·0.3 + 0.5·0.4 + 0.2, 1·0.5 + 0.5·0.6 + 0.3]
  const MatD a = affine.forward(mat({{1.0, 0.5}}), false);
  ASSERT_EQ(a.rows(), 1);
  ASSERT_EQ(a.cols(), 3);
  EXPECT_NEAR(a(0, 0), 0.3, 1e-12);
  EXPECT_NEAR(a(0, 1), 0.7, 1e-12);
  EXPECT_NEAR(a(0, 2), 1.1, 1e-12);
}

TEST(Affine, ForwardBroadcastsTheBiasOverABatchInFloat) {
  Affine<float> affine(W1().cast<float>(), b1().cast<float>());
  Matrix<float> x(2, 2);
  x << 1.0f, 0.5f, 0.0f, 0.0f;  // the second sample sees only the bias
  const Matrix<float> a = affine.forward(x, false);
  EXPECT_NEAR(a(0, 2), 1.1f, 1e-6f);
  EXPECT_NEAR(a(1, 0), 0.1f, 1e-6f);
  EXPECT_NEAR(a(1, 1), 0.2f, 1e-6f);
  EXPECT_NEAR(a(1, 2), 0.3f, 1e-6f);
}

TEST(Affine, BackwardByHand) {
  Affine<double> affine(W1(), b1());
  affine.forward(mat({{1.0, 0.5}}), true);
  const MatD dx = affine.backward(mat({{1.0, 2.0, 3.0}}));
  // dx = dout·Wᵀ = [1·0.1 + 2·0.3 + 3·0.5, 1·0.2 + 2·0.4 + 3·0.6]
  EXPECT_NEAR(dx(0, 0), 2.2, 1e-12);
  EXPECT_NEAR(dx(0, 1), 2.8, 1e-12);
  const auto params = affine.params();
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[0].name, "W");
  EXPECT_EQ(params[1].name, "b");
  // dW = xᵀ·dout = [[1],[0.5]]·[1 2 3]
  const MatD expected_dW = mat({{1.0, 2.0, 3.0}, {0.5, 1.0, 1.5}});
  EXPECT_TRUE(params[0].grad->isApprox(expected_dW, 1e-12));
  // db = Σ_rows dout
  EXPECT_TRUE(params[1].grad->isApprox(mat({{1.0, 2.0, 3.0}}), 1e-12));
}

TEST(Affine, BiasGradientSumsOverTheBatch) {
  Affine<double> affine(W1(), b1());
  affine.forward(mat({{1, 2}, {3, 4}, {5, 6}}), true);
  affine.backward(mat({{1, 0, 0}, {1, 1, 0}, {1, 1, 1}}));
  EXPECT_TRUE(affine.params()[1].grad->isApprox(mat({{3, 2, 1}}), 1e-12));
}

TEST(Affine, BackwardMatchesNumericalGradient) {
  Rng rng(11);
  Affine<double> affine(random_matrix(3, 5, rng), random_matrix(1, 5, rng));
  expect_gradients_match(affine, random_matrix(4, 3, rng), true, rng);
}

TEST(Affine, ShapeErrorsNameBothShapes) {
  Affine<double> affine(W1(), b1());
  std::string msg = expect_error("shape.mismatch", [&] { affine.forward(MatD::Zero(2, 4), false); });
  EXPECT_NE(msg.find("(2, 4)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("(2, 3)"), std::string::npos) << msg;
  // backward before forward
  msg = expect_error("shape.mismatch", [&] { affine.backward(MatD::Zero(1, 3)); });
  EXPECT_NE(msg.find("forward"), std::string::npos) << msg;
  affine.forward(MatD::Zero(5, 2), true);
  msg = expect_error("shape.mismatch", [&] { affine.backward(MatD::Zero(5, 2)); });
  EXPECT_NE(msg.find("(5, 2)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("(5, 3)"), std::string::npos) << msg;
  // a bias that does not match W's columns
  expect_error("shape.mismatch", [] { Affine<double>(W1(), mat({{0.1, 0.2}})); });
}

TEST(Affine, RejectsNonFiniteInput) {
  Affine<double> affine(W1(), b1());
  MatD x = mat({{1.0, std::nan("")}});
  expect_error("input.not_finite", [&] { affine.forward(x, false); });
  x(0, 1) = INFINITY;
  expect_error("input.not_finite", [&] { affine.forward(x, false); });
}
