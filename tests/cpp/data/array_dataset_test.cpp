// data/array_dataset: a Dataset from float features and int labels (issue 9 item 7).
#include "data/array_dataset.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "../error_of.hpp"

using scratchnet::ArrayShape;
using scratchnet::make_array_dataset;
using scratchnet::testing::error_of;

TEST(ArrayDataset, RowsOfAnyWidthAndClassesFromTheLabels) {
  const std::vector<float> x = {0.5f, -1.0f, 2.0f, 0.25f, 3.5f, -0.75f};
  const std::vector<std::int32_t> labels = {1, 3};
  const auto d = make_array_dataset(x.data(), x.size(), labels.data(), labels.size(), {3, 0, 0}, 0, "clicks");
  EXPECT_EQ(d.size(), 2);
  EXPECT_EQ(d.features(), 3);
  EXPECT_EQ(d.classes, 4);  // largest label + 1
  EXPECT_EQ(d.x(1, 1), 3.5f);
  EXPECT_EQ(d.height, 0);
  const auto img = make_array_dataset(x.data(), x.size(), labels.data(), labels.size(), {0, 1, 3}, 10, "img");
  EXPECT_EQ(img.height, 1);
  EXPECT_EQ(img.width, 3);
  EXPECT_EQ(img.classes, 10);
}

TEST(ArrayDataset, BadInputIsRefusedWithItsCode) {
  const std::vector<float> x = {0.5f, -1.0f, 2.0f, 0.25f};
  std::vector<float> nan = x;
  nan[2] = std::numeric_limits<float>::quiet_NaN();
  const std::vector<std::int32_t> two = {0, 1}, one = {0}, negative = {0, -1};
  const auto code = [](const std::vector<float>& v, const std::vector<std::int32_t>& l, ArrayShape s, int classes) {
    return error_of([&] { make_array_dataset(v.data(), v.size(), l.data(), l.size(), s, classes, "t"); });
  };
  EXPECT_EQ(code(x, two, {3, 0, 0}, 0), "dataset.bad_shape");  // 4 numbers are not rows of 3
  EXPECT_EQ(code(x, two, {0, 0, 0}, 0), "dataset.bad_shape");
  EXPECT_EQ(code(x, two, {3, 1, 2}, 0), "dataset.bad_shape");  // features ≠ height × width
  EXPECT_EQ(code(x, one, {2, 0, 0}, 0), "shape.mismatch");
  EXPECT_EQ(code(x, negative, {2, 0, 0}, 0), "label.out_of_range");
  EXPECT_EQ(code(x, two, {2, 0, 0}, 1), "label.out_of_range");
  EXPECT_EQ(code(nan, two, {2, 0, 0}, 0), "input.not_finite");
  EXPECT_EQ(code({}, {}, {2, 0, 0}, 0), "input.empty");
}
