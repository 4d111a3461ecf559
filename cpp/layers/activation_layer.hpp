// activation_layer.hpp — build an activation layer from its name.
//
// The network spec (and the web UI) name activations with strings; this is
// the one place that maps a name to a layer class (밑바닥부터 시작하는 딥러닝 1권
// 6장 common/multi_layer_net.py does the same with its `activation_layer` dict).
//
//   "sigmoid" → Sigmoid   "tanh" → Tanh   "relu" → Relu
//   "leaky_relu" → LeakyRelu(slope)       "identity" → Identity
//   anything else → scratchnet::Error "activation.unknown"
#pragma once

#include <memory>
#include <string>

#include "identity.hpp"
#include "layer.hpp"
#include "leaky_relu.hpp"
#include "relu.hpp"
#include "sigmoid.hpp"
#include "tanh.hpp"

namespace scratchnet {

inline bool is_activation_name(const std::string& name) {
  return name == "sigmoid" || name == "tanh" || name == "relu" || name == "leaky_relu" ||
         name == "identity";
}

template <class S>
std::unique_ptr<Layer<S>> make_activation_layer(const std::string& name, double slope = 0.01) {
  if (name == "sigmoid") return std::make_unique<Sigmoid<S>>();
  if (name == "tanh") return std::make_unique<Tanh<S>>();
  if (name == "relu") return std::make_unique<Relu<S>>();
  if (name == "leaky_relu") return std::make_unique<LeakyRelu<S>>(slope);
  if (name == "identity") return std::make_unique<Identity<S>>();
  throw Error("activation.unknown",
              "unknown activation \"" + name +
                  "\" (known: sigmoid, tanh, relu, leaky_relu, identity)");
}

}  // namespace scratchnet
