// calculus.cpp — gradient_descent (book 1권 4.4.1, 6.1); see calculus.hpp.
#include "calculus.hpp"

#include <cmath>
#include <memory>

#include "../layers/layer.hpp"
#include "../optim/make_optimizer.hpp"

namespace scratchnet {

GradientMethod gradient_method_from_name(const std::string& name) {
  if (name == "numerical") return GradientMethod::Numerical;
  if (name == "analytic") return GradientMethod::Analytic;
  throw Error("calculus.unknown_gradient",
              "unknown gradient method '" + name + "' (expected numerical or analytic)");
}

DescentPath gradient_descent(BookFunction f, const std::vector<double>& init, double lr, int steps,
                             const std::string& optimizer, GradientMethod method) {
  const int dims = book_function_dims(f);
  Matrix<double> x(1, static_cast<Index>(init.size()));
  for (std::size_t i = 0; i < init.size(); ++i) x(0, static_cast<Index>(i)) = init[i];
  require_point<double>(f, x.row(0), "gradient_descent");
  require(steps >= 0 && steps <= kMaxDescentSteps, "calculus.bad_steps",
          "steps must be in [0, " + std::to_string(kMaxDescentSteps) + "], got " + std::to_string(steps));
  // make_optimizer reads lr ≤ 0 as "the book's default"; here η is the lesson, so it must be given.
  require(std::isfinite(lr) && lr > 0.0, "optimizer.bad_lr",
          "learning rate must be in (0, 10], got " + std::to_string(lr));
  const auto opt = make_optimizer<double>(optimizer, lr);

  // The point is the only parameter; its gradient is refilled every step.
  Matrix<double> grad = Matrix<double>::Zero(1, dims);
  std::vector<Param<double>> params{{"x", &x, &grad}};

  DescentPath out;
  out.dims = dims;
  out.path.reserve(static_cast<std::size_t>(steps + 1) * dims);
  out.values.reserve(static_cast<std::size_t>(steps + 1));
  const auto record = [&] {
    for (int i = 0; i < dims; ++i) out.path.push_back(x(0, i));
    out.values.push_back(book_function_value<double>(f, x.row(0)));
  };
  record();
  for (int step = 0; step < steps; ++step) {
    // grad = numerical_gradient(f, x)   (or the hand-derived ∇f)
    grad.row(0) = method == GradientMethod::Numerical ? detail::central_gradient<double>(f, x.row(0), kNumericalDiffH)
                                                      : book_function_gradient<double>(f, x.row(0));
    // x -= lr * grad, or the chosen optimizer's rule
    opt->update(params);
    record();
  }
  return out;
}

}  // namespace scratchnet
