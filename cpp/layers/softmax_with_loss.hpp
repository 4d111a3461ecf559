// softmax_with_loss.hpp — softmax followed by the cross-entropy error.
//
// 밑바닥부터 시작하는 딥러닝 1권 3.5.2 "소프트맥스 함수 구현 시 주의점", 4.2.2
// "교차 엔트로피 오차", 5.6.3 "Softmax-with-Loss 계층"; 2권 1.3.5.
//
// Shapes: x (N, C) scores, t (N, C) one-hot → loss (scalar, mean over N);
//         backward() → dx (N, C) = (y − t) / N.
//
// Why one layer and not Softmax + Loss? Their combined derivative is the
// beautifully simple y − t (book figure 5-30): the exp's and log's cancel.
//
// Numerical choice — log-softmax instead of the book's log(y + 1e-7):
//   the book computes y = softmax(x) and then −Σ t·log(y + 1e-7). The 1e-7 only
//   prevents log(0) = −inf; it also caps the loss at −log(1e-7) ≈ 16.1 and
//   makes the loss differ slightly from the function whose gradient is y − t.
//   We instead compute log y directly and stably:
//       log y_k = (x_k − m) − log Σ_i exp(x_i − m),   m = max_i x_i
//   Every exp() argument is ≤ 0 (no overflow, book 3.5.2) and the sum is ≥ 1
//   (the max term is exp(0) = 1), so the log is always finite: log(0) never
//   happens, no epsilon is needed, and backward() is the exact derivative of
//   forward() — which the gradient check then confirms to ~1e-10.
#pragma once

#include <cmath>
#include <string>

#include "layer.hpp"

namespace scratchnet {

template <class S>
class SoftmaxWithLoss final : public LossLayer<S> {
 public:
  // x (N, C), t (N, C) → mean cross-entropy
  S forward(const Matrix<S>& x, const Matrix<S>& t) override {
    require_same_shape("SoftmaxWithLoss.forward", "x", x, "t", t);
    require(x.rows() > 0, "input.empty", "SoftmaxWithLoss.forward: the batch has no rows");
    require_finite(x, "SoftmaxWithLoss.forward (x)");
    require_finite(t, "SoftmaxWithLoss.forward (t)");
    // (y − t)/N is the gradient only when each row of t sums to 1 (one-hot or
    // another probability distribution), so check it — it is cheap (N·C).
    const auto row_sums = t.rowwise().sum();
    for (Index i = 0; i < t.rows(); ++i) {
      if (std::abs(double(row_sums(i)) - 1.0) > 1e-3) {
        throw Error("target.not_distribution",
                    "SoftmaxWithLoss.forward: row " + std::to_string(i) +
                        " of t sums to " + std::to_string(double(row_sums(i))) +
                        "; t must be one-hot (each row sums to 1)");
      }
    }
    const Matrix<S> logp = log_softmax(x);
    y_ = logp.array().exp().matrix();
    t_ = t;
    // L = −(1/N) Σ_n Σ_k t_nk log y_nk. Where t = 0 the term is skipped rather
    // than computed as 0·log y, so even a log y of −inf (a score gap beyond the
    // float range) cannot turn into 0·(−inf) = NaN.
    const S sum = (t.array() != S(0)).select(t.array() * logp.array(), S(0)).sum();
    return -sum / static_cast<S>(x.rows());
  }

  // → dx (N, C)
  Matrix<S> backward() override {
    require(y_.rows() > 0, "layer.no_forward",
            "SoftmaxWithLoss.backward: forward() must run first");
    // ∂L/∂x_nk = (y_nk − t_nk)/N  (book 5.6.3; the 1/N because L is a batch mean)
    return (y_ - t_) / static_cast<S>(y_.rows());
  }

  // What the network outputs at inference: probabilities, each row sums to 1.
  Matrix<S> output(const Matrix<S>& x) const override { return softmax(x); }

  std::string name() const override { return "SoftmaxWithLoss"; }

  // Row-wise softmax with the row max subtracted (book 3.5.2): exp(a − c)/Σexp(a − c)
  // is the same number for any c, and c = max keeps every exp() ≤ 1.
  static Matrix<S> softmax(const Matrix<S>& x) {
    Matrix<S> e = (x.colwise() - x.rowwise().maxCoeff()).array().exp().matrix();
    // Evaluate the row sums first: dividing e by a lazy expression over e itself
    // would read values that are already divided (aliasing).
    const Eigen::Array<S, Eigen::Dynamic, 1> sums = e.rowwise().sum().array();
    e.array().colwise() /= sums;
    return e;
  }

  // Row-wise log softmax, finite for every finite x (see the header comment).
  static Matrix<S> log_softmax(const Matrix<S>& x) {
    Matrix<S> shifted = x.colwise() - x.rowwise().maxCoeff();  // ≤ 0, max entry = 0
    // log of a sum ≥ 1, evaluated before `shifted` is modified (no aliasing)
    const Eigen::Array<S, Eigen::Dynamic, 1> log_sum = shifted.array().exp().rowwise().sum().log();
    shifted.array().colwise() -= log_sum;
    return shifted;
  }

  const Matrix<S>& y() const { return y_; }  // softmax of the last forward

 private:
  Matrix<S> y_;  // softmax output, kept for backward
  Matrix<S> t_;  // targets, kept for backward
};

}  // namespace scratchnet
