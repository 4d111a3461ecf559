// nesterov.hpp — Nesterov's accelerated gradient (밑바닥부터 시작하는 딥러닝
// 1권 6.1.4 and common/optimizer.py `Nesterov`, defaults lr = 0.01, momentum 0.9).
//
// Plain Momentum computes the gradient where the ball *is*; Nesterov looks
// where the velocity is about to carry it and corrects earlier. Evaluating the
// gradient at the look-ahead point would need a second forward pass, so the
// book uses the equivalent rewrite (Bengio et al. 2012, arXiv:1212.0901)
// that only needs the gradient we already have. The order matters: W moves
// with the velocity of the *previous* step, then v is updated:
//
//   W ← W + α²v − (1 + α) η g      (v from the step before; 0 at first)
//   v ← αv − η g
//
// so the first step is (1 + α)·η·g = 1.9·η·g, not (α² + 1 + α)·η·g = 2.71·η·g
// as it would be with v updated first.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "optimizer.hpp"
#include "param_ranges.hpp"

namespace scratchnet {

template <class S>
class Nesterov : public Optimizer<S> {
 public:
  static constexpr double kDefaultLr = 0.01;
  static constexpr double kDefaultMomentum = 0.9;

  explicit Nesterov(double lr = kDefaultLr, double momentum = kDefaultMomentum,
                    double weight_decay = 0.0)
      : Optimizer<S>(lr, weight_decay), momentum_(momentum) {
    require(momentum >= 0.0 && momentum < 1.0, "optimizer.bad_momentum",
            "momentum must be in [0, 1), got " + std::to_string(momentum));
  }

  void update(std::vector<Param<S>>& params) override {
    this->apply_weight_decay(params);
    if (!this->state_matches(v_, params)) this->zeros_like(v_, params);
    const S lr = static_cast<S>(this->lr());
    const S m = static_cast<S>(momentum_);
    // every parameter, element by element (split across threads: param_ranges.hpp)
    parallel_over_params(params, [&](std::size_t i, Index lo, Index hi) {
      const auto g = flat(*params[i].grad, lo, hi);
      auto w = flat(*params[i].value, lo, hi), v = flat(v_[i], lo, hi);
      // W += α²·v − (1 + α)·η·g, with the old v
      w += (m * m) * v;
      w -= ((S(1) + m) * lr) * g;
      // v = α·v − η·g
      v *= m;
      v -= lr * g;
    });
  }

  std::string name() const override { return "Nesterov"; }
  void reset() override { v_.clear(); }
  double momentum() const { return momentum_; }

 private:
  double momentum_;
  std::vector<Matrix<S>> v_;
};

}  // namespace scratchnet
