// relu.hpp — the ReLU layer, y = max(0, x), element by element.
//
// 밑바닥부터 시작하는 딥러닝 1권 3.2.7 "ReLU 함수", 5.5.1 "ReLU 계층".
//
// Shapes: x (N, D) → y (N, D); dout (N, D) → dx (N, D).
//
// The book's backward writes `dout[self.mask] = 0; dx = dout`, which zeroes
// the caller's array in place. Here dout is const and dx is a new matrix, so
// a gradient the caller still holds is never changed behind its back.
#pragma once

#include <string>

#include "layer.hpp"

namespace scratchnet {

template <class S>
class Relu final : public Layer<S> {
 public:
  // x (N, D) → y (N, D)
  Matrix<S> forward(const Matrix<S>& x, bool /*train*/) override {
    // mask = where the signal passed (x > 0). The book stores the opposite
    // (x <= 0); either way x = 0 counts as "blocked", so the derivative we use
    // at the kink is 0.
    mask_ = x.array() > S(0);
    return mask_.select(x.array(), S(0)).matrix();
  }

  // dout (N, D) → dx (N, D)
  Matrix<S> backward(const Matrix<S>& dout) override {
    require_dout_shape("Relu.backward", dout, mask_.rows(), mask_.cols());
    // dy/dx = 1 where x > 0, else 0  →  dx = dout where the mask is set, else 0
    return mask_.select(dout.array(), S(0)).matrix();
  }

  std::string name() const override { return "Relu"; }

 private:
  Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> mask_;
};

}  // namespace scratchnet
