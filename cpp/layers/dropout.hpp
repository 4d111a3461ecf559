// dropout.hpp — Dropout: randomly silence neurons while training.
//
// 밑바닥부터 시작하는 딥러닝 1권 6.4.3 "드롭아웃".
//
// Shapes: x (N, D) → y (N, D); dout (N, D) → dx (N, D).
//
// Training: each element survives with probability 1 − ratio; the others are
// set to 0. Backward lets the gradient through exactly where the signal went
// through (like ReLU's mask) — a dropped neuron did not influence the loss.
//
// Inference: which scaling? Two conventions give the same expected value:
//   * the book's (used here): train outputs x·mask, inference outputs
//     x·(1 − ratio) — at test time every neuron is on, so its output is
//     shrunk to what it was on average during training;
//   * "inverted dropout" (most frameworks): train outputs x·mask/(1 − ratio)
//     and inference is the identity.
// We keep the book's so the numbers match its code line for line.
//
// Randomness: the mask comes from a scratchnet::Rng the layer is *given*, not
// one it owns. The network hands all its Dropout layers one shared generator;
// reseeding that generator before a forward pass reproduces the very same
// masks, which is how the gradient check holds the mask fixed while it nudges
// each weight.
#pragma once

#include <cmath>
#include <string>

#include "../core/rng.hpp"
#include "layer.hpp"

namespace scratchnet {

template <class S>
class Dropout final : public Layer<S> {
 public:
  // The Rng must outlive the layer (the network owns both).
  Dropout(double ratio, Rng& rng) : ratio_(ratio), rng_(rng) {
    require(std::isfinite(ratio) && ratio >= 0.0 && ratio < 1.0, "dropout.bad_ratio",
            "Dropout: ratio must be in [0, 1), got " + std::to_string(ratio));
  }

  // x (N, D) → y (N, D)
  Matrix<S> forward(const Matrix<S>& x, bool train) override {
    if (!train) {
      // E[x·mask] = (1 − ratio)·x, so inference scales by the keep probability.
      return x * static_cast<S>(1.0 - ratio_);
    }
    // One uniform draw per element, in row-major order. An explicit loop, not
    // an Eigen expression: the order of the draws must be fixed so the same
    // seed gives the same mask natively and in the browser.
    // keep ⇔ u ≥ ratio with u uniform in [0, 1): probability exactly 1 − ratio
    // (the book's `rand > ratio` would drop u = 0 even when ratio = 0).
    mask_.resize(x.rows(), x.cols());
    S* m = mask_.data();
    for (Index i = 0, n = mask_.size(); i < n; ++i) m[i] = rng_.uniform() >= ratio_ ? S(1) : S(0);
    return x.cwiseProduct(mask_);
  }

  // dout (N, D) → dx (N, D)
  Matrix<S> backward(const Matrix<S>& dout) override {
    require_dout_shape("Dropout.backward", dout, mask_.rows(), mask_.cols());
    // y = x ⊙ mask  →  dx = dout ⊙ mask
    return dout.cwiseProduct(mask_);
  }

  std::string name() const override { return "Dropout"; }
  double ratio() const { return ratio_; }
  const Matrix<S>& mask() const { return mask_; }  // 1 = kept, 0 = dropped

 private:
  double ratio_;
  Rng& rng_;
  Matrix<S> mask_;  // 0/1 as S so backward is a single element-wise product
};

}  // namespace scratchnet
