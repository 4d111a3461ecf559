// gemm_packed.hpp — a register-blocked, panel-packed float GEMM (the wasm SIMD kernel).
//
// Why it exists: Eigen 3.4 has no WebAssembly packet math, so in the wasm
// build its matrix products fall back to scalar code plus whatever LLVM's
// autovectorizer finds. This file is the classic Goto/BLIS algorithm, small
// enough to read in one sitting, written against the 4-lane type of
// f32x4.hpp. Native builds keep using Eigen's own (excellent) kernels; they
// compile this file only so the tests can check it (see gemm.hpp).
//
// The algorithm, from the inside out:
//   micro-kernel  a kMr × kNr tile of C lives in registers (4 × 8 floats =
//                 8 vectors) for the whole k loop; per k it loads 2 vectors
//                 of B, broadcasts 4 values of A, and does 8 mul + 8 add.
//                 Eight accumulators + 3 operands fit in the 16 SSE/AVX
//                 registers V8 maps wasm SIMD onto, so nothing spills.
//   packing       the micro-kernel wants B as contiguous strips in exactly
//                 the order it reads them, zero-padded to whole tiles.
//                 Packing copies B once per block (O(K·N) work for O(M·N·K)
//                 arithmetic) and absorbs transposes and ragged edges, so
//                 the kernel itself has no branches. A is packed the same
//                 way, kMr rows at a time; a row-major A (x in x·W, dout in
//                 dout·Wᵀ) by 4 × 4 blocks transposed in registers, so the
//                 copy costs little next to the product it speeds up.
//   edge strip    a last strip of at most 4 columns (N = 50 or 100) runs a
//                 half-width 4 × 4 tile instead of multiplying padding zeros.
//   blocking      kKc rows of B per pass keep one B strip (kKc × kNr) in L1
//                 and one packed A block (kMc × kKc) in L2.
//   few rows      with fewer than kMr rows (a single sample at inference)
//                 packing B would cost as much as the product, so B is read
//                 in place instead (when its rows are contiguous).
//   epilogue      at inference an Affine layer's product is followed by
//                 + b and an activation, two more passes over the output.
//                 The store of the last depth pass can do both while the
//                 tile is still in registers (Epilogue below): C is written
//                 once, already finished. Same operations in the same order
//                 as the separate passes, so the result is bit for bit the
//                 same (tests/cpp/kernels/gemm_epilogue_test.cpp).
#pragma once

#include <cstddef>

namespace scratchnet::kernels {

using gemm_index = std::ptrdiff_t;

// A read-only matrix with arbitrary strides: element (i, j) is
// data[i * row_stride + j * col_stride]. A row-major X (R, C) is
// {data, R, C, C, 1}; its transpose Xᵀ is {data, C, R, 1, C} — no copy.
struct StridedMatrix {
  const float* data;
  gemm_index rows, cols;
  gemm_index row_stride, col_stride;
};

inline constexpr gemm_index kMr = 4;    // rows of the register tile
inline constexpr gemm_index kNr = 8;    // columns of the register tile (2 vectors)
inline constexpr gemm_index kKc = 256;  // depth of one packed pass
inline constexpr gemm_index kMc = 128;  // rows of A packed at once (multiple of kMr)
inline constexpr gemm_index kNc = 2048; // columns of B packed at once (multiple of kNr)

// What happens to each finished value of C before it is stored:
//   c_ij = act(Σ_k a_ik b_kj + bias_j)
// bias (when not null) holds one value per column *of the C passed in*: a
// caller that computes a block of columns [j0, j1) passes bias + j0. The
// activations are the layers' own element-wise functions (relu.hpp: x > 0 ?
// x : 0, NaN → 0; sigmoid.hpp: kernels/sigmoid.hpp's σ); others stay a pass
// of their own after the product.
enum class Activation { None, Relu, Sigmoid };
struct Epilogue {
  const float* bias = nullptr;
  Activation act = Activation::None;
};

// C = a · b (then the epilogue), C (a.rows, b.cols) row-major with row stride ldc.
// Requires a.cols == b.rows (checked by the caller, gemm.hpp). C must not
// overlap a or b. Uses a per-thread scratch buffer that grows once.
void packed_gemm(const StridedMatrix& a, const StridedMatrix& b, float* c, gemm_index ldc,
                 const Epilogue& epilogue = {});

// "wasm_simd128" when the kernel was compiled with WebAssembly SIMD,
// "portable" for the plain-float reference build.
const char* packed_gemm_flavor();

}  // namespace scratchnet::kernels
