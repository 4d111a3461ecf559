// gemm_parallel_test.cpp — the split product of the threads build
// (cpp/kernels/gemm_parallel.*) gives the single-thread kernel's numbers bit
// for bit: every element is computed by one thread with the same operations.
// Natively the kernel is the portable 4-float one (see gemm_test.cpp); the
// wasm threads build is compared with the SIMD build in Chromium
// (tests/browser/threads.test.mjs).
#include <gtest/gtest.h>

#include <random>
#include <tuple>

#include "kernels/gemm_parallel.hpp"
#include "kernels/thread_pool.hpp"
#include "gemm_test_util.hpp"
#include "core/matrix.hpp"

namespace scratchnet::kernels {
namespace {

using MatF = Matrix<float>;

using test::random_matrix;
using test::view;

struct Shape {
  Index m, n, k;
};

class ParallelGemm : public ::testing::TestWithParam<std::tuple<Shape, int, bool, bool>> {};

TEST_P(ParallelGemm, EqualsOneThreadBitForBit) {
  const auto [s, threads, ta, tb] = GetParam();
  const MatF a = ta ? random_matrix(s.k, s.m, 3) : random_matrix(s.m, s.k, 3);
  const MatF b = tb ? random_matrix(s.n, s.k, 4) : random_matrix(s.k, s.n, 4);
  MatF one(s.m, s.n), split(s.m, s.n);
  packed_gemm(view(a, ta), view(b, tb), one.data(), one.cols());
  ThreadPool pool(threads);
  split.setConstant(123.0f);  // every element must be written
  packed_gemm_parallel(view(a, ta), view(b, tb), split.data(), split.cols(), &pool);
  for (Index i = 0; i < one.size(); ++i) {
    ASSERT_EQ(split.data()[i], one.data()[i]) << "element " << i << " of " << s.m << "x" << s.n << "x" << s.k
                                              << " on " << threads << " threads";
  }
}

// The training products of 784-100-10 / 100 and 784-256-128-10 / 128, split by
// columns (n ≥ m) and by rows (m > n); ragged edges (not multiples of the 4 × 8
// tile), more threads than tiles, a depth past the 256-deep blocking, and one
// under the size worth splitting (run on the caller alone).
INSTANTIATE_TEST_SUITE_P(
    Shapes, ParallelGemm,
    ::testing::Combine(::testing::Values(Shape{100, 100, 784}, Shape{784, 100, 100}, Shape{128, 256, 784},
                                         Shape{257, 131, 300}, Shape{103, 9, 777}, Shape{9, 1001, 333},
                                         Shape{6, 6, 6}),
                       ::testing::Values(2, 3, 8), ::testing::Bool(), ::testing::Bool()));

TEST(ParallelGemmSplit, SmallProductsAndNoPoolRunOnOneThread) {
  const MatF a = random_matrix(4, 8, 5), b = random_matrix(8, 8, 6);
  MatF one(4, 8), split(4, 8);
  packed_gemm(view(a, false), view(b, false), one.data(), 8);
  packed_gemm_parallel(view(a, false), view(b, false), split.data(), 8, nullptr);
  EXPECT_EQ(split, one);
  static_assert(kMinParallelMacs > 4 * 8 * 8);
}

}  // namespace
}  // namespace scratchnet::kernels
