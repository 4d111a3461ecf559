// Tests for cpp/net/conv_net.hpp: the book's SimpleConvNet and DeepConvNet
// shapes and parameter names, a whole-network gradient check (conv, pool,
// relu, affine, dropout and SoftmaxWithLoss together, double), dropout at
// inference, validation errors, and a few training steps lowering the loss.
#include "net/conv_net.hpp"

#include <gtest/gtest.h>

#include "../layers/layer_test_util.hpp"
#include "layers/dropout.hpp"
#include "net/network.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

namespace {

// A small net with every layer kind; stride 2 and padding included.
ConvNetSpec tiny_spec() {
  ConvNetSpec s;
  s.channels = 2, s.height = 7, s.width = 6;
  s.layers = {{"conv", 3, 3, 1, 1, 0, 0}, {"relu"}, {"pool", 0, 2, 2, 0, 0, 0},
              {"conv", 4, 2, 2, 1, 0, 0}, {"relu"}, {"affine", 0, 0, 1, 0, 5, 0},
              {"relu"}, {"dropout", 0, 0, 1, 0, 0, 0.3}, {"affine", 0, 0, 1, 0, 3, 0}};
  return s;
}

MatD one_hot_rows(Index n, int classes) {
  std::vector<std::int32_t> labels;
  for (Index i = 0; i < n; ++i) labels.push_back(static_cast<std::int32_t>(i % classes));
  return one_hot<double>(labels, classes);
}

}  // namespace

TEST(ConvNet, SimpleConvNetShapesAndNames) {
  ConvNet<float> net(simple_conv_net_spec(), 1);
  const auto params = net.params();
  ASSERT_EQ(params.size(), 6u);
  // simple_convnet.py: W1 (30, 1, 5, 5) as (30, 25); W2 (30·12·12 = 4320, 100); W3 (100, 10)
  EXPECT_EQ(params[0].name, "W1");
  EXPECT_EQ(params[0].value->rows(), 30);
  EXPECT_EQ(params[0].value->cols(), 25);
  EXPECT_EQ(params[1].name, "b1");
  EXPECT_EQ(params[2].name, "W2");
  EXPECT_EQ(params[2].value->rows(), 4320);
  EXPECT_EQ(params[2].value->cols(), 100);
  EXPECT_EQ(params[4].value->rows(), 100);
  EXPECT_EQ(params[5].name, "b3");
  // weight_init_std = 0.01
  const Matrix<float>& W2 = *params[2].value;
  const double sd = std::sqrt(W2.cast<double>().array().square().mean());
  EXPECT_NEAR(sd, 0.01, 0.0005);
  EXPECT_EQ(net.layer_names(), (std::vector<std::string>{"Convolution1", "Relu1", "Pooling1", "Affine2",
                                                         "Relu2", "Affine3"}));
  Rng rng(2);
  const Matrix<float> y = net.predict(random_matrix(10, 784, rng).cast<float>());
  EXPECT_EQ(y.rows(), 10);
  EXPECT_EQ(y.cols(), 10);
}

TEST(ConvNet, DeepConvNetShapes) {
  ConvNet<float> net(deep_conv_net_spec(), 1);
  // deep_convnet.py: 6 conv + 2 affine; W7 (64·4·4 = 1024, 50) after the pad-2 conv keeps 14 → 16 → 8 → 4
  const auto params = net.params();
  ASSERT_EQ(params.size(), 16u);
  const Index expected[8][2] = {{16, 9}, {16, 144}, {32, 144}, {32, 288}, {64, 288}, {64, 576}, {1024, 50}, {50, 10}};
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(params[2 * i].name, "W" + std::to_string(i + 1));
    EXPECT_EQ(params[2 * i].value->rows(), expected[i][0]) << i;
    EXPECT_EQ(params[2 * i].value->cols(), expected[i][1]) << i;
  }
  // He init for conv3: σ = √(2 / (16·3·3))
  const double sd = std::sqrt(params[4].value->cast<double>().array().square().mean());
  EXPECT_NEAR(sd, std::sqrt(2.0 / 144), 0.01);
  EXPECT_EQ(net.layers().size(), 20u);
  EXPECT_EQ(net.layer_names().back(), "Dropout2");
}

TEST(ConvNet, GradientCheckOfTheWholeNetwork) {
  ConvNetSpec spec = tiny_spec();
  spec.init = "he";
  ConvNet<double> net(spec, 3);
  Rng rng(4);
  const MatD x = random_matrix(4, 2 * 7 * 6, rng);
  const MatD t = one_hot_rows(4, 3);
  // Biases start at 0; an all-zero window after relu and pool would then put a
  // conv output exactly on relu's kink, where no derivative exists. Move them off.
  for (const Param<double>& p : net.params())
    if (p.name[0] == 'b') *p.value = random_matrix(1, p.value->cols(), rng, 0.1);
  const std::uint64_t noise_seed = 77;  // the same dropout masks for every forward
  net.noise_rng().reseed(noise_seed);
  net.gradient(x, t);
  for (const Param<double>& p : net.params()) {
    const MatD analytic = *p.grad;
    const MatD numeric = numerical_diff(*p.value, [&] {
      net.noise_rng().reseed(noise_seed);
      return static_cast<double>(net.loss(x, t, true));
    });
    const double err = max_rel_error(analytic, numeric);
    std::printf("  d%-4s max rel error %.3e\n", p.name.c_str(), err);
    EXPECT_LT(err, 1e-6) << p.name;
  }
}

TEST(ConvNet, DropoutScalesAtInference) {
  // Inference = the train-mode network with every mask 1 and the output of each
  // Dropout times (1 − ratio); with one dropout before a linear layer that is
  // the same as scaling the last affine's W by 0.7 (the bias unchanged).
  ConvNet<double> net(tiny_spec(), 5);
  Rng rng(6);
  const MatD x = random_matrix(3, 84, rng);
  const MatD y = net.predict(x, false);
  ConvNetSpec no_dropout = tiny_spec();
  no_dropout.layers.erase(no_dropout.layers.begin() + 7);
  ConvNet<double> plain(no_dropout, 5);
  for (const Param<double>& p : net.params()) plain.set_param(p.name, *p.value);
  plain.param("W4") *= 0.7;
  EXPECT_LT((plain.predict(x, false) - y).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(ConvNet, TrainingLowersTheLoss) {
  // 20 SGD steps on 16 random images with fixed labels: the loss must fall (it can memorise them).
  ConvNetSpec spec = tiny_spec();
  spec.layers.erase(spec.layers.begin() + 7);  // no dropout: a deterministic loss
  ConvNet<float> net(spec, 8);
  Rng rng(9);
  const Matrix<float> x = random_matrix(16, 84, rng).cast<float>();
  const Matrix<float> t = one_hot_rows(16, 3).cast<float>();
  const float first = net.loss(x, t, true);
  for (int step = 0; step < 20; ++step) {
    net.gradient(x, t);
    for (const Param<float>& p : net.params()) *p.value -= 0.1f * *p.grad;
  }
  const float last = net.loss(x, t, true);
  std::printf("  loss %.4f → %.4f after 20 steps\n", first, last);
  EXPECT_LT(last, 0.5f * first);
}

TEST(ConvNet, AccuracyInBatchesEqualsOneBatch) {
  ConvNet<float> net(tiny_spec(), 10);
  Rng rng(11);
  const Matrix<float> x = random_matrix(37, 84, rng).cast<float>();
  std::vector<std::int32_t> labels;
  const Matrix<float> y = net.predict(x);
  for (Index i = 0; i < 37; ++i) {
    Index best;
    y.row(i).maxCoeff(&best);
    labels.push_back(i % 2 ? static_cast<std::int32_t>(best) : static_cast<std::int32_t>((best + 1) % 3));
  }
  EXPECT_NEAR(net.accuracy(x, labels, 10), 18.0 / 37.0, 1e-12);  // rows 1, 3, …, 35 are right
  EXPECT_NEAR(net.accuracy(x, labels, 100), 18.0 / 37.0, 1e-12);
}

TEST(ConvNet, ValidationErrors) {
  const auto with = [](auto edit) {
    ConvNetSpec s = tiny_spec();
    edit(s);
    return s;
  };
  expect_error("convnet.bad_layer", [&] { validate(with([](ConvNetSpec& s) { s.layers[1].type = "softmax"; })); });
  expect_error("convnet.bad_layer", [&] { validate(with([](ConvNetSpec& s) { s.layers.pop_back(); })); });
  expect_error("convnet.bad_layer", [&] { validate(with([](ConvNetSpec& s) { s.layers.clear(); })); });
  expect_error("convnet.bad_layer", [&] { validate(with([](ConvNetSpec& s) { s.layers[0].filters = 0; })); });
  expect_error("convnet.bad_layer", [&] { validate(with([](ConvNetSpec& s) { s.layers[2].stride = 0; })); });
  expect_error("convnet.bad_layer", [&] {  // a conv after an affine
    validate(with([](ConvNetSpec& s) { s.layers.insert(s.layers.end() - 1, {"conv", 2, 1, 1, 0, 0, 0}); }));
  });
  expect_error("conv.bad_geometry", [&] { validate(with([](ConvNetSpec& s) { s.layers[0].size = 12; })); });
  expect_error("dropout.bad_ratio", [&] { validate(with([](ConvNetSpec& s) { s.layers[7].ratio = 1.0; })); });
  expect_error("convnet.bad_architecture",
               [&] { validate(with([](ConvNetSpec& s) { s.dropout_convention = "inverted"; })); });
  expect_error("net.output_unknown", [&] { validate(with([](ConvNetSpec& s) { s.output = "sigmoid"; })); });
  expect_error("size.too_large", [&] {
    validate(with([](ConvNetSpec& s) { s.height = s.width = 20000; }));
  });
  ConvNet<float> net(tiny_spec(), 1);
  expect_error("shape.mismatch", [&] { net.predict(Matrix<float>::Zero(2, 83)); });
  expect_error("shape.mismatch", [&] { net.accuracy(Matrix<float>::Zero(2, 83), {0, 1}); });
  // SimpleConvNet keeps ~53,500 floats per image (im2col 576·25, conv and relu
  // outputs 30·24·24 each, …), counted twice for backward: 3,000 images at once
  // would be 1.28 GB, over the 1 GiB limit; accuracy() goes in batches of 100.
  ConvNet<float> simple(simple_conv_net_spec(), 1);
  const Matrix<float> x = Matrix<float>::Zero(3000, 784);
  expect_error("size.too_large", [&] { simple.predict(x); });
  EXPECT_EQ(simple.predict(x.topRows(100)).rows(), 100);
  EXPECT_GE(simple.accuracy(x, std::vector<std::int32_t>(3000, 0)), 0.0);
  expect_error("param.unknown", [&] { net.param("W9"); });
  expect_error("shape.mismatch", [&] { net.set_param("W1", Matrix<float>::Zero(3, 17)); });
}

TEST(ConvNetFeatureMaps, EveryImageLayerWithItsShape) {
  ConvNet<float> net(simple_conv_net_spec(), 4);
  Matrix<float> x = Matrix<float>::Zero(1, 784);
  for (Index i = 0; i < 784; i += 3) x(0, i) = 1.0f;
  const auto maps = net.feature_maps(x);
  ASSERT_EQ(maps.size(), 3u);  // conv, relu, pool; the affine ends the images
  EXPECT_EQ(maps[0].layer, "Convolution1");
  EXPECT_EQ(maps[0].channels, 30);
  EXPECT_EQ(maps[0].height, 24);  // (28 − 5) / 1 + 1
  EXPECT_EQ(maps[2].layer, "Pooling1");
  EXPECT_EQ(maps[2].height, 12);
  EXPECT_EQ(maps[2].values.size(), 30 * 12 * 12);
  // relu of the conv output, element by element
  EXPECT_TRUE(maps[1].values == maps[0].values.cwiseMax(0.0f));
  // the probabilities sum to 1
  EXPECT_NEAR(net.output(x).sum(), 1.0f, 1e-5f);
}
