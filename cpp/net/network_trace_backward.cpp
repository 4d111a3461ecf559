// network_trace_backward.cpp — Network<S>::trace_backward: gradient() with
// every intermediate kept, for the "how a network learns" view.
//
// 밑바닥부터 시작하는 딥러닝 1권 5.7 (TwoLayerNet.gradient: forward, then
// dout = 1 through the layers in reverse), 2권 1.3.5–1.3.6.
#include <utility>
#include <vector>

#include "../layers/affine.hpp"
#include "../layers/batch_norm.hpp"
#include "network.hpp"

namespace scratchnet {

template <class S>
typename Network<S>::BackwardTrace Network<S>::trace_backward(const Matrix<S>& x, const Matrix<S>& t) {
  require_input(x, "Network.trace_backward");
  // The trace keeps about twice what a training step holds (input, output, dout, dx per layer).
  require_activation_memory(spec_, 2 * static_cast<std::uint64_t>(x.rows()), true, sizeof(S),
                            "a traced backward pass");

  // The layers in the order data flows through them; the loss layer comes last.
  std::vector<Layer<S>*> chain;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    chain.push_back(layers_[i].get());
    names.push_back(names_[i]);
  }
  if (output_activation_) {
    chain.push_back(output_activation_.get());
    names.push_back(output_activation_name_);
  }

  // Training-mode forward updates BatchNorm's running statistics; a trace is
  // for looking, so they are put back afterwards.
  std::vector<std::pair<Matrix<S>, Matrix<S>>> stats;
  for (auto* layer : chain) {
    if (auto* bn = dynamic_cast<BatchNorm<S>*>(layer)) stats.emplace_back(bn->running_mean(), bn->running_var());
  }
  // Training skips ∂L/∂(data) of the first Affine (affine.hpp); the trace shows it.
  auto* first = dynamic_cast<Affine<S>*>(chain.front());
  struct Restore {
    Affine<S>* first;
    std::vector<Layer<S>*>& chain;
    std::vector<std::pair<Matrix<S>, Matrix<S>>>& stats;
    ~Restore() {
      if (first) first->set_input_gradient(false);
      std::size_t k = 0;
      for (auto* layer : chain) {
        if (auto* bn = dynamic_cast<BatchNorm<S>*>(layer)) {
          bn->set_running_stats(stats[k].first, stats[k].second);
          ++k;
        }
      }
    }
  } restore{first, chain, stats};
  if (first) first->set_input_gradient(true);

  BackwardTrace out;
  out.layers.resize(chain.size() + 1);
  // forward: x = layer.forward(x) for each layer, keeping what went in and out
  Matrix<S> h = x;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    auto& rec = out.layers[i];
    rec.layer = names[i];
    rec.input = h;
    h = chain[i]->forward(h, true);
    rec.output = h;
  }
  auto& loss_rec = out.layers.back();
  loss_rec.layer = last_layer_->name();
  loss_rec.input = h;
  out.loss = last_layer_->forward(h, t);
  loss_rec.output = Matrix<S>::Constant(1, 1, out.loss);

  // backward: dout = 1 (∂L/∂L), then layer.backward(dout) from the right
  loss_rec.dout = Matrix<S>::Ones(1, 1);
  Matrix<S> dout = last_layer_->backward();
  loss_rec.dx = dout;
  for (std::size_t i = chain.size(); i-- > 0;) {
    auto& rec = out.layers[i];
    rec.dout = dout;
    dout = chain[i]->backward(dout);
    rec.dx = dout;
    // The layer's own names are "W", "b"; the network's are "W1", "b1": match them by address.
    for (const auto& p : chain[i]->params()) {
      for (const auto& named : params_) {
        if (named.value == p.value) rec.grads.emplace_back(named.name, *p.grad);
      }
    }
  }
  return out;
}

template Network<float>::BackwardTrace Network<float>::trace_backward(const Matrix<float>&, const Matrix<float>&);
template Network<double>::BackwardTrace Network<double>::trace_backward(const Matrix<double>&, const Matrix<double>&);

}  // namespace scratchnet
