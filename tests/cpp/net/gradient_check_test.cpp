// Tests for cpp/net/gradient_check.hpp: backprop agrees with the numerical
// gradient (book 5.7.3) for every layer type, each inside a small network.
// Each test prints its table (param, max |a − n|, max relative error).
#include "net/gradient_check.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

using namespace scratchnet;

namespace {

using MatD = Matrix<double>;

MatD random_matrix(Index rows, Index cols, Rng& rng, double scale = 1.0) {
  MatD m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = scale * rng.normal();
  return m;
}

MatD random_one_hot(Index rows, int classes, Rng& rng) {
  std::vector<std::int32_t> labels(static_cast<std::size_t>(rows));
  for (auto& l : labels) l = static_cast<std::int32_t>(rng.below(static_cast<std::uint32_t>(classes)));
  return one_hot<double>(labels, classes);
}

// The smallest |input| of any ReLU-type layer in the training forward pass
// (with the dropout masks the check will use). A central difference that
// steps across the kink at 0 measures a slope that exists on neither side, so
// the check only means something when this is far larger than what a nudge of
// h = 1e-4 to any weight can move it (≈ h·|x| ≈ 1e-4).
double closest_to_kink(Network<double>& net, const MatD& x, std::uint64_t noise_seed = 0) {
  net.noise_rng().reseed(noise_seed);
  double closest = INFINITY;
  MatD h = x;
  for (auto& layer : net.layers()) {
    if (layer->name() == "Relu" || layer->name() == "LeakyRelu") {
      closest = std::min(closest, h.cwiseAbs().minCoeff());
    }
    h = layer->forward(h, true);
  }
  return closest;
}

// Runs the check, prints the table and expects every max relative error < 1e-6.
// `zero_grad_params` are parameters whose true gradient is identically 0 (see
// the BatchNorm test); for them the relative error only compares rounding
// noise with rounding noise, so they are judged by the absolute difference.
void check(const std::string& title, Network<double>& net, const MatD& x, const MatD& t,
           std::uint64_t noise_seed = 0, const std::vector<std::string>& zero_grad_params = {}) {
  const auto rows = gradient_check(net, x, t, noise_seed);
  std::printf("[gradient check] %s\n%s", title.c_str(), format_gradient_check(rows).c_str());
  ASSERT_EQ(rows.size(), net.params().size());
  for (const auto& r : rows) {
    if (std::find(zero_grad_params.begin(), zero_grad_params.end(), r.param) !=
        zero_grad_params.end()) {
      std::printf("  (%s: true gradient is exactly 0, judged by max_abs_diff < 1e-10)\n",
                  r.param.c_str());
      EXPECT_LT(net.params()[&r - rows.data()].grad->cwiseAbs().maxCoeff(), 1e-12) << r.param;
      EXPECT_LT(r.max_abs_diff, 1e-10) << title << " " << r.param;
    } else {
      EXPECT_LT(r.max_rel_error, 1e-6) << title << " " << r.param;
    }
  }
}

NetSpec spec(const std::string& hidden, const std::string& output, const std::string& init) {
  NetSpec s;
  s.sizes = {4, 5, 4, 3};  // two hidden layers, so gradients pass through every layer type twice
  s.hidden = hidden;
  s.output = output;
  s.init = init;
  return s;
}

// Small random inputs (std 0.5) keep sigmoid/tanh away from saturation, where
// gradients get tiny and the O(h²) error of the central difference is no
// longer small *relative* to them. x is drawn before t, each in its own
// statement: the order of evaluation of function arguments is unspecified.
struct Batch {
  MatD x, t;
};
Batch classification(Rng& rng, Index n = 5, Index features = 4, int classes = 3) {
  Batch b;
  b.x = random_matrix(n, features, rng, 0.5);
  b.t = random_one_hot(n, classes, rng);
  return b;
}
Batch regression(Rng& rng, Index n = 5, Index features = 4, Index outputs = 3) {
  Batch b;
  b.x = random_matrix(n, features, rng, 0.5);
  b.t = random_matrix(n, outputs, rng).array().abs().min(1.0).matrix();  // targets in [0, 1]
  return b;
}

// Biases start at 0, which puts a ReLU input at exactly 0 — on the kink —
// whenever every input of a row to that layer is 0 (all dropped, or all
// blocked by the ReLU before). Small random biases move the check off that
// special point; training would do the same after the first step.
void randomize_biases(Network<double>& net, Rng& rng) {
  for (auto& p : net.params()) {
    if (p.name[0] == 'b' && p.name.rfind("beta", 0) != 0) {
      *p.value = random_matrix(1, p.value->cols(), rng, 0.1);
    }
  }
}

}  // namespace

TEST(GradientCheck, AffineSigmoid) {
  Network<double> net(spec("sigmoid", "softmax", "xavier"), 101);
  Rng rng(1);
  const Batch b = classification(rng);
  check("Affine + Sigmoid, SoftmaxWithLoss", net, b.x, b.t);
}

TEST(GradientCheck, Tanh) {
  Network<double> net(spec("tanh", "softmax", "xavier"), 102);
  Rng rng(2);
  const Batch b = classification(rng);
  check("Affine + Tanh, SoftmaxWithLoss", net, b.x, b.t);
}

TEST(GradientCheck, Relu) {
  Network<double> net(spec("relu", "softmax", "he"), 103);
  Rng rng(3);
  randomize_biases(net, rng);
  const Batch b = classification(rng);
  ASSERT_GT(closest_to_kink(net, b.x), 1e-2) << "an input sits on the ReLU kink; pick another seed";
  check("Affine + Relu, SoftmaxWithLoss", net, b.x, b.t);
}

TEST(GradientCheck, LeakyRelu) {
  NetSpec s = spec("leaky_relu", "softmax", "he");
  s.leaky_slope = 0.1;  // large enough that the negative side really contributes
  Network<double> net(s, 304);
  Rng rng(6);
  randomize_biases(net, rng);
  const Batch b = classification(rng);
  ASSERT_GT(closest_to_kink(net, b.x), 1e-2) << "an input sits on the kink; pick another seed";
  check("Affine + LeakyRelu(0.1), SoftmaxWithLoss", net, b.x, b.t);
}

TEST(GradientCheck, IdentityOutputWithMSE) {
  Network<double> net(spec("tanh", "identity", "xavier"), 105);
  Rng rng(5);
  const Batch b = regression(rng);
  check("Affine + Tanh, IdentityWithLoss (MSE)", net, b.x, b.t);
}

TEST(GradientCheck, SigmoidOutputWithMSE) {
  Network<double> net(spec("sigmoid", "sigmoid", "xavier"), 106);
  Rng rng(6);
  const Batch b = regression(rng);
  check("Affine + Sigmoid, Sigmoid output + IdentityWithLoss (MSE)", net, b.x, b.t);
}

TEST(GradientCheck, IdentityHiddenActivation) {
  Network<double> net(spec("identity", "softmax", "xavier"), 107);
  Rng rng(7);
  const Batch b = classification(rng);
  check("Affine + Identity, SoftmaxWithLoss", net, b.x, b.t);
}

TEST(GradientCheck, SoftmaxWithLoss) {
  // One hidden layer and five classes: here the loss layer is what is under test.
  NetSpec s;
  s.sizes = {3, 6, 5};
  s.hidden = "tanh";
  s.init = "xavier";
  Network<double> net(s, 108);
  Rng rng(8);
  const Batch b = classification(rng, 6, 3, 5);
  check("Affine + Tanh, SoftmaxWithLoss (5 classes)", net, b.x, b.t);
}

TEST(GradientCheck, BatchNorm) {
  // BatchNorm is scale-invariant in its input: scaling W by c divides the
  // gradient by c and the third derivative by c³, so larger weights (std 1)
  // shrink the central difference's O(h²) error relative to the gradient.
  NetSpec s = spec("tanh", "softmax", "std");
  s.init_std = 1.0;
  s.batch_norm = true;
  Network<double> net(s, 109);
  Rng rng(9);
  // Non-trivial gamma and beta, so their gradients are not just those at 1 and 0.
  for (auto& p : net.params()) {
    if (p.name.rfind("gamma", 0) == 0) {
      *p.value = (random_matrix(1, p.value->cols(), rng, 0.5).array() + 1.0).matrix();
    }
    if (p.name.rfind("beta", 0) == 0) *p.value = random_matrix(1, p.value->cols(), rng, 0.5);
  }
  const Batch b = classification(rng, 8);
  const MatD mean_before = dynamic_cast<BatchNorm<double>&>(*net.layers()[1]).running_mean();
  // b1 and b2 feed straight into BatchNorm, which subtracts the batch mean of
  // every column — and with it any constant added to the column. The loss does
  // not depend on them at all: their true gradient is exactly 0 (BN's beta
  // takes over the role of the bias). Backprop gives 0 up to ~1e-17, the
  // central difference gives rounding noise of ~1e-12 (ε·L/2h) or 0, and
  // |a − n|/max(1e-8, |a| + |n|) of noise can be anything up to ~1e-4.
  check("Affine + BatchNorm + Tanh, SoftmaxWithLoss", net, b.x, b.t, 0, {"b1", "b2"});
  // checking leaves the running statistics as they were
  EXPECT_EQ(dynamic_cast<BatchNorm<double>&>(*net.layers()[1]).running_mean(), mean_before);
}

TEST(GradientCheck, Dropout) {
  NetSpec s = spec("tanh", "softmax", "xavier");
  s.dropout = 0.3;
  Network<double> net(s, 110);
  Rng rng(10);
  const Batch b = classification(rng, 6);
  // The masks really are random between unfrozen passes...
  EXPECT_NE(net.loss(b.x, b.t, true), net.loss(b.x, b.t, true));
  // ...and fixed by the seed during the check.
  check("Affine + Tanh + Dropout(0.3), SoftmaxWithLoss", net, b.x, b.t, 12345);
}

TEST(GradientCheck, DropoutWithRelu) {
  NetSpec s = spec("relu", "softmax", "he");
  s.dropout = 0.3;
  Network<double> net(s, 411);
  Rng rng(14);
  randomize_biases(net, rng);
  const Batch b = classification(rng, 6);
  ASSERT_GT(closest_to_kink(net, b.x, 12345), 1e-2) << "an input sits on the kink; pick another seed";
  check("Affine + Relu + Dropout(0.3), SoftmaxWithLoss", net, b.x, b.t, 12345);
}

TEST(GradientCheck, NumericalGradientHasTheBooksNamesAndShapes) {
  NetSpec s = spec("relu", "softmax", "he");
  s.batch_norm = true;
  Network<double> net(s, 112);
  Rng rng(12);
  const Batch b = classification(rng, 3);
  const auto grads = numerical_gradient(net, b.x, b.t);
  const std::vector<std::string> names = {"W1", "b1", "gamma1", "beta1", "W2", "b2",
                                          "gamma2", "beta2", "W3", "b3"};
  ASSERT_EQ(grads.size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(grads[i].param, names[i]);
    EXPECT_EQ(grads[i].grad.rows(), net.param(names[i]).rows());
    EXPECT_EQ(grads[i].grad.cols(), net.param(names[i]).cols());
  }
}

// Two forward passes per parameter over every row: a check bigger than
// kMaxGradCheckWork (parameters × rows) is refused before it starts.
TEST(GradientCheck, RefusesAChecksTooLargeToFinish) {
  NetSpec big;
  big.sizes = {784, 1000, 10};   // 795,010 parameters
  big.hidden = "relu";
  Network<double> net(big, 1);
  const MatD x = MatD::Zero(30, 784);   // × 30 rows = 23.9 million > 20 million
  MatD t = MatD::Zero(30, 10);
  t.col(0).setOnes();
  std::string code;
  try {
    gradient_check(net, x, t);
  } catch (const Error& e) {
    code = e.code();
  }
  EXPECT_EQ(code, "gradcheck.too_large");
}
