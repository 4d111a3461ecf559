// array_dataset.hpp — a labelled Dataset from plain arrays of numbers.
//
// The IDX reader (idx.hpp) makes MNIST-like sets from uint8 image files; a
// page that made its own points (clicks on a plane, a slider-drawn curve) or a
// tutorial that builds a toy set in a loop has float features of any width
// instead. The book's code works the same way: x_train is any (N, D) array
// and t_train its labels (1권 4.5 TwoLayerNet takes whatever x it is given).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "dataset.hpp"

namespace scratchnet {

struct ArrayShape {
  int features = 0;           // columns per row; or 0 with height × width below
  int height = 0, width = 0;  // an image shape (features = height·width)
};

// `n` floats at `x` as rows of shape.features (or height·width) numbers, and
// one label per row. classes ≤ 0 means "largest label + 1".
// Errors: dataset.bad_shape (no width, or n not a whole number of rows, or both
// features and height × width given and different), input.empty (no rows),
// shape.mismatch (labels ≠ rows), label.out_of_range (a label < 0 or ≥ classes),
// dataset.bad_classes (classes above 100000), input.not_finite, size.too_large.
Dataset make_array_dataset(const float* x, std::size_t n, const std::int32_t* labels, std::size_t label_count,
                           ArrayShape shape, int classes, const std::string& name);

}  // namespace scratchnet
