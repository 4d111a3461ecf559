// gemm_parallel.hpp — one matrix product split across the threads of a pool.
//
// C = A · B is cut into blocks of whole columns (or whole rows) of C, two per
// thread; the threads take blocks until none is left (thread_pool.hpp), each
// calling the unchanged packed kernel (gemm_packed.hpp) on its block:
//
//   by columns   C[:, j0:j1] = A · B[:, j0:j1]     each thread packs all of A
//   by rows      C[i0:i1, :] = A[i0:i1, :] · B     each thread packs all of B
//
// The extra packing is the price of splitting: one more copy of the operand
// that is not split per block. Two blocks per thread (rather than one) cost a
// little of that and buy robustness: on a busy machine a thread that is not
// running when the product starts leaves its blocks to the others instead of
// making them wait. We split the longer side of C, so the operand
// packed again is the smaller one (for x·W with a batch of 100 and 784 inputs
// that is W's columns; for the weight gradient xᵀ·dout, the 784 rows of C).
//
// Same numbers as one thread, bit for bit: every element of C is computed by
// one thread with the same sequence of multiplies and adds (the k loop is
// blocked by kKc alike, and the block edges are whole register tiles), so the
// threads build trains exactly like the single-thread SIMD build.
//
// Small products run on the calling thread alone: below kMinParallelMacs
// multiply-adds, waking a second thread costs more than it saves.
#pragma once

#include "gemm_packed.hpp"

namespace scratchnet::kernels {

class ThreadPool;

// Products with fewer multiply-adds (m·n·k) than this are not split.
inline constexpr gemm_index kMinParallelMacs = gemm_index{1} << 18;
// Blocks per thread (see above).
inline constexpr int kBlocksPerThread = 2;

// C = a · b (then the epilogue) like packed_gemm, split over `pool`
// (nullptr: one thread). A block of columns [j0, j1) gets the epilogue's
// bias + j0, so every value is finished exactly as in the whole product.
void packed_gemm_parallel(const StridedMatrix& a, const StridedMatrix& b, float* c, gemm_index ldc,
                          ThreadPool* pool, const Epilogue& epilogue = {});

}  // namespace scratchnet::kernels
