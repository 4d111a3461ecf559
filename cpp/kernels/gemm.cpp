// gemm.cpp — gemm<float>: the packed SIMD kernel in a wasm SIMD build (split over
// threads in the threads build), Eigen elsewhere.
#include "gemm.hpp"

#include "gemm_packed.hpp"
#include "sigmoid.hpp"
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
StridedMatrix view(const float* data, Index rows, Index cols, Index row_stride, Transpose t) {
  if (t == Transpose::No) return {data, rows, cols, row_stride, 1};
  return {data, cols, rows, 1, row_stride};
}
StridedMatrix view(const Matrix<float>& m, Transpose t) { return view(m.data(), m.rows(), m.cols(), m.cols(), t); }

// The epilogue as passes of their own after Eigen's product: the same
// expressions as Affine::forward (out.rowwise() += b), Relu::forward (x > 0 ?
// x : 0) and Sigmoid::forward (kernels::sigmoid).
void apply_epilogue(Matrix<float>& c, const Epilogue& ep) {
  if (ep.bias) c.rowwise() += Eigen::Map<const RowVector<float>>(ep.bias, c.cols());
  if (ep.act == Activation::Relu) c = (c.array() > 0.0f).select(c.array(), 0.0f).matrix();
  if (ep.act == Activation::Sigmoid) sigmoid(c, c);  // element-wise, so in place is fine
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

void gemm_float(const Eigen::Ref<const Matrix<float>>& a, Transpose ta, const Matrix<float>& b,
                Transpose tb, Matrix<float>& c, const Epilogue& epilogue) {
  const StridedMatrix va = view(a.data(), a.rows(), a.cols(), a.outerStride(), ta), vb = view(b, tb);
  c.resize(va.rows, vb.cols);
  if constexpr (SCRATCHNET_GEMM_PACKED) {
#if defined(SCRATCHNET_THREADS)
    // finished in the kernel's store, blocks split over the pool (gemm_parallel.hpp)
    packed_gemm_parallel(va, vb, c.data(), c.cols(), shared_pool(), epilogue);
#else
    packed_gemm(va, vb, c.data(), c.cols(), epilogue);  // finished in the kernel's store
#endif
  } else {
    eigen_gemm(a, ta, b, tb, c);
    apply_epilogue(c, epilogue);
  }
}

void gemm_float_block(const float* a, Index a_rows, Index a_cols, Transpose ta, const float* b,
                      Index b_rows, Index b_cols, Transpose tb, float* c) {
  const StridedMatrix va = view(a, a_rows, a_cols, a_cols, ta), vb = view(b, b_rows, b_cols, b_cols, tb);
  if constexpr (SCRATCHNET_GEMM_PACKED) {
    // One thread even in the threads build: a convolution's per-image product
    // (30 × 25 · 25 × 576 for SimpleConvNet) takes well under 0.1 ms, about what
    // waking the pool and waiting for it costs; 100 of them per batch would
    // each pay it.
    packed_gemm(va, vb, c, vb.cols);
  } else {
    const Eigen::Map<const Matrix<float>> ma(a, a_rows, a_cols), mb(b, b_rows, b_cols);
    Eigen::Map<Matrix<float>> mc(c, va.rows, vb.cols);
    eigen_gemm(ma, ta, mb, tb, mc);
  }
}

const char* gemm_backend() { return SCRATCHNET_GEMM_PACKED ? "packed-wasm-simd128" : "eigen"; }

}  // namespace scratchnet::kernels
