// Tests for the Trainer on a ConvNet (cpp/train/trainer.* with
// cpp/net/conv_net.*): the book's 7.5 training of SimpleConvNet, shrunk to a
// task a few seconds of CPU can learn — 8×8 images of one bar, vertical
// (class 0) or horizontal (class 1), at a random place. A single pixel
// cannot tell them apart; a 3×3 filter can. Plus the divergence guard, the
// evaluation subset and the checkpoint copy the browser's guard relies on.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/rng.hpp"
#include "net/conv_net.hpp"
#include "optim/make_optimizer.hpp"
#include "train/trainer.hpp"

using namespace scratchnet;

namespace {

Dataset bars(int n, std::uint64_t seed) {
  Rng rng(seed);
  Dataset d;
  d.name = "bars";
  d.classes = 2;
  d.height = d.width = 8;
  d.x = Matrix<float>::Zero(n, 64);
  for (int i = 0; i < n; ++i) {
    const int label = i % 2;
    const int at = static_cast<int>(rng.uniform() * 8) % 8;
    for (int k = 0; k < 8; ++k) d.x(i, label == 0 ? k * 8 + at : at * 8 + k) = 1.0f;
    d.labels.push_back(label);
  }
  return d;
}

// conv 4×3×3 → relu → pool 2 → affine 2: SimpleConvNet's shape, on 8×8 images.
ConvNetSpec tiny_spec() {
  ConvNetSpec s;
  s.height = s.width = 8;
  s.layers = {{"conv", 4, 3, 1, 0, 0, 0}, {"relu", 0, 0, 1, 0, 0, 0}, {"pool", 0, 2, 2, 0, 0, 0},
              {"affine", 0, 0, 1, 0, 2, 0}};
  return s;
}

}  // namespace

TEST(ConvTrainer, LearnsBarsWithAdam) {
  const Dataset train = bars(200, 1), test = bars(100, 2);
  ConvNet<float> net(tiny_spec(), 7);
  auto opt = make_optimizer<float>("adam", 0.01);
  TrainerConfig config;
  config.batch_size = 20;
  Trainer<float> trainer(net, *opt, train, &test, config);
  EXPECT_EQ(trainer.steps_per_epoch(), 10);
  const double before = trainer.evaluate(test);
  StepResult last;
  for (const StepResult& r : trainer.run(10 * trainer.steps_per_epoch())) {
    EXPECT_FALSE(r.diverged);
    last = r;
  }
  EXPECT_TRUE(last.epoch_end);
  EXPECT_EQ(trainer.epoch(), 10);
  // an untrained net guesses (≈ 0.5); ten epochs find the bars
  EXPECT_NEAR(before, 0.5, 0.2);
  EXPECT_GE(last.test_acc, 0.98);
  EXPECT_LT(trainer.epoch_loss_history().back(), 0.5 * trainer.epoch_loss_history().front());
}

TEST(ConvTrainer, SameSeedSameLosses) {
  const Dataset train = bars(60, 3);
  std::vector<double> losses[2];
  for (auto& l : losses) {
    ConvNet<float> net(tiny_spec(), 11);
    auto opt = make_optimizer<float>("sgd", 0.1);
    TrainerConfig config;
    config.batch_size = 10;
    config.seed = 5;
    Trainer<float> trainer(net, *opt, train, nullptr, config);
    trainer.run(12);
    l = trainer.loss_history();
  }
  EXPECT_EQ(losses[0], losses[1]);
}

TEST(ConvTrainer, DivergenceGuardKeepsFiniteWeights) {
  // pixels of 1e18 and the largest rate allowed: the first update overflows float
  Dataset train = bars(40, 4);
  train.x *= 1e18f;
  ConvNet<float> net(tiny_spec(), 3);
  auto opt = make_optimizer<float>("sgd", 10);
  TrainerConfig config;
  config.batch_size = 10;
  Trainer<float> trainer(net, *opt, train, nullptr, config);
  const auto results = trainer.run(8, /*stop_at_divergence=*/true);
  ASSERT_FALSE(results.empty());
  EXPECT_TRUE(results.back().diverged);
  for (const auto& p : net.params()) EXPECT_TRUE(p.value->allFinite()) << p.name;
}

TEST(ConvTrainer, EvaluatesTheFirstRowsOnly) {
  // rows 0..9 of the set, all labelled 0 below, the rest 1: an untrained net's
  // accuracy on "the first 10" must be over those 10 only.
  Dataset d = bars(40, 6);
  for (std::size_t i = 0; i < d.labels.size(); ++i) d.labels[i] = i < 10 ? 0 : 1;
  ConvNet<float> net(tiny_spec(), 1);
  auto opt = make_optimizer<float>("sgd", 0.01);
  TrainerConfig config;
  config.eval_max_samples = 10;
  Trainer<float> trainer(net, *opt, d, nullptr, config);
  std::vector<std::int32_t> first(d.labels.begin(), d.labels.begin() + 10);
  EXPECT_DOUBLE_EQ(trainer.evaluate(d), net.accuracy(d.x.topRows(10), first));
}

TEST(ConvTrainer, RefusesDataOfAnotherSize) {
  const Dataset train = bars(10, 1);
  ConvNet<float> net(simple_conv_net_spec(), 1);  // wants 784 features
  auto opt = make_optimizer<float>("sgd", 0.1);
  try {
    Trainer<float> trainer(net, *opt, train);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.code()), "trainer.bad_data");
  }
}
