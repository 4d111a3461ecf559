// identity.hpp — the identity "activation", y = x.
//
// 밑바닥부터 시작하는 딥러닝 1권 3.4.3 `identity_function` (the output of the
// 3-layer example). As a hidden activation it shows why non-linearity matters
// (3.2.6): a stack of Affine layers with identity in between collapses into a
// single Affine layer, c·c·c·x = a·x.
//
// Shapes: x (N, D) → y (N, D); dout (N, D) → dx = dout (N, D).
#pragma once

#include <string>

#include "layer.hpp"

namespace scratchnet {

template <class S>
class Identity final : public Layer<S> {
 public:
  Matrix<S> forward(const Matrix<S>& x, bool /*train*/) override {
    rows_ = x.rows();
    cols_ = x.cols();
    return x;
  }

  // dy/dx = 1  →  dx = dout
  Matrix<S> backward(const Matrix<S>& dout) override {
    require_dout_shape("Identity.backward", dout, rows_, cols_);
    return dout;
  }

  std::string name() const override { return "Identity"; }

 private:
  Index rows_ = 0, cols_ = 0;  // only to validate dout
};

}  // namespace scratchnet
