// A saved network loses nothing (issue 9 item 10): the .npz holds the
// architecture as a 0-d unicode JSON entry (agreement A of the helpers) and
// BatchNorm's running statistics, so load_network_npz rebuilds the exact
// network with no options — bit-identical predictions for every layer type —
// while a file without the entry (the book's models/book-ch03.npz) still loads
// with options.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../error_of.hpp"
#include "../python_numpy.hpp"
#include "data/toy_datasets.hpp"
#include "net/network_npz.hpp"
#include "optim/make_optimizer.hpp"
#include "train/trainer.hpp"

using namespace scratchnet;

namespace {

const std::string kRoot = SCRATCHNET_SOURCE_DIR;

// A network trained a few steps on the spiral, so BatchNorm's running statistics
// and every weight are far from their initial values.
Network<float> trained(const NetSpec& spec) {
  static const Dataset data = spiral(20, 3, 1984);
  Network<float> net(spec, 9);
  auto opt = make_optimizer<float>("sgd", 0.1);
  TrainerConfig config;
  config.batch_size = 10;
  Trainer<float> trainer(net, *opt, data, nullptr, config);
  trainer.run(12);
  return net;
}

NetSpec spec_of(std::vector<int> sizes, const char* hidden, const char* output, bool bn, double dropout,
                double slope = 0.01) {
  NetSpec s;
  s.sizes = std::move(sizes);
  s.hidden = hidden;
  s.output = output;
  s.batch_norm = bn;
  s.dropout = dropout;
  s.leaky_slope = slope;
  return s;
}

}  // namespace

TEST(NetworkNpzArchitecture, RoundTripIsBitIdenticalForEveryLayerType) {
  const std::vector<NetSpec> specs = {
      spec_of({2, 6, 3}, "relu", "softmax", false, 0.0),
      spec_of({2, 6, 5, 3}, "sigmoid", "softmax", true, 0.0),
      spec_of({2, 6, 3}, "tanh", "softmax", true, 0.3),
      spec_of({2, 6, 3}, "leaky_relu", "softmax", false, 0.5, 0.2),
      spec_of({2, 4, 3}, "identity", "identity", false, 0.0),
      spec_of({2, 4, 3}, "relu", "sigmoid", true, 0.0),
      spec_of({2, 4, 3}, "sigmoid", "tanh", false, 0.1),
  };
  Matrix<float> x(4, 2);
  x << 0.3f, -0.7f, 0.9f, 0.1f, -0.4f, -0.2f, 0.05f, 0.6f;
  for (const NetSpec& spec : specs) {
    Network<float> net = trained(spec);
    const auto bytes = save_network_npz(net);
    Network<float> back = load_network_npz(bytes.data(), bytes.size(), NetSpec{});  // no options
    const std::string what = architecture_json(spec);
    EXPECT_EQ(back.spec().sizes, spec.sizes) << what;
    EXPECT_EQ(back.spec().hidden, spec.hidden) << what;
    EXPECT_EQ(back.spec().output, spec.output) << what;
    EXPECT_EQ(back.spec().batch_norm, spec.batch_norm) << what;
    EXPECT_EQ(back.spec().dropout, spec.dropout) << what;
    EXPECT_EQ(back.spec().leaky_slope, spec.leaky_slope) << what;
    EXPECT_EQ(back.output(x), net.output(x)) << what;  // bit for bit
    EXPECT_EQ(back.predict(x), net.predict(x)) << what;
  }
}

TEST(NetworkNpzArchitecture, TheEntryIsTheAgreedJson) {
  Network<float> net(spec_of({784, 100, 10}, "relu", "softmax", false, 0.0), 1);
  const std::string json = architecture_json(net.spec());
  EXPECT_EQ(json,
            R"({"format": "scratchnet/1", "kind": "mlp", "sizes": [784,100,10], "hidden": "relu", )"
            R"("output": "softmax", "batchNorm": false, "dropout": 0, "leakySlope": 0.01})");
  NamedTexts texts;
  const auto bytes = save_network_npz(net);
  const NamedArrays arrays = load_npz(bytes.data(), bytes.size(), &texts);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].first, "architecture");
  EXPECT_EQ(texts[0].second, json);
  EXPECT_EQ(arrays.size(), 4u);  // W1 b1 W2 b2: a text entry is not an array
}

TEST(NetworkNpzArchitecture, BatchNormStatisticsAreSaved) {
  Network<float> net = trained(spec_of({2, 6, 3}, "relu", "softmax", true, 0.0));
  const NamedArrays arrays = network_arrays(net);
  const auto* bn = dynamic_cast<BatchNorm<float>*>(net.layers()[1].get());
  ASSERT_NE(bn, nullptr);
  EXPECT_EQ(find_array(arrays, "running_mean1"), bn->running_mean());
  EXPECT_EQ(find_array(arrays, "running_var1"), bn->running_var());
  EXPECT_NE(bn->running_var(), Matrix<float>::Ones(1, 6)) << "training moved them";
}

TEST(NetworkNpzArchitecture, TheBooksFileStillLoadsWithOptions) {
  NetSpec options;
  options.hidden = "sigmoid";
  Network<float> net = load_network_npz_file(kRoot + "/models/book-ch03.npz", options);
  EXPECT_EQ(net.spec().sizes, (std::vector<int>{784, 50, 100, 10}));
  EXPECT_EQ(net.spec().hidden, "sigmoid");
}

TEST(NetworkNpzArchitecture, BadArchitecturesAreRefused) {
  using scratchnet::testing::error_of;
  EXPECT_EQ(error_of([] { spec_from_architecture("{"); }), "json.bad_text");
  EXPECT_EQ(error_of([] { spec_from_architecture(R"({"format": "other/2", "kind": "mlp"})"); }),
            "npz.bad_architecture");
  EXPECT_EQ(error_of([] { spec_from_architecture(R"({"format": "scratchnet/1", "kind": "mlp"})"); }),
            "npz.bad_architecture");
  EXPECT_EQ(error_of([] {
              spec_from_architecture(R"({"format": "scratchnet/1", "kind": "convnet", "input": [1,28,28]})");
            }),
            "npz.unsupported_architecture");
  // an architecture that does not match the weights in the file
  Network<float> net(spec_of({2, 3}, "relu", "softmax", false, 0.0), 1);
  NamedTexts texts = {{"architecture", architecture_json(spec_of({2, 4}, "relu", "softmax", false, 0.0))}};
  const auto bytes = save_npz(network_arrays(net), texts);
  EXPECT_EQ(error_of([&] { load_network_npz(bytes.data(), bytes.size(), NetSpec{}); }), "shape.mismatch");
}

TEST(NetworkNpzArchitecture, NumpyReadsTheArchitectureWithoutPickle) {
  if (!scratchnet::testing::have_numpy()) GTEST_SKIP() << "/usr/bin/python3 with numpy not available";
  Network<float> net = trained(spec_of({2, 6, 3}, "tanh", "softmax", true, 0.25));
  const std::string path = scratchnet::testing::temp_path("architecture.npz");
  save_npz_file(path, network_arrays(net), network_texts(net));
  int status = 0;
  const std::string out = scratchnet::testing::run(
      "/usr/bin/python3 -c \"import numpy as np, json; a = np.load('" + path +
          "')['architecture']; print(a.shape, a.dtype.kind, json.loads(a.item())['dropout'], "
          "sorted(np.load('" + path + "').files))\"",
      &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_EQ(out,
            "() U 0.25 ['W1', 'W2', 'architecture', 'b1', 'b2', 'beta1', 'gamma1', 'running_mean1', "
            "'running_var1']\n");
  std::filesystem::remove(path);
}
