// sigmoid.hpp — the Sigmoid layer, y = 1 / (1 + exp(−x)), element by element.
//
// 밑바닥부터 시작하는 딥러닝 1권 3.2.4 "시그모이드 함수 구현하기", 5.5.2 "Sigmoid 계층";
// 2권 1.3.5 "Sigmoid 계층".
//
// Shapes: x (N, D) → y (N, D); dout (N, D) → dx (N, D).
//
// Why keep the *output* y instead of the input x? Because the derivative can be
// written with y alone: dy/dx = y(1 − y). Backward then needs no exp() at all.
#pragma once

#include <string>
#include <type_traits>

#include "../kernels/sigmoid.hpp"
#include "layer.hpp"

namespace scratchnet {

template <class S>
class Sigmoid final : public Layer<S> {
 public:
  // x (N, D) → y (N, D)
  Matrix<S> forward(const Matrix<S>& x, bool /*train*/) override {
    // For very negative x, exp(−x) overflows to +inf and 1/(1+inf) = 0 — the
    // correct limit, no NaN — so the book's formula is safe as written.
    if constexpr (std::is_same_v<S, float>) {
      kernels::sigmoid(x, out_);  // vectorized in wasm too (kernels/sigmoid.hpp)
    } else {
      out_ = (S(1) + (-x.array()).exp()).inverse().matrix();
    }
    return out_;
  }

  // dout (N, D) → dx (N, D)
  Matrix<S> backward(const Matrix<S>& dout) override {
    require_dout_shape("Sigmoid.backward", dout, out_.rows(), out_.cols());
    // dy/dx = exp(−x)/(1+exp(−x))² = y(1 − y)  →  dx = dout ⊙ y ⊙ (1 − y)
    return (dout.array() * out_.array() * (S(1) - out_.array())).matrix();
  }

  std::string name() const override { return "Sigmoid"; }

 private:
  Matrix<S> out_;  // y from forward, all backward needs
};

}  // namespace scratchnet
