// adam.hpp — Adam (밑바닥부터 시작하는 딥러닝 1권 6.1.6, common/optimizer.py
// `Adam`; Kingma & Ba, arXiv:1412.6980; defaults lr = 0.001, β1 = 0.9, β2 = 0.999).
//
// Momentum (a moving average m of g) + RMSprop (a moving average v of g²):
//
//   t ← t + 1
//   η_t = η · √(1 − β2ᵗ) / (1 − β1ᵗ)
//   m ← m + (1 − β1)(g − m)
//   v ← v + (1 − β2)(g² − v)
//   W ← W − η_t · m / (√v + 1e-7)
//
// m and v start at 0, so during the first steps they are biased toward 0.
// The book folds the paper's bias correction m̂ = m/(1 − β1ᵗ),
// v̂ = v/(1 − β2ᵗ) into the single scalar η_t — one multiply per step
// instead of two extra matrices. Expanding it gives η·m̂ / (√v̂ + ε/√(1 − β2ᵗ)):
// the paper's formula with a slightly larger ε in the first steps (the
// "efficient version" the paper itself suggests in section 2).
// We keep the book's form so the numbers match its code.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "optimizer.hpp"
#include "param_ranges.hpp"

namespace scratchnet {

template <class S>
class Adam : public Optimizer<S> {
 public:
  static constexpr double kDefaultLr = 0.001;
  static constexpr double kDefaultBeta1 = 0.9;
  static constexpr double kDefaultBeta2 = 0.999;
  static constexpr double kEpsilon = 1e-7;

  explicit Adam(double lr = kDefaultLr, double beta1 = kDefaultBeta1,
                double beta2 = kDefaultBeta2, double weight_decay = 0.0)
      : Optimizer<S>(lr, weight_decay), beta1_(beta1), beta2_(beta2) {
    require(beta1 >= 0.0 && beta1 < 1.0 && beta2 >= 0.0 && beta2 < 1.0, "optimizer.bad_beta",
            "Adam betas must be in [0, 1), got " + std::to_string(beta1) + " and " +
                std::to_string(beta2));
  }

  void update(std::vector<Param<S>>& params) override {
    this->apply_weight_decay(params);
    if (!this->state_matches(m_, params) || !this->state_matches(v_, params)) {
      this->zeros_like(m_, params);
      this->zeros_like(v_, params);
      iter_ = 0;
    }
    ++iter_;
    // lr_t = lr * sqrt(1 - beta2**iter) / (1 - beta1**iter), computed in double
    // so float training gets the same correction factor as the book.
    const double t = static_cast<double>(iter_);
    const S lr_t = static_cast<S>(this->lr() * std::sqrt(1.0 - std::pow(beta2_, t)) /
                                  (1.0 - std::pow(beta1_, t)));
    const S b1 = static_cast<S>(beta1_);
    const S b2 = static_cast<S>(beta2_);
    const S eps = static_cast<S>(kEpsilon);
    // every parameter, element by element (split across threads: param_ranges.hpp)
    parallel_over_params(params, [&](std::size_t i, Index lo, Index hi) {
      const auto g = flat(*params[i].grad, lo, hi);
      auto m = flat(m_[i], lo, hi), v = flat(v_[i], lo, hi);
      // m += (1 - beta1) * (g - m)
      m += (S(1) - b1) * (g - m);
      // v += (1 - beta2) * (g**2 - v)
      v += (S(1) - b2) * (g.square() - v);
      // W -= lr_t * m / (sqrt(v) + 1e-7)
      flat(*params[i].value, lo, hi) -= lr_t * m / (v.sqrt() + eps);
    });
  }

  std::string name() const override { return "Adam"; }
  void reset() override {
    m_.clear();
    v_.clear();
    iter_ = 0;
  }
  std::int64_t iterations() const { return iter_; }
  double beta1() const { return beta1_; }
  double beta2() const { return beta2_; }

 private:
  double beta1_, beta2_;
  std::int64_t iter_ = 0;     // the book's self.iter: updates since the last reset
  std::vector<Matrix<S>> m_;  // moving average of g   (1st moment)
  std::vector<Matrix<S>> v_;  // moving average of g²  (2nd moment)
};

}  // namespace scratchnet
