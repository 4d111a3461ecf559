// f32x4.hpp — four floats in one register: the only SIMD type the GEMM kernel uses.
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
inline constexpr const char* kF32x4Flavor = "portable";

#endif

}  // namespace scratchnet::kernels
