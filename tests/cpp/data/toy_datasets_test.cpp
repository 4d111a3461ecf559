// Tests for cpp/data/toy_datasets.*: the spiral of 밑바닥 2권 1.4.1 and the
// logic-gate truth tables.
#include "data/toy_datasets.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "../error_of.hpp"

using scratchnet::Dataset;
using scratchnet::Error;
using scratchnet::gate_dataset;
using scratchnet::spiral;
using scratchnet::xor_dataset;

TEST(Spiral, ShapeAndBalancedLabelsLikeTheBook) {
  const Dataset d = spiral();  // N = 100, 3 classes, seed 1984
  EXPECT_EQ(d.name, "spiral");
  EXPECT_EQ(d.x.rows(), 300);  // the book prints x (300, 2)
  EXPECT_EQ(d.x.cols(), 2);
  EXPECT_EQ(d.classes, 3);
  EXPECT_EQ(d.targets.size(), 0);
  ASSERT_EQ(d.labels.size(), 300u);
  std::vector<int> count(3, 0);
  for (auto label : d.labels) {
    ASSERT_GE(label, 0);
    ASSERT_LT(label, 3);
    ++count[std::size_t(label)];
  }
  EXPECT_EQ(count, (std::vector<int>{100, 100, 100}));
  // Rows are grouped by class like the book: ix = N*j + i.
  EXPECT_EQ(d.labels[0], 0);
  EXPECT_EQ(d.labels[100], 1);
  EXPECT_EQ(d.labels[299], 2);
}

TEST(Spiral, RadiusGrowsFromTheCentreToAboutOne) {
  const Dataset d = spiral(100, 3);
  for (int j = 0; j < 3; ++j) {
    // Point 0 has rate 0: the centre. The last point has radius 99/100.
    EXPECT_EQ(d.x.row(100 * j).norm(), 0.0f);
    EXPECT_NEAR(d.x.row(100 * j + 99).norm(), 0.99, 1e-6) << "class " << j;
    // radius = i / N for every point, whatever the angle noise.
    for (int i = 0; i < 100; ++i)
      ASSERT_NEAR(d.x.row(100 * j + i).norm(), i / 100.0, 1e-6);
  }
  // Everything lies in the unit disc.
  EXPECT_LE(d.x.rowwise().norm().maxCoeff(), 1.0f);
}

TEST(Spiral, DeterministicPerSeed) {
  const Dataset a = spiral(50, 4, 7), b = spiral(50, 4, 7), c = spiral(50, 4, 8);
  EXPECT_EQ(a.x, b.x);  // bit for bit
  EXPECT_EQ(a.labels, b.labels);
  EXPECT_NE(a.x, c.x);
  EXPECT_EQ(a.labels, c.labels);  // only the angle noise depends on the seed
  EXPECT_EQ(a.x.rows(), 200);
}

TEST(Spiral, RejectsBadSizes) {
  for (auto [n, k] : std::vector<std::pair<int, int>>{{0, 3}, {100001, 3}, {100, 1}, {100, 11}, {-5, 3}}) {
    try {
      spiral(n, k);
      FAIL() << n << " " << k;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "spiral.bad_size");
    }
  }
  EXPECT_EQ(spiral(1, 2).x.rows(), 2);
  EXPECT_EQ(spiral(1, 10).x.rows(), 10);
}

TEST(Gates, XorHasLabelsAndTargets) {
  const Dataset d = xor_dataset();
  ASSERT_EQ(d.x.rows(), 4);
  ASSERT_EQ(d.x.cols(), 2);
  ASSERT_EQ(d.targets.rows(), 4);
  ASSERT_EQ(d.targets.cols(), 1);
  EXPECT_EQ(d.labels, (std::vector<std::int32_t>{0, 1, 1, 0}));
  EXPECT_EQ(d.classes, 2);
  for (int k = 0; k < 4; ++k) {
    const bool a = d.x(k, 0) == 1.0f, b = d.x(k, 1) == 1.0f;
    EXPECT_EQ(d.targets(k, 0), (a != b) ? 1.0f : 0.0f);
    EXPECT_EQ(d.targets(k, 0), float(d.labels[std::size_t(k)]));
  }
}

TEST(Gates, TruthTables) {
  const auto labels = [](const std::string& g) { return gate_dataset(g).labels; };
  using V = std::vector<std::int32_t>;
  EXPECT_EQ(labels("and"), (V{0, 0, 0, 1}));
  EXPECT_EQ(labels("nand"), (V{1, 1, 1, 0}));
  EXPECT_EQ(labels("or"), (V{0, 1, 1, 1}));
  EXPECT_EQ(labels("XOR"), (V{0, 1, 1, 0}));
  EXPECT_EQ(gate_dataset("Nand").name, "nand");
  try {
    gate_dataset("nor");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "gate.unknown");
  }
}

// ---- the playground's 2-D sets (toy_dataset) -------------------------------------
using scratchnet::toy_dataset;
using scratchnet::toy_dataset_names;

namespace {

std::vector<int> class_counts(const Dataset& d) {
  std::vector<int> count(std::size_t(d.classes), 0);
  for (auto label : d.labels) ++count[std::size_t(label)];
  return count;
}

double radius(const Dataset& d, Eigen::Index r) { return std::hypot(double(d.x(r, 0)), double(d.x(r, 1))); }

}  // namespace

TEST(ToyDataset, SameSeedSamePointsBitForBitOtherSeedOthers) {
  for (const auto& name : toy_dataset_names()) {
    const Dataset a = toy_dataset(name, 200, 0.2, 7), b = toy_dataset(name, 200, 0.2, 7);
    const Dataset c = toy_dataset(name, 200, 0.2, 8);
    EXPECT_EQ(a.x, b.x) << name;
    EXPECT_EQ(a.labels, b.labels) << name;
    EXPECT_EQ(a.targets, b.targets) << name;
    EXPECT_NE(a.x, c.x) << name;
    EXPECT_EQ(a.name, name);
    EXPECT_EQ(a.x.cols(), 2);
    EXPECT_LE(a.x.cwiseAbs().maxCoeff(), 12.0f) << name;  // near the [−6, 6]² plane
  }
}

// The exact row 0 of toy_dataset(name, 50, 0.1, 42) for every set, also
// asserted by tests/node/lib/playground.test.mjs: the wasm build (libc++,
// musl's sin/cos/exp/log) must draw the same floats as this one.
TEST(ToyDataset, FirstPointsAreTheOnesTheBrowserDraws) {
  struct Row {
    const char* name;
    float x1, x2, target;
  };
  const Row rows[] = {
      {"circle", 0x1.c5472ap-1f, -0x1.e42068p+0f, 0},     // 0.885308564 -1.89111948
      {"gauss", 0x1.4bd422p+0f, 0x1.32f1c2p+1f, 0},       // 1.29620564 2.39800286
      {"xor", 0x1.e9e986p+1f, 0x1.03fc82p+1f, 0},         // 3.82743907 2.03114343
      {"spiral", 0x1.ac897ap-5f, -0x1.0c6966p-6f, 0},     // 0.0523116477 -0.0163825508
      {"spiral3", 0x1.6aac06p-4f, 0x1.100e76p-4f, 0},     // 0.0885429606 0.066420041
      {"reg-plane", 0x1.91c0e2p+1f, -0x1.f745ap-1f, 0x1.734542p-3f},  // 3.13869882 -0.982953072 0.181284443
      {"reg-gauss", 0x1.91c0e2p+1f, -0x1.f745ap-1f, 0x1.1d10bcp-4f},  // (same point) 0.0695960373
  };
  for (const Row& r : rows) {
    const Dataset d = toy_dataset(r.name, 50, 0.1, 42);
    EXPECT_EQ(d.x(0, 0), r.x1) << r.name << std::hexfloat << " " << d.x(0, 0);
    EXPECT_EQ(d.x(0, 1), r.x2) << r.name << std::hexfloat << " " << d.x(0, 1);
    if (d.targets.size() > 0) EXPECT_EQ(d.targets(0, 0), r.target) << r.name;
  }
}

TEST(ToyDataset, ClassificationLabelsAreBalanced) {
  for (const auto* name : {"circle", "gauss", "xor", "spiral"}) {
    const Dataset d = toy_dataset(name, 500, 0.3, 3);
    EXPECT_EQ(d.classes, 2);
    EXPECT_EQ(class_counts(d), (std::vector<int>{250, 250})) << name;
    EXPECT_EQ(d.targets.size(), 0);
  }
  const Dataset s = toy_dataset("spiral3", 300, 0.0, 3);
  EXPECT_EQ(class_counts(s), (std::vector<int>{100, 100, 100}));
  // odd: the first class takes the odd point
  EXPECT_EQ(class_counts(toy_dataset("circle", 7, 0.0, 3)), (std::vector<int>{4, 3}));
}

TEST(ToyDataset, CircleWithoutNoiseIsADiscInsideARing) {
  const Dataset d = toy_dataset("circle", 1000, 0.0, 11);
  for (Eigen::Index r = 0; r < d.size(); ++r) {
    if (d.labels[std::size_t(r)] == 0) {
      ASSERT_LT(radius(d, r), 2.5 + 1e-6) << r;
    } else {
      ASSERT_GE(radius(d, r), 3.5 - 1e-6) << r;
      ASSERT_LT(radius(d, r), 5.0 + 1e-6) << r;
    }
  }
  // With noise the same seed gives the same base points, moved by at most noise·5 per coordinate.
  const Dataset n = toy_dataset("circle", 1000, 0.1, 11);
  EXPECT_LE((n.x - d.x).cwiseAbs().maxCoeff(), 0.5f + 1e-5f);
  EXPECT_GT((n.x - d.x).cwiseAbs().maxCoeff(), 0.4f);
  EXPECT_EQ(n.labels, d.labels);
}

TEST(ToyDataset, XorWithoutNoiseHasClassOneWhereTheSignsDiffer) {
  const Dataset d = toy_dataset("xor", 400, 0.0, 5);
  std::vector<int> quadrant(4, 0);
  for (Eigen::Index r = 0; r < d.size(); ++r) {
    const float a = d.x(r, 0), b = d.x(r, 1);
    ASSERT_GE(std::abs(a), 0.3f - 1e-6f);  // the gap at the axes
    ASSERT_GE(std::abs(b), 0.3f - 1e-6f);
    ASSERT_LE(std::abs(a), 5.0f);
    ASSERT_EQ(d.labels[std::size_t(r)], a * b < 0 ? 1 : 0) << r;
    ++quadrant[std::size_t((a > 0 ? 0 : 1) + (b > 0 ? 0 : 2))];
  }
  EXPECT_EQ(quadrant, (std::vector<int>{100, 100, 100, 100}));
}

TEST(ToyDataset, GaussCloudsSitAroundTheirCentresAndWidenWithNoise) {
  const auto spread = [](const Dataset& d, int k, double& mean1) {
    double s1 = 0, s2 = 0;
    int m = 0;
    for (Eigen::Index r = 0; r < d.size(); ++r)
      if (d.labels[std::size_t(r)] == k) s1 += d.x(r, 0), s2 += double(d.x(r, 0)) * d.x(r, 0), ++m;
    mean1 = s1 / m;
    return std::sqrt(s2 / m - mean1 * mean1);
  };
  double mean0 = 0, mean1 = 0;
  const Dataset d = toy_dataset("gauss", 4000, 0.0, 9);
  EXPECT_NEAR(spread(d, 0, mean0), std::sqrt(0.5), 0.05);  // σ² = 0.5 at noise 0
  EXPECT_NEAR(mean0, 2.0, 0.05);
  spread(d, 1, mean1);
  EXPECT_NEAR(mean1, -2.0, 0.05);
  const Dataset w = toy_dataset("gauss", 4000, 0.5, 9);
  EXPECT_NEAR(spread(w, 0, mean0), 2.0, 0.1);  // σ² = 0.5 + 7·0.5 = 4
}

TEST(ToyDataset, SpiralWithoutNoiseLiesOnItsArms) {
  const Dataset d = toy_dataset("spiral", 200, 0.0, 1);
  const double pi = 3.141592653589793;
  for (int k = 0; k < 2; ++k) {
    for (int i = 0; i < 100; ++i) {
      const Eigen::Index r = 100 * k + i;
      const double rate = i / 100.0, t = 1.75 * 2 * pi * rate + k * pi;
      ASSERT_NEAR(d.x(r, 0), 5 * rate * std::sin(t), 1e-5);
      ASSERT_NEAR(d.x(r, 1), 5 * rate * std::cos(t), 1e-5);
      ASSERT_EQ(d.labels[std::size_t(r)], k);
    }
  }
  // the book's three arms, scaled by 5
  const Dataset s = toy_dataset("spiral3", 300, 0.0, 1984);
  EXPECT_EQ(s.x, (spiral(100, 3, 1984).x * 5.0f).eval());
}

TEST(ToyDataset, RegressionTargetsAreTheirFunctionWithoutNoise) {
  const Dataset p = toy_dataset("reg-plane", 300, 0.0, 2);
  const Dataset g = toy_dataset("reg-gauss", 300, 0.0, 2);
  EXPECT_TRUE(p.labels.empty());
  ASSERT_EQ(p.targets.rows(), 300);
  ASSERT_EQ(p.targets.cols(), 1);
  for (Eigen::Index r = 0; r < 300; ++r) {
    const double a = p.x(r, 0), b = p.x(r, 1);
    ASSERT_LE(std::abs(a), 6.0);
    ASSERT_NEAR(p.targets(r, 0), (a + b) / 10, 1e-6);
    const double c = g.x(r, 0), e = g.x(r, 1);
    const double want = std::exp(-((c - 2) * (c - 2) + (e - 2) * (e - 2)) / 4.5) -
                        std::exp(-((c + 2) * (c + 2) + (e + 2) * (e + 2)) / 4.5);
    ASSERT_NEAR(g.targets(r, 0), want, 1e-6);
  }
  // noise moves where the target is measured, not the point
  const Dataset q = toy_dataset("reg-plane", 300, 0.2, 2);
  EXPECT_EQ(q.x, p.x);
  EXPECT_NE(q.targets, p.targets);
}

TEST(ToyDataset, RejectsBadArguments) {
  using scratchnet::testing::error_of;
  EXPECT_EQ(error_of([] { toy_dataset("moons", 100); }), "toy.unknown");
  EXPECT_EQ(error_of([] { toy_dataset("circle", 3); }), "toy.bad_size");
  EXPECT_EQ(error_of([] { toy_dataset("circle", 100001); }), "toy.bad_size");
  EXPECT_EQ(error_of([] { toy_dataset("circle", 100, -0.1); }), "toy.bad_noise");
  EXPECT_EQ(error_of([] { toy_dataset("circle", 100, 1.5); }), "toy.bad_noise");
  EXPECT_EQ(error_of([] { toy_dataset("circle", 100, std::nan("")); }), "toy.bad_noise");
}
