// gradient_check.hpp — does backpropagation compute the right gradient?
//
// 밑바닥부터 시작하는 딥러닝 1권 4.3.1 "미분" (central difference, h = 1e-4),
// 4.4 "기울기" (numerical_gradient) and 5.7.3 "오차역전파법으로 구한 기울기 검증하기"
// (gradient_check.py).
//
// Backpropagation is fast but easy to get subtly wrong; the numerical gradient
// is slow (two forward passes per parameter element) but follows straight
// from the definition of the derivative:
//
//     ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h          (central difference, h = 1e-4)
//
// Its error is O(h²) ≈ 1e-8 — good enough to catch any real bug, provided the
// arithmetic is double (in float, L(θ + h) − L(θ − h) loses most of its digits).
//
// Comparison, per element, with a = backprop and n = numerical:
//
//     relative error = |a − n| / max(1e-8, |a| + |n|)
//
// The denominator makes the error scale-free (a gradient of 1e-3 off by 1e-9
// is as good as one of 1 off by 1e-6); the 1e-8 floor stops two gradients that
// are both (almost) zero from dividing 0 by 0. Below ~1e-7 the two agree to
// the precision the central difference itself has.
//
// Two cases where a large relative error is NOT a bug:
//   * a kink: ReLU/LeakyRelu are not differentiable at 0; if a nudge of h
//     moves some input across 0, the difference quotient mixes both slopes.
//     Check with inputs whose pre-activations stay clear of 0.
//   * a gradient that is exactly 0 by construction, e.g. the bias b of an
//     Affine followed by BatchNorm (BN subtracts the batch mean, and with it
//     any constant added before it). Backprop gives ~1e-17, the central
//     difference rounding noise of ~ε·L/2h ≈ 1e-12, and noise/1e-8 ≈ 1e-4.
//     Judge such a row by max_abs_diff instead.
// Elsewhere the relative error of a correct backprop is the central
// difference's own O(h²) error divided by the gradient: ~1e-10 for typical
// elements, up to ~1e-6 for elements whose gradient happens to be tiny.
//
// The verdict therefore uses a measure with an absolute floor:
//
//     error = |a − n| / max(1, |a| + |n|)
//
// relative for gradients above 1, absolute below. After training has
// converged (XOR at loss ≈ 1e-5) every gradient is ~1e-5 and the central
// difference's ~1e-9 noise is a relative error of ~1e-4 — the relative
// measure would cry wolf although backprop is right. The absolute part asks
// the question that matters: is backprop off by more than the check can see?
// A wrong backward is off by the size of the gradient itself (≥ 1e-3 at
// initialisation), far above kGradCheckTolerance = 1e-6. Next to it, the book's
// own measure (gradient_check.py prints np.average(np.abs(a − n))): the mean
// absolute difference. All of it in double.
//
// Randomness: a Dropout network draws a new mask every forward pass, so L
// would be a different function at every evaluation. Before each forward we
// reseed the network's noise generator with the same seed, which makes every
// Dropout layer draw the identical mask — L is then one fixed function and
// backprop (run under the same seed) must agree with it.
//
// BatchNorm is checked in training mode (batch statistics), the function the
// training backward differentiates; its running statistics, which those
// forwards nudge, are restored afterwards so checking leaves the network as it was.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "network.hpp"

namespace scratchnet {

struct NamedGradient {
  std::string param;      // "W1", "b1", ...
  Matrix<double> grad;    // same shape as the parameter
};

// The largest `error` a correct backprop gives (see the header comment).
inline constexpr double kGradCheckTolerance = 1e-6;

struct GradCheckRow {
  std::string param;
  double max_abs_diff;    // max over elements of |a − n|
  double max_rel_error;   // max over elements of |a − n| / max(1e-8, |a| + |n|)
  double mean_abs_diff = 0.0;  // the book's: mean over elements of |a − n|
  double max_error = 0.0;      // max over elements of |a − n| / max(1, |a| + |n|)
  bool ok = true;              // max_error < kGradCheckTolerance
};

// The training-mode loss with every Dropout mask fixed by `noise_seed`.
inline double frozen_loss(Network<double>& net, const Matrix<double>& x, const Matrix<double>& t,
                          std::uint64_t noise_seed) {
  net.noise_rng().reseed(noise_seed);
  return net.loss(x, t, true);
}

namespace detail {
// BatchNorm running statistics, saved so a check can put them back.
inline std::vector<std::pair<Matrix<double>, Matrix<double>>> save_running_stats(
    Network<double>& net) {
  std::vector<std::pair<Matrix<double>, Matrix<double>>> saved;
  for (auto& layer : net.layers()) {
    if (auto* bn = dynamic_cast<BatchNorm<double>*>(layer.get())) {
      saved.emplace_back(bn->running_mean(), bn->running_var());
    }
  }
  return saved;
}
inline void restore_running_stats(Network<double>& net,
                                  const std::vector<std::pair<Matrix<double>, Matrix<double>>>& s) {
  std::size_t i = 0;
  for (auto& layer : net.layers()) {
    if (auto* bn = dynamic_cast<BatchNorm<double>*>(layer.get())) {
      bn->set_running_stats(s[i].first, s[i].second);
      ++i;
    }
  }
}
}  // namespace detail

// Two forward passes per parameter, each over every row: parameters × rows is
// the work of a numerical gradient. Above this it would freeze a page for minutes.
inline constexpr std::uint64_t kMaxGradCheckWork = 20'000'000;

// ∂L/∂θ for every parameter θ of the network by central differences (book
// 4.4 numerical_gradient): 2 forward passes per parameter element. Each
// element is restored exactly after it was nudged.
// Throws "gradcheck.too_large" above kMaxGradCheckWork.
inline std::vector<NamedGradient> numerical_gradient(Network<double>& net, const Matrix<double>& x,
                                                     const Matrix<double>& t,
                                                     std::uint64_t noise_seed = 0,
                                                     double h = 1e-4) {
  require(parameter_count(net.spec()) * static_cast<std::uint64_t>(x.rows()) <= kMaxGradCheckWork,
          "gradcheck.too_large",
          "a numerical gradient needs two forward passes per parameter; use a smaller network or fewer rows");
  const auto stats = detail::save_running_stats(net);
  std::vector<NamedGradient> result;
  for (const auto& p : net.params()) {
    Matrix<double>& theta = *p.value;
    Matrix<double> grad(theta.rows(), theta.cols());
    for (Index i = 0; i < theta.size(); ++i) {
      double& v = theta.data()[i];
      const double saved = v;
      v = saved + h;
      const double f_plus = frozen_loss(net, x, t, noise_seed);
      v = saved - h;
      const double f_minus = frozen_loss(net, x, t, noise_seed);
      v = saved;
      grad.data()[i] = (f_plus - f_minus) / (2.0 * h);
    }
    result.push_back({p.name, std::move(grad)});
  }
  detail::restore_running_stats(net, stats);
  return result;
}

// One row of the check: backprop's gradient `a` against the numerical `n` (same shape).
inline GradCheckRow compare_gradients(const std::string& param, const Matrix<double>& a,
                                      const Matrix<double>& n) {
  GradCheckRow row{param, 0.0, 0.0};
  double sum_abs = 0.0;
  for (Index i = 0; i < a.size(); ++i) {
    const double ai = a.data()[i], ni = n.data()[i];
    const double diff = std::abs(ai - ni);
    const double scale = std::abs(ai) + std::abs(ni);
    sum_abs += diff;
    row.max_abs_diff = std::max(row.max_abs_diff, diff);
    row.max_rel_error = std::max(row.max_rel_error, diff / std::max(1e-8, scale));
    row.max_error = std::max(row.max_error, diff / std::max(1.0, scale));
  }
  row.mean_abs_diff = a.size() > 0 ? sum_abs / static_cast<double>(a.size()) : 0.0;
  row.ok = row.max_error < kGradCheckTolerance;
  return row;
}

// Backprop vs numerical gradient, one row per parameter in the book's order.
// Afterwards the network's gradients hold the backprop result for noise_seed.
inline std::vector<GradCheckRow> gradient_check(Network<double>& net, const Matrix<double>& x,
                                                const Matrix<double>& t,
                                                std::uint64_t noise_seed = 0) {
  const auto stats = detail::save_running_stats(net);
  const auto numerical = numerical_gradient(net, x, t, noise_seed);
  net.noise_rng().reseed(noise_seed);  // the same masks the numerical loss saw
  net.gradient(x, t);
  detail::restore_running_stats(net, stats);

  std::vector<GradCheckRow> rows;
  const auto params = net.params();
  for (std::size_t k = 0; k < params.size(); ++k)
    rows.push_back(compare_gradients(params[k].name, *params[k].grad, numerical[k].grad));
  return rows;
}

// The rows as a small text table, e.g. for a test log or the CLI.
inline std::string format_gradient_check(const std::vector<GradCheckRow>& rows) {
  std::string out = "param     max_abs_diff   max_rel_error   mean_abs_diff   max_error  ok\n";
  char line[128];
  for (const auto& r : rows) {
    std::snprintf(line, sizeof line, "%-8s  %12.3e   %13.3e   %13.3e   %9.3e  %s\n", r.param.c_str(),
                  r.max_abs_diff, r.max_rel_error, r.mean_abs_diff, r.max_error, r.ok ? "yes" : "NO");
    out += line;
  }
  return out;
}

}  // namespace scratchnet
