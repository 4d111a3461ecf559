// Tests for cpp/core/activations.hpp — numbers from 밑바닥부터 시작하는 딥러닝 1권 3.2, 3.4, 3.5.
#include "core/activations.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

using namespace scratchnet;

namespace {

const ActivationKind kAll[] = {ActivationKind::Step, ActivationKind::Sigmoid, ActivationKind::Tanh,
                               ActivationKind::Relu, ActivationKind::LeakyRelu, ActivationKind::Identity};

template <class F>
void expect_error_code(F&& f, const std::string& code) {
  try {
    f();
    ADD_FAILURE() << "expected scratchnet::Error " << code;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
  }
}

Matrix<double> row(std::initializer_list<double> v) {
  Matrix<double> m(1, Index(v.size()));
  Index i = 0;
  for (double x : v) m(0, i++) = x;
  return m;
}

}  // namespace

TEST(Activations, NamesRoundTrip) {
  for (auto k : kAll) EXPECT_EQ(activation_from_name(activation_name(k)), k);
  EXPECT_EQ(activation_from_name("leaky_relu"), ActivationKind::LeakyRelu);
  EXPECT_EQ(activation_name(ActivationKind::Sigmoid), "sigmoid");
}

TEST(Activations, UnknownNameThrowsWithValidNames) {
  try {
    activation_from_name("softplus");
    FAIL() << "expected Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "activation.unknown");
    const std::string msg = e.what();
    for (auto k : kAll) EXPECT_NE(msg.find(activation_name(k)), std::string::npos) << msg;
  }
  expect_error_code([] { activation_from_name("Sigmoid"); }, "activation.unknown");  // case matters
}

TEST(Activations, StepIsZeroAtZero) {
  // Book 3.2.2: step_function(x) = x > 0.
  EXPECT_EQ(act::step(0.0), 0.0);
  EXPECT_EQ(act::step(1e-12), 1.0);
  EXPECT_EQ(act::step(-3.0), 0.0);
  for (double x : {-2.0, 0.0, 2.0}) EXPECT_EQ(derivative(ActivationKind::Step, x), 0.0);
}

TEST(Activations, ScalarValues) {
  EXPECT_DOUBLE_EQ(act::sigmoid(0.0), 0.5);
  EXPECT_DOUBLE_EQ(act::relu(-2.0), 0.0);
  EXPECT_DOUBLE_EQ(act::relu(3.5), 3.5);
  EXPECT_DOUBLE_EQ(activate(ActivationKind::LeakyRelu, -2.0), -0.02);  // default slope 0.01
  EXPECT_DOUBLE_EQ(activate(ActivationKind::LeakyRelu, -2.0, 0.2), -0.4);
  EXPECT_DOUBLE_EQ(derivative(ActivationKind::LeakyRelu, -2.0, 0.2), 0.2);
  EXPECT_DOUBLE_EQ(derivative(ActivationKind::LeakyRelu, 2.0, 0.2), 1.0);
  EXPECT_DOUBLE_EQ(activate(ActivationKind::Tanh, 0.5), std::tanh(0.5));
  EXPECT_DOUBLE_EQ(activate(ActivationKind::Identity, -7.25), -7.25);
  EXPECT_FLOAT_EQ(activate(ActivationKind::LeakyRelu, -1.0f, 0.5), -0.5f);  // float with a double slope
}

TEST(Activations, SigmoidOfBookA1) {
  // Book 3.4.2: A1 = [0.3, 0.7, 1.1], Z1 = sigmoid(A1).
  const Matrix<double> z = activate(ActivationKind::Sigmoid, row({0.3, 0.7, 1.1}));
  ASSERT_EQ(z.rows(), 1);
  ASSERT_EQ(z.cols(), 3);
  EXPECT_NEAR(z(0, 0), 0.57444252, 1e-8);
  EXPECT_NEAR(z(0, 1), 0.66818777, 1e-8);
  EXPECT_NEAR(z(0, 2), 0.75026011, 1e-8);
}

TEST(Activations, SigmoidIsSafeForLargeInputs) {
  for (double x : {-1000.0, -745.0, -40.0, 40.0, 1000.0}) {
    const double y = act::sigmoid(x), d = act::sigmoid_deriv(x);
    EXPECT_TRUE(std::isfinite(y) && std::isfinite(d)) << x;
    EXPECT_GE(y, 0.0);
    EXPECT_LE(y, 1.0);
  }
  EXPECT_EQ(act::sigmoid(-1000.0), 0.0);
  EXPECT_EQ(act::sigmoid(1000.0), 1.0);
  EXPECT_EQ(act::sigmoid(-1000.0f), 0.0f);
  EXPECT_EQ(act::sigmoid_deriv(-1000.0f), 0.0f);
  // σ'(x) = σ(x)σ(−x) keeps relative accuracy in the tail where 1 − σ(x) would round to 0.
  EXPECT_NEAR(act::sigmoid_deriv(30.0) / std::exp(-30.0), 1.0, 1e-12);
}

TEST(Activations, DerivativesMatchCentralDifferences) {
  // (h(x + ε) − h(x − ε)) / 2ε ≈ h'(x) with error O(ε²) (book 4.3.1).
  const double eps = 1e-5;
  for (auto k : {ActivationKind::Sigmoid, ActivationKind::Tanh, ActivationKind::Relu,
                 ActivationKind::LeakyRelu, ActivationKind::Identity}) {
    const bool kink = k == ActivationKind::Relu || k == ActivationKind::LeakyRelu;
    for (int i = 0; i <= 80; ++i) {
      const double x = -6.0 + 0.15 * i;
      if (kink && std::abs(x) < 10 * eps) continue;  // no derivative at the kink
      const double slope = 0.07;
      const double numeric = (activate(k, x + eps, slope) - activate(k, x - eps, slope)) / (2 * eps);
      const double analytic = derivative(k, x, slope);
      const double scale = std::max({std::abs(numeric), std::abs(analytic), 1e-300});
      EXPECT_LT(std::abs(numeric - analytic) / scale, 1e-6)
          << activation_name(k) << " at x = " << x << ": " << numeric << " vs " << analytic;
    }
  }
}

TEST(Activations, MatrixVersionsAreElementwise) {
  Matrix<double> x(2, 3);
  x << -2.0, -0.5, 0.0, 0.5, 2.0, 4.0;
  for (auto k : kAll) {
    const Matrix<double> y = activate(k, x, 0.1), dy = derivative(k, x, 0.1);
    ASSERT_EQ(y.rows(), 2);
    ASSERT_EQ(dy.cols(), 3);
    for (Index r = 0; r < 2; ++r)
      for (Index c = 0; c < 3; ++c) {
        EXPECT_EQ(y(r, c), activate(k, x(r, c), 0.1));
        EXPECT_EQ(dy(r, c), derivative(k, x(r, c), 0.1));
      }
  }
  const Matrix<float> yf = activate(ActivationKind::Relu, Matrix<float>(x.cast<float>()));
  EXPECT_EQ(yf(0, 0), 0.0f);
  EXPECT_EQ(yf(1, 2), 4.0f);
}

TEST(Softmax, BookExample) {
  // Book 3.5.3: softmax([0.3, 2.9, 4.0]) = [0.01821127, 0.24519181, 0.73659691].
  const Matrix<double> y = softmax(row({0.3, 2.9, 4.0}));
  EXPECT_NEAR(y(0, 0), 0.01821127, 1e-7);
  EXPECT_NEAR(y(0, 1), 0.24519181, 1e-7);
  EXPECT_NEAR(y(0, 2), 0.73659691, 1e-7);
  EXPECT_NEAR(y.sum(), 1.0, 1e-12);
}

TEST(Softmax, SubtractingTheMaxAvoidsOverflow) {
  // Book 3.5.2: a = [1010, 1000, 990].
  const Matrix<double> big = softmax(row({1010, 1000, 990}));
  const Matrix<double> small = softmax(row({20, 10, 0}));
  EXPECT_TRUE(big.allFinite());
  EXPECT_EQ(big, small);  // both become exp([0, −10, −20]) / Σ: the very same numbers
  EXPECT_NEAR(big.sum(), 1.0, 1e-12);
  EXPECT_NEAR(big(0, 0), 0.99995460, 1e-8);

  const Matrix<float> bigf = softmax(Matrix<float>(row({1010, 1000, 990}).cast<float>()));
  EXPECT_TRUE(bigf.allFinite());
  EXPECT_NEAR(bigf.sum(), 1.0f, 1e-6f);
}

TEST(Softmax, NaiveVersionOverflowsToNaN) {
  const Matrix<double> y = softmax_naive(row({1010, 1000, 990}));
  for (Index c = 0; c < 3; ++c) EXPECT_TRUE(std::isnan(y(0, c))) << c;  // inf / inf
  const Matrix<float> yf = softmax_naive(Matrix<float>(row({1010, 1000, 990}).cast<float>()));
  for (Index c = 0; c < 3; ++c) EXPECT_TRUE(std::isnan(yf(0, c))) << c;
  // For small inputs the naive version is right (the two agree).
  const Matrix<double> ok = softmax_naive(row({0.3, 2.9, 4.0}));
  EXPECT_NEAR((ok - softmax(row({0.3, 2.9, 4.0}))).cwiseAbs().maxCoeff(), 0.0, 1e-15);
}

TEST(Softmax, RowsAreIndependent) {
  Matrix<double> a(3, 3);
  a << 0.3, 2.9, 4.0,  //
      1010, 1000, 990,  //
      -5, -5, -5;
  const Matrix<double> y = softmax(a);
  ASSERT_EQ(y.rows(), 3);
  EXPECT_EQ(Matrix<double>(y.row(0)), softmax(row({0.3, 2.9, 4.0})));
  EXPECT_EQ(Matrix<double>(y.row(1)), softmax(row({20, 10, 0})));
  for (Index c = 0; c < 3; ++c) EXPECT_NEAR(y(2, c), 1.0 / 3.0, 1e-15);
  for (Index r = 0; r < 3; ++r) EXPECT_NEAR(y.row(r).sum(), 1.0, 1e-12);
  // Order is kept (book 3.5.3): argmax of the output = argmax of the input.
  Index arg = -1;
  y.row(0).maxCoeff(&arg);
  EXPECT_EQ(arg, 2);
}

TEST(Softmax, NeedsAColumn) {
  expect_error_code([] { softmax(Matrix<double>(2, 0)); }, "softmax.empty");
  expect_error_code([] { softmax_naive(Matrix<double>(2, 0)); }, "softmax.empty");
  EXPECT_EQ(softmax(Matrix<double>(0, 3)).rows(), 0);  // no samples is fine
}

TEST(SampleActivation, ShapeAndValues) {
  const auto s = sample_activation(ActivationKind::Sigmoid, -5.0, 5.0, 101, 0.01);
  ASSERT_EQ(s.x.size(), 101u);
  ASSERT_EQ(s.y.size(), 101u);
  ASSERT_EQ(s.dy.size(), 101u);
  EXPECT_EQ(s.x.front(), -5.0);
  EXPECT_EQ(s.x.back(), 5.0);
  EXPECT_DOUBLE_EQ(s.x[50], 0.0);
  EXPECT_DOUBLE_EQ(s.y[50], 0.5);
  EXPECT_DOUBLE_EQ(s.dy[50], 0.25);
  for (std::size_t i = 1; i < s.x.size(); ++i) EXPECT_LT(s.x[i - 1], s.x[i]);

  const auto l = sample_activation(ActivationKind::LeakyRelu, -1.0, 1.0, 2, 0.3);
  EXPECT_DOUBLE_EQ(l.y[0], -0.3);
  EXPECT_DOUBLE_EQ(l.dy[0], 0.3);
  EXPECT_DOUBLE_EQ(l.y[1], 1.0);
  EXPECT_DOUBLE_EQ(l.dy[1], 1.0);
}

TEST(SampleActivation, RejectsBadRanges) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto k = ActivationKind::Relu;
  expect_error_code([&] { sample_activation(k, -1, 1, 1, 0.01); }, "activation.bad_range");
  expect_error_code([&] { sample_activation(k, -1, 1, 100001, 0.01); }, "activation.bad_range");
  expect_error_code([&] { sample_activation(k, 1, 1, 10, 0.01); }, "activation.bad_range");
  expect_error_code([&] { sample_activation(k, 2, 1, 10, 0.01); }, "activation.bad_range");
  expect_error_code([&] { sample_activation(k, -inf, 1, 10, 0.01); }, "activation.bad_range");
  expect_error_code([&] { sample_activation(k, nan, 1, 10, 0.01); }, "activation.bad_range");
  expect_error_code([&] { sample_activation(k, -1e308, 1e308, 10, 0.01); }, "activation.bad_range");
  expect_error_code([&] { sample_activation(k, -1, 1, 10, nan); }, "activation.bad_slope");
  EXPECT_EQ(sample_activation(k, -1, 1, 100000, 0.01).x.size(), 100000u);
}

// ---- non-finite input: one policy (refuse, "input.not_finite") at every entry point ----

TEST(NonFiniteInput, SoftmaxRefusesNaNAndInfinityInsteadOfReturningNaN) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  Matrix<double> with_nan(1, 3), with_inf(1, 3);
  with_nan << nan, 1, 2;  // before: [NaN, NaN, NaN]
  with_inf << inf, 1, 2;  // before: [NaN, 0, 0]
  expect_error_code([&] { softmax(with_nan); }, "input.not_finite");
  expect_error_code([&] { softmax(with_inf); }, "input.not_finite");
  expect_error_code([&] { softmax_naive(with_nan); }, "input.not_finite");
  expect_error_code([&] { softmax(Matrix<double>(1, 0)); }, "softmax.empty");
}

TEST(NonFiniteInput, ActivationsRefuseNaNInsteadOfReturningANumber) {
  Matrix<double> x(1, 1);
  x << std::numeric_limits<double>::quiet_NaN();  // before: relu(NaN) = 0
  for (const char* name : {"step", "sigmoid", "tanh", "relu", "leaky_relu", "identity"}) {
    expect_error_code([&] { activate(activation_from_name(name), x); }, "input.not_finite");
    expect_error_code([&] { derivative(activation_from_name(name), x); }, "input.not_finite");
  }
}
