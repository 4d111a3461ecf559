// toy_datasets.cpp — see toy_datasets.hpp.
#include "toy_datasets.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "../core/error.hpp"
#include "../core/rng.hpp"

namespace scratchnet {

Dataset spiral(int points_per_class, int classes, std::uint64_t seed) {
  require(points_per_class >= 1 && points_per_class <= 100000, "spiral.bad_size",
          "spiral: points per class must be in 1..100000, got " +
              std::to_string(points_per_class));
  require(classes >= 2 && classes <= 10, "spiral.bad_size",
          "spiral: classes must be in 2..10, got " + std::to_string(classes));

  const int n = points_per_class;
  Dataset d;
  d.name = "spiral";
  d.classes = classes;
  d.x.resize(Index(n) * classes, 2);
  d.labels.resize(std::size_t(n) * classes);

  // np.random.seed(seed) — one generator, drawn in the book's loop order.
  Rng rng(seed);
  for (int j = 0; j < classes; ++j) {
    for (int i = 0; i < n; ++i) {
      // rate = i / N; radius = 1.0 * rate
      const double rate = double(i) / n;
      const double radius = 1.0 * rate;
      // theta = j*4.0 + 4.0*rate + np.random.randn()*0.2
      const double theta = j * 4.0 + 4.0 * rate + rng.normal() * 0.2;
      const Index ix = Index(n) * j + i;
      // x[ix] = (radius*sin(theta), radius*cos(theta)); the book stores
      // one-hot t[ix, j] = 1, we store the class index (one_hot() makes t).
      d.x(ix, 0) = static_cast<float>(radius * std::sin(theta));
      d.x(ix, 1) = static_cast<float>(radius * std::cos(theta));
      d.labels[std::size_t(ix)] = j;
    }
  }
  return d;
}

namespace {

// The four corners of the unit square, in truth-table order, with `out[k]`
// as the gate's answer for row k.
Dataset truth_table(const std::string& name, const int (&out)[4]) {
  Dataset d;
  d.name = name;
  d.classes = 2;
  d.x.resize(4, 2);
  d.x << 0, 0,
         0, 1,
         1, 0,
         1, 1;
  d.targets.resize(4, 1);
  d.labels.resize(4);
  for (int k = 0; k < 4; ++k) {
    d.labels[std::size_t(k)] = out[k];
    d.targets(k, 0) = static_cast<float>(out[k]);
  }
  return d;
}

}  // namespace

Dataset xor_dataset() {
  static const int kXor[4] = {0, 1, 1, 0};
  return truth_table("xor", kXor);
}

Dataset gate_dataset(const std::string& gate) {
  std::string key = gate;
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // 밑바닥 1권 2.3: AND, NAND and OR are one perceptron each; XOR needs two
  // layers (2.5: XOR = AND(NAND, OR)).
  static const int kAnd[4] = {0, 0, 0, 1};
  static const int kNand[4] = {1, 1, 1, 0};
  static const int kOr[4] = {0, 1, 1, 1};
  if (key == "and") return truth_table("and", kAnd);
  if (key == "nand") return truth_table("nand", kNand);
  if (key == "or") return truth_table("or", kOr);
  if (key == "xor") return xor_dataset();
  throw Error("gate.unknown", "unknown gate '" + gate + "' (expected and, nand, or or xor)");
}

// ---- the playground's 2-D sets (formulas in toy_datasets.hpp) ---------------------

namespace {

constexpr double kTwoPi = 6.283185307179586;

struct Point {
  double x1, x2;
};

// A classification set of `classes` classes, `sizes[k]` rows of class k in a
// row, each point made by gen(k, i, m) (i-th of m points of class k).
template <class Gen>
Dataset classes_of(const std::string& name, const std::vector<int>& sizes, Gen gen) {
  Dataset d;
  d.name = name;
  d.classes = static_cast<int>(sizes.size());
  int total = 0;
  for (int m : sizes) total += m;
  d.x.resize(total, 2);
  d.labels.resize(std::size_t(total));
  Index row = 0;
  for (int k = 0; k < d.classes; ++k) {
    for (int i = 0; i < sizes[std::size_t(k)]; ++i, ++row) {
      const Point p = gen(k, i, sizes[std::size_t(k)]);
      d.x(row, 0) = static_cast<float>(p.x1);
      d.x(row, 1) = static_cast<float>(p.x2);
      d.labels[std::size_t(row)] = k;
    }
  }
  return d;
}

// Two classes: the first gets the odd point out.
std::vector<int> halves(int n) { return {n - n / 2, n / 2}; }

// p + noise·U(−a, a) per coordinate. The offsets are drawn even when noise is
// 0, so the same seed gives the same base points at every noise level: moving
// the noise slider moves the points smoothly instead of drawing a new set.
Point jitter(Point p, double noise, double a, Rng& rng) {
  const double e1 = rng.uniform(-a, a), e2 = rng.uniform(-a, a);
  return {p.x1 + noise * e1, p.x2 + noise * e2};
}

Dataset circle(int n, double noise, Rng& rng) {
  return classes_of("circle", halves(n), [&](int k, int, int) {
    // class 0 fills the disc r < 2.5, class 1 the ring 3.5 ≤ r < 5: a gap of 1
    const double r = k == 0 ? rng.uniform(0.0, 2.5) : rng.uniform(3.5, 5.0);
    const double theta = rng.uniform(0.0, kTwoPi);
    return jitter({r * std::sin(theta), r * std::cos(theta)}, noise, 5.0, rng);
  });
}

Dataset gauss(int n, double noise, Rng& rng) {
  // the clouds widen with the noise: σ² from 0.5 (noise 0) to 7.5 (noise 1)
  const double sigma = std::sqrt(0.5 + 7.0 * noise);
  return classes_of("gauss", halves(n), [&](int k, int, int) {
    const double c = k == 0 ? 2.0 : -2.0;
    const double z1 = rng.normal(), z2 = rng.normal();
    return Point{c + sigma * z1, c + sigma * z2};
  });
}

Dataset xor_cloud(int n, double noise, Rng& rng) {
  return classes_of("xor", halves(n), [&](int k, int i, int) {
    // class 0: signs equal (quadrants I, III); class 1: signs differ (II, IV)
    const double a1 = rng.uniform(0.3, 5.0), a2 = rng.uniform(0.3, 5.0);
    const double s1 = (i % 2 == 0) ? 1.0 : -1.0;      // alternate the two quadrants
    const double s2 = k == 0 ? s1 : -s1;              // XOR(x1 > 0, x2 > 0) = k
    return jitter({s1 * a1, s2 * a2}, noise, 5.0, rng);
  });
}

Dataset spiral2(int n, double noise, Rng& rng) {
  return classes_of("spiral", halves(n), [&](int k, int i, int m) {
    const double rate = double(i) / m;
    const double r = 5.0 * rate;
    // 1.75 turns; the second arm is the first turned by π
    const double t = 1.75 * kTwoPi * rate + k * (kTwoPi / 2);
    return jitter({r * std::sin(t), r * std::cos(t)}, noise, 1.0, rng);
  });
}

Dataset book_spiral(int n, double noise, std::uint64_t seed, Rng& rng) {
  Dataset d = spiral(std::max(1, n / 3), 3, seed);
  d.name = "spiral3";
  for (Index r = 0; r < d.x.rows(); ++r) {
    const Point p = jitter({5.0 * d.x(r, 0), 5.0 * d.x(r, 1)}, noise, 1.0, rng);
    d.x(r, 0) = static_cast<float>(p.x1);
    d.x(r, 1) = static_cast<float>(p.x2);
  }
  return d;
}

template <class F>
Dataset regression(const std::string& name, int n, double noise, Rng& rng, F f) {
  Dataset d;
  d.name = name;
  d.x.resize(n, 2);
  d.targets.resize(n, 1);
  for (Index r = 0; r < n; ++r) {
    const Point p{rng.uniform(-kToyExtent, kToyExtent), rng.uniform(-kToyExtent, kToyExtent)};
    // the target is measured at a slightly wrong place: f(p + e)
    const Point q = jitter(p, noise, kToyExtent, rng);
    d.x(r, 0) = static_cast<float>(p.x1);
    d.x(r, 1) = static_cast<float>(p.x2);
    d.targets(r, 0) = static_cast<float>(f(q));
  }
  return d;
}

double plane(Point q) { return (q.x1 + q.x2) / 10.0; }

double two_bumps(Point q) {
  // exp(−d²/(2σ²)) with σ = 1.5: 2σ² = 4.5
  const auto bump = [&](double c1, double c2) {
    const double d1 = q.x1 - c1, d2 = q.x2 - c2;
    return std::exp(-(d1 * d1 + d2 * d2) / 4.5);
  };
  return bump(2.0, 2.0) - bump(-2.0, -2.0);
}

}  // namespace

const std::vector<std::string>& toy_dataset_names() {
  static const std::vector<std::string> names = {"circle", "gauss", "xor", "spiral", "spiral3",
                                                 "reg-plane", "reg-gauss"};
  return names;
}

Dataset toy_dataset(const std::string& name, int points, double noise, std::uint64_t seed) {
  require(points >= 4 && points <= 100000, "toy.bad_size",
          "toy data set: points must be in 4..100000, got " + std::to_string(points));
  require(std::isfinite(noise) && noise >= 0.0 && noise <= 1.0, "toy.bad_noise",
          "toy data set: noise must be in [0, 1], got " + std::to_string(noise));
  Rng rng(seed);
  if (name == "circle") return circle(points, noise, rng);
  if (name == "gauss") return gauss(points, noise, rng);
  if (name == "xor") return xor_cloud(points, noise, rng);
  if (name == "spiral") return spiral2(points, noise, rng);
  // the book's angle noise comes from Rng(seed); the jitter from another stream
  if (name == "spiral3") {
    Rng jitter_rng(seed ^ 0xA5A5A5A5A5A5A5A5ull);
    return book_spiral(points, noise, seed, jitter_rng);
  }
  if (name == "reg-plane") return regression("reg-plane", points, noise, rng, plane);
  if (name == "reg-gauss") return regression("reg-gauss", points, noise, rng, two_bumps);
  throw Error("toy.unknown", "unknown toy data set '" + name +
                                 "' (known: circle, gauss, xor, spiral, spiral3, reg-plane, reg-gauss)");
}

}  // namespace scratchnet
