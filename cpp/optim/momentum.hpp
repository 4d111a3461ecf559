// momentum.hpp — Momentum SGD (밑바닥부터 시작하는 딥러닝 1권 6.1.4,
// common/optimizer.py `Momentum`, defaults lr = 0.01, momentum α = 0.9).
//
//   v ← αv − η ∂L/∂W
//   W ← W + v
//
// v is a velocity: a ball rolling downhill keeps part (α) of its previous
// speed. Along a direction where the gradient keeps its sign the steps add
// up; where it flips sign (the zig-zag of plain SGD) they cancel out.
// This is also the optimizer of the "모두의 딥러닝" XOR example (lr 0.1, mo 0.9).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "optimizer.hpp"
#include "param_ranges.hpp"

namespace scratchnet {

template <class S>
class Momentum : public Optimizer<S> {
 public:
  static constexpr double kDefaultLr = 0.01;
  static constexpr double kDefaultMomentum = 0.9;

  explicit Momentum(double lr = kDefaultLr, double momentum = kDefaultMomentum,
                    double weight_decay = 0.0)
      : Optimizer<S>(lr, weight_decay), momentum_(momentum) {
    require(momentum >= 0.0 && momentum < 1.0, "optimizer.bad_momentum",
            "momentum must be in [0, 1), got " + std::to_string(momentum));
  }

  void update(std::vector<Param<S>>& params) override {
    this->apply_weight_decay(params);
    // self.v = {key: np.zeros_like(val)} on first use — or after the network changed.
    if (!this->state_matches(v_, params)) this->zeros_like(v_, params);
    const S lr = static_cast<S>(this->lr());
    const S alpha = static_cast<S>(momentum_);
    // every parameter, element by element (split across threads: param_ranges.hpp)
    parallel_over_params(params, [&](std::size_t i, Index lo, Index hi) {
      auto v = flat(v_[i], lo, hi);
      // v = αv − η·∂L/∂W
      v = alpha * v - lr * flat(*params[i].grad, lo, hi);
      // W += v
      flat(*params[i].value, lo, hi) += v;
    });
  }

  std::string name() const override { return "Momentum"; }
  void reset() override { v_.clear(); }
  double momentum() const { return momentum_; }

 private:
  double momentum_;
  std::vector<Matrix<S>> v_;  // one velocity per parameter, same shape
};

}  // namespace scratchnet
