// npz_fuzz.cpp — libFuzzer target for .npz model files (io/npz.*, io/npy.*,
// net/network_npz.*): the bytes a learner loads as "my trained network".
//
// For every input we check:
//   1. load_npz either returns arrays or throws a documented Error;
//   2. accepted arrays survive save_npz → load_npz bit for bit (names,
//      shapes and float bits, NaN payloads included);
//   3. a Network built from them (activations picked by the input's last
//      byte) either holds exactly those weights and predicts a (1, outputs)
//      row, or is refused with a documented Error — never built half-way;
//   4. load_network_npz (which also reads a text 'architecture' entry as
//      JSON) either builds a network or throws a documented Error.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "fuzz_check.hpp"
#include "io/npz.hpp"
#include "net/network_npz.hpp"

namespace {

using scratchnet::Error;
using scratchnet::NamedArrays;

const std::initializer_list<const char*> kLoadCodes = {
    "npz.not_zip", "npz.truncated", "npz.bad_entry", "npy.bad_header",
    "npy.bad_dtype", "npy.bad_shape", "size.too_large"};
const std::initializer_list<const char*> kNetCodes = {
    "npz.missing_param", "npz.bad_entry", "npz.missing_array", "net.too_deep", "net.layer_size",
    "size.too_large",    "shape.mismatch", "input.not_finite"};

const std::initializer_list<const char*> kArchitectureCodes = {
    "npz.not_zip", "npz.truncated", "npz.bad_entry", "npy.bad_header", "npy.bad_dtype", "npy.bad_shape",
    "npy.bad_text", "size.too_large", "json.bad_text", "npz.bad_architecture", "npz.unsupported_architecture",
    "npz.missing_param", "npz.missing_array", "net.too_deep", "net.too_few_layers", "net.layer_size",
    "activation.unknown", "net.output_unknown", "activation.bad_slope", "dropout.bad_ratio",
    "shape.mismatch", "input.not_finite"};

bool same_bits(const scratchnet::Matrix<float>& a, const scratchnet::Matrix<float>& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         (a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(float) * a.size()) == 0);
}

void check_round_trip(const NamedArrays& arrays) {
  for (const auto& [name, m] : arrays)
    if (name.size() > 1000) return;  // save_npz refuses such names (npz.bad_name), by design
  const auto bytes = scratchnet::save_npz(arrays);
  const NamedArrays back = scratchnet::load_npz(bytes.data(), bytes.size());
  fuzz::check(back.size() == arrays.size(), "round trip keeps every array");
  for (std::size_t i = 0; i < back.size(); ++i)
    fuzz::check(back[i].first == arrays[i].first && same_bits(back[i].second, arrays[i].second),
                "round trip keeps names, shapes and bits");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    scratchnet::NetSpec options;
    options.hidden = "sigmoid";
    scratchnet::load_network_npz(data, size, options);
  } catch (const Error& e) {
    fuzz::check_rejection(e, kArchitectureCodes);
  }

  NamedArrays arrays;
  try {
    arrays = scratchnet::load_npz(data, size);
  } catch (const Error& e) {
    fuzz::check_rejection(e, kLoadCodes);
    return 0;
  }
  check_round_trip(arrays);

  const std::uint8_t knob = size > 0 ? data[size - 1] : 0;
  scratchnet::NetSpec spec;
  const char* hidden[] = {"sigmoid", "relu", "tanh", "leaky_relu", "identity"};
  const char* output[] = {"softmax", "identity", "sigmoid", "tanh"};
  spec.hidden = hidden[knob % 5];
  spec.output = output[(knob >> 3) % 4];
  spec.batch_norm = (knob & 0x80) != 0;
  try {
    scratchnet::Network<float> net = scratchnet::network_from_arrays(arrays, spec);
    for (const auto& p : net.params())
      fuzz::check(same_bits(*p.value, scratchnet::find_array(arrays, p.name)), "weights are the file's");
    const scratchnet::Matrix<float> x = scratchnet::Matrix<float>::Ones(1, net.spec().sizes.front());
    try {
      const auto y = net.output(x);
      fuzz::check(y.rows() == 1 && y.cols() == net.spec().sizes.back(), "one output row");
    } catch (const Error& e) {
      fuzz::check_rejection(e, {"input.not_finite"});  // huge weights overflow: refused, not propagated
    }
  } catch (const Error& e) {
    fuzz::check_rejection(e, kNetCodes);
  }
  return 0;
}
