// network_npz.cpp — see network_npz.hpp.
#include "network_npz.hpp"

#include <cmath>
#include <string>

#include "../io/binary_file.hpp"
#include "../io/json.hpp"

namespace scratchnet {

namespace {

// "running_mean" + "2" for the BatchNorm after Affine2 (numbered like gamma2).
std::string stat_name(const char* what, const std::string& bn_layer_name) {
  return what + bn_layer_name.substr(std::string("BatchNorm").size());
}

const JsonValue& field(const JsonValue& doc, const char* key, JsonValue::Kind kind, const char* type) {
  const JsonValue* v = doc.find(key);
  require(v != nullptr && v->kind == kind, "npz.bad_architecture",
          std::string("the architecture needs \"") + key + "\" as " + type);
  return *v;
}

}  // namespace

std::string architecture_json(const NetSpec& spec) {
  // appended piece by piece: GCC 12 warns falsely on "," + to_string(…) (its bug 105329)
  std::string json = "{\"format\": ";
  json += json_string(kArchitectureFormat);
  json += ", \"kind\": \"mlp\", \"sizes\": [";
  for (std::size_t i = 0; i < spec.sizes.size(); ++i) {
    if (i > 0) json += ',';
    json += std::to_string(spec.sizes[i]);
  }
  json += "], \"hidden\": ";
  json += json_string(spec.hidden);
  json += ", \"output\": ";
  json += json_string(spec.output);
  json += ", \"batchNorm\": ";
  json += spec.batch_norm ? "true" : "false";
  json += ", \"dropout\": ";
  json += json_number(spec.dropout);
  json += ", \"leakySlope\": ";
  json += json_number(spec.leaky_slope);
  json += '}';
  return json;
}

NetSpec spec_from_architecture(const std::string& json) {
  const JsonValue doc = parse_json(json);
  require(doc.kind == JsonValue::Kind::Object, "npz.bad_architecture", "the architecture is not a JSON object");
  const std::string& format = field(doc, "format", JsonValue::Kind::String, "a string").string;
  require(format == kArchitectureFormat, "npz.bad_architecture",
          "the architecture's format is \"" + format + "\"; this scratchnet reads \"" + kArchitectureFormat + "\"");
  const std::string& kind = field(doc, "kind", JsonValue::Kind::String, "a string").string;
  require(kind == "mlp", "npz.unsupported_architecture",
          "the file holds a \"" + kind + "\" network; this loader builds multi-layer networks (\"mlp\")");
  NetSpec spec;
  const JsonValue& sizes = field(doc, "sizes", JsonValue::Kind::Array, "an array of layer sizes");
  require(sizes.array.size() <= kMaxAffineLayers + 1, "net.too_deep",
          "the architecture has " + std::to_string(sizes.array.size()) + " sizes");
  for (const JsonValue& s : sizes.array) {
    require(s.kind == JsonValue::Kind::Number && s.number == std::floor(s.number) && s.number >= 1 &&
                s.number <= 1e9,
            "npz.bad_architecture", "the architecture's sizes must be whole numbers ≥ 1");
    spec.sizes.push_back(static_cast<int>(s.number));
  }
  spec.hidden = field(doc, "hidden", JsonValue::Kind::String, "a string").string;
  spec.output = field(doc, "output", JsonValue::Kind::String, "a string").string;
  spec.batch_norm = field(doc, "batchNorm", JsonValue::Kind::Bool, "true or false").boolean;
  spec.dropout = field(doc, "dropout", JsonValue::Kind::Number, "a number").number;
  spec.leaky_slope = field(doc, "leakySlope", JsonValue::Kind::Number, "a number").number;
  return spec;
}

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
  // BatchNorm's running statistics, when the file has them (a book file does not).
  for (std::size_t i = 0; i < net.layers().size(); ++i) {
    auto* bn = dynamic_cast<BatchNorm<float>*>(net.layers()[i].get());
    if (bn == nullptr) continue;
    const std::string mean_name = stat_name("running_mean", net.layer_names()[i]);
    const std::string var_name = stat_name("running_var", net.layer_names()[i]);
    const Matrix<float>* mean = find_array_or_null(arrays, mean_name);
    const Matrix<float>* var = find_array_or_null(arrays, var_name);
    if (mean == nullptr && var == nullptr) continue;
    require(mean != nullptr && var != nullptr, "npz.missing_array",
            "the file has only one of " + mean_name + " and " + var_name);
    require_finite(*mean, mean_name.c_str());
    require_finite(*var, var_name.c_str());
    require(var->minCoeff() >= 0.0f, "npz.bad_entry", var_name + " holds a negative variance");
    bn->set_running_stats(*mean, *var);
  }
  return net;
}

NamedArrays network_arrays(Network<float>& net) {
  NamedArrays arrays;
  for (const auto& p : net.params()) arrays.emplace_back(p.name, *p.value);
  for (std::size_t i = 0; i < net.layers().size(); ++i) {
    if (const auto* bn = dynamic_cast<const BatchNorm<float>*>(net.layers()[i].get())) {
      arrays.emplace_back(stat_name("running_mean", net.layer_names()[i]), bn->running_mean());
      arrays.emplace_back(stat_name("running_var", net.layer_names()[i]), bn->running_var());
    }
  }
  return arrays;
}

NamedTexts network_texts(const Network<float>& net) { return {{kArchitectureKey, architecture_json(net.spec())}}; }

std::vector<std::uint8_t> save_network_npz(Network<float>& net, NpyFloat dtype) {
  return save_npz(network_arrays(net), network_texts(net), dtype);
}

Network<float> load_network_npz(const std::uint8_t* data, std::size_t size, const NetSpec& options) {
  NamedTexts texts;
  const NamedArrays arrays = load_npz(data, size, &texts);
  const std::string* architecture = find_text_or_null(texts, kArchitectureKey);
  if (architecture == nullptr) return network_from_arrays(arrays, options);
  return network_from_arrays(arrays, spec_from_architecture(*architecture));
}

Network<float> load_network_npz_file(const std::string& path, const NetSpec& options) {
  const std::vector<std::uint8_t> bytes = read_binary_file(path);
  return load_network_npz(bytes.data(), bytes.size(), options);
}

}  // namespace scratchnet
