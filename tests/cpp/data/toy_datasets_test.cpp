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
