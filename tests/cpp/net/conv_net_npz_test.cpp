// Tests for cpp/net/conv_net_npz.hpp: the architecture JSON both ways and its
// errors, and the two converted book files (models/book-ch0{7,8}-*.npz)
// loading into the networks the book describes. Their accuracy on MNIST is
// checked in tests/cpp/data/book_convnets_accuracy_test.cpp.
#include "net/conv_net_npz.hpp"

#include <gtest/gtest.h>

#include <string>

#include "../layers/layer_test_util.hpp"
#include "io/binary_file.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"

using namespace scratchnet;
using scratchnet::test::expect_error;

namespace {
const std::string kModels = std::string(SCRATCHNET_SOURCE_DIR) + "/models/";

bool same_spec(const ConvNetSpec& a, const ConvNetSpec& b) {
  if (a.channels != b.channels || a.height != b.height || a.width != b.width || a.output != b.output ||
      a.dropout_convention != b.dropout_convention || a.layers.size() != b.layers.size())
    return false;
  for (std::size_t i = 0; i < a.layers.size(); ++i) {
    const ConvLayerSpec &x = a.layers[i], &y = b.layers[i];
    if (x.type != y.type) return false;
    if (x.type == "conv" && (x.filters != y.filters || x.size != y.size || x.stride != y.stride || x.pad != y.pad))
      return false;
    if (x.type == "pool" && (x.size != y.size || x.stride != y.stride || x.pad != y.pad)) return false;
    if (x.type == "affine" && x.out != y.out) return false;
    if (x.type == "dropout" && x.ratio != y.ratio) return false;
  }
  return true;
}
}  // namespace

TEST(ConvNetNpz, ArchitectureJsonRoundTrip) {
  for (const ConvNetSpec& spec : {simple_conv_net_spec(), deep_conv_net_spec()}) {
    const std::string text = conv_net_architecture_json(spec);
    EXPECT_TRUE(same_spec(conv_net_spec_from_json(text), spec)) << text;
  }
}

TEST(ConvNetNpz, AgreementExampleParses) {
  // The example text of agreement A (HELPERS.md), verbatim.
  const ConvNetSpec s = conv_net_spec_from_json(
      R"({"format": "scratchnet/1", "kind": "convnet", "input": [1,28,28], "layers": [{"type":"conv","filters":30,
  "size":5,"stride":1,"pad":0}, {"type":"relu"}, {"type":"pool","size":2,"stride":2}, {"type":"affine","out":100},
  {"type":"relu"}, {"type":"dropout","ratio":0.5}, {"type":"affine","out":10}], "output": "softmax",
  "dropoutConvention": "scale_at_inference"})");
  ASSERT_EQ(s.layers.size(), 7u);
  EXPECT_EQ(s.layers[0].filters, 30);
  EXPECT_EQ(s.layers[2].stride, 2);
  EXPECT_EQ(s.layers[5].ratio, 0.5);
  EXPECT_EQ(s.layers[6].out, 10);
}

TEST(ConvNetNpz, ArchitectureErrors) {
  const std::string head = R"({"format": "scratchnet/1", "kind": "convnet", "input": [1, 8, 8], )";
  const std::string ok_layers = R"("layers": [{"type": "conv", "filters": 2, "size": 3}, {"type": "affine", "out": 3}])";
  conv_net_spec_from_json(head + ok_layers + "}");  // the base case is fine
  expect_error("convnet.bad_architecture", [&] {
    conv_net_spec_from_json(R"({"format": "scratchnet/1", "kind": "mlp", "sizes": [784, 10]})");
  });
  expect_error("convnet.bad_architecture", [&] { conv_net_spec_from_json(R"({"format": "other/2", "kind": "convnet"})"); });
  expect_error("convnet.bad_architecture", [&] { conv_net_spec_from_json("[1, 2]"); });
  expect_error("convnet.bad_architecture", [&] {
    conv_net_spec_from_json(R"({"format": "scratchnet/1", "kind": "convnet", "input": [28, 28], )" + ok_layers + "}");
  });
  expect_error("convnet.bad_architecture", [&] {  // a filter count that is not whole
    conv_net_spec_from_json(head + R"("layers": [{"type": "conv", "filters": 2.5, "size": 3}, {"type": "affine", "out": 3}]})");
  });
  expect_error("convnet.bad_architecture", [&] {  // missing size
    conv_net_spec_from_json(head + R"("layers": [{"type": "conv", "filters": 2}, {"type": "affine", "out": 3}]})");
  });
  expect_error("convnet.bad_architecture", [&] {
    conv_net_spec_from_json(head + ok_layers + R"(, "dropoutConvention": "inverted"})");
  });
  expect_error("convnet.bad_layer", [&] {
    conv_net_spec_from_json(head + R"("layers": [{"type": "lstm"}, {"type": "affine", "out": 3}]})");
  });
  expect_error("conv.bad_geometry", [&] {
    conv_net_spec_from_json(head + R"("layers": [{"type": "conv", "filters": 2, "size": 9}, {"type": "affine", "out": 3}]})");
  });
  expect_error("json.bad_text", [&] { conv_net_spec_from_json(head); });
}

TEST(ConvNetNpz, LoadsTheBooksSimpleConvNet) {
  ConvNet<float> net = load_conv_net_npz_file(kModels + "book-ch07-simple_convnet.npz");
  EXPECT_TRUE(same_spec(net.spec(), simple_conv_net_spec()));
  // The weights are the file's: W1 (30, 1, 5, 5) arrives as (30, 25), row f = filter f.
  // W2 is 2-D, so the plain .npz reader (which refuses W1's four dimensions) gets it too.
  const std::vector<std::uint8_t> bytes = read_binary_file(kModels + "book-ch07-simple_convnet.npz");
  std::vector<std::vector<std::uint64_t>> shapes;
  const NamedArrays raw = load_npz(bytes.data(), bytes.size(), nullptr, &shapes);
  EXPECT_EQ(shapes[0], (std::vector<std::uint64_t>{30, 1, 5, 5}));  // W1, in file order
  expect_error("npy.bad_shape", [&] { load_npz(bytes.data(), bytes.size()); });
  EXPECT_TRUE(net.param("W2") == find_array(raw, "W2"));
  EXPECT_EQ(net.param("W1").rows(), 30);
  EXPECT_EQ(net.param("W1").cols(), 25);
  EXPECT_GT(net.param("W1").cwiseAbs().maxCoeff(), 0.1f);  // trained, not the 0.01-std init
}

TEST(ConvNetNpz, LoadsTheBooksDeepConvNet) {
  ConvNet<float> net = load_conv_net_npz_file(kModels + "book-ch08-deep_convnet.npz");
  EXPECT_TRUE(same_spec(net.spec(), deep_conv_net_spec()));
  EXPECT_EQ(net.params().size(), 16u);
  EXPECT_EQ(net.param("W7").rows(), 1024);
}

TEST(ConvNetNpz, AnMlpFileHasNoArchitecture) {
  expect_error("convnet.bad_architecture", [] { load_conv_net_npz_file(kModels + "book-ch03.npz"); });
}

TEST(ConvNetNpz, SaveLoadRoundTripIsExact) {
  ConvNet<float> net(deep_conv_net_spec(), 9);
  const std::vector<std::uint8_t> bytes = save_conv_net_npz(net);
  ConvNet<float> back = load_conv_net_npz(bytes.data(), bytes.size());
  EXPECT_TRUE(same_spec(back.spec(), net.spec()));
  ASSERT_EQ(back.params().size(), net.params().size());
  for (std::size_t i = 0; i < net.params().size(); ++i) {
    EXPECT_EQ(back.params()[i].name, net.params()[i].name);
    EXPECT_TRUE(*back.params()[i].value == *net.params()[i].value) << net.params()[i].name;
  }
  // and the architecture entry is a text numpy reads: "scratchnet/1" and "convnet"
  NamedTexts texts;
  load_npz(bytes.data(), bytes.size(), &texts);
  const std::string* a = find_text_or_null(texts, "architecture");
  ASSERT_NE(a, nullptr);
  EXPECT_NE(a->find("\"kind\": \"convnet\""), std::string::npos);
}

TEST(ConvNetNpz, CopyParamsFrom) {
  ConvNet<float> a(simple_conv_net_spec(), 1), b(simple_conv_net_spec(), 2);
  EXPECT_FALSE(a.param("W1") == b.param("W1"));
  a.copy_params_from(b);
  for (std::size_t i = 0; i < a.params().size(); ++i) EXPECT_TRUE(*a.params()[i].value == *b.params()[i].value);
  ConvNet<float> deep(deep_conv_net_spec(), 1);
  expect_error("shape.mismatch", [&] { a.copy_params_from(deep); });
}

TEST(ConvNetNpz, KindOfAFile) {
  const std::vector<std::uint8_t> conv = read_binary_file(kModels + "book-ch07-simple_convnet.npz");
  EXPECT_EQ(npz_network_kind(conv.data(), conv.size()), "convnet");
  const std::vector<std::uint8_t> book3 = read_binary_file(kModels + "book-ch03.npz");  // no architecture
  EXPECT_EQ(npz_network_kind(book3.data(), book3.size()), "mlp");
}
