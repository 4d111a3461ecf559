// layer_test_util.hpp — helpers shared by the layer tests (not a test itself:
// CMake only collects *_test.cpp).
//
// To check one layer's backward() we need a scalar to differentiate. We use
//     f(x) = Σ G ⊙ layer.forward(x)
// with a fixed random G: then ∂f/∂y = G, so backward(G) must equal ∂f/∂x, and
// each param's grad must equal ∂f/∂θ. Both are compared with a central
// difference (h = 1e-4, book 4.4) in double.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "core/error.hpp"
#include "core/matrix.hpp"
#include "core/rng.hpp"
#include "layers/layer.hpp"

namespace scratchnet::test {

using MatD = Matrix<double>;

inline MatD random_matrix(Index rows, Index cols, Rng& rng, double scale = 1.0) {
  MatD m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = scale * rng.normal();
  return m;
}

// max over elements of |a − n| / max(1e-8, |a| + |n|) — the gradient check's formula.
inline double max_rel_error(const MatD& a, const MatD& n) {
  EXPECT_EQ(a.rows(), n.rows());
  EXPECT_EQ(a.cols(), n.cols());
  double worst = 0.0;
  for (Index i = 0; i < a.size(); ++i) {
    const double d = std::abs(a.data()[i] - n.data()[i]);
    worst = std::max(worst, d / std::max(1e-8, std::abs(a.data()[i]) + std::abs(n.data()[i])));
  }
  return worst;
}

// Central difference of f with respect to every element of theta (restored after).
inline MatD numerical_diff(MatD& theta, const std::function<double()>& f, double h = 1e-4) {
  MatD g(theta.rows(), theta.cols());
  for (Index i = 0; i < theta.size(); ++i) {
    const double saved = theta.data()[i];
    theta.data()[i] = saved + h;
    const double fp = f();
    theta.data()[i] = saved - h;
    const double fm = f();
    theta.data()[i] = saved;
    g.data()[i] = (fp - fm) / (2 * h);
  }
  return g;
}

// Checks dx and every parameter gradient of `layer` at x. `before_forward`
// runs before every forward (Dropout reseeds its generator there).
inline void expect_gradients_match(Layer<double>& layer, MatD x, bool train, Rng& rng,
                                   const std::function<void()>& before_forward = [] {},
                                   double tolerance = 1e-6) {
  before_forward();
  const MatD y = layer.forward(x, train);
  const MatD G = random_matrix(y.rows(), y.cols(), rng);
  const MatD dx = layer.backward(G);
  const auto f = [&] {
    before_forward();
    return layer.forward(x, train).cwiseProduct(G).sum();
  };
  const double err_x = max_rel_error(dx, numerical_diff(x, f));
  std::printf("  %-10s dx     max rel error %.3e\n", layer.name().c_str(), err_x);
  EXPECT_LT(err_x, tolerance) << layer.name() << " dx";
  for (const auto& p : layer.params()) {
    const MatD analytic = *p.grad;  // copy: the numerical forwards do not touch grads, but be safe
    const double err = max_rel_error(analytic, numerical_diff(*p.value, f));
    std::printf("  %-10s d%-5s max rel error %.3e\n", layer.name().c_str(), p.name.c_str(), err);
    EXPECT_LT(err, tolerance) << layer.name() << " d" << p.name;
  }
}

// Checks dx of a loss layer: f(x) = layer.forward(x, t), dx = layer.backward().
inline void expect_loss_gradient_matches(LossLayer<double>& layer, MatD x, const MatD& t,
                                         double tolerance = 1e-6) {
  layer.forward(x, t);
  const MatD dx = layer.backward();
  const double err = max_rel_error(dx, numerical_diff(x, [&] { return layer.forward(x, t); }));
  std::printf("  %-16s dx max rel error %.3e\n", layer.name().c_str(), err);
  EXPECT_LT(err, tolerance) << layer.name();
}

// Runs fn, expects a scratchnet::Error with this code, returns its message.
template <class Fn>
std::string expect_error(const std::string& code, Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "expected scratchnet::Error " << code;
  return {};
}

inline MatD mat(std::initializer_list<std::initializer_list<double>> rows) {
  MatD m(static_cast<Index>(rows.size()), static_cast<Index>(rows.begin()->size()));
  Index i = 0;
  for (const auto& r : rows) {
    Index j = 0;
    for (double v : r) m(i, j++) = v;
    ++i;
  }
  return m;
}

}  // namespace scratchnet::test
