// conv_net_npz.hpp — a ConvNet from an .npz: its weights plus the JSON text
// that says which layers they belong to.
//
// The file (agreement "scratchnet/1", written by scripts/convert-book-convnets.py
// for the book's ch. 7/8 weights):
//   W1.npy, b1.npy, …     the book's params; a conv W in the book's shape
//                         (FN, C, FH, FW), an affine W (in, out), b 1-D (n,)
//   architecture.npy      a 0-d unicode array (np.array(json_text)) holding
//     {"format": "scratchnet/1", "kind": "convnet", "input": [1, 28, 28],
//      "layers": [{"type": "conv", "filters": 30, "size": 5, "stride": 1, "pad": 0},
//                 {"type": "relu"}, {"type": "pool", "size": 2, "stride": 2},
//                 {"type": "affine", "out": 100}, {"type": "dropout", "ratio": 0.5}, …],
//      "output": "softmax", "dropoutConvention": "scale_at_inference"}
// Python reads it back with np.load(f)["architecture"].item() — no pickle.
//
// A file is untrusted input: the JSON is checked field by field, every array
// against the layer it is for, before anything is built.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "conv_net.hpp"

namespace scratchnet {

// The spec a "scratchnet/1" convnet architecture text describes.
// Errors: json.bad_text, convnet.bad_architecture (wrong format
// or kind, a missing or mistyped field), and those of validate(ConvNetSpec).
ConvNetSpec conv_net_spec_from_json(const std::string& text);

// The architecture text of `spec` (the inverse of conv_net_spec_from_json).
std::string conv_net_architecture_json(const ConvNetSpec& spec);

// A ConvNet<float> from .npz bytes: the architecture entry, then every
// parameter W1, b1, … checked against its layer. A conv W may be stored
// (FN, C, FH, FW) or already reshaped to (FN, C·FH·FW).
// Errors: the npz.* / npy.* errors of io/, convnet.bad_architecture (no
// architecture entry), npz.missing_array, shape.mismatch, input.not_finite.
ConvNet<float> load_conv_net_npz(const std::uint8_t* data, std::size_t size);
ConvNet<float> load_conv_net_npz_file(const std::string& path);  // + io.* errors

// Which kind of network an .npz holds, from its architecture entry's "kind"
// ("convnet", "mlp", …); "mlp" for a file without one (the book's ch. 3
// weights). Lets one loader (sn.loadNetwork) pick the right class.
// Errors: those of load_npz, json.bad_text, convnet.bad_architecture (no "kind").
std::string npz_network_kind(const std::uint8_t* data, std::size_t size);

// The network as .npz bytes: W1, b1, … and its architecture entry, so
// load_conv_net_npz (and sn.loadNetwork) rebuilds it with no options. A conv W
// is written as the layer keeps it, (FN, C·FH·FW) — numpy's
// W.reshape(FN, C, FH, FW) gives the book's shape back.
std::vector<std::uint8_t> save_conv_net_npz(ConvNet<float>& net);

}  // namespace scratchnet
