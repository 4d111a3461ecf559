// Tests for cpp/optim/*.hpp on the book's own test function
// (밑바닥부터 시작하는 딥러닝 1권 6.1.3, ch06/optimizer_compare_naive.py):
//
//   f(x, y) = x²/20 + y²,   ∂f/∂x = x/10,   ∂f/∂y = 2y,   start (−7, 2)
//
// For every optimizer the first three positions are compared with numbers
// worked out by hand (the arithmetic of step 1 is written out; steps 2–3
// follow the same formula and were checked with the book's Python code).
#include "optim/make_optimizer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

using scratchnet::Adam;
using scratchnet::AdaGrad;
using scratchnet::Error;
using scratchnet::make_optimizer;
using scratchnet::Matrix;
using scratchnet::Momentum;
using scratchnet::Nesterov;
using scratchnet::Optimizer;
using scratchnet::Param;
using scratchnet::RMSprop;
using scratchnet::SGD;

namespace {

// The two coordinates of the book's example as two 1×1 "parameters".
struct Quadratic {
  Matrix<double> x{Matrix<double>::Constant(1, 1, -7.0)};
  Matrix<double> y{Matrix<double>::Constant(1, 1, 2.0)};
  Matrix<double> gx{Matrix<double>::Zero(1, 1)};
  Matrix<double> gy{Matrix<double>::Zero(1, 1)};
  std::vector<Param<double>> params{{"x", &x, &gx}, {"y", &y, &gy}};

  double f() const { return x(0, 0) * x(0, 0) / 20.0 + y(0, 0) * y(0, 0); }
  // The "network" fills the gradients, the optimizer only reads them.
  void step(Optimizer<double>& opt) {
    gx(0, 0) = x(0, 0) / 10.0;
    gy(0, 0) = 2.0 * y(0, 0);
    opt.update(params);
  }
};

struct Expected {
  double x, y;
};

void expect_first_steps(Optimizer<double>& opt, const std::vector<Expected>& want) {
  Quadratic q;
  for (std::size_t k = 0; k < want.size(); ++k) {
    q.step(opt);
    EXPECT_NEAR(q.x(0, 0), want[k].x, 1e-12) << opt.name() << " step " << k + 1;
    EXPECT_NEAR(q.y(0, 0), want[k].y, 1e-12) << opt.name() << " step " << k + 1;
  }
}

}  // namespace

TEST(Optimizers, SgdFirstStepsByHand) {
  // g = (−0.7, 4);  x = −7 − 0.95·(−0.7) = −6.335;  y = 2 − 0.95·4 = −1.8
  SGD<double> opt(0.95);
  expect_first_steps(opt, {{-6.335, -1.8}, {-5.733175, 1.62}, {-5.188523375, -1.458}});
}

TEST(Optimizers, MomentumFirstStepsByHand) {
  // v = 0.9·0 − 0.1·(−0.7, 4) = (0.07, −0.4);  (x, y) = (−6.93, 1.6)
  // step 2: g = (−0.693, 3.2), v = 0.9·(0.07, −0.4) − 0.1·g = (0.1323, −0.68)
  Momentum<double> opt(0.1, 0.9);
  expect_first_steps(opt, {{-6.93, 1.6}, {-6.7977, 0.92}, {-6.610653, 0.124}});
}

TEST(Optimizers, NesterovFirstStepsByHand) {
  // The book's order (common/optimizer.py): W moves with the OLD v, then v is updated.
  // step 1, v = 0:  x = −7 − 1.9·0.1·(−0.7) = −6.867       y = 2 − 1.9·0.1·4 = 1.24
  //                 v = −0.1·(−0.7, 4) = (0.07, −0.4)
  // step 2, g = (−0.6867, 2.48):
  //                 x = −6.867 + 0.81·0.07 + 0.19·0.6867 = −6.679827
  //                 y = 1.24 − 0.81·0.4 − 0.19·2.48     = 0.4448
  // (v updated first, as before, gave −6.8103, 0.916 at step 1.)
  Nesterov<double> opt(0.1, 0.9);
  expect_first_steps(opt, {{-6.867, 1.24},
                           {-6.679827, 0.4448},
                           {-6.446257587, -0.216704}});
}

TEST(Optimizers, AdaGradFirstStepsByHand) {
  // h = g² = (0.49, 16);  x = −7 − 1.5·(−0.7)/(0.7 + 1e-7);  y = 2 − 1.5·4/(4 + 1e-7)
  // — the first AdaGrad step has length ≈ lr in every coordinate.
  AdaGrad<double> opt(1.5);
  const double x1 = -7.0 - 1.5 * -0.7 / (0.7 + 1e-7);
  const double y1 = 2.0 - 1.5 * 4.0 / (4.0 + 1e-7);
  EXPECT_NEAR(x1, -5.5000002142856834, 1e-15);
  expect_first_steps(opt, {{x1, y1},
                           {-4.5732679681642718, 0.13619658308878757},
                           {-3.8878423389709869, 0.037314570496521551}});
}

TEST(Optimizers, RmspropFirstStepsByHand) {
  // h = 0.01·g² = (0.0049, 0.16), √h = (0.07, 0.4) = |g|/10
  // x = −7 − 0.1·(−0.7)/(0.07 + 1e-7) ≈ −6;  y = 2 − 0.1·4/(0.4 + 1e-7) ≈ 1
  RMSprop<double> opt(0.1, 0.99);
  expect_first_steps(opt, {{-7.0 + 0.07 / (0.07 + 1e-7), 2.0 - 0.4 / (0.4 + 1e-7)},
                           {-5.3473267161778164, 0.55098700611787621},
                           {-4.8426351195472872, 0.30968758356475534}});
}

TEST(Optimizers, AdamFirstStepsByHand) {
  // t = 1: lr_t = 0.3·√(1 − 0.999)/(1 − 0.9) = 0.3·√0.001/0.1
  //        m = 0.1·g,  v = 0.001·g²,  m/√v = 0.1g/(√0.001·|g|) = sign(g)·0.1/√0.001
  //        so the step is lr_t·m/(√v + 1e-7) ≈ 0.3·sign(g): (−6.7, 1.7)
  Adam<double> opt(0.3);
  const double lr_t = 0.3 * std::sqrt(0.001) / 0.1;
  const double x1 = -7.0 - lr_t * (0.1 * -0.7) / (std::sqrt(0.001 * 0.49) + 1e-7);
  const double y1 = 2.0 - lr_t * (0.1 * 4.0) / (std::sqrt(0.001 * 16.0) + 1e-7);
  EXPECT_NEAR(x1, -6.7, 1e-5);
  EXPECT_NEAR(y1, 1.7, 1e-5);
  expect_first_steps(opt, {{x1, y1},
                           {-6.4004166240432721, 1.4022457408988029},
                           {-6.1015490069813216, 1.1089120394258563}});
  EXPECT_EQ(opt.iterations(), 3);  // the book's self.iter
}

TEST(Optimizers, EveryOptimizerReducesTheBookFunction) {
  // The learning rates of the book's comparison (figure 6-8), plus Nesterov
  // and RMSprop at 0.1. f starts at 6.45.
  const std::vector<std::pair<std::string, double>> runs = {
      {"sgd", 0.95},     {"momentum", 0.1}, {"nesterov", 0.1},
      {"adagrad", 1.5}, {"rmsprop", 0.1},  {"adam", 0.3}};
  for (const auto& [name, lr] : runs) {
    auto opt = make_optimizer<double>(name, lr);
    Quadratic q;
    const double f0 = q.f();
    for (int i = 0; i < 30; ++i) q.step(*opt);
    EXPECT_LT(q.f(), 0.2) << name << " after 30 steps";  // measured max 0.102 (Adam)
    for (int i = 0; i < 70; ++i) q.step(*opt);
    EXPECT_LT(q.f(), 1e-3 * f0) << name << " after 100 steps";  // measured ≤ 5e-5
  }
}

TEST(Optimizers, WeightDecayShrinksWeightsButNotBiases) {
  // With a zero data gradient the only force is the decay term λW: every
  // optimizer must pull W toward 0 and leave b exactly where it was.
  for (const char* name : scratchnet::kOptimizerNames) {
    auto opt = make_optimizer<float>(name, 0.1, 0.1);
    Matrix<float> W = Matrix<float>::Constant(2, 3, 1.0f), dW = Matrix<float>::Zero(2, 3);
    Matrix<float> b = Matrix<float>::Constant(1, 3, 1.0f), db = Matrix<float>::Zero(1, 3);
    std::vector<Param<float>> params{{"W1", &W, &dW}, {"b1", &b, &db}};
    for (int i = 0; i < 3; ++i) {
      dW.setZero();
      db.setZero();
      opt->update(params);
    }
    EXPECT_LT(W.maxCoeff(), 1.0f) << name;
    EXPECT_GT(W.minCoeff(), 0.0f) << name;
    EXPECT_EQ(b, Matrix<float>::Constant(1, 3, 1.0f)) << name;
  }
  // SGD by hand: W ← W − η(0 + λW) = 1 − 0.1·0.1·1 = 0.99
  SGD<double> sgd(0.1, 0.1);
  Matrix<double> W = Matrix<double>::Constant(1, 1, 1.0), dW = Matrix<double>::Zero(1, 1);
  std::vector<Param<double>> params{{"W2", &W, &dW}};
  sgd.update(params);
  EXPECT_NEAR(W(0, 0), 0.99, 1e-15);
}

TEST(Optimizers, LearningRateChangeTakesEffectOnTheNextStep) {
  // SGD: step 1 with η = 0.1, step 2 with η = 0.5.
  {
    SGD<double> opt(0.1);
    Quadratic q;
    q.step(opt);  // x = −7 − 0.1·(−0.7) = −6.93
    EXPECT_NEAR(q.x(0, 0), -6.93, 1e-12);
    opt.set_lr(0.5);
    EXPECT_EQ(opt.lr(), 0.5);
    q.step(opt);  // x = −6.93 − 0.5·(−0.693) = −6.5835
    EXPECT_NEAR(q.x(0, 0), -6.5835, 1e-12);
  }
  // Adam keeps m, v and t across the change; only η in lr_t differs.
  {
    Adam<double> a(0.3), b(0.3);
    Quadratic qa, qb;
    qa.step(a);
    qb.step(b);
    b.set_lr(0.03);
    // The second step of b must be exactly one tenth of a's second step.
    const double before = qb.x(0, 0);
    qa.step(a);
    qb.step(b);
    EXPECT_NEAR(qb.x(0, 0) - before, (qa.x(0, 0) - before) / 10.0, 1e-12);
  }
  SGD<double> opt(0.1);
  EXPECT_THROW(opt.set_lr(0.0), Error);
  EXPECT_THROW(opt.set_lr(-1.0), Error);
  EXPECT_THROW(opt.set_lr(std::numeric_limits<double>::quiet_NaN()), Error);
  EXPECT_THROW(opt.set_lr(std::numeric_limits<double>::infinity()), Error);
  EXPECT_EQ(opt.lr(), 0.1);  // a rejected value leaves the old one
}

TEST(Optimizers, StateIsResetWhenTheParametersChangeShape) {
  // Momentum remembers v for a 1×1 parameter; handed a 2×2 one it must start
  // from v = 0 (the first step is then plain −η·g) instead of mixing shapes.
  Momentum<double> opt(0.1, 0.9);
  Quadratic q;
  q.step(opt);
  q.step(opt);
  Matrix<double> W = Matrix<double>::Zero(2, 2), dW = Matrix<double>::Ones(2, 2);
  std::vector<Param<double>> other{{"W1", &W, &dW}};
  opt.update(other);
  EXPECT_EQ(W, Matrix<double>::Constant(2, 2, -0.1));
  // reset() forgets everything too: the quadratic restarts like step 1.
  Adam<double> adam(0.3);
  Quadratic a;
  a.step(adam);
  adam.reset();
  EXPECT_EQ(adam.iterations(), 0);
  Quadratic fresh;
  Adam<double> ref(0.3);
  a.x = fresh.x;
  a.y = fresh.y;
  a.step(adam);
  fresh.step(ref);
  EXPECT_EQ(a.x, fresh.x);
  EXPECT_EQ(a.y, fresh.y);
}

TEST(Optimizers, MismatchedGradientIsAnError) {
  SGD<double> opt;
  Matrix<double> W = Matrix<double>::Zero(2, 2), dW = Matrix<double>::Zero(2, 3);
  std::vector<Param<double>> params{{"W1", &W, &dW}};
  try {
    opt.update(params);
    FAIL() << "expected optimizer.bad_param";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "optimizer.bad_param");
  }
}

namespace {
std::string error_code(const std::string& name, double lr, double wd) {
  try {
    make_optimizer<float>(name, lr, wd);
  } catch (const Error& e) {
    return e.code();
  }
  return "";
}
}  // namespace

TEST(Optimizers, FactoryDefaultsNamesAndErrors) {
  // lr <= 0 means the book's default (common/optimizer.py).
  EXPECT_EQ(make_optimizer<float>("sgd")->lr(), 0.01);
  EXPECT_EQ(make_optimizer<float>("momentum", 0.0)->lr(), 0.01);
  EXPECT_EQ(make_optimizer<float>("nesterov", -1.0)->lr(), 0.01);
  EXPECT_EQ(make_optimizer<float>("adagrad")->lr(), 0.01);
  EXPECT_EQ(make_optimizer<float>("rmsprop")->lr(), 0.01);
  EXPECT_EQ(make_optimizer<float>("adam")->lr(), 0.001);
  EXPECT_EQ(make_optimizer<float>("ADAM", 0.5, 0.01)->lr(), 0.5);
  EXPECT_EQ(make_optimizer<float>("Adam", 0.5, 0.01)->weight_decay(), 0.01);
  EXPECT_EQ(make_optimizer<float>("RmsProp")->name(), "RMSprop");
  EXPECT_EQ(make_optimizer<float>("adagrad")->name(), "AdaGrad");
  EXPECT_EQ(make_optimizer<double>("sgd", 10.0)->lr(), 10.0);  // the upper end is allowed

  EXPECT_EQ(error_code("adamw", 0.1, 0.0), "optimizer.unknown");
  EXPECT_EQ(error_code("", 0.1, 0.0), "optimizer.unknown");
  EXPECT_EQ(error_code("sgd", 10.5, 0.0), "optimizer.bad_lr");
  EXPECT_EQ(error_code("sgd", std::numeric_limits<double>::quiet_NaN(), 0.0), "optimizer.bad_lr");
  EXPECT_EQ(error_code("sgd", std::numeric_limits<double>::infinity(), 0.0), "optimizer.bad_lr");
  EXPECT_EQ(error_code("sgd", 0.1, -0.01), "optimizer.bad_weight_decay");
  EXPECT_EQ(error_code("sgd", 0.1, 1.0), "optimizer.bad_weight_decay");
  EXPECT_EQ(error_code("sgd", 0.1, std::numeric_limits<double>::quiet_NaN()),
            "optimizer.bad_weight_decay");
}
