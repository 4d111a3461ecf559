// activations.cpp — names of the activations and the graph sampler.
// 밑바닥부터 시작하는 딥러닝 1권 3.2 (활성화 함수).
#include "activations.hpp"

#include <array>
#include <cmath>
#include <utility>

namespace scratchnet {

namespace {

// One table, so name → kind and kind → name can never disagree.
constexpr std::array<std::pair<ActivationKind, const char*>, 6> kNames{{
    {ActivationKind::Step, "step"},
    {ActivationKind::Sigmoid, "sigmoid"},
    {ActivationKind::Tanh, "tanh"},
    {ActivationKind::Relu, "relu"},
    {ActivationKind::LeakyRelu, "leaky_relu"},
    {ActivationKind::Identity, "identity"},
}};

constexpr int kMaxPoints = 100000;

}  // namespace

ActivationKind activation_from_name(std::string_view name) {
  for (const auto& [kind, n] : kNames) {
    if (name == n) return kind;
  }
  std::string valid;
  for (const auto& [kind, n] : kNames) valid += (valid.empty() ? "" : ", ") + std::string(n);
  throw Error("activation.unknown",
              "unknown activation '" + std::string(name) + "'; valid names: " + valid);
}

std::string activation_name(ActivationKind kind) {
  for (const auto& [k, n] : kNames) {
    if (k == kind) return n;
  }
  throw Error("activation.unknown", "unknown ActivationKind value");
}

ActivationSample sample_activation(ActivationKind kind, double from, double to, int points,
                                   double slope) {
  // to − from must be finite too: from = −1e308, to = 1e308 would give a step of inf.
  require(std::isfinite(from) && std::isfinite(to) && std::isfinite(to - from) && from < to,
          "activation.bad_range",
          "sample range must be finite with from < to, got [" + std::to_string(from) + ", " +
              std::to_string(to) + "]");
  require(points >= 2 && points <= kMaxPoints, "activation.bad_range",
          "points must be in [2, " + std::to_string(kMaxPoints) + "], got " + std::to_string(points));
  require(std::isfinite(slope), "activation.bad_slope", "leaky_relu slope must be finite");

  ActivationSample s;
  s.x.resize(points);
  s.y.resize(points);
  s.dy.resize(points);
  const double width = to - from;
  for (int i = 0; i < points; ++i) {
    // from + width·i/(n−1) rather than repeatedly adding a step: no drift, and the
    // last point is exactly `to`.
    const double x = (i == points - 1) ? to : from + width * i / (points - 1);
    s.x[i] = x;
    s.y[i] = activate(kind, x, slope);
    s.dy[i] = derivative(kind, x, slope);
  }
  return s;
}

}  // namespace scratchnet
