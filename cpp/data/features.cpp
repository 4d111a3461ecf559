// features.cpp — see features.hpp.
#include "features.hpp"

#include <cmath>

#include "../core/error.hpp"

namespace scratchnet {

const std::vector<std::string>& feature_names() {
  static const std::vector<std::string> names = {"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"};
  return names;
}

namespace {

// One feature of the point (a, b).
float feature(int which, float a, float b) {
  switch (which) {
    case 0: return a;
    case 1: return b;
    case 2: return a * a;
    case 3: return b * b;
    case 4: return a * b;
    case 5: return std::sin(a);
    default: return std::sin(b);
  }
}

int feature_index(const std::string& name) {
  const auto& names = feature_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  throw Error("feature.unknown",
              "unknown input feature '" + name + "' (known: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2)");
}

}  // namespace

Matrix<float> feature_map(const Matrix<float>& x, const std::vector<std::string>& features) {
  require(x.cols() == 2, "shape.mismatch",
          "feature_map: the points need 2 columns (x1, x2), got " + shape_string(x));
  require(!features.empty(), "feature.empty", "feature_map: choose at least one input feature");
  std::vector<int> which;
  for (const auto& f : features) which.push_back(feature_index(f));
  require_allocation(std::uint64_t(x.rows()) * which.size(), sizeof(float), "the feature matrix");
  Matrix<float> out(x.rows(), Index(which.size()));
  for (Index r = 0; r < x.rows(); ++r)
    for (std::size_t j = 0; j < which.size(); ++j) out(r, Index(j)) = feature(which[j], x(r, 0), x(r, 1));
  return out;
}

Dataset with_features(const Dataset& d, const std::vector<std::string>& features) {
  Dataset out = d;
  out.x = feature_map(d.x, features);
  out.height = out.width = 0;
  return out;
}

}  // namespace scratchnet
