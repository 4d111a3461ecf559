// gemm.cpp — gemm<float>: the packed SIMD kernel in a wasm SIMD build (split over
// threads in the threads build), Eigen elsewhere.
#include "gemm.hpp"

#include "gemm_packed.hpp"
#if defined(SCRATCHNET_THREADS)
#include "gemm_parallel.hpp"
#include "threads.hpp"
#endif

namespace scratchnet::kernels {

#if defined(__wasm_simd128__)
#define SCRATCHNET_GEMM_PACKED 1
#else
#define SCRATCHNET_GEMM_PACKED 0
#endif

namespace {

// Xᵀ of a row-major X (R, C) is a (C, R) view with the strides swapped.
StridedMatrix view(const Matrix<float>& m, Transpose t) {
  if (t == Transpose::No) return {m.data(), m.rows(), m.cols(), m.cols(), 1};
  return {m.data(), m.cols(), m.rows(), 1, m.cols()};
}

}  // namespace

void gemm_float(const Matrix<float>& a, Transpose ta, const Matrix<float>& b, Transpose tb,
                Matrix<float>& c) {
  const StridedMatrix va = view(a, ta), vb = view(b, tb);
  c.resize(va.rows, vb.cols);
  if constexpr (SCRATCHNET_GEMM_PACKED) {
#if defined(SCRATCHNET_THREADS)
    // The threads build: large products are split over the pool (gemm_parallel.hpp).
    packed_gemm_parallel(va, vb, c.data(), c.cols(), shared_pool());
#else
    packed_gemm(va, vb, c.data(), c.cols());
#endif
  } else {
    eigen_gemm(a, ta, b, tb, c);
  }
}

const char* gemm_backend() { return SCRATCHNET_GEMM_PACKED ? "packed-wasm-simd128" : "eigen"; }

}  // namespace scratchnet::kernels
