// network_npz.hpp — a Network's weights to and from .npz arrays.
//
// The book saves a trained network as its `params` dict (W1, b1, W2, …;
// 밑바닥부터 시작하는 딥러닝 1권 3.6.2 sample_weight.pkl); we keep the same
// keys in an .npz (io/npz.hpp). The file holds only numbers, not the
// activations, so those come from a NetSpec the caller gives; the layer
// sizes, when the spec leaves them empty, are read off the W shapes:
// W1 (784, 50), W2 (50, 100), W3 (100, 10) → sizes {784, 50, 100, 10}.
//
// A file is untrusted input (a learner drops it on the page, the fuzzer
// makes it up): every shape is checked against its neighbour before a
// network is built, and the network's own validate() bounds its memory.
// BatchNorm running statistics are not in the file; a loaded network starts
// with the defaults (mean 0, variance 1).
#pragma once

#include "../io/npz.hpp"
#include "network.hpp"

namespace scratchnet {

// `spec` with sizes filled in from W1, W2, … when spec.sizes is empty.
// Errors: npz.missing_param (no W1), npz.bad_entry (a W whose rows are not
// the previous W's columns), net.too_deep (more W's than a network may have).
NetSpec spec_from_arrays(const NamedArrays& arrays, NetSpec spec);

// A Network<float> with every parameter taken from `arrays`.
// Errors: those of spec_from_arrays and validate(), npz.missing_array (a
// parameter the spec needs is absent), shape.mismatch, input.not_finite
// (NaN or infinity in a weight).
Network<float> network_from_arrays(const NamedArrays& arrays, const NetSpec& spec);

// The parameters of `net` in the book's order, ready for save_npz.
NamedArrays network_arrays(Network<float>& net);

}  // namespace scratchnet
