// Tests for cpp/calculus/: the book's own numbers (밑바닥부터 시작하는 딥러닝 1권
// 4.3–4.4, 6.1.7 figure 6-8).
#include "calculus/calculus.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../error_of.hpp"

using scratchnet::BookFunction;
using scratchnet::GradientMethod;
using scratchnet::RowVector;
using scratchnet::testing::error_of;
namespace sn = scratchnet;

namespace {

RowVector<double> point(std::initializer_list<double> v) {
  RowVector<double> p(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (double x : v) p(i++) = x;
  return p;
}

}  // namespace

TEST(Calculus, NumericalDiffOfFunction1GivesTheBooksDigits) {
  // book 4.3.2: numerical_diff(function_1, 5) → 0.1999999999990898 (true value 0.2),
  //             numerical_diff(function_1, 10) → 0.2999999999986347 (true value 0.3).
  // Same operations in the same order in float64: equal to the last bit.
  EXPECT_EQ(sn::numerical_diff<double>(BookFunction::Function1, point({5})), 0.1999999999990898);
  EXPECT_EQ(sn::numerical_diff<double>(BookFunction::Function1, point({10})), 0.2999999999986347);
  // The analytic derivative 0.02x + 0.1 is within 1e-11 of both.
  EXPECT_NEAR(sn::book_function_gradient<double>(BookFunction::Function1, point({5}))(0), 0.2, 1e-15);
}

TEST(Calculus, HOf1eMinus50IsZeroInFloat32SoTheDerivativeIsNaN) {
  // book 4.3.1: np.float32(1e-50) → 0.0. Then (f(x+0) − f(x−0)) / (2·0) = 0/0.
  EXPECT_EQ(static_cast<float>(1e-50), 0.0f);
  EXPECT_TRUE(std::isnan(sn::numerical_diff<float>(BookFunction::Function1, RowVector<float>::Constant(1, 5.0f), 1e-50)));
  // In float64 1e-50 survives, but 5 + 1e-50 == 5: the numerator is 0 and so is the "derivative".
  EXPECT_EQ(sn::numerical_diff<double>(BookFunction::Function1, point({5}), 1e-50), 0.0);
  // With the book's h = 1e-4 float32 gives a usable but rough answer (its epsilon is 1.2e-7).
  const float rough = sn::numerical_diff<float>(BookFunction::Function1, RowVector<float>::Constant(1, 5.0f));
  EXPECT_NEAR(rough, 0.2f, 0.01f);
  EXPECT_NE(static_cast<double>(rough), 0.1999999999990898);
}

TEST(Calculus, PartialDerivativesOfFunction2) {
  // book 4.3.3: function_tmp1 at x0 = 3 (x1 = 4) → 6.00000000000378, function_tmp2 at x1 = 4 → 7.999999999999119.
  EXPECT_EQ(sn::numerical_diff<double>(BookFunction::Function2, point({3, 4}), 1e-4, 0), 6.00000000000378);
  EXPECT_EQ(sn::numerical_diff<double>(BookFunction::Function2, point({3, 4}), 1e-4, 1), 7.999999999999119);
}

TEST(Calculus, NumericalGradientOfFunction2) {
  // book 4.4: [6. 8.], [0. 4.], [6. 0.]
  struct Case { RowVector<double> at; std::vector<double> want; };
  for (const auto& c : {Case{point({3, 4}), {6, 8}}, Case{point({0, 2}), {0, 4}}, Case{point({3, 0}), {6, 0}}}) {
    const auto g = sn::numerical_gradient<double>(BookFunction::Function2, c.at);
    ASSERT_EQ(g.size(), 2);
    for (int i = 0; i < 2; ++i) EXPECT_NEAR(g(i), c.want[i], 1e-10) << "at (" << c.at(0) << ", " << c.at(1) << ")";
    // and it agrees with the hand-derived gradient (2x0, 2x1) to the central difference's rounding
    const auto a = sn::book_function_gradient<double>(BookFunction::Function2, c.at);
    EXPECT_NEAR((g - a).cwiseAbs().maxCoeff(), 0.0, 1e-10);
  }
  // The exact digits of the first one (what NumPy computes before printing "6. 8.").
  const auto g = sn::numerical_gradient<double>(BookFunction::Function2, point({3, 4}));
  EXPECT_EQ(g(0), 6.00000000000378);
  EXPECT_EQ(g(1), 7.999999999999119);
}

TEST(Calculus, GradientDescentFromMinus3And4GivesTheBooksThreeEndings) {
  // book 4.4.1, 100 steps of x -= lr * numerical_gradient(f, x) on function_2 from (−3, 4).
  // The walks were recomputed in float64 with the book's code; we ask for 9 significant digits
  // (the book prints 8–9) — relative tolerance 1e-8.
  const auto last = [](const sn::DescentPath& p) {
    return std::vector<double>(p.path.end() - 2, p.path.end());
  };
  const auto expect_rel = [](double got, double want, const char* what) {
    EXPECT_NEAR(got, want, std::abs(want) * 1e-8) << what;
  };
  const auto good = sn::gradient_descent(BookFunction::Function2, {-3, 4}, 0.1, 100);
  ASSERT_EQ(good.dims, 2);
  ASSERT_EQ(good.path.size(), 202u);
  ASSERT_EQ(good.values.size(), 101u);
  EXPECT_EQ(good.path[0], -3.0);
  EXPECT_EQ(good.path[1], 4.0);
  EXPECT_EQ(good.values[0], 25.0);
  expect_rel(last(good)[0], -6.11110793e-10, "lr 0.1, x0");
  expect_rel(last(good)[1], 8.14814391e-10, "lr 0.1, x1");

  // η = 10 explodes, then stalls where x ± 1e-4 rounds back to x: only the numerical gradient does that.
  const auto big = sn::gradient_descent(BookFunction::Function2, {-3, 4}, 10.0, 100);
  expect_rel(last(big)[0], -2.58983747e13, "lr 10, x0");
  expect_rel(last(big)[1], -1.29524862e12, "lr 10, x1");
  const auto big_exact = sn::gradient_descent(BookFunction::Function2, {-3, 4}, 10.0, 100, "sgd", GradientMethod::Analytic);
  EXPECT_GT(std::abs(last(big_exact)[0]), 1e100) << "the exact gradient keeps multiplying by −19";

  // η = 1e-10 hardly moves.
  const auto tiny = sn::gradient_descent(BookFunction::Function2, {-3, 4}, 1e-10, 100);
  expect_rel(last(tiny)[0], -2.99999994, "lr 1e-10, x0");
  expect_rel(last(tiny)[1], 3.99999992, "lr 1e-10, x1");
}

TEST(Calculus, Figure6_8SgdZigZagsTheOthersDoNot) {
  // book 6.1.7 optimizer_compare_naive.py: f = x²/20 + y² from (−7, 2), 30 steps, df by hand,
  // SGD η 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3 (RMSprop 0.15 and Nesterov 0.1 are not in the figure).
  // What the figure shows, as properties:
  //   * SGD zig-zags: ∂f/∂y = 2y is large, so y ← y − 0.95·2y = −0.9y flips sign at every step;
  //   * the others do not (at most 5 of 30 steps cross y = 0);
  //   * all of them end near the minimum (0, 0) — within 1 of it, from 7.28 —
  //     and AdaGrad, whose y-steps shrink fastest, ends closer than SGD.
  // SGD's path in closed form: x_k = −7·(1 − 0.095)^k, y_k = 2·(−0.9)^k.
  // Measured ends (this build): SGD (−0.3504, 0.0848), Momentum (0.8964, 0.0881), AdaGrad (−0.1202, 0.0000),
  // Adam (0.1360, 0.3182), RMSprop (−0.0911, 0.0000).
  struct Walk { double x, y; int flips; };
  const auto walk = [](const char* optimizer, double lr) {
    const auto p = sn::gradient_descent(BookFunction::X2Over20PlusY2, {-7, 2}, lr, 30, optimizer, GradientMethod::Analytic);
    EXPECT_EQ(p.path.size(), 62u);
    int flips = 0;
    for (int k = 1; k <= 30; ++k) flips += p.path[2 * k + 1] * p.path[2 * k - 1] < 0;
    const Walk w{p.path[60], p.path[61], flips};
    std::printf("  %-8s lr %-5g after 30 steps (%.4f, %.4f), distance %.4f, %d sign changes of y\n", optimizer, lr,
                w.x, w.y, std::hypot(w.x, w.y), w.flips);
    return w;
  };
  const Walk sgd = walk("sgd", 0.95);
  EXPECT_EQ(sgd.flips, 30);
  EXPECT_NEAR(sgd.x, -7 * std::pow(0.905, 30), 1e-12);
  EXPECT_NEAR(sgd.y, 2 * std::pow(0.9, 30), 1e-12);
  struct Setting { const char* optimizer; double lr; };
  for (const Setting& s : {Setting{"momentum", 0.1}, Setting{"adagrad", 1.5}, Setting{"adam", 0.3},
                           Setting{"rmsprop", 0.15}, Setting{"nesterov", 0.1}}) {
    const Walk w = walk(s.optimizer, s.lr);
    EXPECT_LE(w.flips, 5) << s.optimizer;
    EXPECT_LT(std::hypot(w.x, w.y), 1.0) << s.optimizer;
  }
  const Walk ada = walk("adagrad", 1.5);
  EXPECT_LT(std::hypot(ada.x, ada.y), std::hypot(sgd.x, sgd.y));
}

TEST(Calculus, NumericalAndAnalyticGradientsAgreeOnEveryFunction) {
  for (auto f : {BookFunction::Function1, BookFunction::Function2, BookFunction::X2Over20PlusY2}) {
    const RowVector<double> at = sn::book_function_dims(f) == 1 ? point({-2.5}) : point({-7, 2});
    const auto n = sn::numerical_gradient<double>(f, at);
    const auto a = sn::book_function_gradient<double>(f, at);
    EXPECT_LT((n - a).cwiseAbs().maxCoeff(), 1e-9) << sn::book_function_name(f);
  }
}

TEST(Calculus, BadInputHasACode) {
  EXPECT_EQ(error_of([] { sn::book_function_from_name("function_3"); }), "calculus.unknown_function");
  EXPECT_EQ(error_of([] { sn::numerical_gradient<double>(BookFunction::Function2, point({1})); }), "calculus.bad_point");
  EXPECT_EQ(error_of([] { sn::numerical_gradient<double>(BookFunction::Function2, point({1, NAN})); }), "input.not_finite");
  EXPECT_EQ(error_of([] { sn::numerical_diff<double>(BookFunction::Function2, point({1, 2}), 1e-4, 2); }), "calculus.bad_axis");
  EXPECT_EQ(error_of([] { sn::numerical_diff<double>(BookFunction::Function1, point({1}), -1); }), "calculus.bad_h");
  EXPECT_EQ(error_of([] { sn::gradient_descent(BookFunction::Function2, {1, 2}, 0.1, -1); }), "calculus.bad_steps");
  EXPECT_EQ(error_of([] { sn::gradient_descent(BookFunction::Function2, {1, 2}, 0.1, 100001); }), "calculus.bad_steps");
  EXPECT_EQ(error_of([] { sn::gradient_descent(BookFunction::Function2, {1, 2}, 0.0); }), "optimizer.bad_lr");
  EXPECT_EQ(error_of([] { sn::gradient_descent(BookFunction::Function2, {1, 2}, 11.0); }), "optimizer.bad_lr");
  EXPECT_EQ(error_of([] { sn::gradient_descent(BookFunction::Function2, {1, 2}, 0.1, 10, "lbfgs"); }), "optimizer.unknown");
  EXPECT_EQ(error_of([] { sn::gradient_descent(BookFunction::Function2, {INFINITY, 2}, 0.1); }), "input.not_finite");
  EXPECT_EQ(error_of([] { sn::gradient_method_from_name("symbolic"); }), "calculus.unknown_gradient");
}

TEST(Calculus, ADivergingWalkIsRecordedNotThrown) {
  // Adam cannot diverge here, but momentum at the largest rate does: the walk goes to inf/NaN
  // and the path still has every step.
  const auto p = sn::gradient_descent(BookFunction::Function2, {-3, 4}, 10.0, 400, "momentum",
                                      GradientMethod::Analytic);
  EXPECT_EQ(p.values.size(), 401u);
  EXPECT_FALSE(std::isfinite(p.values.back()));
}
