// network_npz.hpp — a Network to and from an .npz: weights, BatchNorm's
// running statistics and the architecture.
//
// The book saves a trained network as its `params` dict (W1, b1, W2, …;
// 밑바닥부터 시작하는 딥러닝 1권 3.6.2 sample_weight.pkl); we keep the same
// keys in an .npz (io/npz.hpp) and add what the book's dict leaves out, so a
// saved network comes back exactly, with no options and no file-name rule:
//
//   W1, b1, gamma1, beta1, …   the parameters, in the book's order and names
//   running_mean1, running_var1, …   BatchNorm's inference statistics (1, D)
//   architecture   a 0-d unicode array (io/npy_text.hpp) holding one JSON text:
//     {"format": "scratchnet/1", "kind": "mlp", "sizes": [784,100,10],
//      "hidden": "relu", "output": "softmax", "batchNorm": false,
//      "dropout": 0, "leakySlope": 0.01}
//   which numpy reads with np.load(f)['architecture'].item() (no pickle).
//
// A file without `architecture` (the book's, or one saved before) still
// loads: the activations then come from a NetSpec the caller gives and the
// layer sizes, when the spec leaves them empty, are read off the W shapes:
// W1 (784, 50), W2 (50, 100), W3 (100, 10) → sizes {784, 50, 100, 10}.
// Without running statistics a BatchNorm starts at mean 0, variance 1.
//
// A file is untrusted input (a learner drops it on the page, the fuzzer
// makes it up): every shape is checked against its neighbour before a
// network is built, and the network's own validate() bounds its memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "../io/npz.hpp"
#include "network.hpp"

namespace scratchnet {

inline constexpr const char* kArchitectureKey = "architecture";
inline constexpr const char* kArchitectureFormat = "scratchnet/1";

// The architecture JSON of a spec (the fields above; init and weight decay
// are how a network is trained, not what it is, and are not written).
std::string architecture_json(const NetSpec& spec);
// The spec an architecture JSON describes. Errors: json.bad_text,
// npz.bad_architecture (not "scratchnet/1", a field missing or of the wrong
// type), npz.unsupported_architecture (a "kind" other than "mlp", e.g. a
// convnet saved by a newer scratchnet). The spec is validated when a
// Network is built from it.
NetSpec spec_from_architecture(const std::string& json);

// `spec` with sizes filled in from W1, W2, … when spec.sizes is empty.
// Errors: npz.missing_param (no W1), npz.bad_entry (a W whose rows are not
// the previous W's columns), net.too_deep (more W's than a network may have).
NetSpec spec_from_arrays(const NamedArrays& arrays, NetSpec spec);

// A Network<float> with every parameter (and, when present, BatchNorm's
// running statistics) taken from `arrays`.
// Errors: those of spec_from_arrays and validate(), npz.missing_array (a
// parameter the spec needs is absent), shape.mismatch, input.not_finite
// (NaN or infinity in a weight), npz.bad_entry (a negative running variance).
Network<float> network_from_arrays(const NamedArrays& arrays, const NetSpec& spec);

// The parameters of `net` in the book's order, then BatchNorm's running
// statistics (running_mean1, running_var1, …), ready for save_npz.
NamedArrays network_arrays(Network<float>& net);
// {"architecture": architecture_json(net.spec())}.
NamedTexts network_texts(const Network<float>& net);

// The whole file: save_npz(network_arrays(net), network_texts(net), dtype).
// NpyFloat::Float16 halves it (2권 1.5.1 save_params); load_network_npz reads it back.
std::vector<std::uint8_t> save_network_npz(Network<float>& net, NpyFloat dtype = NpyFloat::Float32);
// The network in an .npz: built from its architecture entry when it has one
// (`options` is then not used), else from `options` as network_from_arrays.
Network<float> load_network_npz(const std::uint8_t* data, std::size_t size, const NetSpec& options);
Network<float> load_network_npz_file(const std::string& path, const NetSpec& options);

}  // namespace scratchnet
