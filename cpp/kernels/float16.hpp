// float16.hpp — IEEE 754 half precision (binary16): round a float to the
// nearest half and back.
//
// 밑바닥부터 시작하는 딥러닝 1권 8.3.4 "연산 정밀도와 비트 줄이기"
// (ch08/half_float_network.py): the trained DeepConvNet keeps its accuracy
// when every weight is stored in 16 bits — NumPy's astype(np.float16).
//
// binary16: 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.
//   largest finite 65504, smallest normal 2⁻¹⁴, smallest subnormal 2⁻²⁴.
// Rounding is to nearest, ties to even (what NumPy and the hardware do):
// a float exactly halfway between two halves goes to the one whose last
// fraction bit is 0. Above 65504 + half a step (65520) the result is ±inf.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstring>

namespace scratchnet {

namespace detail {
// The bits of a float and back (std::bit_cast, which Emscripten 3.1.6's libc++ lacks).
inline std::uint32_t float_bits(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}
inline float bits_float(std::uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}
}  // namespace detail

// float → the binary16 bit pattern nearest to it (ties to even).
inline std::uint16_t float_to_half(float f) {
  const std::uint32_t x = detail::float_bits(f);
  const auto sign = static_cast<std::uint16_t>((x >> 16) & 0x8000u);
  const std::uint32_t a = x & 0x7FFFFFFFu;  // |f| as bits
  if (a >= 0x7F800000u) return sign | (a > 0x7F800000u ? 0x7E00u : 0x7C00u);  // NaN (quiet) or inf
  if (a >= 0x477FF000u) return sign | 0x7C00u;  // |f| ≥ 65520: rounds to infinity
  if (a < 0x38800000u) {
    // |f| < 2⁻¹⁴: a subnormal half counts in steps of 2⁻²⁴. |f|·2²⁴ is exact
    // (a power-of-two scale), and rint rounds to nearest-even; 1024 steps is
    // the smallest normal, whose bit pattern 0x0400 is that same integer.
    const float steps = std::rint(std::fabs(f) * 16777216.0f);
    return sign | static_cast<std::uint16_t>(steps);
  }
  // Normal: keep the top 10 of the 23 fraction bits. Adding 0xFFF plus the
  // last kept bit, then dropping 13 bits, is round-half-to-even; a carry out
  // of the fraction correctly bumps the exponent. Re-bias 127 → 15.
  const std::uint32_t rounded = (a + 0xFFFu + ((a >> 13) & 1u)) >> 13;
  return sign | static_cast<std::uint16_t>(rounded - ((127u - 15u) << 10));
}

// binary16 bit pattern → float (exact: every half is a float).
inline float half_to_float(std::uint16_t h) {
  const std::uint32_t sign = std::uint32_t(h & 0x8000u) << 16;
  const std::uint32_t exp = (h >> 10) & 0x1Fu, frac = h & 0x3FFu;
  if (exp == 0) {  // zero or subnormal: frac · 2⁻²⁴
    const float v = std::ldexp(static_cast<float>(frac), -24);
    return sign ? -v : v;
  }
  if (exp == 31) return detail::bits_float(sign | 0x7F800000u | (frac << 13));  // inf / NaN
  return detail::bits_float(sign | ((exp + 127u - 15u) << 23) | (frac << 13));
}

// The float nearest to f that a half can hold: astype(np.float16).astype(np.float32).
inline float round_to_half(float f) { return half_to_float(float_to_half(f)); }

}  // namespace scratchnet
