// network_npz.cpp — see network_npz.hpp.
#include "network_npz.hpp"

#include <string>

namespace scratchnet {

NetSpec spec_from_arrays(const NamedArrays& arrays, NetSpec spec) {
  if (!spec.sizes.empty()) return spec;
  for (std::size_t i = 1;; ++i) {
    std::string w = "W";  // not "W" + to_string(i): GCC 12 warns falsely on that (its bug 105329)
    w += std::to_string(i);
    const Matrix<float>* m = find_array_or_null(arrays, w);
    if (m == nullptr) break;
    // checked while counting, so a file with thousands of W's is refused early
    require(i <= kMaxAffineLayers, "net.too_deep",
            "the file has more than " + std::to_string(kMaxAffineLayers) + " weight matrices");
    // W_i is (inputs, outputs): its rows must be the outputs of W_{i-1}.
    if (spec.sizes.empty()) spec.sizes.push_back(static_cast<int>(m->rows()));
    require(m->rows() == spec.sizes.back(), "npz.bad_entry",
            w + " has " + std::to_string(m->rows()) + " rows but the layer before has " +
                std::to_string(spec.sizes.back()) + " outputs");
    spec.sizes.push_back(static_cast<int>(m->cols()));
  }
  require(spec.sizes.size() >= 2, "npz.missing_param",
          "the file has no W1: not a scratchnet (or book) network");
  return spec;
}

Network<float> network_from_arrays(const NamedArrays& arrays, const NetSpec& spec) {
  Network<float> net(spec_from_arrays(arrays, spec), 0);
  for (const auto& p : net.params()) net.set_param(p.name, find_array(arrays, p.name));
  return net;
}

NamedArrays network_arrays(Network<float>& net) {
  NamedArrays arrays;
  for (const auto& p : net.params()) arrays.emplace_back(p.name, *p.value);
  return arrays;
}

}  // namespace scratchnet
