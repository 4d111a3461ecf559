// weight_decay.hpp — the loss terms of L2 weight decay and L1 regularization
// and which parameters they cover
// (밑바닥부터 시작하는 딥러닝 1권 6.4.2 "가중치 감소", common/multi_layer_net.py).
//
// The book's MultiLayerNet.loss adds ½λ·Σ‖W‖² to the cross-entropy, summing
// W1, W2, … only: biases and BatchNorm's γ/β do not decay (optimizer.hpp says
// why). One definition for the network (loss and gradient), the optimizer's
// decay (gradient) and the trainer's reported loss, so they cannot disagree.
#pragma once

#include <string>
#include <vector>

#include "../layers/layer.hpp"

namespace scratchnet {

// True for the parameters weight decay applies to: "W1", "W2", … (not b, gamma, beta).
inline bool is_decayed(const std::string& name) { return !name.empty() && name[0] == 'W'; }

// ½λ·Σ‖W‖² over the decayed parameters, accumulated in double: a float sum of
// 100,000 squares would lose digits the loss curve can show.
template <class S>
double weight_decay_loss(const std::vector<Param<S>>& params, double lambda) {
  if (lambda == 0.0) return 0.0;
  double sum = 0.0;
  for (const auto& p : params) {
    if (!is_decayed(p.name)) continue;
    // Σ w² of this matrix, in double
    sum += p.value->template cast<double>().squaredNorm();
  }
  return 0.5 * lambda * sum;
}

// L1 regularization (TensorFlow Playground's "L1"; the book names it beside L2
// in 6.4.2): the loss gets + λ·Σ|W| over the same parameters as weight decay.
// Its gradient λ·sign(W) has the same size for a tiny weight as for a big
// one, so — unlike L2's λW, which shrinks a weight in proportion to its size
// and never quite to 0 — it drives every weight the data does not need down
// to about 0: the trained network uses fewer inputs (a sparse network;
// tests/cpp/train/playground_claims_test.cpp). With plain gradient steps such
// a weight then hops around 0 by about lr·λ; TensorFlow Playground also
// clamps a weight that crosses 0 to exactly 0, we do not.
// Summed in double, like weight_decay_loss.
template <class S>
double l1_loss(const std::vector<Param<S>>& params, double lambda) {
  if (lambda == 0.0) return 0.0;
  double sum = 0.0;
  for (const auto& p : params) {
    if (!is_decayed(p.name)) continue;
    // Σ |w| of this matrix, in double
    sum += p.value->template cast<double>().cwiseAbs().sum();
  }
  return lambda * sum;
}

// dW += λ·sign(W) for every decayed parameter: ∂/∂w (λ|w|) = λ·sign(w).
// |w| has no derivative at w = 0; sign(0) = 0 is the subgradient that leaves a
// weight that is exactly 0 where it is (the choice of most libraries).
template <class S>
void add_l1_gradient(std::vector<Param<S>>& params, double lambda) {
  if (lambda == 0.0) return;
  const S l = static_cast<S>(lambda);
  for (auto& p : params) {
    if (!is_decayed(p.name)) continue;
    // (0 < w) − (w < 0) is sign(w), with sign(0) = 0
    *p.grad += l * p.value->unaryExpr([](S w) { return S((S(0) < w) - (w < S(0))); });
  }
}

}  // namespace scratchnet
