// matmul.hpp — the MatMul node, y = x·W: Affine without the bias.
//
// 밑바닥부터 시작하는 딥러닝 2권 1.3.4 "MatMul 노드" (common/layers.py `MatMul`).
//
// Shapes:
//   x (N, D)   W (D, H)   y (N, H)
//   dy (N, H)  →  dx (N, D),  dW (D, H)
//
// The trick the book teaches: the gradient of a matrix product has the shape
// of the thing it is a gradient of, and only one product of the available
// matrices has that shape — dx must be (N, D), so it is dy·Wᵀ; dW must be
// (D, H), so it is xᵀ·dy.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "../kernels/gemm.hpp"
#include "layer.hpp"

namespace scratchnet {

template <class S>
class MatMul final : public Layer<S> {
 public:
  explicit MatMul(Matrix<S> W) : W_(std::move(W)) { dW_ = Matrix<S>::Zero(W_.rows(), W_.cols()); }

  // x (N, D) → y (N, H)
  Matrix<S> forward(const Matrix<S>& x, bool /*train*/) override {
    require_shape(x.cols() == W_.rows(), "MatMul.forward", "x", x, "W", W_);
    x_ = x;  // for dW = xᵀ·dy
    Matrix<S> y;
    gemm(x, Transpose::No, W_, Transpose::No, y);
    return y;
  }

  // dy (N, H) → dx (N, D); fills dW (D, H)
  Matrix<S> backward(const Matrix<S>& dy) override {
    require_dout_shape("MatMul.backward", dy, x_.rows(), W_.cols());
    // y_nh = Σ_d x_nd W_dh:  ∂L/∂x_nd = Σ_h dy_nh W_dh  →  dx = dy·Wᵀ
    Matrix<S> dx;
    gemm(dy, Transpose::No, W_, Transpose::Yes, dx);
    //                         ∂L/∂W_dh = Σ_n x_nd dy_nh  →  dW = xᵀ·dy
    gemm(x_, Transpose::Yes, dy, Transpose::No, dW_);
    return dx;
  }

  std::vector<Param<S>> params() override { return {{"W", &W_, &dW_}}; }
  std::string name() const override { return "MatMul"; }

 private:
  Matrix<S> W_, dW_;
  Matrix<S> x_;
};

}  // namespace scratchnet
