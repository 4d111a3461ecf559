// sgd.hpp — stochastic gradient descent (밑바닥부터 시작하는 딥러닝 1권 6.1.2,
// common/optimizer.py `SGD`, default lr = 0.01).
//
//   W ← W − η ∂L/∂W
//
// Walk downhill by a fixed fraction of the slope. Simple, but on the book's
// f(x, y) = x²/20 + y² it zig-zags: the slope points mostly along y although
// the minimum lies far away along x (book figure 6-3).
#pragma once

#include <string>
#include <vector>

#include "optimizer.hpp"
#include "param_ranges.hpp"

namespace scratchnet {

template <class S>
class SGD : public Optimizer<S> {
 public:
  static constexpr double kDefaultLr = 0.01;

  explicit SGD(double lr = kDefaultLr, double weight_decay = 0.0)
      : Optimizer<S>(lr, weight_decay) {}

  void update(std::vector<Param<S>>& params) override {
    this->apply_weight_decay(params);
    const S lr = static_cast<S>(this->lr());
    // every parameter, element by element (split across threads: param_ranges.hpp)
    parallel_over_params(params, [&](std::size_t i, Index lo, Index hi) {
      // params[key] -= self.lr * grads[key]
      flat(*params[i].value, lo, hi) -= lr * flat(*params[i].grad, lo, hi);
    });
  }

  std::string name() const override { return "SGD"; }
};

}  // namespace scratchnet
