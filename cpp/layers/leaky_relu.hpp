// leaky_relu.hpp — the Leaky ReLU layer, y = x (x > 0) or α·x (x ≤ 0).
//
// Not in the book's code; it is ReLU (밑바닥부터 시작하는 딥러닝 1권 5.5.1) with a
// small slope α for negative inputs so that a unit whose inputs are all
// negative still passes some gradient back ("dying ReLU" in the study notes).
//
// Shapes: x (N, D) → y (N, D); dout (N, D) → dx (N, D).
#pragma once

#include <cmath>
#include <string>

#include "layer.hpp"

namespace scratchnet {

template <class S>
class LeakyRelu final : public Layer<S> {
 public:
  explicit LeakyRelu(double slope = 0.01) : slope_(static_cast<S>(slope)) {
    require(std::isfinite(slope), "activation.bad_slope",
            "LeakyRelu: slope must be a finite number, got " + std::to_string(slope));
  }

  // x (N, D) → y (N, D)
  Matrix<S> forward(const Matrix<S>& x, bool /*train*/) override {
    mask_ = x.array() > S(0);  // like Relu: x = 0 takes the negative branch
    return mask_.select(x.array(), slope_ * x.array()).matrix();
  }

  // dout (N, D) → dx (N, D)
  Matrix<S> backward(const Matrix<S>& dout) override {
    require_dout_shape("LeakyRelu.backward", dout, mask_.rows(), mask_.cols());
    // dy/dx = 1 where x > 0, else α  →  dx = dout or α·dout
    return mask_.select(dout.array(), slope_ * dout.array()).matrix();
  }

  std::string name() const override { return "LeakyRelu"; }
  S slope() const { return slope_; }

 private:
  S slope_;
  Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> mask_;
};

}  // namespace scratchnet
