// Tests for cpp/layers/convolution.hpp: the book's ch. 7 shapes, a filter by
// hand, float against double, the gradient check (stride 2 and pad 1
// included) and shape errors.
#include "layers/convolution.hpp"

#include <gtest/gtest.h>

#include "conv_test_util.hpp"
#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(Convolution, TheBooksChapter7Shapes) {
  // SimpleConvNet: x (10, 1, 28, 28), 30 filters 5×5, stride 1, pad 0 → (10, 30, 24, 24).
  Rng rng(1);
  const ConvGeometry g = square_window(1, 28, 28, 5, 1, 0);
  Convolution<float> conv(random_matrix(30, 25, rng).cast<float>(), Matrix<float>::Zero(1, 30), g);
  const Matrix<float> out = conv.forward(random_matrix(10, 784, rng).cast<float>(), false);
  EXPECT_EQ(out.rows(), 10);
  EXPECT_EQ(out.cols(), 30 * 24 * 24);
  EXPECT_EQ(conv.output_size(), 30 * 24 * 24);
}

TEST(Convolution, OneFilterByHand) {
  // Book figure 7-3/7-5 style: a 4×4 input, a 3×3 filter, bias 3.
  //   1 2 3 0      2 0 1
  //   0 1 2 3      0 1 2      → 15 16   (+3 → 18 19)
  //   3 0 1 2      1 0 2         6 15         9 18
  //   2 3 0 1
  Convolution<double> conv(mat({{2, 0, 1, 0, 1, 2, 1, 0, 2}}), mat({{3}}), square_window(1, 4, 4, 3, 1, 0));
  const MatD out = conv.forward(mat({{1, 2, 3, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1}}), false);
  EXPECT_TRUE(out.isApprox(mat({{18, 19, 9, 18}}))) << out;
}

TEST(Convolution, OutputIsFilterMajor) {
  // Two filters: one copies the pixel, the other negates it (1×1 windows).
  // The output row is (f, oh, ow): first the whole map of filter 0, then filter 1.
  Convolution<double> conv(mat({{1}, {-1}}), mat({{0, 10}}), square_window(1, 2, 2, 1, 1, 0));
  const MatD out = conv.forward(mat({{1, 2, 3, 4}}), false);
  EXPECT_TRUE(out.isApprox(mat({{1, 2, 3, 4, 9, 8, 7, 6}}))) << out;
}

TEST(Convolution, FloatAgreesWithDouble) {
  Rng rng(5);
  const ConvGeometry g = square_window(3, 9, 8, 3, 2, 1);
  const MatD W = random_matrix(4, g.window_size(), rng, 0.3), b = random_matrix(1, 4, rng);
  const MatD x = random_matrix(5, g.input_size(), rng);
  Convolution<double> cd(W, b, g);
  Convolution<float> cf(W.cast<float>(), b.cast<float>(), g);
  const MatD yd = cd.forward(x, true);
  const MatD yf = cf.forward(x.cast<float>(), true).cast<double>();
  EXPECT_LT((yd - yf).cwiseAbs().maxCoeff(), 1e-5);
  const MatD G = random_matrix(yd.rows(), yd.cols(), rng);
  const MatD dxd = cd.backward(G);
  const MatD dxf = cf.backward(G.cast<float>()).cast<double>();
  EXPECT_LT((dxd - dxf).cwiseAbs().maxCoeff(), 1e-4);
  EXPECT_LT((*cd.params()[0].grad - cf.params()[0].grad->cast<double>()).cwiseAbs().maxCoeff(), 1e-3);
}

TEST(Convolution, GradientCheck) {
  Rng rng(11);
  const ConvGeometry shapes[] = {square_window(1, 5, 5, 3, 1, 0), square_window(2, 6, 7, 3, 2, 1),
                                 square_window(3, 5, 4, 2, 1, 1), square_window(2, 7, 7, 3, 2, 0)};
  for (const ConvGeometry& g : shapes) {
    Convolution<double> conv(random_matrix(3, g.window_size(), rng, 0.5), random_matrix(1, 3, rng), g);
    expect_gradients_match(conv, random_matrix(2, g.input_size(), rng), true, rng);
  }
}

TEST(Convolution, FirstLayerCanSkipDx) {
  Rng rng(2);
  const ConvGeometry g = square_window(1, 4, 4, 3, 1, 0);
  Convolution<double> conv(random_matrix(2, 9, rng), random_matrix(1, 2, rng), g);
  conv.set_input_gradient(false);
  const MatD y = conv.forward(random_matrix(3, 16, rng), true);
  EXPECT_EQ(conv.backward(MatD::Ones(y.rows(), y.cols())).size(), 0);
  EXPECT_NEAR((*conv.params()[1].grad)(0, 0), 3.0 * 4.0, 1e-12);  // db = Σ over 3 samples × 4 positions
}

TEST(Convolution, ShapeErrors) {
  const ConvGeometry g = square_window(2, 4, 4, 3, 1, 0);
  expect_error("shape.mismatch", [&] { Convolution<double>(MatD::Zero(2, 9), MatD::Zero(1, 2), g); });
  expect_error("shape.mismatch", [&] { Convolution<double>(MatD::Zero(2, 18), MatD::Zero(1, 3), g); });
  Convolution<double> conv(MatD::Zero(2, 18), MatD::Zero(1, 2), g);
  expect_error("shape.mismatch", [&] { conv.forward(MatD::Zero(1, 31), false); });
  expect_error("shape.mismatch", [&] { conv.backward(MatD::Zero(1, 8)); });
  MatD bad = MatD::Zero(1, 32);
  bad(0, 5) = std::nan("");
  expect_error("input.not_finite", [&] { conv.forward(bad, false); });
}
