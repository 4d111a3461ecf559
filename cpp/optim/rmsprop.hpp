// rmsprop.hpp — RMSprop (밑바닥부터 시작하는 딥러닝 1권 6.1.5 "RMSProp",
// common/optimizer.py `RMSprop`, defaults lr = 0.01, decay_rate ρ = 0.99).
//
//   h ← ρh + (1 − ρ) g ⊙ g
//   W ← W − η g / (√h + 1e-7)
//
// AdaGrad with a memory that fades: h is an exponential moving average of
// g², so old gradients are forgotten (ρ¹⁰⁰ ≈ 0.37) and the per-element
// learning rate does not shrink to zero.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "optimizer.hpp"
#include "param_ranges.hpp"

namespace scratchnet {

template <class S>
class RMSprop : public Optimizer<S> {
 public:
  static constexpr double kDefaultLr = 0.01;
  static constexpr double kDefaultDecay = 0.99;
  static constexpr double kEpsilon = 1e-7;

  explicit RMSprop(double lr = kDefaultLr, double decay_rate = kDefaultDecay,
                   double weight_decay = 0.0)
      : Optimizer<S>(lr, weight_decay), decay_rate_(decay_rate) {
    require(decay_rate >= 0.0 && decay_rate < 1.0, "optimizer.bad_decay",
            "RMSprop decay rate must be in [0, 1), got " + std::to_string(decay_rate));
  }

  void update(std::vector<Param<S>>& params) override {
    this->apply_weight_decay(params);
    if (!this->state_matches(h_, params)) this->zeros_like(h_, params);
    const S lr = static_cast<S>(this->lr());
    const S rho = static_cast<S>(decay_rate_);
    const S eps = static_cast<S>(kEpsilon);
    // every parameter, element by element (split across threads: param_ranges.hpp)
    parallel_over_params(params, [&](std::size_t i, Index lo, Index hi) {
      const auto g = flat(*params[i].grad, lo, hi);
      auto h = flat(h_[i], lo, hi);
      // h *= decay_rate; h += (1 - decay_rate) * g * g
      h *= rho;
      h += (S(1) - rho) * g.square();
      // W -= lr * g / (sqrt(h) + 1e-7)
      flat(*params[i].value, lo, hi) -= lr * g / (h.sqrt() + eps);
    });
  }

  std::string name() const override { return "RMSprop"; }
  void reset() override { h_.clear(); }
  double decay_rate() const { return decay_rate_; }

 private:
  double decay_rate_;
  std::vector<Matrix<S>> h_;  // moving average of squared gradients
};

}  // namespace scratchnet
