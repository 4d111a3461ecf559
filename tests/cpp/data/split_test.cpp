// Tests for cpp/data/split.*: a seeded train/test split (밑바닥 1권 6.5.1).
#include "data/split.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <vector>

#include "../error_of.hpp"
#include "data/toy_datasets.hpp"

using scratchnet::Dataset;
using scratchnet::split_dataset;
using scratchnet::toy_dataset;
using scratchnet::TrainTest;
using scratchnet::testing::error_of;

TEST(Split, SizesFollowTheRatio) {
  const Dataset d = toy_dataset("circle", 500, 0.1, 1);
  const TrainTest s = split_dataset(d, 0.5, 3);
  EXPECT_EQ(s.train.size(), 250);
  EXPECT_EQ(s.test.size(), 250);
  const TrainTest t = split_dataset(d, 0.2, 3);
  EXPECT_EQ(t.train.size(), 400);
  EXPECT_EQ(t.test.size(), 100);
  EXPECT_EQ(t.test.labels.size(), 100u);
  EXPECT_EQ(t.train.classes, 2);
  EXPECT_EQ(t.train.name, "circle");
  // round(7 · 0.3) = 2 test rows
  EXPECT_EQ(split_dataset(toy_dataset("circle", 7, 0, 1), 0.3, 1).test.size(), 2);
}

TEST(Split, EveryRowLandsInExactlyOnePartWithItsLabel) {
  const Dataset d = toy_dataset("xor", 200, 0.0, 2);
  const TrainTest s = split_dataset(d, 0.25, 9);
  // collect (x1, x2, label) of both parts; it must be d's rows, permuted
  auto rows = [](const Dataset& a) {
    std::vector<std::tuple<float, float, int>> r;
    for (Eigen::Index i = 0; i < a.size(); ++i) r.emplace_back(a.x(i, 0), a.x(i, 1), a.labels[std::size_t(i)]);
    return r;
  };
  auto all = rows(s.train), test = rows(s.test), want = rows(d);
  all.insert(all.end(), test.begin(), test.end());
  std::sort(all.begin(), all.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(all, want);
}

TEST(Split, SeededAndKeepsTargets) {
  const Dataset d = toy_dataset("reg-plane", 100, 0.0, 2);
  const TrainTest a = split_dataset(d, 0.3, 5), b = split_dataset(d, 0.3, 5), c = split_dataset(d, 0.3, 6);
  EXPECT_EQ(a.test.x, b.test.x);
  EXPECT_NE(a.test.x, c.test.x);
  ASSERT_EQ(a.test.targets.rows(), 30);
  for (Eigen::Index r = 0; r < 30; ++r)  // each target still belongs to its point
    EXPECT_NEAR(a.test.targets(r, 0), (a.test.x(r, 0) + a.test.x(r, 1)) / 10, 1e-6);
}

TEST(Split, RejectsRatiosThatLeaveAPartEmpty) {
  const Dataset d = toy_dataset("circle", 10, 0.0, 1);
  for (double r : {0.0, 1.0, -0.5, 0.01, 0.99})
    EXPECT_EQ(error_of([&] { split_dataset(d, r, 1); }), "dataset.bad_split") << r;
}
