// gemm_test_util.hpp — what the GEMM tests (plain, split over threads, with an
// epilogue) build their operands from: seeded random matrices and op(X) as the
// strided view gemm.cpp hands the kernel.
#pragma once

#include <random>

#include "core/matrix.hpp"
#include "kernels/gemm_packed.hpp"

namespace scratchnet::kernels::test {

// Uniform in [−scale, scale], the same numbers for the same seed.
inline Matrix<float> random_matrix(Index rows, Index cols, unsigned seed, float scale = 1.0f) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> u(-scale, scale);
  Matrix<float> m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = u(gen);
  return m;
}

// op(X) as a strided view, as gemm.cpp builds it (transposed: Xᵀ without a copy).
inline StridedMatrix view(const Matrix<float>& m, bool transposed = false) {
  return transposed ? StridedMatrix{m.data(), m.cols(), m.rows(), 1, m.cols()}
                    : StridedMatrix{m.data(), m.rows(), m.cols(), m.cols(), 1};
}

}  // namespace scratchnet::kernels::test
