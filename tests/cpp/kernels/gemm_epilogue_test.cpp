// gemm_epilogue_test.cpp — the packed GEMM's epilogue (cpp/kernels/gemm_packed.*):
// bias and activation applied in the store give exactly, bit for bit, what the
// plain product followed by the separate passes gives (Affine's + b, then
// Relu's x > 0 ? x : 0 or the sigmoid kernel). Same operations in the same
// order, so no tolerance: EXPECT_EQ on every float.
//
// Natively the kernel runs with the portable 4-float type (f32x4.hpp); the
// wasm SIMD build is checked the same way through Node
// (tests/node/lib/infer.test.mjs: fused predict vs the traced layer forward).
#include <gtest/gtest.h>

#include <random>
#include <tuple>

#include "../error_of.hpp"
#include "kernels/gemm.hpp"
#include "kernels/gemm_packed.hpp"
#include "kernels/sigmoid.hpp"
#include "gemm_test_util.hpp"

namespace scratchnet::kernels {
namespace {

using MatF = Matrix<float>;

using test::random_matrix;
using test::view;

// The separate passes the epilogue replaces, on the kernel's plain product.
MatF unfused(const MatF& a, const MatF& b, const MatF* bias, Activation act) {
  MatF c(a.rows(), b.cols());
  packed_gemm(view(a), view(b), c.data(), c.cols());
  if (bias) c.rowwise() += bias->row(0);                                    // Affine: + b
  if (act == Activation::Relu) c = (c.array() > 0.0f).select(c.array(), 0.0f).matrix();  // Relu
  if (act == Activation::Sigmoid) sigmoid(c.data(), c.data(), static_cast<std::size_t>(c.size()));
  return c;
}

struct Shape {
  Index m, n, k;
};

class EpilogueShapes : public ::testing::TestWithParam<std::tuple<Shape, Activation, bool>> {};

TEST_P(EpilogueShapes, EqualsTheSeparatePassesBitForBit) {
  const auto [s, act, with_bias] = GetParam();
  // Scaled so that sums reach the sigmoid's flat ends and cross zero often.
  const MatF a = random_matrix(s.m, s.k, 1, 3.0f), b = random_matrix(s.k, s.n, 2);
  const MatF bias = random_matrix(1, s.n, 3, 2.0f);
  const MatF expected = unfused(a, b, with_bias ? &bias : nullptr, act);

  MatF c = MatF::Constant(s.m, s.n, 123.0f);  // must be overwritten, not added to
  packed_gemm(view(a), view(b), c.data(), c.cols(), Epilogue{with_bias ? bias.data() : nullptr, act});
  EXPECT_EQ(c, expected) << s.m << "x" << s.n << "x" << s.k;
  // With more than a few outputs some sums were negative and got clipped.
  if (act == Activation::Relu && c.size() >= 20) EXPECT_EQ(c.minCoeff(), 0.0f);
}

// Ragged tiles (kMr = 4, kNr = 8), several depth passes (kKc = 256: the
// epilogue must run on the last only), fewer rows than a tile (few_rows: 16-,
// 4- and 1-column parts), wider than kNc = 2048, and the book's 784-50-100-10.
INSTANTIATE_TEST_SUITE_P(
    TilesAndPasses, EpilogueShapes,
    ::testing::Combine(::testing::Values(Shape{1, 1, 1}, Shape{3, 7, 5}, Shape{5, 9, 13},
                                         Shape{13, 17, 255}, Shape{129, 33, 257}, Shape{131, 11, 513},
                                         Shape{100, 50, 784}, Shape{100, 100, 50}, Shape{100, 10, 100},
                                         Shape{1, 50, 784}, Shape{2, 37, 300}, Shape{3, 23, 9},
                                         Shape{6, 2100, 3}),
                       ::testing::Values(Activation::None, Activation::Relu, Activation::Sigmoid),
                       ::testing::Bool()));

TEST(GemmEpilogue, AColumnBlockTakesItsOwnSliceOfTheBias) {
  // How a caller splits C into column blocks (e.g. over threads): block
  // [j0, j1) of C with bias + j0 and C's own row stride gives the same
  // numbers as the whole product.
  const MatF a = random_matrix(37, 70, 4), b = random_matrix(70, 45, 5), bias = random_matrix(1, 45, 6);
  const MatF whole = unfused(a, b, &bias, Activation::Sigmoid);
  MatF c = MatF::Constant(37, 45, -7.0f);
  const Index j0 = 13, j1 = 30;  // not multiples of the tile width
  const MatF b_block = b.middleCols(j0, j1 - j0);
  packed_gemm(view(a), view(b_block), c.data() + j0, c.cols(), Epilogue{bias.data() + j0, Activation::Sigmoid});
  EXPECT_EQ(c.middleCols(j0, j1 - j0), whole.middleCols(j0, j1 - j0));
  EXPECT_EQ(c.leftCols(j0), MatF::Constant(37, j0, -7.0f));  // outside the block: untouched
  EXPECT_EQ(c.rightCols(45 - j1), MatF::Constant(37, 45 - j1, -7.0f));
}

TEST(GemmEpilogue, EmptyInnerDimensionGivesTheActivationOfTheBias) {
  const MatF a(3, 0), b(0, 5), bias = random_matrix(1, 5, 7);
  MatF c = MatF::Constant(3, 5, 9.0f);
  packed_gemm(view(a), view(b), c.data(), 5, Epilogue{bias.data(), Activation::Relu});
  for (Index i = 0; i < 3; ++i)
    for (Index j = 0; j < 5; ++j) EXPECT_EQ(c(i, j), bias(0, j) > 0.0f ? bias(0, j) : 0.0f);
}

TEST(GemmEpilogue, ThePublicGemmReadsABlockInPlaceAndMatchesTheSeparatePasses) {
  // gemm(Ref, …, Epilogue) natively: Eigen's product, then the same passes.
  const MatF wide = random_matrix(20, 40, 8), w = random_matrix(31, 12, 9), bias = random_matrix(1, 12, 10);
  const auto block = wide.block(2, 3, 15, 31);  // rows 40 floats apart: a strided view, not a copy
  MatF c;
  gemm(block, Transpose::No, w, Transpose::No, c, Epilogue{bias.data(), Activation::Relu});
  MatF expected;
  gemm(MatF(block), Transpose::No, w, Transpose::No, expected);
  expected.rowwise() += bias.row(0);
  expected = (expected.array() > 0.0f).select(expected.array(), 0.0f).matrix();
  EXPECT_EQ(c, expected);
  EXPECT_EQ(scratchnet::testing::error_of([&] {
              gemm(block, Transpose::Yes, w, Transpose::No, c, Epilogue{});
            }),
            "shape.mismatch");
}

}  // namespace
}  // namespace scratchnet::kernels
