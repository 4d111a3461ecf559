// features.hpp — TensorFlow Playground's input features of a 2-D point.
//
// A network with no hidden layer draws a straight decision boundary in the
// space of its *inputs* (밑바닥 1권 2.4 "퍼셉트론의 한계": one line). Give it
// x1² and x2² as inputs and that straight line, w1·x1² + w2·x2² + b = 0, is a
// circle or an ellipse on the plane: the circle set (toy_datasets.hpp) is
// solved with no hidden layer. Choosing features by hand is what hidden
// layers learn to do by themselves.
//
//   "x1", "x2"        the coordinates themselves
//   "x1sq", "x2sq"    x1², x2²
//   "x1x2"            x1·x2 (the XOR set's sign product)
//   "sinx1", "sinx2"  sin x1, sin x2
#pragma once

#include <string>
#include <vector>

#include "../core/matrix.hpp"
#include "dataset.hpp"

namespace scratchnet {

// The names feature_map() knows, in TensorFlow Playground's order.
const std::vector<std::string>& feature_names();

// x (N, 2) → (N, k): column j is features[j] of each row (float math, so the
// browser and the native build agree). Errors: "shape.mismatch" unless x has 2
// columns, "feature.empty" for an empty list, "feature.unknown" for a name
// not listed above.
Matrix<float> feature_map(const Matrix<float>& x, const std::vector<std::string>& features);

// A copy of d whose x is feature_map(d.x, features); labels and targets kept.
Dataset with_features(const Dataset& d, const std::vector<std::string>& features);

}  // namespace scratchnet
