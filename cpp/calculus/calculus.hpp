// calculus.hpp — derivatives by the definition, and walking downhill with them.
//
// 밑바닥부터 시작하는 딥러닝 1권 4.3 "수치 미분" (numerical_diff), 4.4 "기울기"
// (numerical_gradient, gradient_descent), 6.1 "매개변수 갱신" (the optimizers on
// x²/20 + y², figure 6-8); 2권 1.3.2 "미분과 기울기".
//
// The derivative is the limit of (f(x + h) − f(x)) / h as h → 0. A computer
// cannot take the limit, so the book takes two lessons from trying:
//   * h = 1e-50 is *too* small: in float32 it is 0 (np.float32(1e-50) → 0.0),
//     and even in float64 x + 1e-50 == x, so the difference is 0 — rounding
//     error eats the whole numerator. h = 1e-4 is the book's compromise.
//   * the forward difference leans to one side; the central difference
//     (f(x + h) − f(x − h)) / 2h is symmetric and its error is O(h²).
// numerical_diff is templated on the scalar so both lessons can be run.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "../core/matrix.hpp"
#include "book_functions.hpp"

namespace scratchnet {

// The book's h for every numerical derivative (4.3.1).
inline constexpr double kNumericalDiffH = 1e-4;

// The point must have one finite coordinate per variable of f.
// Throws calculus.bad_point (wrong length) or input.not_finite.
template <class S>
void require_point(BookFunction f, const RowVector<S>& x, const char* where) {
  require(x.size() == book_function_dims(f), "calculus.bad_point",
          std::string(where) + ": " + book_function_name(f) + " takes " +
              std::to_string(book_function_dims(f)) + " number(s), got " + std::to_string(x.size()));
  for (Index i = 0; i < x.size(); ++i) {
    require(std::isfinite(static_cast<double>(x(i))), "input.not_finite",
            std::string(where) + ": the point contains NaN or infinity");
  }
}

// f(x) and the hand-derived ∇f(x), with the point checked (require_point).
template <class S>
S function_value(BookFunction f, const RowVector<S>& x) {
  require_point(f, x, "function_value");
  return book_function_value(f, x);
}
template <class S>
RowVector<S> analytic_gradient(BookFunction f, const RowVector<S>& x) {
  require_point(f, x, "analytic_gradient");
  return book_function_gradient(f, x);
}

namespace detail {
// The loop of numerical_gradient without the checks: gradient_descent calls it
// on every step, also after a walk has overflowed to inf (that is allowed there).
template <class S>
RowVector<S> central_gradient(BookFunction f, RowVector<S> x, S h) {
  RowVector<S> grad = RowVector<S>::Zero(x.size());
  for (Index idx = 0; idx < x.size(); ++idx) {
    const S tmp_val = x(idx);
    x(idx) = tmp_val + h;
    const S fxh1 = book_function_value(f, x);  // f(x+h)
    x(idx) = tmp_val - h;
    const S fxh2 = book_function_value(f, x);  // f(x-h)
    // grad[idx] = (fxh1 - fxh2) / (2*h)
    grad(idx) = (fxh1 - fxh2) / (S(2) * h);
    x(idx) = tmp_val;
  }
  return grad;
}
}  // namespace detail

// ∇f at x, one central difference per variable (book 4.4
// _numerical_gradient_no_batch): nudge x[idx] by ±h, keep the others, restore.
template <class S>
RowVector<S> numerical_gradient(BookFunction f, const RowVector<S>& x, double h = kNumericalDiffH) {
  require_point(f, x, "numerical_gradient");
  // h = 0 is allowed: 0/0 = NaN is the book's lesson about too small an h.
  require(std::isfinite(h) && h >= 0.0, "calculus.bad_h", "h must be a finite number ≥ 0, got " + std::to_string(h));
  return detail::central_gradient(f, x, static_cast<S>(h));
}

// ∂f/∂x_axis at x by the central difference (book 4.3.1 numerical_diff; for a
// function of two variables this is the partial derivative of 4.3.3):
//   (f(x + h·e_axis) − f(x − h·e_axis)) / 2h
// — one entry of the numerical gradient, computed by the same loop.
// All arithmetic is in S, h included: with S = float, h = 1e-50 rounds to 0
// and the result is 0/0 = NaN.
template <class S>
S numerical_diff(BookFunction f, const RowVector<S>& x, double h = kNumericalDiffH, int axis = 0) {
  require_point(f, x, "numerical_diff");
  require(axis >= 0 && axis < x.size(), "calculus.bad_axis",
          "numerical_diff: axis " + std::to_string(axis) + " is not a variable of " + book_function_name(f));
  require(std::isfinite(h) && h >= 0.0, "calculus.bad_h", "h must be a finite number ≥ 0, got " + std::to_string(h));
  return detail::central_gradient(f, x, static_cast<S>(h))(axis);  // 1e-50 → 0.0f in float
}

// Where the gradient comes from in gradient_descent.
//   Numerical: the book's 4.4.1 gradient_descent (numerical_gradient, h = 1e-4).
//     Its digits are the book's: from (−3, 4) with η = 10 the walk first
//     explodes and then *stops* near (−2.6e13, −1.3e12), because there x ± 1e-4
//     rounds back to x and the numerical gradient is 0. The exact gradient
//     would go on to 1e128.
//   Analytic: the hand-derived ∇f, as in the book's optimizer_compare_naive.py
//     (figure 6-8, which uses df(x, y) = (x/10, 2y)).
enum class GradientMethod { Numerical, Analytic };
GradientMethod gradient_method_from_name(const std::string& name);  // calculus.unknown_gradient

// The most steps one gradient_descent call takes (the path is kept in full).
inline constexpr int kMaxDescentSteps = 100000;

struct DescentPath {
  int dims = 0;
  std::vector<double> path;    // (steps + 1)·dims: the start, then the point after each step
  std::vector<double> values;  // steps + 1: f at each point of the path
};

// Walks `steps` updates of `optimizer` (cpp/optim: sgd, momentum, nesterov,
// adagrad, rmsprop, adam, with the book's defaults for everything but η) down
// f from `init`, in double. The point is one 1×dims parameter; each step fills
// its gradient (numerical or analytic), then optimizer.update() moves it —
// the same split as training a network. SGD is the book's
//   x -= lr * grad
// operation for operation. A walk that overflows keeps going (inf/NaN are
// recorded, not thrown): watching it blow up is the lesson of η = 10.
// Throws calculus.unknown_function / bad_point, input.not_finite,
// optimizer.bad_lr (η must be in (0, 10]), optimizer.unknown, calculus.bad_steps.
DescentPath gradient_descent(BookFunction f, const std::vector<double>& init, double lr, int steps = 100,
                             const std::string& optimizer = "sgd",
                             GradientMethod method = GradientMethod::Numerical);

}  // namespace scratchnet
