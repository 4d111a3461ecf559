// activations.hpp — activation functions h(a) and their derivatives h'(a).
// 밑바닥부터 시작하는 딥러닝 1권 3.2 (활성화 함수), 3.5 (소프트맥스), 5.5 (역전파).
//
// A neuron computes a = w·x + b and outputs y = h(a). The book's point in 3.2.6:
// h must be NON-linear, otherwise h(h(h(x))) = c·c·c·x is one linear layer and
// stacking layers buys nothing. The derivative h'(a) is what backpropagation
// multiplies by (chapter 5), so every function here comes with its derivative.
//
// Everything is templated on the scalar S (float for training, double for
// gradient checks). Matrix versions work element by element on any shape; the
// softmax works row by row because one row is one sample (N, classes).
#pragma once

#include <algorithm>
#include <cmath>
#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../kernels/finite.hpp"
#include "error.hpp"
#include "matrix.hpp"

namespace scratchnet {

enum class ActivationKind { Step, Sigmoid, Tanh, Relu, LeakyRelu, Identity };

// "sigmoid" -> ActivationKind::Sigmoid. Valid names: step, sigmoid, tanh, relu,
// leaky_relu, identity. Anything else throws Error("activation.unknown").
ActivationKind activation_from_name(std::string_view name);
// ActivationKind::LeakyRelu -> "leaky_relu" (the inverse of activation_from_name).
std::string activation_name(ActivationKind kind);

// The scalar functions, one per activation. `x` is the neuron's input a = w·x + b.
namespace act {

// step(x) = 1 if x > 0 else 0 (book 3.2.2: `x > 0`, so step(0) = 0, the perceptron's `tmp <= 0 → 0`).
template <std::floating_point S>
S step(S x) { return x > S(0) ? S(1) : S(0); }

// step'(x) = 0 for x ≠ 0, and UNDEFINED at x = 0: the jump from 0 to 1 makes the
// difference quotient (step(h) − step(−h)) / 2h = 1/2h blow up as h → 0. We
// return 0 everywhere. That is exactly why a perceptron cannot be trained by
// gradient descent (book 4.2.5): ∂L/∂w = ∂L/∂y · step'(a) · x = 0 wherever it
// exists, so a small change of w never changes y and the gradient has nothing
// to say. Rosenblatt's rule (perceptron.hpp) uses the error (d − y) directly.
template <std::floating_point S>
S step_deriv(S) { return S(0); }

// σ(x) = 1 / (1 + e^(−x)) (book 3.2.3). Computed in two branches so exp never
// sees a large positive argument: for x < 0 we use the equal form e^x / (1 + e^x).
// Naively, x = −1000 gives e^1000 = inf (overflow); here it gives e^−1000 = 0 and σ = 0.
template <std::floating_point S>
S sigmoid(S x) {
  if (x >= S(0)) return S(1) / (S(1) + std::exp(-x));
  const S e = std::exp(x);
  return e / (S(1) + e);
}

// σ'(x) = σ(x)(1 − σ(x)) = σ(x)·σ(−x), since 1 − σ(x) = σ(−x). The second form
// avoids 1 − σ(x) cancelling to exactly 0 when σ(x) rounds to 1 (x ≳ 17 in double).
template <std::floating_point S>
S sigmoid_deriv(S x) { return sigmoid(x) * sigmoid(-x); }

// tanh(x) = (e^x − e^−x) / (e^x + e^−x) = 2σ(2x) − 1: a sigmoid stretched to (−1, 1).
template <std::floating_point S>
S tanh(S x) { return std::tanh(x); }

// tanh'(x) = 1 − tanh²(x).
template <std::floating_point S>
S tanh_deriv(S x) {
  const S t = std::tanh(x);
  return S(1) - t * t;
}

// relu(x) = max(0, x) (book 3.2.7).
template <std::floating_point S>
S relu(S x) { return x > S(0) ? x : S(0); }

// relu'(x) = 1 if x > 0 else 0. Undefined at 0 (kink); like the book's ReLU layer
// (5.5.1, mask = x <= 0) we take 0 there.
template <std::floating_point S>
S relu_deriv(S x) { return x > S(0) ? S(1) : S(0); }

// leaky_relu(x) = x if x > 0 else slope·x. The small slope keeps a gradient for
// x < 0, so a neuron whose input went negative can still learn ("dying ReLU").
template <std::floating_point S>
S leaky_relu(S x, S slope) { return x > S(0) ? x : slope * x; }

// leaky_relu'(x) = 1 if x > 0 else slope (at the kink x = 0 we take slope, like ReLU takes 0).
template <std::floating_point S>
S leaky_relu_deriv(S x, S slope) { return x > S(0) ? S(1) : slope; }

// identity(x) = x (book 3.4.3: the output layer for regression).
template <std::floating_point S>
S identity(S x) { return x; }

// identity'(x) = 1.
template <std::floating_point S>
S identity_deriv(S) { return S(1); }

}  // namespace act

// h(x) for the chosen kind; `slope` is used only by LeakyRelu.
// (std::type_identity_t keeps `slope` out of deduction: activate(k, 1.0f, 0.01) is fine.)
template <std::floating_point S>
S activate(ActivationKind kind, S x, std::type_identity_t<S> slope = S(0.01)) {
  switch (kind) {
    case ActivationKind::Step: return act::step(x);
    case ActivationKind::Sigmoid: return act::sigmoid(x);
    case ActivationKind::Tanh: return act::tanh(x);
    case ActivationKind::Relu: return act::relu(x);
    case ActivationKind::LeakyRelu: return act::leaky_relu(x, slope);
    case ActivationKind::Identity: return act::identity(x);
  }
  throw Error("activation.unknown", "unknown ActivationKind value");
}

// h'(x) = dh/dx evaluated at x, for the chosen kind.
template <std::floating_point S>
S derivative(ActivationKind kind, S x, std::type_identity_t<S> slope = S(0.01)) {
  switch (kind) {
    case ActivationKind::Step: return act::step_deriv(x);
    case ActivationKind::Sigmoid: return act::sigmoid_deriv(x);
    case ActivationKind::Tanh: return act::tanh_deriv(x);
    case ActivationKind::Relu: return act::relu_deriv(x);
    case ActivationKind::LeakyRelu: return act::leaky_relu_deriv(x, slope);
    case ActivationKind::Identity: return act::identity_deriv(x);
  }
  throw Error("activation.unknown", "unknown ActivationKind value");
}

// Non-finite input has one answer at every entry point of the core: it is
// refused with "input.not_finite" (as the network's layers refuse it), never
// turned silently into a number — ReLU(NaN) would otherwise be 0 and
// softmax([NaN, 1, 2]) all NaN, and the learner would not know why.
template <class Derived>
void require_finite_input(const Eigen::MatrixBase<Derived>& x, const char* where) {
  if (!all_finite(x)) throw Error("input.not_finite", std::string(where) + ": input contains NaN or infinity");
}

// Y = h(X) element by element; any shape, the output has the shape of X.
// Errors: input.not_finite.
template <std::floating_point S>
Matrix<S> activate(ActivationKind kind, const Matrix<S>& x, std::type_identity_t<S> slope = S(0.01)) {
  require_finite_input(x, "activate");
  return x.unaryExpr([kind, slope](S v) { return activate(kind, v, slope); });
}

// dY/dX = h'(X) element by element (the local gradient backward() multiplies dout by).
template <std::floating_point S>
Matrix<S> derivative(ActivationKind kind, const Matrix<S>& x, std::type_identity_t<S> slope = S(0.01)) {
  require_finite_input(x, "derivative");
  return x.unaryExpr([kind, slope](S v) { return derivative(kind, v, slope); });
}

// softmax(a)_k = exp(a_k − c) / Σ_i exp(a_i − c) with c = max_i a_i, row by row
// (book 3.5.2). Shapes: a is (N, C) → (N, C), every row sums to 1.
// Errors: softmax.empty (no columns), input.not_finite.
// Subtracting c changes nothing mathematically (multiply top and bottom by e^−c)
// but makes every exponent ≤ 0, so exp never overflows and the largest term is
// exactly e^0 = 1, which keeps the sum ≥ 1 (no division by 0 either).
template <std::floating_point S>
Matrix<S> softmax(const Matrix<S>& a) {
  require(a.cols() > 0, "softmax.empty", "softmax needs at least one column (class), got shape " + shape_string(a));
  require_finite_input(a, "softmax");  // max(NaN, …) is no shift: every output would be NaN
  Matrix<S> y(a.rows(), a.cols());
  for (Index r = 0; r < a.rows(); ++r) {
    const S c = a.row(r).maxCoeff();
    y.row(r) = (a.row(r).array() - c).exp().matrix();
    y.row(r) /= y.row(r).sum();
  }
  return y;
}

// softmax WITHOUT subtracting the max — the book's first, broken version, kept
// to SHOW the overflow: exp(1010) is inf (double overflows past ~709.78, float
// past ~88.72), and inf / inf = NaN. For [1010, 1000, 990] every output is NaN.
// Never use it for training. std::exp is used on purpose (IEEE overflow to inf,
// the same as NumPy) instead of Eigen's vectorised exp, which clamps its input.
template <std::floating_point S>
Matrix<S> softmax_naive(const Matrix<S>& a) {
  require(a.cols() > 0, "softmax.empty", "softmax needs at least one column (class), got shape " + shape_string(a));
  require_finite_input(a, "softmax");  // finite input that overflows is the lesson; NaN input is not
  Matrix<S> y = a.unaryExpr([](S v) { return std::exp(v); });
  for (Index r = 0; r < y.rows(); ++r) y.row(r) /= y.row(r).sum();
  return y;
}

// Points of y = h(x) and dy = h'(x) for drawing a graph (book figures 3-6, 3-7, 3-9).
struct ActivationSample {
  std::vector<double> x, y, dy;  // all of size `points`
};

// `points` evenly spaced x from `from` to `to` (both included). Requires finite
// from < to and 2 <= points <= 100000, else Error("activation.bad_range");
// a non-finite slope gives Error("activation.bad_slope").
ActivationSample sample_activation(ActivationKind kind, double from, double to, int points,
                                   double slope = 0.01);

}  // namespace scratchnet
