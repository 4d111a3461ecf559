// identity_with_loss.hpp — identity output followed by the mean squared error.
//
// 밑바닥부터 시작하는 딥러닝 1권 3.5 (항등 함수 for regression), 4.2.1 "오차제곱합",
// and the note in 5.6.3: identity + sum of squared errors backpropagates the
// same clean y − t that softmax + cross-entropy does. That is no accident: each
// loss was chosen to pair with its output function.
//
// Loss (mean over the batch, like the cross-entropy layer):
//   L = 0.5 · Σ_n Σ_k (y_nk − t_nk)² / N
// The book's mean_squared_error is 0.5·Σ(y − t)² for one sample; dividing by N
// makes the loss — and the learning rate that suits it — independent of the
// batch size.
//
// Shapes: x (N, K) outputs, t (N, K) targets → loss; backward() → dx (N, K) = (y − t)/N.
#pragma once

#include <string>

#include "layer.hpp"

namespace scratchnet {

template <class S>
class IdentityWithLoss final : public LossLayer<S> {
 public:
  // x (N, K), t (N, K) → 0.5·Σ(y − t)²/N
  S forward(const Matrix<S>& x, const Matrix<S>& t) override {
    require_same_shape("IdentityWithLoss.forward", "x", x, "t", t);
    require(x.rows() > 0, "input.empty", "IdentityWithLoss.forward: the batch has no rows");
    require_finite(x, "IdentityWithLoss.forward (x)");
    require_finite(t, "IdentityWithLoss.forward (t)");
    diff_ = x - t;  // y − t with y = x: all backward needs
    return S(0.5) * diff_.squaredNorm() / static_cast<S>(x.rows());
  }

  // → dx (N, K)
  Matrix<S> backward() override {
    require(diff_.rows() > 0, "layer.no_forward",
            "IdentityWithLoss.backward: forward() must run first");
    // ∂/∂y_nk of 0.5·(y_nk − t_nk)²/N = (y_nk − t_nk)/N — the 0.5 cancels the square's 2
    return diff_ / static_cast<S>(diff_.rows());
  }

  Matrix<S> output(const Matrix<S>& x) const override { return x; }
  std::string name() const override { return "IdentityWithLoss"; }

 private:
  Matrix<S> diff_;
};

}  // namespace scratchnet
