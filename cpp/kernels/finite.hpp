// finite.hpp — all_finite(m): does a matrix hold no NaN and no ±infinity?
//
// Every Affine layer checks its input and the trainer checks every gradient
// and weight after each step (the divergence guard), so this runs over about
// as many numbers per step as there are parameters. Eigen's allFinite()
// compares element by element and does not vectorize; in the wasm build,
// where Eigen has no packet math at all, it took a large share of a
// 784-100-10 training step. The trick used here vectorizes everywhere:
//   x − x is +0 for every finite x and NaN for NaN and ±inf,
// and a sum of +0s is +0 while any NaN makes the sum NaN. So
//   all finite  ⇔  Σ (x − x) == 0
// — one subtract and one add per element, no comparisons, no branches.
// (Without -ffast-math no compiler may fold x − x to 0: NaN forbids it.)
#pragma once

#include <Eigen/Core>

#include <cstddef>

#include "../core/matrix.hpp"
#include "f32x4.hpp"

namespace scratchnet {

namespace kernels {

// n contiguous floats, with the 4-lane type of f32x4.hpp.
inline bool all_finite(const float* p, std::size_t n) {
  F32x4 acc0 = zero4(), acc1 = zero4();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const F32x4 a = load4(p + i), b = load4(p + i + 4);
    acc0 = add4(acc0, sub4(a, a));
    acc1 = add4(acc1, sub4(b, b));
  }
  alignas(16) float lanes[4];
  store4(lanes, add4(acc0, acc1));
  float sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
  for (; i < n; ++i) sum += p[i] - p[i];
  return sum == 0.0f;
}

}  // namespace kernels

// Any Eigen expression: natively Eigen vectorizes this sum with its own packets.
template <class Derived>
bool all_finite(const Eigen::DenseBase<Derived>& m) {
  return (m.derived().array() - m.derived().array()).sum() == typename Derived::Scalar(0);
}

// A whole float matrix (the common case): in the wasm SIMD build, the loop above.
inline bool all_finite(const Matrix<float>& m) {
#if defined(__wasm_simd128__)
  return kernels::all_finite(m.data(), static_cast<std::size_t>(m.size()));
#else
  return all_finite<Matrix<float>>(m);
#endif
}

// A row-major float block, e.g. a Map of the caller's buffer (Network::infer
// reads its input in place): one kernel call per row when rows are not adjacent.
inline bool all_finite(const Eigen::Ref<const Matrix<float>>& m) {
#if defined(__wasm_simd128__)
  const auto cols = static_cast<std::size_t>(m.cols());
  if (m.outerStride() == m.cols()) return kernels::all_finite(m.data(), cols * static_cast<std::size_t>(m.rows()));
  for (Index i = 0; i < m.rows(); ++i)
    if (!kernels::all_finite(m.data() + i * m.outerStride(), cols)) return false;
  return true;
#else
  return all_finite<Eigen::Ref<const Matrix<float>>>(m);
#endif
}

}  // namespace scratchnet
