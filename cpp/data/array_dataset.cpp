// array_dataset.cpp — see array_dataset.hpp.
#include "array_dataset.hpp"

#include <algorithm>
#include <cstring>

#include "../core/error.hpp"
#include "../kernels/finite.hpp"

namespace scratchnet {

namespace {
constexpr int kMaxClasses = 100000;  // the widest output layer a network may have
}

Dataset make_array_dataset(const float* x, std::size_t n, const std::int32_t* labels, std::size_t label_count,
                           ArrayShape shape, int classes, const std::string& name) {
  const bool image = shape.height > 0 || shape.width > 0;
  require(!image || (shape.height > 0 && shape.width > 0), "dataset.bad_shape",
          "an image shape needs both height and width ≥ 1, got " + std::to_string(shape.height) + "×" +
              std::to_string(shape.width));
  const std::int64_t image_features = std::int64_t{shape.height} * shape.width;
  require(!image || shape.features == 0 || shape.features == image_features, "dataset.bad_shape",
          "features " + std::to_string(shape.features) + " ≠ height × width = " + std::to_string(image_features));
  const std::int64_t features = image ? image_features : shape.features;
  require(features >= 1 && features <= INT32_MAX, "dataset.bad_shape",
          "give the row width as features ≥ 1 or as height and width");
  require(n % static_cast<std::uint64_t>(features) == 0, "dataset.bad_shape",
          std::to_string(n) + " numbers are not a whole number of rows of " + std::to_string(features));
  const std::size_t rows = n / static_cast<std::size_t>(features);
  require(rows > 0, "input.empty", "the data set has no rows");
  require(label_count == rows, "shape.mismatch",
          std::to_string(label_count) + " labels for " + std::to_string(rows) + " rows");
  require(classes <= kMaxClasses, "dataset.bad_classes",
          "classes must be at most " + std::to_string(kMaxClasses) + ", got " + std::to_string(classes));
  require_allocation(n, sizeof(float), "the data set");

  Dataset d;
  d.name = name;
  d.x.resize(static_cast<Index>(rows), static_cast<Index>(features));
  std::memcpy(d.x.data(), x, n * sizeof(float));
  require(all_finite(d.x), "input.not_finite", "the features contain NaN or infinity");
  d.labels.assign(labels, labels + label_count);
  const std::int32_t largest = *std::max_element(d.labels.begin(), d.labels.end());
  d.classes = classes > 0 ? classes : largest + 1;
  for (std::size_t i = 0; i < rows; ++i) {
    require(d.labels[i] >= 0 && d.labels[i] < d.classes, "label.out_of_range",
            "label " + std::to_string(d.labels[i]) + " at row " + std::to_string(i) + " is outside 0.." +
                std::to_string(d.classes - 1));
  }
  d.height = image ? shape.height : 0;
  d.width = image ? shape.width : 0;
  return d;
}

}  // namespace scratchnet
