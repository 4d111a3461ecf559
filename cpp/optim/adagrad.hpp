// adagrad.hpp — AdaGrad (밑바닥부터 시작하는 딥러닝 1권 6.1.5,
// common/optimizer.py `AdaGrad`, default lr = 0.01).
//
//   h ← h + g ⊙ g
//   W ← W − η g / (√h + 1e-7)
//
// Every element gets its own learning rate η/√h: elements that already moved
// a lot (large accumulated h) slow down. Because h only grows, the steps
// shrink toward 0 forever — RMSprop fixes that by forgetting old gradients.
// The 1e-7 keeps the division finite while h is still 0.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "optimizer.hpp"
#include "param_ranges.hpp"

namespace scratchnet {

template <class S>
class AdaGrad : public Optimizer<S> {
 public:
  static constexpr double kDefaultLr = 0.01;
  static constexpr double kEpsilon = 1e-7;

  explicit AdaGrad(double lr = kDefaultLr, double weight_decay = 0.0)
      : Optimizer<S>(lr, weight_decay) {}

  void update(std::vector<Param<S>>& params) override {
    this->apply_weight_decay(params);
    if (!this->state_matches(h_, params)) this->zeros_like(h_, params);
    const S lr = static_cast<S>(this->lr());
    const S eps = static_cast<S>(kEpsilon);
    // every parameter, element by element (split across threads: param_ranges.hpp)
    parallel_over_params(params, [&](std::size_t i, Index lo, Index hi) {
      const auto g = flat(*params[i].grad, lo, hi);
      auto h = flat(h_[i], lo, hi);
      // h += g * g
      h += g.square();
      // W -= lr * g / (sqrt(h) + 1e-7)
      flat(*params[i].value, lo, hi) -= lr * g / (h.sqrt() + eps);
    });
  }

  std::string name() const override { return "AdaGrad"; }
  void reset() override { h_.clear(); }

 private:
  std::vector<Matrix<S>> h_;  // running sum of squared gradients
};

}  // namespace scratchnet
