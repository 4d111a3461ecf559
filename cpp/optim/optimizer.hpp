// optimizer.hpp — what every optimizer shares
// (밑바닥부터 시작하는 딥러닝 1권 6.1 "매개변수 갱신", common/optimizer.py).
//
// In the book an optimizer is a tiny class with `lr` and one method,
// `update(params, grads)`, where both arguments are dicts keyed "W1", "b1"...
// Here a Param<S> already pairs a value with its gradient under the book's
// name, so update() takes one list. The network fills the gradients
// (`Network::gradient`), the optimizer only reads them and moves the values.
//
// Three things this base class adds to the book's code:
//   * weight decay (book 6.4.2) lives here instead of in the network, so any
//     optimizer can be combined with it and the UI can switch it on and off;
//   * the learning rate has a validated setter, so a slider can change it
//     between any two steps;
//   * optimizers with memory (Momentum's v, AdaGrad's h, Adam's m and v) keep
//     it per parameter *position* and check the shapes every step: give them a
//     different network and they start from scratch instead of silently
//     adding a 2×3 velocity to a 4×3 weight.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "../layers/layer.hpp"
#include "weight_decay.hpp"

namespace scratchnet {

template <class S>
class Optimizer {
 public:
  explicit Optimizer(double lr, double weight_decay = 0.0, double l1 = 0.0) {
    set_lr(lr);
    set_weight_decay(weight_decay);
    set_l1(l1);
  }
  virtual ~Optimizer() = default;

  // One step: move every parameter using its gradient. Every implementation
  // starts with apply_weight_decay(params), then the book's formula.
  virtual void update(std::vector<Param<S>>& params) = 0;

  // The book's class name ("SGD", "Momentum", ...), shown in the UI.
  virtual std::string name() const = 0;

  // Forget all memory (velocities, squared-gradient sums, Adam's step
  // counter). The next update behaves like the very first one.
  virtual void reset() {}

  // The regularization terms update() adds to the gradients before its step
  // (L1's λ₁·sign(W), L2's λW), added to `params`' gradients here: what a page
  // shows as "∂L/∂w" must be the gradient the update uses (Trainer::gradient).
  void add_regularization_gradient(std::vector<Param<S>>& params) const { apply_weight_decay(params); }

  double lr() const { return lr_; }
  // Takes effect on the next update(). Only "positive and finite" is checked
  // here; the stricter UI range (0, 10] is enforced by make_optimizer, so a
  // test or an experiment may still try an absurd rate on purpose.
  void set_lr(double lr) {
    require(std::isfinite(lr) && lr > 0.0, "optimizer.bad_lr",
            "learning rate must be a positive finite number, got " + std::to_string(lr));
    lr_ = lr;
  }

  double weight_decay() const { return weight_decay_; }
  void set_weight_decay(double lambda) {
    require(std::isfinite(lambda) && lambda >= 0.0 && lambda < 1.0,
            "optimizer.bad_weight_decay",
            "weight decay must be in [0, 1), got " + std::to_string(lambda));
    weight_decay_ = lambda;
  }

  // λ of L1 regularization (weight_decay.hpp l1_loss): the gradient of every
  // W gets + λ·sign(W) in apply_weight_decay. May be combined with weight
  // decay (L1 + L2 is "elastic net"); the UI offers one at a time.
  double l1() const { return l1_; }
  void set_l1(double lambda) {
    require(std::isfinite(lambda) && lambda >= 0.0 && lambda < 1.0, "optimizer.bad_regularization_rate",
            "L1 regularization rate must be in [0, 1), got " + std::to_string(lambda));
    l1_ = lambda;
  }

 protected:
  // L2 weight decay (book 6.4.2): the loss gets + ½λ‖W‖², so its gradient
  // gets + λW. We add that term straight into the gradient buffer — the
  // network recomputes the gradients on every step, so nothing accumulates.
  //
  // Only parameters whose name starts with "W" decay. Biases (and BatchNorm's
  // gamma/beta) are left alone, as in the book's loss, which sums W1, W2, ...
  // only: a bias does not multiply the input, so a large bias cannot make the
  // network over-react to small input changes — that is what overfitting
  // weights do. Pulling biases toward 0 would only shift every activation and
  // hurt the fit without reducing the network's "wiggliness".
  //
  // L1 (set_l1) is added here too: + λ₁·sign(W), same parameters.
  void apply_weight_decay(std::vector<Param<S>>& params) const {
    check_params(params);
    add_l1_gradient(params, l1_);
    if (weight_decay_ == 0.0) return;
    const S lambda = static_cast<S>(weight_decay_);
    for (auto& p : params) {
      if (!is_decayed(p.name)) continue;
      // ∂/∂W (L + ½λ‖W‖²) = ∂L/∂W + λW
      *p.grad += lambda * *p.value;
    }
  }

  // Every parameter must come with a gradient of the same shape.
  static void check_params(const std::vector<Param<S>>& params) {
    for (const auto& p : params) {
      require(p.value != nullptr && p.grad != nullptr, "optimizer.bad_param",
              "parameter '" + p.name + "' has no value or no gradient");
      require(p.value->rows() == p.grad->rows() && p.value->cols() == p.grad->cols(),
              "optimizer.bad_param",
              "parameter '" + p.name + "' is " + shape_string(*p.value) +
                  " but its gradient is " + shape_string(*p.grad));
    }
  }

  // True when `state` holds one matrix per parameter, each of the same shape
  // as that parameter — i.e. it belongs to this network.
  static bool state_matches(const std::vector<Matrix<S>>& state,
                            const std::vector<Param<S>>& params) {
    if (state.size() != params.size()) return false;
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (state[i].rows() != params[i].value->rows() ||
          state[i].cols() != params[i].value->cols())
        return false;
    }
    return true;
  }

  // np.zeros_like(val) for every parameter: the book's lazy initialisation
  // (`if self.v is None: ...`) done in one place.
  static void zeros_like(std::vector<Matrix<S>>& state, const std::vector<Param<S>>& params) {
    state.resize(params.size());
    for (std::size_t i = 0; i < params.size(); ++i)
      state[i].setZero(params[i].value->rows(), params[i].value->cols());
  }

 private:
  double lr_ = 0.01;
  double weight_decay_ = 0.0;
  double l1_ = 0.0;
};

}  // namespace scratchnet
