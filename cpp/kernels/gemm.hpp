// gemm.hpp — the one interface every hot matrix product goes through.
//
// An Affine layer spends almost all of a training step in three products
// (layers/affine.hpp):
//   forward   out = x · W        (N, in) · (in, out)
//   backward  dx  = dout · Wᵀ    (N, out) · (out, in)
//   backward  dW  = xᵀ · dout    (in, N) · (N, out)
// They differ only in which operand is read transposed, so one function
// covers all three: C = op(A) · op(B), op = identity or transpose.
//
// Which code runs:
//   float, wasm build with SIMD   the packed micro-kernel of gemm_packed.hpp
//                                 (Eigen 3.4 has no wasm packet math, so its
//                                 own products would run scalar code there)
//   float, every other build      Eigen's product (native: its SSE/AVX kernels)
//   double (gradient checks)      always Eigen, so the checks never depend on
//                                 the kernel they are meant to check
//
// Inference adds a fourth call, gemm(..., Epilogue): out = act(x·W + b) in
// one go (Affine::infer). The kernel adds b and applies the activation in
// the store of its register tile; Eigen's product is followed by the very
// same element-wise functions as passes of their own. Either way the numbers
// equal those of Affine::forward → Relu/Sigmoid::forward bit for bit.
#pragma once

#include <string>
#include <type_traits>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "gemm_packed.hpp"

namespace scratchnet {

enum class Transpose { No, Yes };

namespace kernels {

// C = op(a) · op(b) for float; defined in gemm.cpp (kernel or Eigen, see above).
void gemm_float(const Matrix<float>& a, Transpose ta, const Matrix<float>& b, Transpose tb,
                Matrix<float>& c);

// c = act(op(a) · op(b) + bias) (see gemm_packed.hpp's Epilogue) for any
// row-major float block a, e.g. a Map of a caller's buffer: not copied.
void gemm_float(const Eigen::Ref<const Matrix<float>>& a, Transpose ta, const Matrix<float>& b,
                Transpose tb, Matrix<float>& c, const Epilogue& epilogue);

// c (rows of op(a), cols of op(b)) = op(a) · op(b) on row-major blocks of
// the caller's buffers (a is a_rows × a_cols, b is b_rows × b_cols, c is
// written densely): the per-image products of a convolution. The same
// kernel as above, but never split over threads (each product is too small).
void gemm_float_block(const float* a, Index a_rows, Index a_cols, Transpose ta, const float* b,
                      Index b_rows, Index b_cols, Transpose tb, float* c);

// "packed-wasm-simd128" or "eigen": what gemm<float> runs in this build.
const char* gemm_backend();

// Eigen's product for op(a) · op(b). The four combinations are spelled out:
// Eigen picks its kernel from the expression type, so a runtime flag cannot
// be passed to it directly.
// `a`, `b` and `c` may be any dense Eigen operands (a Matrix, or a Ref or Map
// of a caller's buffer).
template <class A, class B, class C>
void eigen_gemm(const A& a, Transpose ta, const B& b, Transpose tb, C& c) {
  if (ta == Transpose::No && tb == Transpose::No) c.noalias() = a * b;
  else if (ta == Transpose::No) c.noalias() = a * b.transpose();
  else if (tb == Transpose::No) c.noalias() = a.transpose() * b;
  else c.noalias() = a.transpose() * b.transpose();
}

}  // namespace kernels

// c (rows of op(a), cols of op(b)) = op(a) · op(b). c is resized if needed
// (no allocation when it already has that shape) and must not alias a or b.
// Throws "shape.mismatch" when the inner dimensions differ.
template <class S>
void gemm(const Matrix<S>& a, Transpose ta, const Matrix<S>& b, Transpose tb, Matrix<S>& c) {
  const Index inner_a = ta == Transpose::No ? a.cols() : a.rows();
  const Index inner_b = tb == Transpose::No ? b.rows() : b.cols();
  if (inner_a != inner_b) {
    throw Error("shape.mismatch", "gemm: op(a) has " + std::to_string(inner_a) +
                                      " columns but op(b) has " + std::to_string(inner_b) + " rows");
  }
  if constexpr (std::is_same_v<S, float>) {
    kernels::gemm_float(a, ta, b, tb, c);
  } else {
    kernels::eigen_gemm(a, ta, b, tb, c);
  }
}

// c = act(op(a) · op(b) + bias), float only: the inference product of an
// Affine layer and the activation after it (Affine::infer). epilogue.bias, when
// set, holds one value per column of c. Same errors and resizing as above.
inline void gemm(const Eigen::Ref<const Matrix<float>>& a, Transpose ta, const Matrix<float>& b,
                 Transpose tb, Matrix<float>& c, const kernels::Epilogue& epilogue) {
  const Index inner_a = ta == Transpose::No ? a.cols() : a.rows();
  const Index inner_b = tb == Transpose::No ? b.rows() : b.cols();
  if (inner_a != inner_b) {
    throw Error("shape.mismatch", "gemm: op(a) has " + std::to_string(inner_a) +
                                      " columns but op(b) has " + std::to_string(inner_b) + " rows");
  }
  kernels::gemm_float(a, ta, b, tb, c, epilogue);
}

// The same product on row-major blocks inside other buffers (no copy, no
// allocation): a (a_rows, a_cols) at `a`, b (b_rows, b_cols) at `b`, c written
// densely at `c` with op(a)'s rows and op(b)'s columns. A convolution runs one
// per image on slices of its batch matrices (layers/convolution.hpp). The
// caller guarantees the inner dimensions agree and c overlaps neither.
template <class S>
void gemm_block(const S* a, Index a_rows, Index a_cols, Transpose ta, const S* b, Index b_rows,
                Index b_cols, Transpose tb, S* c) {
  if constexpr (std::is_same_v<S, float>) {
    kernels::gemm_float_block(a, a_rows, a_cols, ta, b, b_rows, b_cols, tb, c);
  } else {
    const Eigen::Map<const Matrix<S>> ma(a, a_rows, a_cols), mb(b, b_rows, b_cols);
    Eigen::Map<Matrix<S>> mc(c, ta == Transpose::No ? a_rows : a_cols, tb == Transpose::No ? b_cols : b_rows);
    kernels::eigen_gemm(ma, ta, mb, tb, mc);
  }
}

}  // namespace scratchnet
