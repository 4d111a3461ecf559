// simple_layers.hpp — the book's first two layers, and the square node of the chain rule.
//
// 밑바닥부터 시작하는 딥러닝 1권 5.4 "단순한 계층 구현하기" (MulLayer, AddLayer:
// the apple-shopping graphs of figures 5-16 and 5-17) and 5.2 "연쇄법칙"
// (z = t², t = x + y). They follow the layer contract (forward/backward, the
// forward keeps what backward needs) but take two inputs, as in the book,
// so they are not Layer<S> subclasses. Element-wise on matrices of one shape;
// the book's examples are all 1×1.
//
// Shapes:  x, y (R, C) → out (R, C);   dout (R, C) → dx, dy (R, C)
#pragma once

#include <utility>

#include "../core/matrix.hpp"
#include "../layers/layer.hpp"

namespace scratchnet {

template <class S>
class MulLayer {
 public:
  Matrix<S> forward(const Matrix<S>& x, const Matrix<S>& y) {
    require_same_shape("MulLayer.forward", "x", x, "y", y);
    x_ = x;  // backward swaps them: dx needs y, dy needs x
    y_ = y;
    return x.cwiseProduct(y);
  }
  // → (dx, dy)
  std::pair<Matrix<S>, Matrix<S>> backward(const Matrix<S>& dout) {
    require_dout_shape("MulLayer.backward", dout, x_.rows(), x_.cols());
    // out = x·y: ∂out/∂x = y, ∂out/∂y = x — the upstream gradient times the *other* input
    return {dout.cwiseProduct(y_), dout.cwiseProduct(x_)};
  }

 private:
  Matrix<S> x_, y_;
};

template <class S>
class AddLayer {
 public:
  Matrix<S> forward(const Matrix<S>& x, const Matrix<S>& y) {
    require_same_shape("AddLayer.forward", "x", x, "y", y);
    rows_ = x.rows();
    cols_ = x.cols();
    return x + y;
  }
  std::pair<Matrix<S>, Matrix<S>> backward(const Matrix<S>& dout) {
    require_dout_shape("AddLayer.backward", dout, rows_, cols_);
    // out = x + y: ∂out/∂x = ∂out/∂y = 1 — the gradient passes through unchanged to both
    return {dout, dout};
  }

 private:
  Index rows_ = 0, cols_ = 0;  // nothing else to keep: addition forgets its inputs
};

// z = t² (book 5.2's chain-rule example).
template <class S>
class Square {
 public:
  Matrix<S> forward(const Matrix<S>& t) {
    t_ = t;
    return t.cwiseProduct(t);
  }
  Matrix<S> backward(const Matrix<S>& dout) {
    require_dout_shape("Square.backward", dout, t_.rows(), t_.cols());
    // ∂z/∂t = 2t
    return S(2) * dout.cwiseProduct(t_);
  }

 private:
  Matrix<S> t_;
};

}  // namespace scratchnet
