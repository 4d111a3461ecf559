// Tests for cpp/data/features.*: TensorFlow Playground's input features.
#include "data/features.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "../error_of.hpp"

using scratchnet::feature_map;
using scratchnet::Matrix;
using scratchnet::testing::error_of;

TEST(FeatureMap, ValuesByHand) {
  Matrix<float> x(2, 2);
  x << 2, -3,
       0.5f, 1;
  const Matrix<float> f = feature_map(x, {"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"});
  ASSERT_EQ(f.rows(), 2);
  ASSERT_EQ(f.cols(), 7);
  // row (2, −3): 2, −3, 4, 9, −6, sin 2 = 0.909297, sin(−3) = −0.141120
  EXPECT_EQ(f(0, 0), 2.0f);
  EXPECT_EQ(f(0, 1), -3.0f);
  EXPECT_EQ(f(0, 2), 4.0f);
  EXPECT_EQ(f(0, 3), 9.0f);
  EXPECT_EQ(f(0, 4), -6.0f);
  EXPECT_NEAR(f(0, 5), 0.909297, 1e-6);
  EXPECT_NEAR(f(0, 6), -0.141120, 1e-6);
  // row (0.5, 1): 0.25, 1, 0.5, sin 0.5 = 0.479426, sin 1 = 0.841471
  EXPECT_EQ(f(1, 2), 0.25f);
  EXPECT_EQ(f(1, 3), 1.0f);
  EXPECT_EQ(f(1, 4), 0.5f);
  EXPECT_NEAR(f(1, 5), 0.479426, 1e-6);
  EXPECT_NEAR(f(1, 6), 0.841471, 1e-6);
}

TEST(FeatureMap, ColumnsInTheOrderAsked) {
  Matrix<float> x(1, 2);
  x << 3, 4;
  const Matrix<float> f = feature_map(x, {"x2sq", "x1", "x2sq"});
  EXPECT_EQ(f(0, 0), 16.0f);
  EXPECT_EQ(f(0, 1), 3.0f);
  EXPECT_EQ(f(0, 2), 16.0f);
}

TEST(FeatureMap, RejectsBadInput) {
  Matrix<float> x3 = Matrix<float>::Zero(2, 3), x2 = Matrix<float>::Zero(2, 2);
  EXPECT_EQ(error_of([&] { feature_map(x3, {"x1"}); }), "shape.mismatch");
  EXPECT_EQ(error_of([&] { feature_map(x2, {}); }), "feature.empty");
  EXPECT_EQ(error_of([&] { feature_map(x2, {"x1", "cosx1"}); }), "feature.unknown");
}

TEST(FeatureMap, DatasetKeepsLabels) {
  scratchnet::Dataset d;
  d.x.resize(1, 2);
  d.x << 1, 2;
  d.labels = {1};
  d.classes = 2;
  const auto e = scratchnet::with_features(d, {"x1x2"});
  EXPECT_EQ(e.x.cols(), 1);
  EXPECT_EQ(e.x(0, 0), 2.0f);
  EXPECT_EQ(e.labels, d.labels);
}
