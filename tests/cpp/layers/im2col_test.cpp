// Tests for cpp/layers/im2col.hpp: the book's col shapes (7.4.3), a window
// by hand, im2col · W against a direct (six-loop) convolution on random
// shapes with stride and padding, col2im as the adjoint of im2col, and the
// per-image transposed layout (im2col_image / col2im_image) against both.
#include "layers/im2col.hpp"

#include <gtest/gtest.h>

#include "conv_test_util.hpp"
#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

namespace {


// out[n, f, oh, ow] = Σ_c Σ_fy Σ_fx x[n, c, oh·s − p + fy, ow·s − p + fx] · W[f, c, fy, fx]
// — the definition of convolution (book figure 7-4), padding read as zeros.
MatD direct_convolution(const MatD& x, const MatD& W, const ConvGeometry& g) {
  const Index FN = W.rows(), OH = g.out_h(), OW = g.out_w();
  MatD out = MatD::Zero(x.rows(), FN * OH * OW);
  for (Index n = 0; n < x.rows(); ++n)
    for (Index f = 0; f < FN; ++f)
      for (Index oh = 0; oh < OH; ++oh)
        for (Index ow = 0; ow < OW; ++ow) {
          double sum = 0;
          for (Index c = 0; c < g.channels; ++c)
            for (Index fy = 0; fy < g.filter_h; ++fy)
              for (Index fx = 0; fx < g.filter_w; ++fx) {
                const Index y = oh * g.stride - g.pad + fy, xx = ow * g.stride - g.pad + fx;
                if (y < 0 || y >= g.height || xx < 0 || xx >= g.width) continue;
                sum += x(n, (c * g.height + y) * g.width + xx) *
                       W(f, (c * g.filter_h + fy) * g.filter_w + fx);
              }
          out(n, (f * OH + oh) * OW + ow) = sum;
        }
  return out;
}

}  // namespace

TEST(Im2col, TheBooksShapes) {
  // Book 7.4.3: x1 (1, 3, 7, 7), 5×5 filter, stride 1, pad 0 → col1 (9, 75);
  //             x2 (10, 3, 7, 7) → col2 (90, 75).
  Rng rng(1);
  const ConvGeometry g = conv_geometry(3, 7, 7, 5, 5, 1, 0);
  MatD col;
  im2col(random_matrix(1, 3 * 7 * 7, rng), g, col);
  EXPECT_EQ(col.rows(), 9);
  EXPECT_EQ(col.cols(), 75);
  im2col(random_matrix(10, 3 * 7 * 7, rng), g, col);
  EXPECT_EQ(col.rows(), 90);
  EXPECT_EQ(col.cols(), 75);
}

TEST(Im2col, WindowsByHandWithPadding) {
  // One 3×3 image 1..9, 2×2 window, stride 2, pad 1 → 2×2 windows:
  //   0 0 0 0 0
  //   0 1 2 3 0      windows at (−1,−1), (−1,1), (1,−1), (1,1)
  //   0 4 5 6 0
  //   0 7 8 9 0
  //   0 0 0 0 0
  const ConvGeometry g = conv_geometry(1, 3, 3, 2, 2, 2, 1);
  ASSERT_EQ(g.out_h(), 2);
  MatD col;
  im2col(mat({{1, 2, 3, 4, 5, 6, 7, 8, 9}}), g, col);
  const MatD expected = mat({{0, 0, 0, 1}, {0, 0, 2, 3}, {0, 4, 0, 7}, {5, 6, 8, 9}});
  EXPECT_TRUE(col.isApprox(expected)) << col;
}

TEST(Im2col, ProductEqualsDirectConvolutionOnRandomShapes) {
  Rng rng(7);
  struct Case { Index N, C, H, W, FN, FH, FW, stride, pad; };
  const Case cases[] = {
      {2, 1, 5, 5, 3, 3, 3, 1, 0},  {3, 2, 6, 7, 4, 3, 3, 2, 1}, {2, 3, 7, 5, 2, 2, 3, 2, 1},
      {1, 2, 4, 4, 5, 1, 1, 1, 0},  {2, 1, 8, 8, 2, 5, 5, 1, 2}, {4, 2, 5, 6, 3, 4, 2, 3, 1},
  };
  for (const Case& k : cases) {
    const ConvGeometry g = conv_geometry(k.C, k.H, k.W, k.FH, k.FW, k.stride, k.pad);
    const MatD x = random_matrix(k.N, g.input_size(), rng);
    const MatD W = random_matrix(k.FN, g.window_size(), rng);
    MatD col;
    im2col(x, g, col);
    const MatD out_col = col * W.transpose();  // (N·OH·OW, FN)
    const MatD direct = direct_convolution(x, W, g);
    const Index P = g.positions();
    double worst = 0;
    for (Index n = 0; n < k.N; ++n)
      for (Index f = 0; f < k.FN; ++f)
        for (Index p = 0; p < P; ++p)
          worst = std::max(worst, std::abs(out_col(n * P + p, f) - direct(n, f * P + p)));
    EXPECT_LT(worst, 1e-12) << "C" << k.C << " H" << k.H << " W" << k.W << " F" << k.FH << "x"
                            << k.FW << " stride " << k.stride << " pad " << k.pad;
  }
}

TEST(Im2col, Col2imIsTheAdjointOfIm2col) {
  // ⟨im2col(x), y⟩ = ⟨x, col2im(y)⟩ for every x and y: col2im is im2col's
  // transpose, which is what backward needs (each pixel sums the gradients
  // of all windows it was copied into).
  Rng rng(3);
  const ConvGeometry shapes[] = {conv_geometry(2, 6, 7, 3, 3, 1, 0), conv_geometry(3, 7, 7, 3, 2, 2, 1),
                                 conv_geometry(1, 5, 5, 4, 4, 3, 2), conv_geometry(2, 4, 4, 2, 2, 2, 0)};
  for (const ConvGeometry& g : shapes) {
    const Index N = 3;
    const MatD x = random_matrix(N, g.input_size(), rng);
    const MatD y = random_matrix(N * g.positions(), g.window_size(), rng);
    MatD col;
    im2col(x, g, col);
    const double lhs = col.cwiseProduct(y).sum();
    const double rhs = x.cwiseProduct(col2im(y, g, N)).sum();
    EXPECT_NEAR(lhs, rhs, 1e-10 * (1 + std::abs(lhs)));
  }
}

TEST(Im2col, Col2imCountsOverlaps) {
  // All-ones col: each pixel receives the number of windows that contain it.
  // 3×3 image, 2×2 window, stride 1 → the centre is in all 4 windows.
  const ConvGeometry g = conv_geometry(1, 3, 3, 2, 2, 1, 0);
  const MatD counts = col2im<double>(MatD::Ones(4, 4), g, 1);
  EXPECT_TRUE(counts.isApprox(mat({{1, 2, 1, 2, 4, 2, 1, 2, 1}}))) << counts;
}

TEST(Im2col, RejectsAWindowLargerThanTheImage) {
  expect_error("conv.bad_geometry", [] { conv_geometry(1, 3, 3, 5, 5, 1, 0).validate("test"); });
  expect_error("conv.bad_geometry", [] { conv_geometry(1, 3, 3, 2, 2, 0, 0).validate("test"); });
  conv_geometry(1, 3, 3, 5, 5, 1, 1).validate("test");  // fits once padded
}

TEST(Im2col, ImageColumnsAreTheBooksRowsTransposed) {
  // im2col_image (the Convolution layer's layout): image n's block of the
  // book's col, transposed — exactly, element for element, including the
  // zeros of the padding, for strides 1–3 and pads 0–2 (a pad as large as
  // the window leaves whole rows of zeros).
  Rng rng(4);
  const ConvGeometry shapes[] = {conv_geometry(1, 28, 28, 5, 5, 1, 0), conv_geometry(3, 7, 7, 3, 2, 2, 1),
                                 conv_geometry(1, 5, 5, 4, 4, 3, 2), conv_geometry(2, 6, 7, 3, 3, 1, 1),
                                 conv_geometry(2, 4, 4, 2, 2, 2, 2), conv_geometry(1, 3, 8, 1, 3, 1, 0)};
  for (const ConvGeometry& g : shapes) {
    const Index N = 3, K = g.window_size(), P = g.positions();
    const MatD x = random_matrix(N, g.input_size(), rng);
    MatD col;
    im2col(x, g, col);
    MatD colT(K, P);
    for (Index n = 0; n < N; ++n) {
      colT.setConstant(-7.0);  // every element must be written
      im2col_image(x.data() + n * g.input_size(), g, colT.data());
      EXPECT_EQ(colT, col.middleRows(n * P, P).transpose()) << "image " << n << ", " << g.height << "×"
                                                            << g.width << " stride " << g.stride << " pad " << g.pad;
    }
  }
}

TEST(Im2col, Col2imImageIsTheAdjointOfIm2colImage) {
  // ⟨im2col_image(x), y⟩ = ⟨x, col2im_image(y)⟩, and col2im_image adds onto
  // what the image holds (the layer zeroes dx once for the whole batch).
  Rng rng(5);
  const ConvGeometry shapes[] = {conv_geometry(2, 6, 7, 3, 3, 1, 0), conv_geometry(3, 7, 7, 3, 2, 2, 1),
                                 conv_geometry(1, 5, 5, 4, 4, 3, 2), conv_geometry(2, 4, 4, 2, 2, 2, 2)};
  for (const ConvGeometry& g : shapes) {
    const MatD x = random_matrix(1, g.input_size(), rng);
    const MatD y = random_matrix(g.window_size(), g.positions(), rng);
    MatD colT(g.window_size(), g.positions());
    im2col_image(x.data(), g, colT.data());
    const MatD base = random_matrix(1, g.input_size(), rng);
    MatD dx = base;
    col2im_image(y.data(), g, dx.data());
    const double lhs = colT.cwiseProduct(y).sum();
    const double rhs = x.cwiseProduct(dx - base).sum();
    EXPECT_NEAR(lhs, rhs, 1e-10 * (1 + std::abs(lhs)));
  }
}
