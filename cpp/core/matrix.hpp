// matrix.hpp — the one place that says what a "matrix" is in scratchnet.
//
// One row = one sample, exactly like the book's NumPy code: a minibatch of
// 100 MNIST images is a (100, 784) matrix, and `X * W + b` reads as
// `np.dot(X, W) + b`. Row-major storage means a JavaScript Float32Array of
// N*784 numbers is the same bytes as this matrix, so nothing is transposed
// or copied element by element at the wasm boundary.
//
// Everything numeric is templated on the scalar S: float for training
// (fast, what the browser uses) and double for gradient checks (so a
// central difference with h = 1e-4 is not drowned in rounding error).
#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <string>
#include <vector>

namespace scratchnet {

template <class S>
using Matrix = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// A bias b or a single sample x: shape (1, n), broadcast over rows like NumPy.
template <class S>
using RowVector = Eigen::Matrix<S, 1, Eigen::Dynamic, Eigen::RowMajor>;

using Index = Eigen::Index;

// "(100, 784)" — shapes are printed the way NumPy prints them.
template <class Derived>
std::string shape_string(const Eigen::EigenBase<Derived>& m) {
  // appended piece by piece: GCC 12 warns falsely on "(" + std::string (its bug 105329)
  std::string s = "(";
  s += std::to_string(m.rows());
  s += ", ";
  s += std::to_string(m.cols());
  s += ")";
  return s;
}

}  // namespace scratchnet
