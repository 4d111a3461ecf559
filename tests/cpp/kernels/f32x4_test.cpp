// f32x4_test.cpp — the 4-lane type's transpose (kernels/f32x4.hpp), which
// packs a row-major A for the GEMM (gemm_packed.cpp, pack_a). Natively this
// is the portable version; the wasm SIMD one is checked through the GEMM's
// Node test (tests/node/lib/gemm.test.mjs), whose products go through it.
#include <gtest/gtest.h>

#include "kernels/f32x4.hpp"

namespace scratchnet::kernels {
namespace {

TEST(F32x4, Transpose4TurnsRowsIntoColumns) {
  float m[4][4];
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) m[i][j] = static_cast<float>(10 * i + j);  // m_ij = 10i + j
  F32x4 r0 = load4(m[0]), r1 = load4(m[1]), r2 = load4(m[2]), r3 = load4(m[3]);
  transpose4(r0, r1, r2, r3);
  float out[4][4];
  store4(out[0], r0);
  store4(out[1], r1);
  store4(out[2], r2);
  store4(out[3], r3);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) EXPECT_EQ(out[i][j], m[j][i]) << i << "," << j;
}

}  // namespace
}  // namespace scratchnet::kernels
