// Tests for cpp/layers/pooling.hpp: the book's ch. 7 shapes, max pooling by
// hand, the gradient going to the argmax only, and the gradient check.
#include "layers/pooling.hpp"

#include <gtest/gtest.h>

#include "conv_test_util.hpp"
#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(Pooling, TheBooksChapter7Shapes) {
  // (10, 30, 24, 24) → 2×2 max pooling, stride 2 → (10, 30, 12, 12)
  Rng rng(1);
  Pooling<float> p(square_window(30, 24, 24, 2, 2));
  const Matrix<float> out = p.forward(random_matrix(10, 30 * 24 * 24, rng).cast<float>(), false);
  EXPECT_EQ(out.rows(), 10);
  EXPECT_EQ(out.cols(), 30 * 12 * 12);
}

TEST(Pooling, MaxOfEachWindowPerChannel) {
  // Book figure 7-14: 2×2 max pooling with stride 2 on a 4×4 map; two channels.
  //   1 2 1 0      channel 2 = −channel 1: its maxes are the negated minimums
  //   0 1 2 3
  //   3 0 1 2   → 2 3
  //   2 4 0 1     4 2
  const MatD c1 = mat({{1, 2, 1, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 4, 0, 1}});
  MatD x(1, 32);
  x << c1, -c1;
  Pooling<double> p(square_window(2, 4, 4, 2, 2));
  const MatD out = p.forward(x, false);
  EXPECT_TRUE(out.isApprox(mat({{2, 3, 4, 2, 0, 0, 0, 0}}))) << out;
}

TEST(Pooling, GradientGoesToTheArgmaxOnly) {
  Pooling<double> p(square_window(1, 4, 4, 2, 2));
  p.forward(mat({{1, 2, 1, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 4, 0, 1}}), true);
  const MatD dx = p.backward(mat({{10, 20, 30, 40}}));
  // maxes at (0,1)=2, (1,3)=3, (3,1)=4, (2,3)=2
  MatD expected = MatD::Zero(1, 16);
  expected(0, 1) = 10, expected(0, 7) = 20, expected(0, 13) = 30, expected(0, 11) = 40;
  EXPECT_TRUE(dx.isApprox(expected)) << dx;
}

TEST(Pooling, TiesGoToTheFirstMaxLikeArgmax) {
  Pooling<double> p(square_window(1, 2, 2, 2, 2));
  EXPECT_EQ(p.forward(mat({{5, 5, 5, 5}}), true)(0, 0), 5);
  EXPECT_TRUE(p.backward(mat({{1}})).isApprox(mat({{1, 0, 0, 0}})));
}

TEST(Pooling, OverlappingWindowsAddTheirGradients) {
  // 3×3 windows, stride 1 on a 4×4 map: the single largest pixel is the max of all 4 windows.
  MatD x = MatD::Zero(1, 16);
  x(0, 5) = 9;  // (1, 1) lies in every 3×3 window
  Pooling<double> p(square_window(1, 4, 4, 3, 1));
  EXPECT_TRUE(p.forward(x, true).isApprox(mat({{9, 9, 9, 9}})));
  EXPECT_NEAR(p.backward(mat({{1, 2, 3, 4}}))(0, 5), 10.0, 1e-12);
}

TEST(Pooling, GradientCheck) {
  Rng rng(13);
  const ConvGeometry shapes[] = {square_window(2, 4, 4, 2, 2), square_window(3, 6, 5, 3, 2), square_window(1, 5, 5, 2, 1),
                                 square_window(2, 5, 5, 2, 2, 1)};
  for (const ConvGeometry& g : shapes) {
    Pooling<double> p(g);
    // random normal values: ties (where the max is not differentiable) have probability 0
    expect_gradients_match(p, random_matrix(3, g.input_size(), rng), true, rng);
  }
}

TEST(Pooling, ShapeErrors) {
  Pooling<double> p(square_window(2, 4, 4, 2, 2));
  expect_error("shape.mismatch", [&] { p.forward(MatD::Zero(1, 16), false); });
  p.forward(MatD::Zero(2, 32), false);
  expect_error("shape.mismatch", [&] { p.backward(MatD::Zero(2, 4)); });
  expect_error("conv.bad_geometry", [] { Pooling<double> q(square_window(1, 2, 2, 3, 1)); });
}
