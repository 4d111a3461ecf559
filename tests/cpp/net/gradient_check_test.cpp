// Tests for cpp/net/gradient_check.hpp: backprop agrees with the numerical
// gradient (book 5.7.3) for every layer type, each inside a small network.
// Each test prints its table (param, max |a − n|, max relative error).
#include "net/gradient_check.hpp"

#include <gtest/gtest.h>

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

// The smallest |pre-activation| that feeds a ReLU-type layer. A central
// difference that steps across the kink at 0 measures a slope that exists on
// neither side, so the check is only meaningful when this is comfortably
// larger than what a nudge of h = 1e-4 can move it.
double closest_to_kink(Network<double>& net, const MatD& x) {
  const auto steps = net.trace(x);
  double closest = INFINITY;
  for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
    const std::string& next = steps[i + 1].layer;
    if (next.rfind("Relu", 0) == 0 || next.rfind("LeakyRelu", 0) == 0) {
      closest = std::min(closest, steps[i].value.cwiseAbs().minCoeff());
    }
  }
  return closest;
}

void check(const std::string& title, Network<double>& net, const MatD& x, const MatD& t,
           std::uint64_t noise_seed = 0) {
  const auto rows = gradient_check(net, x, t, noise_seed);
  std::printf("[gradient check] %s\n%s", title.c_str(), format_gradient_check(rows).c_str());
  ASSERT_EQ(rows.size(), net.params().size());
  for (const auto& r : rows) {
    EXPECT_LT(r.max_rel_error, 1e-6) << title << " " << r.param;
  }
}

NetSpec spec(const std::string& hidden, const std::string& output, const std::string& init) {
  NetSpec s;
  s.sizes = {4, 5, 4, 3};
  s.hidden = hidden;
  s.output = output;
  s.init = init;
  return s;
}

}  // namespace

TEST(GradientCheck, AffineSigmoidSoftmax) {
  Network<double> net(spec("sigmoid", "softmax", "xavier"), 101);
  Rng rng(1);
  check("Affine + Sigmoid, SoftmaxWithLoss", net, random_matrix(5, 4, rng), random_one_hot(5, 3, rng));
}

TEST(GradientCheck, Tanh) {
  Network<double> net(spec("tanh", "softmax", "xavier"), 102);
  Rng rng(2);
  check("Affine + Tanh, SoftmaxWithLoss", net, random_matrix(5, 4, rng), random_one_hot(5, 3, rng));
}

TEST(GradientCheck, Relu) {
  Network<double> net(spec("relu", "softmax", "he"), 103);
  Rng rng(3);
  const MatD x = random_matrix(5, 4, rng);
  ASSERT_GT(closest_to_kink(net, x), 1e-2) << "an input sits on the ReLU kink; pick another seed";
  check("Affine + Relu, SoftmaxWithLoss", net, x, random_one_hot(5, 3, rng));
}

TEST(GradientCheck, LeakyRelu) {
  NetSpec s = spec("leaky_relu", "softmax", "he");
  s.leaky_slope = 0.1;  // large enough that the negative side really contributes
  Network<double> net(s, 104);
  Rng rng(4);
  const MatD x = random_matrix(5, 4, rng);
  ASSERT_GT(closest_to_kink(net, x), 1e-2) << "an input sits on the kink; pick another seed";
  check("Affine + LeakyRelu(0.1), SoftmaxWithLoss", net, x, random_one_hot(5, 3, rng));
}

TEST(GradientCheck, IdentityOutputWithMSE) {
  Network<double> net(spec("tanh", "identity", "xavier"), 105);
  Rng rng(5);
  check("Affine + Tanh, IdentityWithLoss (MSE)", net, random_matrix(5, 4, rng),
        random_matrix(5, 3, rng));
}

TEST(GradientCheck, SigmoidOutputWithMSE) {
  Network<double> net(spec("sigmoid", "sigmoid", "xavier"), 106);
  Rng rng(6);
  MatD t = random_matrix(5, 3, rng).array().abs().min(1.0).matrix();  // targets in [0, 1]
  check("Affine + Sigmoid, Sigmoid output + IdentityWithLoss (MSE)", net, random_matrix(5, 4, rng), t);
}

TEST(GradientCheck, IdentityHiddenActivation) {
  Network<double> net(spec("identity", "softmax", "xavier"), 107);
  Rng rng(7);
  check("Affine + Identity, SoftmaxWithLoss", net, random_matrix(5, 4, rng),
        random_one_hot(5, 3, rng));
}

TEST(GradientCheck, SoftmaxWithLoss) {
  // one hidden layer, the loss layer is what is under test here
  NetSpec s;
  s.sizes = {3, 6, 5};
  s.hidden = "tanh";
  s.init = "xavier";
  Network<double> net(s, 108);
  Rng rng(8);
  check("Affine + Tanh, SoftmaxWithLoss (5 classes)", net, random_matrix(6, 3, rng),
        random_one_hot(6, 5, rng));
}

TEST(GradientCheck, BatchNorm) {
  NetSpec s = spec("tanh", "softmax", "xavier");
  s.batch_norm = true;
  Network<double> net(s, 109);
  Rng rng(9);
  // Non-trivial gamma and beta, so their gradients are not just those of 1 and 0.
  for (auto& p : net.params()) {
    if (p.name.rfind("gamma", 0) == 0) *p.value = random_matrix(1, p.value->cols(), rng, 0.5).array() + 1.0;
    if (p.name.rfind("beta", 0) == 0) *p.value = random_matrix(1, p.value->cols(), rng, 0.5);
  }
  const MatD mean_before = dynamic_cast<BatchNorm<double>&>(*net.layers()[1]).running_mean();
  check("Affine + BatchNorm + Tanh, SoftmaxWithLoss", net, random_matrix(8, 4, rng),
        random_one_hot(8, 3, rng));
  // checking leaves the running statistics as they were
  EXPECT_EQ(dynamic_cast<BatchNorm<double>&>(*net.layers()[1]).running_mean(), mean_before);
}

TEST(GradientCheck, Dropout) {
  NetSpec s = spec("tanh", "softmax", "xavier");
  s.dropout = 0.3;
  Network<double> net(s, 110);
  Rng rng(10);
  const MatD x = random_matrix(6, 4, rng);
  const MatD t = random_one_hot(6, 3, rng);
  // the masks really are random between unfrozen passes...
  EXPECT_NE(net.loss(x, t, true), net.loss(x, t, true));
  // ...and fixed by the seed during the check
  check("Affine + Tanh + Dropout(0.3), SoftmaxWithLoss", net, x, t, 12345);
}

TEST(GradientCheck, NumericalGradientHasTheBooksNamesAndShapes) {
  NetSpec s = spec("relu", "softmax", "he");
  s.batch_norm = true;
  Network<double> net(s, 111);
  Rng rng(11);
  const auto grads = numerical_gradient(net, random_matrix(3, 4, rng), random_one_hot(3, 3, rng));
  const std::vector<std::string> names = {"W1", "b1", "gamma1", "beta1", "W2", "b2",
                                          "gamma2", "beta2", "W3", "b3"};
  ASSERT_EQ(grads.size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(grads[i].param, names[i]);
    EXPECT_EQ(grads[i].grad.rows(), net.param(names[i]).rows());
    EXPECT_EQ(grads[i].grad.cols(), net.param(names[i]).cols());
  }
}
