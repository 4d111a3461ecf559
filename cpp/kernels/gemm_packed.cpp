// gemm_packed.cpp — see gemm_packed.hpp for the algorithm and its block sizes.
#include "gemm_packed.hpp"

#include <algorithm>
#include <vector>

#include "f32x4.hpp"
#include "sigmoid.hpp"

namespace scratchnet::kernels {

namespace {

// Pack lines [s0, s0+len) × depth [k0, k0+kc) into strips of `Width` lines:
// strip s holds, for each k, the Width values
// at(s0 + s·Width + w, k0 + k), w = 0..Width-1, so the micro-kernel reads the
// packed panel strictly forward. Lines past the edge are 0, so a ragged last
// strip computes zeros we never store. `line_stride` steps from one line to the
// next, `depth_stride` along k. A is packed by rows (line = row of A, Width =
// kMr), B by columns (line = column of B, Width = kNr): the same walk over two
// views.
template <gemm_index Width>
void pack_strips(const float* data, gemm_index line_stride, gemm_index depth_stride, gemm_index s0,
                 gemm_index len, gemm_index k0, gemm_index kc, float* out) {
  for (gemm_index s = 0; s < len; s += Width) {
    const gemm_index lines = std::min(Width, len - s);
    for (gemm_index k = 0; k < kc; ++k) {
      const float* first = data + (s0 + s) * line_stride + (k0 + k) * depth_stride;
      gemm_index w = 0;
      if (line_stride == 1 && lines == Width) {
        for (; w < Width; ++w) out[w] = first[w];  // the common case for B: a contiguous copy
      } else {
        for (; w < lines; ++w) out[w] = first[w * line_stride];
        for (; w < Width; ++w) out[w] = 0.0f;
      }
      out += Width;
    }
  }
}

// Rows [i0, i0+m) × depth [k0, k0+kc) of A, in strips of kMr rows.
// A row-major A (x in x·W, dout in dout·Wᵀ) holds each strip's values for one
// k in four different rows: whole 4 × 4 blocks are loaded as four vectors
// (four k of one row each) and transposed in registers (one k of four rows
// each), 4 loads and 4 stores per 16 values instead of 16 scalar copies. That
// makes packing A cheap enough to pay off on every shape: read in place instead,
// four rows side by side, the kernel needs four addresses per k and ran the
// 784 → 100 and 784 → 50 forward products 7–14 % slower (bench/infer_profile.cpp).
void pack_a(const StridedMatrix& a, gemm_index i0, gemm_index m, gemm_index k0, gemm_index kc,
            float* out) {
  static_assert(kMr == 4, "the 4 × 4 transpose packs strips of 4 rows");
  gemm_index full = 0;  // rows packed by the transposing loop
  if (a.col_stride == 1) {
    full = m / kMr * kMr;
    for (gemm_index s = 0; s < full; s += kMr) {
      const float* r0 = a.data + (i0 + s) * a.row_stride + k0;
      const gemm_index ld = a.row_stride;
      gemm_index k = 0;
      for (; k + 4 <= kc; k += 4) {
        F32x4 x0 = load4(r0 + k), x1 = load4(r0 + ld + k), x2 = load4(r0 + 2 * ld + k), x3 = load4(r0 + 3 * ld + k);
        transpose4(x0, x1, x2, x3);
        store4(out, x0);
        store4(out + 4, x1);
        store4(out + 8, x2);
        store4(out + 12, x3);
        out += 16;
      }
      for (; k < kc; ++k, out += kMr)
        for (gemm_index r = 0; r < kMr; ++r) out[r] = r0[r * ld + k];
    }
  }
  if (full < m) pack_strips<kMr>(a.data, a.row_stride, a.col_stride, i0 + full, m - full, k0, kc, out);
}

// Depth [k0, k0+kc) × columns [j0, j0+n) of B, in strips of kNr columns.
void pack_b(const StridedMatrix& b, gemm_index k0, gemm_index kc, gemm_index j0, gemm_index n,
            float* out) {
  pack_strips<kNr>(b.data, b.col_stride, b.row_stride, j0, n, k0, kc, out);
}

// The epilogue on four finished values of C: + bias (4 columns from `bias`),
// then the activation. Exactly the operations of the separate passes it
// replaces (Affine's `out.rowwise() += b`, then Relu's or Sigmoid's forward),
// lane by lane, so the numbers are the same bit for bit.
inline F32x4 finish4(F32x4 v, const Epilogue& ep, const float* bias) {
  if (ep.bias) v = add4(v, load4(bias));
  switch (ep.act) {
    case Activation::Relu:  // x > 0 ? x : 0 (a NaN compares false: 0, as Relu's mask does)
      return where_greater4(v, zero4(), v, zero4());
    case Activation::Sigmoid:
      return sigmoid4(v);
    case Activation::None:
      break;
  }
  return v;
}

// Column j's bias, or null when there is none (no arithmetic on a null pointer).
inline const float* bias_at(const Epilogue& ep, gemm_index j) { return ep.bias ? ep.bias + j : nullptr; }

// One value through the same 4-lane code (lane 0 of a padded group), for the
// last columns that do not fill a vector: identical to what the vector path
// would give that value.
inline float finish1(float v, const Epilogue& ep, const float* bias) {
  alignas(16) float lanes[4] = {v, 0.0f, 0.0f, 0.0f}, b[4] = {ep.bias ? *bias : 0.0f, 0.0f, 0.0f, 0.0f};
  store4(lanes, finish4(load4(lanes), ep, b));
  return lanes[0];
}

// The register tile: acc (kMr × 4·Vecs) = Σ_k ap[k] ⊗ bp[k], then written to C.
// `overwrite` on the first pass over k, then add: later passes continue the
// sum. m, n ≤ kMr, 4·Vecs are the valid part of the tile. `ep` (null except
// on the last pass over k) finishes the values in the store; `bias` points
// at the tile's first column of the epilogue's bias.
// Vecs = 2 is the full 4 × 8 tile; Vecs = 1 a half tile for a last strip of
// at most 4 columns (N = 50 or 100 leaves 2 or 4): the zero padding of the
// packed strip's other half is not multiplied at all.
// A is read packed: the kMr values of one k side by side.
template <int Vecs>
void micro_kernel(gemm_index kc, const float* ap, const float* bp, float* c, gemm_index ldc,
                  bool overwrite, gemm_index m, gemm_index n, const Epilogue* ep, const float* bias) {
  constexpr gemm_index width = 4 * Vecs;
  F32x4 acc[kMr][Vecs];
  for (auto& row : acc)
    for (auto& v : row) v = zero4();
  for (gemm_index k = 0; k < kc; ++k) {
    // c_ij += a_ik · b_kj for the 4 × 8 tile: 2 loads of B, 4 broadcasts of A.
    // (Unrolling this loop by 4 made V8 spill accumulators: 30 % slower.)
    F32x4 bv[Vecs];
    for (int v = 0; v < Vecs; ++v) bv[v] = load4(bp + 4 * v);
    for (gemm_index r = 0; r < kMr; ++r) {
      const F32x4 ar = splat4(ap + r);
      for (int v = 0; v < Vecs; ++v) acc[r][v] = add4(acc[r][v], mul4(ar, bv[v]));
    }
    ap += kMr;
    bp += kNr;  // packed strips are kNr wide whatever part of them is used
  }
  if (m == kMr && n == width) {
    for (gemm_index r = 0; r < kMr; ++r) {
      float* cr = c + r * ldc;
      for (int v = 0; v < Vecs; ++v) {
        F32x4 x = acc[r][v];
        if (!overwrite) x = add4(load4(cr + 4 * v), x);
        if (ep) x = finish4(x, *ep, bias ? bias + 4 * v : nullptr);
        store4(cr + 4 * v, x);
      }
    }
    return;
  }
  // A ragged edge tile: finish it in a buffer and copy only the valid m × n part.
  alignas(16) float tile[kMr][width];
  for (gemm_index r = 0; r < kMr; ++r)
    for (int v = 0; v < Vecs; ++v) store4(tile[r] + 4 * v, acc[r][v]);
  if (!overwrite) {
    for (gemm_index r = 0; r < m; ++r)
      for (gemm_index j = 0; j < n; ++j) tile[r][j] = c[r * ldc + j] + tile[r][j];
  }
  if (ep) {
    alignas(16) float b[width] = {};  // the valid columns' bias, 0 past the edge
    if (ep->bias) std::copy(bias, bias + n, b);
    for (gemm_index r = 0; r < m; ++r)
      for (int v = 0; v < Vecs; ++v) store4(tile[r] + 4 * v, finish4(load4(tile[r] + 4 * v), *ep, b + 4 * v));
  }
  for (gemm_index r = 0; r < m; ++r)
    for (gemm_index j = 0; j < n; ++j) c[r * ldc + j] = tile[r][j];
}

// One tile, with the kernel variant that fits: full or half width.
void run_tile(gemm_index kc, const float* ap, const float* bp, float* c, gemm_index ldc, bool overwrite,
              gemm_index m, gemm_index n, const Epilogue* ep, const float* bias) {
  if (n <= 4) micro_kernel<1>(kc, ap, bp, c, ldc, overwrite, m, n, ep, bias);
  else micro_kernel<2>(kc, ap, bp, c, ldc, overwrite, m, n, ep, bias);
}

// Fewer rows than one register tile (inference on a single sample): packing
// B would cost as much as the product itself, so read B in place, a strip of
// 16 columns at a time with the strip's sums held in registers:
//   c_i,j..j+15 = Σ_k a_ik · b_k,j..j+15
// Needs B's rows contiguous (col_stride 1), which x·W, the forward product, has.
void few_rows(const StridedMatrix& a, const StridedMatrix& b, float* c, gemm_index ldc,
              const Epilogue& ep) {
  const gemm_index N = b.cols, K = a.cols;
  for (gemm_index i = 0; i < a.rows; ++i) {
    const float* ai = a.data + i * a.row_stride;
    float* ci = c + i * ldc;
    gemm_index j = 0;
    for (; j + 16 <= N; j += 16) {
      F32x4 acc[4] = {zero4(), zero4(), zero4(), zero4()};
      for (gemm_index k = 0; k < K; ++k) {
        const F32x4 aik = splat4(ai + k * a.col_stride);
        const float* bk = b.data + k * b.row_stride + j;
        for (int q = 0; q < 4; ++q) acc[q] = add4(acc[q], mul4(aik, load4(bk + 4 * q)));
      }
      for (int q = 0; q < 4; ++q) store4(ci + j + 4 * q, finish4(acc[q], ep, bias_at(ep, j + 4 * q)));
    }
    for (; j + 4 <= N; j += 4) {
      F32x4 acc = zero4();
      for (gemm_index k = 0; k < K; ++k)
        acc = add4(acc, mul4(splat4(ai + k * a.col_stride), load4(b.data + k * b.row_stride + j)));
      store4(ci + j, finish4(acc, ep, bias_at(ep, j)));
    }
    for (; j < N; ++j) {  // the last N mod 4 columns
      float sum = 0.0f;
      for (gemm_index k = 0; k < K; ++k) sum += ai[k * a.col_stride] * b.data[k * b.row_stride + j];
      ci[j] = finish1(sum, ep, bias_at(ep, j));
    }
  }
}

// Per-thread scratch for the packed blocks; grows to its largest size once
// and is then reused, so a training step never allocates here.
float* scratch(std::size_t floats) {
  thread_local std::vector<float> buffer;
  if (buffer.size() < floats) buffer.resize(floats);
  return buffer.data();
}

}  // namespace

void packed_gemm(const StridedMatrix& a, const StridedMatrix& b, float* c, gemm_index ldc,
                 const Epilogue& epilogue) {
  const gemm_index M = a.rows, N = b.cols, K = a.cols;
  if (M == 0 || N == 0) return;
  if (K == 0) {  // an empty sum: C = 0, then the epilogue
    for (gemm_index i = 0; i < M; ++i)
      for (gemm_index j = 0; j < N; ++j) c[i * ldc + j] = finish1(0.0f, epilogue, bias_at(epilogue, j));
    return;
  }
  if (M < kMr && b.col_stride == 1) {
    few_rows(a, b, c, ldc, epilogue);
    return;
  }
  const gemm_index nc_max = std::min(kNc, (N + kNr - 1) / kNr * kNr);
  const gemm_index mc_max = std::min(kMc, (M + kMr - 1) / kMr * kMr);
  const gemm_index kc_max = std::min(kKc, K);
  float* packed_b = scratch(static_cast<std::size_t>(kc_max * (nc_max + mc_max)));
  float* packed_a = packed_b + kc_max * nc_max;

  for (gemm_index jc = 0; jc < N; jc += kNc) {
    const gemm_index nc = std::min(kNc, N - jc);
    for (gemm_index pc = 0; pc < K; pc += kKc) {
      const gemm_index kc = std::min(kKc, K - pc);
      const bool overwrite = pc == 0;  // later depth passes add to what the first wrote
      // The last depth pass finishes C (bias, activation); earlier ones store raw sums.
      const Epilogue* ep = pc + kc == K && (epilogue.bias || epilogue.act != Activation::None) ? &epilogue : nullptr;
      pack_b(b, pc, kc, jc, nc, packed_b);
      for (gemm_index ic = 0; ic < M; ic += kMc) {
        const gemm_index mc = std::min(kMc, M - ic);
        pack_a(a, ic, mc, pc, kc, packed_a);
        // One B strip stays in L1 while every A strip of the block passes it.
        for (gemm_index jr = 0; jr < nc; jr += kNr) {
          const float* bp = packed_b + jr * kc;
          const gemm_index n = std::min(kNr, nc - jr);
          const float* bias = bias_at(epilogue, jc + jr);
          for (gemm_index ir = 0; ir < mc; ir += kMr) {
            run_tile(kc, packed_a + ir * kc, bp, c + (ic + ir) * ldc + jc + jr, ldc, overwrite,
                     std::min(kMr, mc - ir), n, ep, bias);
          }
        }
      }
    }
  }
}

const char* packed_gemm_flavor() { return kF32x4Flavor; }

}  // namespace scratchnet::kernels
