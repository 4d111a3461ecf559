// The reproductions of issue 9, "faithful to the book", each with the number the
// book's own NumPy code (common/optimizer.py, common/multi_layer_net.py) gives.
//
// Set-up shared by all: sizes [2, 2], softmax, W = 0 or I, b = 0, one sample
// x = [1, 0] with label 0, batch 1, no shuffling. With W = 0 the scores are
// [0, 0], softmax [0.5, 0.5], so dL/dscores = y − t = [−0.5, 0.5] and
// dW1[0, 0] = x0·(−0.5) = −0.5: every optimizer's first step is easy to follow.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>

#include "../error_of.hpp"
#include "data/dataset.hpp"
#include "net/network.hpp"
#include "optim/make_optimizer.hpp"
#include "train/trainer.hpp"

using namespace scratchnet;

namespace {

Dataset one_sample() {
  Dataset d;
  d.name = "one";
  d.x = Matrix<float>(1, 2);
  d.x << 1.0f, 0.0f;
  d.labels = {0};
  d.classes = 2;
  return d;
}

Network<float> two_by_two(const Matrix<float>& W, double weight_decay = 0.0) {
  NetSpec spec;
  spec.sizes = {2, 2};
  spec.weight_decay = weight_decay;
  Network<float> net(spec, 1);
  net.set_param("W1", W);
  net.set_param("b1", Matrix<float>::Zero(1, 2));
  return net;
}

TrainerConfig batch_one() {
  TrainerConfig c;
  c.batch_size = 1;
  c.shuffle = false;
  return c;
}

// W1[0, 0] after each of two steps of `optimizer` at its default rate.
std::pair<float, float> two_steps(const std::string& optimizer) {
  const Dataset data = one_sample();
  Network<float> net = two_by_two(Matrix<float>::Zero(2, 2));
  auto opt = make_optimizer<float>(optimizer);
  Trainer<float> trainer(net, *opt, data, nullptr, batch_one());
  trainer.step();
  const float first = net.param("W1")(0, 0);
  trainer.step();
  return {first, net.param("W1")(0, 0)};
}

}  // namespace

// Issue 9 item 1. The book: W += μ²·v − (1 + μ)·η·g with the old v, then v = μ·v − η·g.
//   step 1 (v = 0, g = −0.5): W = 1.9·0.01·0.5 = 0.0095;  v = 0.005
//     (b1 moves the same way: b = [0.0095, −0.0095])
//   step 2 (scores [0.019, −0.019], g = y0 − 1 = σ(0.038) − 1 = −0.490501):
//     W = 0.0095 + 0.81·0.005 + 1.9·0.01·0.490501 = 0.02286952
// Before the fix (v updated first) it was 0.01355, then 0.03037788.
TEST(BookReproductions, NesterovStepsAreTheBooks) {
  const auto [first, second] = two_steps("nesterov");
  EXPECT_NEAR(first, 0.0095f, 1e-7f);
  EXPECT_NEAR(second, 0.02286952f, 1e-7f);
}

// Momentum in the same set-up (already right before issue 9): v = 0.005, W = 0.005;
// then scores [0.01, −0.01], g = σ(0.02) − 1 = −0.495, v = 0.9·0.005 + 0.01·0.495
// = 0.00945, W = 0.01445.
TEST(BookReproductions, MomentumStepsAreTheBooks) {
  const auto [first, second] = two_steps("momentum");
  EXPECT_NEAR(first, 0.005f, 1e-7f);
  EXPECT_NEAR(second, 0.01445f, 1e-7f);
}

// Issue 9 item 2. W1 = I, x = [1, 0], label 0: scores [1, 0],
// cross-entropy = log(1 + e⁻¹) = 0.31326169; ½·λ·‖W1‖² = ½·0.1·2 = 0.1
// → 0.41326169 (the book's float32 run: 0.41326155). Before: 0.31326166.
TEST(BookReproductions, TrainerLossIncludesWeightDecay) {
  const Dataset data = one_sample();
  Network<float> net = two_by_two(Matrix<float>::Identity(2, 2));
  auto opt = make_optimizer<float>("sgd", 0.1, 0.1);
  Trainer<float> trainer(net, *opt, data, nullptr, batch_one());
  const StepResult r = trainer.step();
  EXPECT_NEAR(r.loss, 0.41326155, 1e-6);
  EXPECT_NEAR(trainer.loss_history().front(), 0.41326155, 1e-6);  // what the curves draw
  // the weights after the step were right before too: W = I − 0.1·(∂CE/∂W + 0.1·I)
  // ∂CE/∂W1[0,0] = y0 − 1 = −0.26894142 → 1 − 0.1·(−0.26894142 + 0.1) = 1.01689414
  EXPECT_NEAR(net.param("W1")(0, 0), 1.01689414f, 1e-6f);
}

// The same λ on the network instead (the book's MultiLayerNet(weight_decay_lambda=0.1)):
// net.loss and the trainer's loss say the same, and the step is the same.
TEST(BookReproductions, NetworkLossIncludesWeightDecay) {
  const Dataset data = one_sample();
  Network<float> net = two_by_two(Matrix<float>::Identity(2, 2), 0.1);
  const Matrix<float> t = one_hot<float>({0}, 2);
  EXPECT_NEAR(net.loss(data.x, t, false), 0.41326155f, 1e-6f);
  EXPECT_NEAR(net.weight_decay_loss(), 0.1, 1e-12);
  auto opt = make_optimizer<float>("sgd", 0.1);
  Trainer<float> trainer(net, *opt, data, nullptr, batch_one());
  EXPECT_NEAR(trainer.step().loss, 0.41326155, 1e-6);
  EXPECT_NEAR(net.param("W1")(0, 0), 1.01689414f, 1e-6f);
}

TEST(BookReproductions, WeightDecayOnNetworkAndOptimizerIsRefused) {
  const Dataset data = one_sample();
  Network<float> net = two_by_two(Matrix<float>::Identity(2, 2), 0.1);
  auto opt = make_optimizer<float>("sgd", 0.1, 0.1);
  EXPECT_EQ(scratchnet::testing::error_of([&] { Trainer<float>(net, *opt, data, nullptr, batch_one()); }),
            "trainer.bad_config");
}
