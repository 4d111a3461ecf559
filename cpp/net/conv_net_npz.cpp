// conv_net_npz.cpp — see conv_net_npz.hpp.
#include "conv_net_npz.hpp"

#include <cmath>
#include <cstdio>
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

const Json& member(const Json& obj, const std::string& key, Json::Type type, const char* type_name) {
  const Json* v = obj.find(key);
  if (v == nullptr) bad("missing \"" + key + "\"");
  if (v->type != type) bad("\"" + key + "\" must be " + type_name);
  return *v;
}

std::string text_member(const Json& obj, const std::string& key) {
  return member(obj, key, Json::Type::String, "a string").text;
}

// An integer field (JSON has only numbers): whole and within ±10⁹.
int int_value(const Json& v, const std::string& key) {
  if (v.type != Json::Type::Number || !(std::abs(v.number) <= 1e9) || v.number != std::floor(v.number))
    bad("\"" + key + "\" must be a whole number");
  return static_cast<int>(v.number);
}

int int_member(const Json& obj, const std::string& key, int fallback, bool required) {
  const Json* v = obj.find(key);
  if (v == nullptr) {
    if (required) bad("a layer is missing \"" + key + "\"");
    return fallback;
  }
  return int_value(*v, key);
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

ConvNetSpec conv_net_spec_from_json(const std::string& text) {
  const Json root = parse_json(text);
  if (root.type != Json::Type::Object) bad("the text must be a JSON object");
  if (text_member(root, "format") != "scratchnet/1") bad("\"format\" must be \"scratchnet/1\"");
  if (text_member(root, "kind") != "convnet") bad("\"kind\" must be \"convnet\" for a convnet");
  ConvNetSpec spec;
  const Json& input = member(root, "input", Json::Type::Array, "an array [C, H, W]");
  if (input.items.size() != 3) bad("\"input\" must be [C, H, W]");
  spec.channels = int_value(input.items[0], "input");
  spec.height = int_value(input.items[1], "input");
  spec.width = int_value(input.items[2], "input");
  const Json& layers = member(root, "layers", Json::Type::Array, "an array");
  if (layers.items.size() > 64) bad("more than 64 layers");
  for (const Json& l : layers.items) {
    if (l.type != Json::Type::Object) bad("every layer must be an object");
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
      s.ratio = member(l, "ratio", Json::Type::Number, "a number").number;
    }
    spec.layers.push_back(s);
  }
  if (const Json* out = root.find("output")) {
    if (out->type != Json::Type::String) bad("\"output\" must be a string");
    spec.output = out->text;
  }
  if (const Json* dc = root.find("dropoutConvention")) {
    if (dc->type != Json::Type::String) bad("\"dropoutConvention\" must be a string");
    spec.dropout_convention = dc->text;
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
    s += "{\"type\": \"" + l.type + "\"";
    if (l.type == "conv") s += ", \"filters\": " + std::to_string(l.filters);
    if (l.type == "conv" || l.type == "pool") {
      s += ", \"size\": " + std::to_string(l.size) + ", \"stride\": " + std::to_string(l.stride) +
           ", \"pad\": " + std::to_string(l.pad);
    }
    if (l.type == "affine") s += ", \"out\": " + std::to_string(l.out);
    if (l.type == "dropout") s += ", \"ratio\": " + number_text(l.ratio);
    s += "}";
  }
  s += "], \"output\": \"" + spec.output + "\", \"dropoutConvention\": \"" + spec.dropout_convention + "\"}";
  return s;
}

ConvNet<float> load_conv_net_npz(const std::uint8_t* data, std::size_t size) {
  struct Array {
    std::string name;
    Matrix<float> m;
    std::vector<std::uint64_t> shape;
  };
  std::vector<Array> arrays;
  std::string architecture;
  bool has_architecture = false;
  std::uint64_t total = 0;
  for_each_npz_entry(data, size, [&](const std::string& name, const std::vector<std::uint8_t>& bytes) {
    if (name == "architecture") {
      architecture = parse_npy_text(bytes.data(), bytes.size(), name);
      has_architecture = true;
      return;
    }
    Array a{name, {}, {}};
    a.m = parse_npy_any_rank(bytes.data(), bytes.size(), name, a.shape);
    total += static_cast<std::uint64_t>(a.m.size());
    require_allocation(total, sizeof(float), "the arrays of this .npz together");
    arrays.push_back(std::move(a));
  });
  if (!has_architecture) {
    bad("the .npz has no \"architecture\" entry, so its layers are unknown "
        "(a convnet file carries np.array(json_text) under that name)");
  }
  ConvNet<float> net(conv_net_spec_from_json(architecture), 0);

  // Each layer's parameters, checked against the shape the layer expects.
  int weighted = 0;
  for (auto& layer : net.layers()) {
    const auto params = layer->params();
    if (params.empty()) continue;
    ++weighted;
    const auto* conv = dynamic_cast<const Convolution<float>*>(layer.get());
    for (const Param<float>& p : params) {
      const std::string name = p.name + std::to_string(weighted);
      const Array* found = nullptr;
      for (const Array& a : arrays)
        if (a.name == name) found = &a;
      if (found == nullptr) {
        std::string names;
        for (const Array& a : arrays) names += (names.empty() ? "" : ", ") + a.name;
        throw Error("npz.missing_array", "no array named '" + name + "' (the file has: " + names + ")");
      }
      // A conv W in the book's 4-D shape must match (FN, C, FH, FW) exactly,
      // not just in its element count.
      if (conv != nullptr && p.name == "W" && found->shape.size() == 4) {
        const ConvGeometry& g = conv->geometry();
        const std::vector<std::uint64_t> want = {std::uint64_t(conv->filters()), std::uint64_t(g.channels),
                                                 std::uint64_t(g.filter_h), std::uint64_t(g.filter_w)};
        require(found->shape == want, "shape.mismatch",
                "array '" + name + "' does not have the shape (FN, C, FH, FW) = (" +
                    std::to_string(want[0]) + ", " + std::to_string(want[1]) + ", " +
                    std::to_string(want[2]) + ", " + std::to_string(want[3]) + ") of its layer");
      }
      require(found->shape.size() <= 2 || (conv != nullptr && p.name == "W"), "shape.mismatch",
              "array '" + name + "' has " + std::to_string(found->shape.size()) +
                  " dimensions; only a conv W may have more than 2");
      require(all_finite(found->m), "input.not_finite", "array '" + name + "' contains NaN or infinity");
      net.set_param(name, found->m);
    }
  }
  return net;
}

ConvNet<float> load_conv_net_npz_file(const std::string& path) {
  const std::vector<std::uint8_t> bytes = read_binary_file(path);
  return load_conv_net_npz(bytes.data(), bytes.size());
}

}  // namespace scratchnet
