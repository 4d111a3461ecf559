// dataset.hpp — a labelled set of samples, one row per sample.
//
// x holds features as float (pixels scaled to [0, 1] like the book's
// `normalize=True`), labels hold the class index of each row. Regression
// sets (the seed's XOR with MSE) use `targets` instead of labels.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../core/matrix.hpp"

namespace scratchnet {

struct Dataset {
  std::string name;
  Matrix<float> x;                  // (N, features)
  std::vector<std::int32_t> labels;  // N class indices, or empty for regression
  Matrix<float> targets;            // (N, outputs) for regression, else empty
  int classes = 0;                  // number of classes (10 for MNIST)
  int height = 0, width = 0;        // image shape, 0 when the samples are not images

  Index size() const { return x.rows(); }
  Index features() const { return x.cols(); }
};

// A dataset split into the part we learn from and the part we judge on.
struct TrainTest {
  Dataset train;
  Dataset test;
};

}  // namespace scratchnet
