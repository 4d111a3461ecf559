// weight_decay.hpp — the loss term of L2 weight decay and which parameters it covers
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

}  // namespace scratchnet
