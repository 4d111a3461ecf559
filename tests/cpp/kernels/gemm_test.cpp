// gemm_test.cpp — the packed GEMM (cpp/kernels/gemm_packed.*) against Eigen.
//
// Natively the kernel is compiled with the portable 4-float type, so these
// tests check everything except the SIMD instructions themselves: packing,
// transposed views, block boundaries (kKc, kMc, kNc), ragged edge tiles and
// accumulation. The wasm SIMD build is checked through Node against a
// double-precision JavaScript reference (tests/node/lib/gemm.test.mjs).
#include <gtest/gtest.h>

#include <random>
#include <tuple>

#include "../error_of.hpp"
#include "kernels/gemm.hpp"
#include "gemm_test_util.hpp"
#include "kernels/gemm_packed.hpp"

namespace scratchnet::kernels {
namespace {

using MatF = Matrix<float>;
using MatD = Matrix<double>;

using test::random_matrix;
using test::view;

// Float sums of K products differ from the double reference by rounding that
// grows like √K·ε·Σ|a||b|; with |a|,|b| ≤ 1 this bound is generous and still
// catches any wrong or missing term (each term is ~1/K of a typical entry).
double tolerance(Index k) { return 1e-6 * static_cast<double>(k) + 1e-6; }

struct Shape {
  Index m, n, k;
};

class PackedGemmShapes : public ::testing::TestWithParam<std::tuple<Shape, bool, bool>> {};

TEST_P(PackedGemmShapes, MatchesEigenInDouble) {
  const auto [s, ta, tb] = GetParam();
  // Stored shapes: op(A) is (m, k), op(B) is (k, n).
  const MatF a = ta ? random_matrix(s.k, s.m, 1) : random_matrix(s.m, s.k, 1);
  const MatF b = tb ? random_matrix(s.n, s.k, 2) : random_matrix(s.k, s.n, 2);
  const MatD ad = a.cast<double>(), bd = b.cast<double>();
  const MatD expected = (ta ? MatD(ad.transpose()) : ad) * (tb ? MatD(bd.transpose()) : bd);

  MatF c(s.m, s.n);
  c.setConstant(123.0f);  // must be overwritten, not added to
  packed_gemm(view(a, ta), view(b, tb), c.data(), c.cols());
  const double err = (c.cast<double>() - expected).cwiseAbs().maxCoeff();
  EXPECT_LE(err, tolerance(s.k)) << s.m << "x" << s.n << "x" << s.k << " ta=" << ta << " tb=" << tb;

}

// Odd sizes around every tile and block edge: kMr = 4, kNr = 8, kKc = 256,
// kMc = 128; fewer rows than kMr (read in place, 16/4/1 columns at a time); plus the three products of a 784-100-10 training step and
// shapes wider than kNc = 2048.
INSTANTIATE_TEST_SUITE_P(
    OddAndTrainingShapes, PackedGemmShapes,
    ::testing::Combine(::testing::Values(Shape{1, 1, 1}, Shape{3, 7, 5}, Shape{5, 9, 13},
                                         Shape{13, 17, 255}, Shape{129, 33, 257},
                                         Shape{100, 100, 784}, Shape{100, 784, 100},
                                         Shape{784, 100, 100}, Shape{100, 10, 100},
                                         Shape{2, 2100, 3}, Shape{131, 11, 513},
                                         // fewer rows than a tile: the few_rows path
                                         Shape{1, 50, 784}, Shape{2, 37, 300}, Shape{3, 16, 9}),
                       ::testing::Bool(), ::testing::Bool()));

TEST(PackedGemm, EmptyInnerDimensionGivesZeros) {
  const MatF a(3, 0), b(0, 5);
  MatF c = MatF::Constant(3, 5, 7.0f);
  packed_gemm(view(a, false), view(b, false), c.data(), 5);
  EXPECT_EQ(c, MatF::Zero(3, 5));
}

TEST(PackedGemm, WritesOnlyInsideItsRowStride) {
  // C is the left 5 columns of a 4 × 9 buffer: columns 5..8 must stay untouched.
  const MatF a = random_matrix(4, 6, 3), b = random_matrix(6, 5, 4);
  MatF buffer = MatF::Constant(4, 9, -5.0f);
  packed_gemm(view(a, false), view(b, false), buffer.data(), 9);
  EXPECT_EQ(buffer.rightCols(4), MatF::Constant(4, 4, -5.0f));
  EXPECT_LE((buffer.leftCols(5) - a * b).cwiseAbs().maxCoeff(), 1e-5f);
}

TEST(Gemm, TheFourTransposeCombinationsAgreeWithEigenForFloatAndDouble) {
  const MatF a = random_matrix(37, 29, 5), b = random_matrix(29, 41, 6);
  const MatF at = a.transpose(), bt = b.transpose();
  const MatF expected = a * b;
  MatF c;
  gemm(a, Transpose::No, b, Transpose::No, c);
  EXPECT_LE((c - expected).cwiseAbs().maxCoeff(), 1e-5f);
  gemm(at, Transpose::Yes, b, Transpose::No, c);
  EXPECT_LE((c - expected).cwiseAbs().maxCoeff(), 1e-5f);
  gemm(a, Transpose::No, bt, Transpose::Yes, c);
  EXPECT_LE((c - expected).cwiseAbs().maxCoeff(), 1e-5f);
  gemm(at, Transpose::Yes, bt, Transpose::Yes, c);
  EXPECT_LE((c - expected).cwiseAbs().maxCoeff(), 1e-5f);

  MatD cd;
  gemm<double>(a.cast<double>(), Transpose::No, b.cast<double>(), Transpose::No, cd);
  EXPECT_LE((cd - expected.cast<double>()).cwiseAbs().maxCoeff(), 1e-5);
}

TEST(Gemm, RefusesMismatchedInnerDimensions) {
  const MatF a(3, 4), b(5, 2);
  MatF c;
  EXPECT_EQ(scratchnet::testing::error_of([&] { gemm(a, Transpose::No, b, Transpose::No, c); }), "shape.mismatch");
}

TEST(Gemm, NativeBuildsUseEigenAndThePortableKernel) {
  EXPECT_STREQ(gemm_backend(), "eigen");
  EXPECT_STREQ(packed_gemm_flavor(), "portable");
}

}  // namespace
}  // namespace scratchnet::kernels
