// neuron_maps.hpp — what every neuron computes over the whole input plane.
//
// TensorFlow Playground draws each hidden neuron as a small heat map: the
// neuron's output for every point of the plane. It shows what 밑바닥 1권 3장
// says in formulas — a first-layer neuron is one straight boundary
// (h(x·w + b), book 2.3–2.4), and each later layer combines the previous
// layer's maps into curved ones (book 2.5 "다층 퍼셉트론").
//
// One forward pass over all grid points (Network::trace) gives every map at
// once: a 40×40 grid is a batch of 1,600 rows, so each layer is one matrix
// product instead of 1,600 small ones.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "network.hpp"

namespace scratchnet {

// size × size points on the square [from, to]², the centre of each pixel,
// one row per point in image order (the top row first):
//   row k = iy·size + ix,  h = (to − from)/size,
//   x1 = from + (ix + ½)·h,  x2 = to − (iy + ½)·h.
// Errors: "grid.bad_size" unless 1 ≤ size ≤ 1000, "grid.bad_range" unless
// from < to, both finite.
inline Matrix<float> plane_grid(double from, double to, int size) {
  require(size >= 1 && size <= 1000, "grid.bad_size",
          "grid size must be in 1..1000, got " + std::to_string(size));
  require(std::isfinite(from) && std::isfinite(to) && from < to, "grid.bad_range",
          "grid range needs from < to, got " + std::to_string(from) + " .. " + std::to_string(to));
  const double h = (to - from) / size;
  Matrix<float> g(Index(size) * size, 2);
  for (int iy = 0; iy < size; ++iy) {
    for (int ix = 0; ix < size; ++ix) {
      g(Index(iy) * size + ix, 0) = static_cast<float>(from + (ix + 0.5) * h);
      g(Index(iy) * size + ix, 1) = static_cast<float>(to - (iy + 0.5) * h);
    }
  }
  return g;
}

// One layer's maps: values(j, k) is neuron j's output at grid point k, so
// each neuron's whole map is one contiguous row (row-major), ready to paint.
template <class S>
struct NeuronMap {
  std::string layer;  // "Relu1", ... or the loss layer's name for the output
  std::string kind;   // "Z" (a hidden activation) or "Y" (the network's output)
  Matrix<S> values;   // (neurons, grid points)
};

// The maps of every hidden neuron (each activation "Z" of the hidden layers,
// after BatchNorm when there is one) and of every output ("Y": softmax
// probabilities or the regression output), in forward order, from one
// Network::trace of x (grid points, already mapped to the network's input
// features). Inference mode; the errors of trace().
template <class S>
std::vector<NeuronMap<S>> neuron_maps(Network<S>& net, const Matrix<S>& x) {
  const auto steps = net.trace(x);
  // the first layers().size() steps are the hidden stack (plus the last Affine);
  // an output activation's "Z" after them is the output, shown once as "Y"
  const std::size_t hidden_steps = net.layers().size();
  std::vector<NeuronMap<S>> maps;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const bool hidden = i < hidden_steps && steps[i].kind == "Z";
    if (!hidden && steps[i].kind != "Y") continue;
    // (N, width)ᵀ → (width, N): neuron j's outputs side by side
    maps.push_back({steps[i].layer, steps[i].kind, steps[i].value.transpose()});
  }
  return maps;
}

}  // namespace scratchnet
