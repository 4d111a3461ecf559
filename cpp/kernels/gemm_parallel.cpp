// gemm_parallel.cpp — see gemm_parallel.hpp.
#include "gemm_parallel.hpp"

#include <algorithm>

#include "thread_pool.hpp"

namespace scratchnet::kernels {

void packed_gemm_parallel(const StridedMatrix& a, const StridedMatrix& b, float* c, gemm_index ldc,
                          ThreadPool* pool, const Epilogue& epilogue) {
  const gemm_index M = a.rows, N = b.cols, K = a.cols;
  const int threads = pool ? pool->size() : 1;
  // M < kMr is the kernel's few-rows path (inference on one sample): never worth it.
  if (threads < 2 || M < kMr || M * N * K < kMinParallelMacs) {
    packed_gemm(a, b, c, ldc, epilogue);
    return;
  }
  // Split the longer side of C into `units` whole register tiles (kNr columns
  // or kMr rows); the last unit also takes the ragged rest, so every block is
  // at least one full tile and the kernel takes the same path for it as for
  // the whole product.
  const bool by_columns = N >= M;
  const gemm_index extent = by_columns ? N : M;
  const gemm_index tile = by_columns ? kNr : kMr;
  const gemm_index units = extent / tile;
  const int parts = static_cast<int>(std::min<gemm_index>(threads * kBlocksPerThread, units));
  pool->run(parts, [&](int p) {
    const gemm_index lo = units * p / parts * tile;
    const gemm_index hi = p + 1 == parts ? extent : units * (p + 1) / parts * tile;
    if (by_columns) {
      const StridedMatrix block{b.data + lo * b.col_stride, b.rows, hi - lo, b.row_stride, b.col_stride};
      packed_gemm(a, block, c + lo, ldc, Epilogue{epilogue.bias ? epilogue.bias + lo : nullptr, epilogue.act});
    } else {
      const StridedMatrix block{a.data + lo * a.row_stride, hi - lo, a.cols, a.row_stride, a.col_stride};
      packed_gemm(block, b, c + lo * ldc, ldc, epilogue);
    }
  });
}

}  // namespace scratchnet::kernels
