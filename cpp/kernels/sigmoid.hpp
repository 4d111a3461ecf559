// sigmoid.hpp — σ(x) = 1 / (1 + e^(−x)) over n floats, four at a time.
//
// Eigen has no WebAssembly packet math, so in the wasm build its exp() is a
// call to the C library's scalar expf for every element: in a batch-100
// inference of the book's 784-50-100-10 sigmoid network that was 12 % of the
// time. Natively Eigen's own vectorized exp is used (cpp/layers/sigmoid.hpp).
//
// e^t the way vectorized math libraries compute it (Cephes' expf, which is
// also what Eigen's SSE/AVX exp does):
//   1. split t = n·ln 2 + r with n a whole number and |r| ≤ ½ ln 2,
//      so e^t = 2ⁿ · e^r;
//   2. e^r from a degree-7 polynomial (Taylor-like, coefficients fitted for
//      this small interval), accurate to about one unit in the last place;
//   3. 2ⁿ built directly as the bits of a float (f32x4.hpp, pow2_from_shifted4).
// ln 2 is split into a short part C1 (exact in float, so n·C1 is exact) and a
// tiny correction C2: r = t − n·C1 − n·C2 then keeps its low bits.
//
// Edges: t is clamped to [−87, 88] so 2ⁿ stays a normal float. Where σ(x)
// would be smaller than the smallest normal float (x < −87.34, σ < 1.2e-38)
// the result is 0: "flush to zero", as vectorized math libraries do; plain
// 1/(1 + expf(−x)) reaches 0 a little later, at x < −88.72. NaN stays NaN.
// The largest error against a double-precision σ is measured by
// tests/cpp/kernels/sigmoid_test.cpp (native, portable lanes) and
// tests/node/lib/sigmoid.test.mjs (the wasm SIMD build).
#pragma once

#include <cstddef>

#include "../core/matrix.hpp"
#include "f32x4.hpp"

namespace scratchnet::kernels {

// e^t for four lanes, t already clamped to [−87, 88].
inline F32x4 exp4_clamped(F32x4 t) {
  // n = round(t / ln 2): adding 1.5·2²³ rounds to a whole number, subtracting it gives n back
  const F32x4 shift = const4(12582912.0f);
  const F32x4 m = add4(mul4(t, const4(1.44269504088896341f)), shift);
  const F32x4 n = sub4(m, shift);
  F32x4 r = sub4(t, mul4(n, const4(0.693359375f)));
  r = sub4(r, mul4(n, const4(-2.12194440e-4f)));
  // e^r ≈ 1 + r + r²·(½ + r·(1/6 + r·(…)))
  F32x4 p = const4(1.9875691500e-4f);
  p = add4(mul4(p, r), const4(1.3981999507e-3f));
  p = add4(mul4(p, r), const4(8.3334519073e-3f));
  p = add4(mul4(p, r), const4(4.1665795894e-2f));
  p = add4(mul4(p, r), const4(1.6666665459e-1f));
  p = add4(mul4(p, r), const4(5.0000001201e-1f));
  p = add4(add4(mul4(mul4(p, r), r), r), const4(1.0f));
  return mul4(p, pow2_from_shifted4(m));
}

// σ for four lanes.
inline F32x4 sigmoid4(F32x4 x) {
  const F32x4 t = sub4(zero4(), x);  // e^(−x)
  const F32x4 e = exp4_clamped(clamp4(t, const4(-87.0f), const4(88.0f)));
  const F32x4 one = const4(1.0f);
  const F32x4 y = div4(one, add4(one, e));
  return where_greater4(t, const4(87.3365447f), zero4(), y);  // σ < 1.2e-38 there: 0
}

// y[i] = σ(x[i]) for i < n; x and y may be the same array.
inline void sigmoid(const float* x, float* y, std::size_t n) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) store4(y + i, sigmoid4(load4(x + i)));
  if (i < n) {  // the last 1–3 values through a zero-padded lane group
    alignas(16) float in[4] = {0.0f, 0.0f, 0.0f, 0.0f}, out[4];
    for (std::size_t j = i; j < n; ++j) in[j - i] = x[j];
    store4(out, sigmoid4(load4(in)));
    for (std::size_t j = i; j < n; ++j) y[j] = out[j - i];
  }
}

// y = σ(x) for a float matrix: this kernel in the wasm SIMD build, where
// Eigen's exp is scalar; natively Eigen's own vectorized exp.
inline void sigmoid(const Matrix<float>& x, Matrix<float>& y) {
#if defined(__wasm_simd128__)
  y.resize(x.rows(), x.cols());
  sigmoid(x.data(), y.data(), static_cast<std::size_t>(x.size()));
#else
  y = (1.0f + (-x.array()).exp()).inverse().matrix();
#endif
}

}  // namespace scratchnet::kernels
