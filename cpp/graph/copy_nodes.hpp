// copy_nodes.hpp — the nodes that copy and sum: Branch, Repeat, Sum.
//
// 밑바닥부터 시작하는 딥러닝 2권 1.3.4 "계산 그래프" (분기 노드, Repeat 노드,
// Sum 노드). They are each other's mirror images:
//   * Branch copies one value to n places; backward *sums* the n gradients
//     that come back (each copy influenced the loss on its own path).
//   * Repeat copies a (1, D) row n times into (n, D) — np.repeat(x, N, axis=0),
//     the bias broadcast of Affine — so backward sums the rows:
//     np.sum(dy, axis=0, keepdims=True).
//   * Sum adds the N rows of (N, D) into (1, D); every row contributed with
//     weight 1, so backward copies the gradient to every row: np.repeat(dy, N, axis=0).
#pragma once

#include <string>
#include <vector>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../layers/layer.hpp"

namespace scratchnet {

template <class S>
class Branch {
 public:
  explicit Branch(int copies) : copies_(copies) {
    require(copies >= 1, "graph.bad_node", "Branch needs at least one copy");
  }
  // x (R, C) → copies of x
  std::vector<Matrix<S>> forward(const Matrix<S>& x) {
    rows_ = x.rows();
    cols_ = x.cols();
    return std::vector<Matrix<S>>(static_cast<std::size_t>(copies_), x);
  }
  // one dout (R, C) per copy → dx (R, C)
  Matrix<S> backward(const std::vector<Matrix<S>>& douts) {
    require(douts.size() == static_cast<std::size_t>(copies_), "shape.mismatch",
            "Branch.backward: " + std::to_string(douts.size()) + " gradients for " + std::to_string(copies_) + " copies");
    Matrix<S> dx = Matrix<S>::Zero(rows_, cols_);
    for (const auto& d : douts) {
      require_dout_shape("Branch.backward", d, rows_, cols_);
      // x reaches the loss through every copy: ∂L/∂x = Σ_copies ∂L/∂copy
      dx += d;
    }
    return dx;
  }
  int copies() const { return copies_; }

 private:
  int copies_;
  Index rows_ = 0, cols_ = 0;
};

template <class S>
class Repeat {
 public:
  explicit Repeat(int n) : n_(n) { require(n >= 1, "graph.bad_node", "Repeat needs n ≥ 1"); }
  // x (1, D) → y (N, D)
  Matrix<S> forward(const Matrix<S>& x) {
    require(x.rows() == 1, "shape.mismatch", "Repeat.forward: x " + shape_string(x) + " must be one row (1, D)");
    cols_ = x.cols();
    // y = np.repeat(x, N, axis=0)
    return x.replicate(n_, 1);
  }
  // dy (N, D) → dx (1, D)
  Matrix<S> backward(const Matrix<S>& dy) {
    require_dout_shape("Repeat.backward", dy, n_, cols_);
    // every row of y is x: dx = np.sum(dy, axis=0, keepdims=True)
    return dy.colwise().sum();
  }

 private:
  int n_;
  Index cols_ = 0;
};

template <class S>
class Sum {
 public:
  // x (N, D) → y (1, D)
  Matrix<S> forward(const Matrix<S>& x) {
    rows_ = x.rows();
    cols_ = x.cols();
    // y = np.sum(x, axis=0, keepdims=True)
    return x.colwise().sum();
  }
  // dy (1, D) → dx (N, D)
  Matrix<S> backward(const Matrix<S>& dy) {
    require_dout_shape("Sum.backward", dy, 1, cols_);
    // ∂y_j/∂x_nj = 1 for every row n: dx = np.repeat(dy, N, axis=0)
    return dy.replicate(rows_, 1);
  }

 private:
  Index rows_ = 0, cols_ = 0;
};

}  // namespace scratchnet
