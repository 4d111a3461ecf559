// L1 regularization (TensorFlow Playground's "L1", beside the book's L2 weight
// decay of 밑바닥부터 시작하는 딥러닝 1권 6.4.2): the loss gets + λ·Σ|W| over the
// weights only, the optimizer adds λ·sign(W) to each dW. Checked by central
// differences, by one SGD step and through the Trainer's reported loss.
#include <gtest/gtest.h>

#include <cmath>

#include "data/toy_datasets.hpp"
#include "net/network.hpp"
#include "optim/sgd.hpp"
#include "optim/weight_decay.hpp"
#include "train/trainer.hpp"
#include "../error_of.hpp"

using namespace scratchnet;

TEST(L1Regularization, LossSumsAbsoluteWeightsOnly) {
  NetSpec spec;
  spec.sizes = {3, 4, 2};
  spec.batch_norm = true;
  Network<double> net(spec, 5);
  net.set_param("b1", Matrix<double>::Constant(1, 4, 7.0));
  net.set_param("gamma1", Matrix<double>::Constant(1, 4, 3.0));
  const double sum_abs = net.param("W1").cwiseAbs().sum() + net.param("W2").cwiseAbs().sum();
  EXPECT_NEAR(l1_loss(net.params(), 0.3), 0.3 * sum_abs, 1e-12);
  EXPECT_EQ(l1_loss(net.params(), 0.0), 0.0);
}

// The gradient of L(W) + λΣ|W| by central differences against backprop's
// dW + λ·sign(W). |w| has no derivative at w = 0 (its slope jumps from −λ to
// +λ), so a central difference across 0 would give a value in between: the
// check only uses weights farther than 10·h from 0, which a random He
// initialisation gives almost everywhere (the skipped ones are counted).
TEST(L1Regularization, GradientIsLambdaSignWAwayFromZero) {
  NetSpec spec;
  spec.sizes = {3, 5, 3};
  spec.hidden = "tanh";
  Network<double> net(spec, 11);
  Matrix<double> x(4, 3);
  x << 0.3, -0.2, 0.9, -0.5, 0.4, 0.1, 0.7, 0.2, -0.8, -0.1, -0.6, 0.5;
  const Matrix<double> t = one_hot<double>({0, 2, 1, 2}, 3);
  const double lambda = 0.1, h = 1e-5;
  auto params = net.params();
  const auto f = [&] { return net.loss(x, t, true) + l1_loss(params, lambda); };

  net.gradient(x, t);
  Matrix<double> gb1 = *params[1].grad;
  add_l1_gradient(params, lambda);
  EXPECT_EQ(*params[1].grad, gb1) << "biases get no L1 term";

  int checked = 0, skipped = 0;
  double worst = 0;
  for (auto& p : params) {
    Matrix<double>& w = *p.value;
    for (Index i = 0; i < w.size(); ++i) {
      if (p.name[0] == 'W' && std::abs(w.data()[i]) < 10 * h) { ++skipped; continue; }
      const double keep = w.data()[i];
      w.data()[i] = keep + h;
      const double up = f();
      w.data()[i] = keep - h;
      const double down = f();
      w.data()[i] = keep;
      const double numeric = (up - down) / (2 * h);
      worst = std::max(worst, std::abs(numeric - p.grad->data()[i]));
      ++checked;
    }
  }
  EXPECT_LT(worst, 1e-8);
  EXPECT_EQ(checked + skipped, 15 + 5 + 15 + 3);
  EXPECT_LE(skipped, 1);
}

TEST(L1Regularization, SgdStepMovesEachWeightByLrLambdaTowardZero) {
  Matrix<float> w(1, 3), dw = Matrix<float>::Zero(1, 3), b(1, 3), db = Matrix<float>::Zero(1, 3);
  w << 0.5f, -0.25f, 0.0f;
  b << 0.5f, -0.25f, 0.0f;
  std::vector<Param<float>> params = {{"W1", &w, &dw}, {"b1", &b, &db}};
  SGD<float> sgd(0.1);
  sgd.set_l1(0.01);
  sgd.update(params);
  // W ← W − lr·λ·sign(W): 0.5 − 0.001, −0.25 + 0.001, and 0 stays 0
  EXPECT_FLOAT_EQ(w(0, 0), 0.499f);
  EXPECT_FLOAT_EQ(w(0, 1), -0.249f);
  EXPECT_EQ(w(0, 2), 0.0f);
  EXPECT_EQ(b, (Matrix<float>(1, 3) << 0.5f, -0.25f, 0.0f).finished());
}

TEST(L1Regularization, TrainerLossIncludesTheTermAndRateIsValidated) {
  NetSpec spec;
  spec.sizes = {2, 3, 2};
  Network<float> a(spec, 3), b(spec, 3);
  const Dataset data = toy_dataset("xor", 40, 0.0, 1);
  SGD<float> plain(0.1), l1(0.1);
  l1.set_l1(0.05);
  TrainerConfig config;
  config.batch_size = 40;
  Trainer<float> ta(a, plain, data, nullptr, config), tb(b, l1, data, nullptr, config);
  const double expected_term = l1_loss(b.params(), 0.05);
  const double la = ta.step().loss, lb = tb.step().loss;
  EXPECT_NEAR(lb - la, expected_term, 1e-5);
  EXPECT_GT(expected_term, 0.01);

  using scratchnet::testing::error_of;
  EXPECT_EQ(error_of([&] { l1.set_l1(-0.1); }), "optimizer.bad_regularization_rate");
  EXPECT_EQ(error_of([&] { l1.set_l1(1.0); }), "optimizer.bad_regularization_rate");
  EXPECT_EQ(error_of([&] { l1.set_l1(std::nan("")); }), "optimizer.bad_regularization_rate");
}
