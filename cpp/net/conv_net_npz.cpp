// conv_net_npz.cpp — see conv_net_npz.hpp.
#include "conv_net_npz.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "../core/error.hpp"
#include "../io/binary_file.hpp"
#include "../io/json.hpp"
#include "../io/npy.hpp"
#include "../io/npz.hpp"
#include "../kernels/finite.hpp"
#include "../layers/convolution.hpp"

namespace scratchnet {

namespace {

[[noreturn]] void bad(const std::string& why) {
  throw Error("convnet.bad_architecture", "convnet architecture: " + why);
}

const JsonValue& member(const JsonValue& obj, const std::string& key, JsonValue::Kind kind, const char* type_name) {
  const JsonValue* v = obj.find(key);
  if (v == nullptr) bad("missing \"" + key + "\"");
  if (v->kind != kind) bad("\"" + key + "\" must be " + type_name);
  return *v;
}

std::string text_member(const JsonValue& obj, const std::string& key) {
  return member(obj, key, JsonValue::Kind::String, "a string").string;
}

// An integer field (JSON has only numbers): whole and within ±10⁹.
int int_value(const JsonValue& v, const std::string& key) {
  if (v.kind != JsonValue::Kind::Number || !(std::abs(v.number) <= 1e9) || v.number != std::floor(v.number))
    bad("\"" + key + "\" must be a whole number");
  return static_cast<int>(v.number);
}

int int_member(const JsonValue& obj, const std::string& key, int fallback, bool required) {
  const JsonValue* v = obj.find(key);
  if (v == nullptr) {
    if (required) bad("a layer is missing \"" + key + "\"");
    return fallback;
  }
  return int_value(*v, key);
}

}  // namespace

ConvNetSpec conv_net_spec_from_json(const std::string& text) {
  const JsonValue root = parse_json(text);
  if (root.kind != JsonValue::Kind::Object) bad("the text must be a JSON object");
  if (text_member(root, "format") != "scratchnet/1") bad("\"format\" must be \"scratchnet/1\"");
  if (text_member(root, "kind") != "convnet") bad("\"kind\" must be \"convnet\" for a convnet");
  ConvNetSpec spec;
  const JsonValue& input = member(root, "input", JsonValue::Kind::Array, "an array [C, H, W]");
  if (input.array.size() != 3) bad("\"input\" must be [C, H, W]");
  spec.channels = int_value(input.array[0], "input");
  spec.height = int_value(input.array[1], "input");
  spec.width = int_value(input.array[2], "input");
  const JsonValue& layers = member(root, "layers", JsonValue::Kind::Array, "an array");
  if (layers.array.size() > 64) bad("more than 64 layers");
  for (const JsonValue& l : layers.array) {
    if (l.kind != JsonValue::Kind::Object) bad("every layer must be an object");
    ConvLayerSpec s;
    s.type = text_member(l, "type");
    if (s.type == "conv") {
      s.filters = int_member(l, "filters", 0, true);
      s.size = int_member(l, "size", 0, true);
      s.stride = int_member(l, "stride", 1, false);
      s.pad = int_member(l, "pad", 0, false);
    } else if (s.type == "pool") {
      s.size = int_member(l, "size", 0, true);
      s.stride = int_member(l, "stride", s.size, false);  // the book's default: stride = pool size
      s.pad = int_member(l, "pad", 0, false);
    } else if (s.type == "affine") {
      s.out = int_member(l, "out", 0, true);
    } else if (s.type == "dropout") {
      s.ratio = member(l, "ratio", JsonValue::Kind::Number, "a number").number;
    }
    spec.layers.push_back(s);
  }
  if (const JsonValue* out = root.find("output")) {
    if (out->kind != JsonValue::Kind::String) bad("\"output\" must be a string");
    spec.output = out->string;
  }
  if (const JsonValue* dc = root.find("dropoutConvention")) {
    if (dc->kind != JsonValue::Kind::String) bad("\"dropoutConvention\" must be a string");
    spec.dropout_convention = dc->string;
  }
  validate(spec);
  return spec;
}

std::string conv_net_architecture_json(const ConvNetSpec& spec) {
  std::string s = "{\"format\": \"scratchnet/1\", \"kind\": \"convnet\", \"input\": [" +
                  std::to_string(spec.channels) + ", " + std::to_string(spec.height) + ", " +
                  std::to_string(spec.width) + "], \"layers\": [";
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const ConvLayerSpec& l = spec.layers[i];
    s += i ? ", " : "";
    s += "{\"type\": " + json_string(l.type);
    if (l.type == "conv") s += ", \"filters\": " + std::to_string(l.filters);
    if (l.type == "conv" || l.type == "pool") {
      s += ", \"size\": " + std::to_string(l.size) + ", \"stride\": " + std::to_string(l.stride) +
           ", \"pad\": " + std::to_string(l.pad);
    }
    if (l.type == "affine") s += ", \"out\": " + std::to_string(l.out);
    if (l.type == "dropout") s += ", \"ratio\": " + json_number(l.ratio);
    s += "}";
  }
  s += "], \"output\": " + json_string(spec.output) +
       ", \"dropoutConvention\": " + json_string(spec.dropout_convention) + "}";
  return s;
}

ConvNet<float> load_conv_net_npz(const std::uint8_t* data, std::size_t size) {
  // Any rank: a conv W comes in the book's (FN, C, FH, FW), flattened to (FN, C·FH·FW).
  NamedTexts texts;
  std::vector<std::vector<std::uint64_t>> shapes;
  const NamedArrays arrays = load_npz(data, size, &texts, &shapes);
  const std::string* architecture = find_text_or_null(texts, "architecture");
  if (architecture == nullptr) {
    bad("the .npz has no \"architecture\" entry, so its layers are unknown "
        "(a convnet file carries np.array(json_text) under that name)");
  }
  ConvNet<float> net(conv_net_spec_from_json(*architecture), 0);

  // Each layer's parameters, checked against the shape the layer expects.
  int weighted = 0;
  for (auto& layer : net.layers()) {
    const auto params = layer->params();
    if (params.empty()) continue;
    ++weighted;
    const auto* conv = dynamic_cast<const Convolution<float>*>(layer.get());
    for (const Param<float>& p : params) {
      const std::string name = p.name + std::to_string(weighted);
      const Matrix<float>& m = find_array(arrays, name);  // npz.missing_array naming what exists
      const std::vector<std::uint64_t>& shape = shapes[static_cast<std::size_t>(
          std::find_if(arrays.begin(), arrays.end(), [&](const auto& a) { return &a.second == &m; }) -
          arrays.begin())];
      // A conv W in the book's 4-D shape must match (FN, C, FH, FW) exactly,
      // not just in its element count.
      if (conv != nullptr && p.name == "W" && shape.size() == 4) {
        const ConvGeometry& g = conv->geometry();
        const std::vector<std::uint64_t> want = {std::uint64_t(conv->filters()), std::uint64_t(g.channels),
                                                 std::uint64_t(g.filter_h), std::uint64_t(g.filter_w)};
        require(shape == want, "shape.mismatch",
                "array '" + name + "' does not have the shape (FN, C, FH, FW) = (" +
                    std::to_string(want[0]) + ", " + std::to_string(want[1]) + ", " +
                    std::to_string(want[2]) + ", " + std::to_string(want[3]) + ") of its layer");
      }
      require(shape.size() <= 2 || (conv != nullptr && p.name == "W"), "shape.mismatch",
              "array '" + name + "' has " + std::to_string(shape.size()) +
                  " dimensions; only a conv W may have more than 2");
      require(all_finite(m), "input.not_finite", "array '" + name + "' contains NaN or infinity");
      net.set_param(name, m);
    }
  }
  return net;
}

std::string npz_network_kind(const std::uint8_t* data, std::size_t size) {
  NamedTexts texts;
  std::vector<std::vector<std::uint64_t>> shapes;  // any rank: a convnet's W is 4-D
  load_npz(data, size, &texts, &shapes);
  const std::string* architecture = find_text_or_null(texts, "architecture");
  if (architecture == nullptr) return "mlp";
  const JsonValue root = parse_json(*architecture);
  if (root.kind != JsonValue::Kind::Object) bad("the text must be a JSON object");
  return text_member(root, "kind");
}

std::vector<std::uint8_t> save_conv_net_npz(ConvNet<float>& net) {
  NamedArrays arrays;
  for (const auto& p : net.params()) arrays.emplace_back(p.name, *p.value);
  return save_npz(arrays, {{"architecture", conv_net_architecture_json(net.spec())}});
}

ConvNet<float> load_conv_net_npz_file(const std::string& path) {
  const std::vector<std::uint8_t> bytes = read_binary_file(path);
  return load_conv_net_npz(bytes.data(), bytes.size());
}

}  // namespace scratchnet
