// f32x4.hpp — four floats in one register: the only SIMD type our kernels use
// (the GEMM, the finiteness check and the sigmoid).
//
// WebAssembly SIMD has exactly one vector width, 128 bits, so the kernel is
// written against this tiny type and nothing else:
//   * in a wasm build with -msimd128 it is `v128_t` from <wasm_simd128.h>,
//     which V8 maps one-to-one onto SSE/AVX registers of the host CPU;
//   * everywhere else it is four plain floats. That portable version is the
//     *reference*: the native tests run the very same packing and blocking
//     code through it and compare against Eigen (tests/cpp/kernels/).
// There is no fused multiply-add in wasm SIMD (relaxed-simd is not in
// Emscripten 3.1.6), so the kernel multiplies and adds separately — exactly
// what an SSE2-only native build does too.
#pragma once

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#else
#include <cstdint>
#include <cstring>
#endif

namespace scratchnet::kernels {

#if defined(__wasm_simd128__)

struct F32x4 {
  v128_t v;
};
inline F32x4 zero4() { return {wasm_f32x4_splat(0.0f)}; }
// load32_splat reads one float and copies it to all four lanes (one vbroadcastss on x86).
inline F32x4 splat4(const float* p) { return {wasm_v128_load32_splat(p)}; }
inline F32x4 load4(const float* p) { return {wasm_v128_load(p)}; }
inline void store4(float* p, F32x4 a) { wasm_v128_store(p, a.v); }
inline F32x4 add4(F32x4 a, F32x4 b) { return {wasm_f32x4_add(a.v, b.v)}; }
inline F32x4 sub4(F32x4 a, F32x4 b) { return {wasm_f32x4_sub(a.v, b.v)}; }
inline F32x4 mul4(F32x4 a, F32x4 b) { return {wasm_f32x4_mul(a.v, b.v)}; }
inline F32x4 div4(F32x4 a, F32x4 b) { return {wasm_f32x4_div(a.v, b.v)}; }
inline F32x4 const4(float c) { return {wasm_f32x4_splat(c)}; }
// x limited to [lo, hi]; NaN stays NaN. pmin/pmax are wasm's "pseudo" min/max,
// b < a ? b : a, one minps/maxps on x86; with x first, a NaN x passes through.
inline F32x4 clamp4(F32x4 x, F32x4 lo, F32x4 hi) {
  return {wasm_f32x4_pmax(wasm_f32x4_pmin(x.v, hi.v), lo.v)};
}
// Lanes where a > b take `then`, the others `otherwise` (false for NaN, as in C++).
inline F32x4 where_greater4(F32x4 a, F32x4 b, F32x4 then, F32x4 otherwise) {
  return {wasm_v128_bitselect(then.v, otherwise.v, wasm_f32x4_gt(a.v, b.v))};
}
// 2ⁿ from m = n + 1.5·2²³, n a whole number in [−126, 127]. Adding 1.5·2²³ to a
// float rounds it to a whole number and leaves that number in the low mantissa
// bits of m; n + 127 is the IEEE exponent field of 2ⁿ, so (bits(m) + 127) << 23
// *is* the float 2ⁿ (the shift pushes m's own exponent bits out): no pow(), no table.
inline F32x4 pow2_from_shifted4(F32x4 m) {
  return {wasm_i32x4_shl(wasm_i32x4_add(m.v, wasm_i32x4_splat(127)), 23)};
}
// Rows r0..r3 of a 4 × 4 block become its columns (r0 = (a, b, c, d) → r0 = the
// four first lanes), with shuffles: how a row-major block is packed k-major.
inline void transpose4(F32x4& r0, F32x4& r1, F32x4& r2, F32x4& r3) {
  const v128_t t0 = wasm_i32x4_shuffle(r0.v, r1.v, 0, 4, 1, 5), t1 = wasm_i32x4_shuffle(r2.v, r3.v, 0, 4, 1, 5);
  const v128_t t2 = wasm_i32x4_shuffle(r0.v, r1.v, 2, 6, 3, 7), t3 = wasm_i32x4_shuffle(r2.v, r3.v, 2, 6, 3, 7);
  r0.v = wasm_i64x2_shuffle(t0, t1, 0, 2);
  r1.v = wasm_i64x2_shuffle(t0, t1, 1, 3);
  r2.v = wasm_i64x2_shuffle(t2, t3, 0, 2);
  r3.v = wasm_i64x2_shuffle(t2, t3, 1, 3);
}
inline constexpr const char* kF32x4Flavor = "wasm_simd128";

#else

struct F32x4 {
  float v[4];
};
inline F32x4 zero4() { return {{0.0f, 0.0f, 0.0f, 0.0f}}; }
inline F32x4 splat4(const float* p) { return {{*p, *p, *p, *p}}; }
inline F32x4 load4(const float* p) { return {{p[0], p[1], p[2], p[3]}}; }
inline void store4(float* p, F32x4 a) {
  for (int i = 0; i < 4; ++i) p[i] = a.v[i];
}
inline F32x4 add4(F32x4 a, F32x4 b) {
  for (int i = 0; i < 4; ++i) a.v[i] += b.v[i];
  return a;
}
inline F32x4 sub4(F32x4 a, F32x4 b) {
  for (int i = 0; i < 4; ++i) a.v[i] -= b.v[i];
  return a;
}
inline F32x4 mul4(F32x4 a, F32x4 b) {
  for (int i = 0; i < 4; ++i) a.v[i] *= b.v[i];
  return a;
}
inline F32x4 div4(F32x4 a, F32x4 b) {
  for (int i = 0; i < 4; ++i) a.v[i] /= b.v[i];
  return a;
}
inline F32x4 const4(float c) { return {{c, c, c, c}}; }
inline F32x4 clamp4(F32x4 x, F32x4 lo, F32x4 hi) {
  for (int i = 0; i < 4; ++i) {
    const float a = hi.v[i] < x.v[i] ? hi.v[i] : x.v[i];
    x.v[i] = a < lo.v[i] ? lo.v[i] : a;
  }
  return x;
}
inline F32x4 where_greater4(F32x4 a, F32x4 b, F32x4 then, F32x4 otherwise) {
  for (int i = 0; i < 4; ++i) otherwise.v[i] = a.v[i] > b.v[i] ? then.v[i] : otherwise.v[i];
  return otherwise;
}
// The same bit construction as the wasm version, so the native tests check the
// very numbers the wasm build computes.
inline F32x4 pow2_from_shifted4(F32x4 m) {
  for (int i = 0; i < 4; ++i) {
    std::uint32_t bits;
    std::memcpy(&bits, &m.v[i], sizeof bits);
    bits = (bits + 127u) << 23;
    std::memcpy(&m.v[i], &bits, sizeof bits);
  }
  return m;
}
inline void transpose4(F32x4& r0, F32x4& r1, F32x4& r2, F32x4& r3) {
  F32x4* rows[4] = {&r0, &r1, &r2, &r3};
  F32x4 in[4] = {r0, r1, r2, r3};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) rows[j]->v[i] = in[i].v[j];
}
inline constexpr const char* kF32x4Flavor = "portable";

#endif

}  // namespace scratchnet::kernels
