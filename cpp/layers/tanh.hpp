// tanh.hpp — the Tanh layer, y = tanh(x), element by element.
//
// Not a layer class in the book, but the same pattern as 밑바닥부터 시작하는 딥러닝
// 1권 5.5.2 "Sigmoid 계층": tanh(x) = 2·sigmoid(2x) − 1 is a sigmoid stretched
// to (−1, 1) and centred on 0 (the Xavier initial value of 6.2.2 was derived
// for such symmetric functions). The study notes' XOR network uses it.
//
// Shapes: x (N, D) → y (N, D); dout (N, D) → dx (N, D).
#pragma once

#include <string>

#include "layer.hpp"

namespace scratchnet {

template <class S>
class Tanh final : public Layer<S> {
 public:
  // x (N, D) → y (N, D)
  Matrix<S> forward(const Matrix<S>& x, bool /*train*/) override {
    out_ = x.array().tanh().matrix();
    return out_;
  }

  // dout (N, D) → dx (N, D)
  Matrix<S> backward(const Matrix<S>& dout) override {
    require_dout_shape("Tanh.backward", dout, out_.rows(), out_.cols());
    // d tanh(x)/dx = 1 − tanh²(x) = 1 − y²  →  dx = dout ⊙ (1 − y²)   (y kept, like Sigmoid)
    return (dout.array() * (S(1) - out_.array().square())).matrix();
  }

  std::string name() const override { return "Tanh"; }

 private:
  Matrix<S> out_;
};

}  // namespace scratchnet
