// make_optimizer.hpp — pick an optimizer by name, the way the book's
// optimizer_compare_mnist.py fills `optimizers['SGD'] = SGD()` ... (1권 6.1.8).
//
// This is the entry point the UI and the CLI use, so it validates everything
// a user can type: an unknown name, a learning rate that is not a number or
// is absurdly large (> 10 only ever diverges on our data sets), a weight
// decay outside [0, 1).
#pragma once

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <string>

#include "../core/error.hpp"
#include "adagrad.hpp"
#include "adam.hpp"
#include "momentum.hpp"
#include "nesterov.hpp"
#include "optimizer.hpp"
#include "rmsprop.hpp"
#include "sgd.hpp"

namespace scratchnet {

// The names make_optimizer accepts (lower case; matching ignores case).
inline const char* const kOptimizerNames[] = {"sgd",     "momentum", "nesterov",
                                              "adagrad", "rmsprop",  "adam"};

// name: sgd | momentum | nesterov | adagrad | rmsprop | adam (any case).
// lr <= 0 means "the book's default for this optimizer" (0.01, Adam 0.001).
// Other hyper-parameters (momentum 0.9, RMSprop decay 0.99, Adam's betas)
// are the book's defaults.
// The learning rates a learner may choose: (0, kMaxLearningRate]. Optimizer::set_lr
// only asks for a positive finite rate (a test may try an absurd one on purpose);
// everything the playground sets goes through this range (the URL's clamp in
// web/src/state.js stays inside it).
inline constexpr double kMaxLearningRate = 10.0;

// "not a number" is caught before the range, because NaN <= 0 is false.
inline void require_learning_rate(double lr) {
  require(std::isfinite(lr) && lr > 0.0 && lr <= kMaxLearningRate, "optimizer.bad_lr",
          "learning rate must be in (0, 10], got " + std::to_string(lr));
}

template <class S>
std::unique_ptr<Optimizer<S>> make_optimizer(const std::string& name, double lr = 0.0,
                                             double weight_decay = 0.0) {
  std::string key = name;
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });

  // "not a number" must be caught before `lr <= 0`, because NaN <= 0 is false.
  require(std::isfinite(lr), "optimizer.bad_lr", "learning rate must be a finite number");
  require(lr <= kMaxLearningRate, "optimizer.bad_lr",
          "learning rate must be in (0, 10], got " + std::to_string(lr));
  require(std::isfinite(weight_decay) && weight_decay >= 0.0 && weight_decay < 1.0,
          "optimizer.bad_weight_decay",
          "weight decay must be in [0, 1), got " + std::to_string(weight_decay));

  auto pick = [lr](double book_default) { return lr > 0.0 ? lr : book_default; };
  if (key == "sgd") return std::make_unique<SGD<S>>(pick(SGD<S>::kDefaultLr), weight_decay);
  if (key == "momentum")
    return std::make_unique<Momentum<S>>(pick(Momentum<S>::kDefaultLr),
                                         Momentum<S>::kDefaultMomentum, weight_decay);
  if (key == "nesterov")
    return std::make_unique<Nesterov<S>>(pick(Nesterov<S>::kDefaultLr),
                                         Nesterov<S>::kDefaultMomentum, weight_decay);
  if (key == "adagrad")
    return std::make_unique<AdaGrad<S>>(pick(AdaGrad<S>::kDefaultLr), weight_decay);
  if (key == "rmsprop")
    return std::make_unique<RMSprop<S>>(pick(RMSprop<S>::kDefaultLr),
                                        RMSprop<S>::kDefaultDecay, weight_decay);
  if (key == "adam")
    return std::make_unique<Adam<S>>(pick(Adam<S>::kDefaultLr), Adam<S>::kDefaultBeta1,
                                     Adam<S>::kDefaultBeta2, weight_decay);
  throw Error("optimizer.unknown",
              "unknown optimizer '" + name +
                  "' (expected sgd, momentum, nesterov, adagrad, rmsprop or adam)");
}

// TensorFlow Playground's regularization menu on an optimizer:
//   "none"  nothing (rate ignored);
//   "l2"    weight decay at `rate`: loss + ½λ‖W‖², gradient + λW (book 6.4.2);
//   "l1"    L1 at `rate`: loss + λΣ|W|, gradient + λ·sign(W) (weight_decay.hpp).
// The optimizer's weight decay, if already set, must be 0 for "l1"/"l2": the
// same λ given twice would be ambiguous ("optimizer.double_regularization").
// Errors: "optimizer.unknown_regularization" for another name, and the rate's
// own ("optimizer.bad_weight_decay" / "optimizer.bad_regularization_rate") outside [0, 1).
template <class S>
void set_regularization(Optimizer<S>& opt, const std::string& kind, double rate) {
  if (kind == "none") return;
  require(kind == "l1" || kind == "l2", "optimizer.unknown_regularization",
          "unknown regularization '" + kind + "' (expected none, l1 or l2)");
  require(opt.weight_decay() == 0.0, "optimizer.double_regularization",
          "weight decay is already set; choose it or a regularization, not both");
  if (kind == "l2") opt.set_weight_decay(rate);
  else opt.set_l1(rate);
}

}  // namespace scratchnet
