// trainer_threads_test.cpp — a training step split across threads gives the
// numbers of one thread, bit for bit (issue #14: "results equal the
// single-thread build's"). With more than one thread the trainer gathers the
// batch, checks and backs up the weights, each optimizer updates them, and
// Relu passes forward and backward, all split over the pool
// (kernels/parallel_for.hpp, optim/param_ranges.hpp). Native builds run the
// same pool with std::thread; their products stay Eigen's (the wasm threads
// build's split products are tested in kernels/gemm_parallel_test.cpp).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "kernels/parallel_for.hpp"
#include "kernels/threads.hpp"
#include "net/network.hpp"
#include "optim/make_optimizer.hpp"
#include "optim/sgd.hpp"
#include "train/trainer.hpp"

using namespace scratchnet;

namespace {

// 512 rows of 64 features in [0, 1], 10 classes.
Dataset random_set() {
  Dataset d;
  Rng rng(7);
  d.x.resize(512, 64);
  for (Index i = 0; i < d.x.size(); ++i) d.x.data()[i] = static_cast<float>(rng.uniform());
  for (int i = 0; i < 512; ++i) d.labels.push_back(static_cast<std::int32_t>((i * 7 + i / 3) % 10));
  d.classes = 10;
  return d;
}

struct Trained {
  std::vector<Matrix<float>> params;
  std::vector<double> losses;
  std::vector<bool> diverged;
  std::uint64_t jobs = 0;  // pool jobs during training (0 on one thread)
};

// 64-300-200-10 ReLU, batch 128: 80,510 parameters and a Relu of 38,400
// values per batch, each above the split threshold (2 × 8,192 elements).
Trained train(const std::string& optimizer, int threads, double lr, int steps = 12) {
  kernels::set_thread_count(threads);
  NetSpec spec;
  spec.sizes = {64, 300, 200, 10};
  Network<float> net(spec, 3);
  // (make_optimizer keeps the UI's range, lr ≤ 10; the divergence test wants more)
  std::unique_ptr<Optimizer<float>> opt =
      lr > kMaxLearningRate ? std::make_unique<SGD<float>>(lr) : make_optimizer<float>(optimizer, lr);
  const Dataset data = random_set();
  TrainerConfig config;
  config.batch_size = 128;
  config.seed = 5;
  Trainer<float> trainer(net, *opt, data, nullptr, config);
  Trained out;
  const auto jobs0 = kernels::parallel_jobs();
  for (int s = 0; s < steps; ++s) {
    const StepResult r = trainer.step();
    out.losses.push_back(r.loss);
    out.diverged.push_back(r.diverged);
  }
  out.jobs = kernels::parallel_jobs() - jobs0;
  for (const auto& p : net.params()) out.params.push_back(*p.value);
  kernels::set_thread_count(1);
  return out;
}

bool bit_equal(const Matrix<float>& a, const Matrix<float>& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<std::size_t>(a.size())) == 0;
}

void expect_same(const Trained& one, const Trained& many) {
  ASSERT_EQ(one.losses.size(), many.losses.size());
  for (std::size_t s = 0; s < one.losses.size(); ++s) {
    if (std::isnan(one.losses[s])) EXPECT_TRUE(std::isnan(many.losses[s]));
    else EXPECT_EQ(one.losses[s], many.losses[s]) << "step " << s + 1;  // tolerance 0
    EXPECT_EQ(one.diverged[s], many.diverged[s]) << "step " << s + 1;
  }
  ASSERT_EQ(one.params.size(), many.params.size());
  for (std::size_t i = 0; i < one.params.size(); ++i) EXPECT_TRUE(bit_equal(one.params[i], many.params[i])) << "param " << i;
}

class TrainerThreads : public ::testing::TestWithParam<const char*> {};

TEST_P(TrainerThreads, TwoAndThreeThreadsTrainExactlyLikeOne) {
  const std::string name = GetParam();
  const double lr = name == "sgd" ? 0.1 : name == "adam" ? 0.001 : 0.01;
  const Trained one = train(name, 1, lr);
  EXPECT_EQ(one.jobs, 0u);
  for (int threads : {2, 3}) {
    const Trained many = train(name, threads, lr);
    // per step: 2 Relu forward + 2 backward + guard (3) + update; the gather
    // (128 rows of 64) is below the split threshold
    EXPECT_EQ(many.jobs, 12u * 8u) << threads << " threads";
    expect_same(one, many);
  }
  EXPECT_LT(one.losses.back(), one.losses.front()) << "it learns";
}

INSTANTIATE_TEST_SUITE_P(EveryOptimizer, TrainerThreads,
                         ::testing::Values("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"));

TEST(TrainerThreadsGuard, ADivergingRunDivergesAtTheSameStepsAndKeepsTheSameWeights) {
  // SGD with lr 1e20 overflows: the guard's split checks must find the same
  // NaN/inf at the same steps and restore the same weights as one thread.
  const Trained one = train("sgd", 1, 1e20, 10);
  const Trained two = train("sgd", 2, 1e20, 10);
  int diverged = 0;
  for (bool d : one.diverged) diverged += d;
  EXPECT_GE(diverged, 1) << "lr 1e20 should diverge";
  expect_same(one, two);
}

}  // namespace
