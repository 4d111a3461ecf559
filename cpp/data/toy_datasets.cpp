// toy_datasets.cpp — see toy_datasets.hpp.
#include "toy_datasets.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "../core/error.hpp"
#include "../core/rng.hpp"

namespace scratchnet {

Dataset spiral(int points_per_class, int classes, std::uint64_t seed) {
  require(points_per_class >= 1 && points_per_class <= 100000, "spiral.bad_size",
          "spiral: points per class must be in 1..100000, got " +
              std::to_string(points_per_class));
  require(classes >= 2 && classes <= 10, "spiral.bad_size",
          "spiral: classes must be in 2..10, got " + std::to_string(classes));

  const int n = points_per_class;
  Dataset d;
  d.name = "spiral";
  d.classes = classes;
  d.x.resize(Index(n) * classes, 2);
  d.labels.resize(std::size_t(n) * classes);

  // np.random.seed(seed) — one generator, drawn in the book's loop order.
  Rng rng(seed);
  for (int j = 0; j < classes; ++j) {
    for (int i = 0; i < n; ++i) {
      // rate = i / N; radius = 1.0 * rate
      const double rate = double(i) / n;
      const double radius = 1.0 * rate;
      // theta = j*4.0 + 4.0*rate + np.random.randn()*0.2
      const double theta = j * 4.0 + 4.0 * rate + rng.normal() * 0.2;
      const Index ix = Index(n) * j + i;
      // x[ix] = (radius*sin(theta), radius*cos(theta)); the book stores
      // one-hot t[ix, j] = 1, we store the class index (one_hot() makes t).
      d.x(ix, 0) = static_cast<float>(radius * std::sin(theta));
      d.x(ix, 1) = static_cast<float>(radius * std::cos(theta));
      d.labels[std::size_t(ix)] = j;
    }
  }
  return d;
}

namespace {

// The four corners of the unit square, in truth-table order, with `out[k]`
// as the gate's answer for row k.
Dataset truth_table(const std::string& name, const int (&out)[4]) {
  Dataset d;
  d.name = name;
  d.classes = 2;
  d.x.resize(4, 2);
  d.x << 0, 0,
         0, 1,
         1, 0,
         1, 1;
  d.targets.resize(4, 1);
  d.labels.resize(4);
  for (int k = 0; k < 4; ++k) {
    d.labels[std::size_t(k)] = out[k];
    d.targets(k, 0) = static_cast<float>(out[k]);
  }
  return d;
}

}  // namespace

Dataset xor_dataset() {
  static const int kXor[4] = {0, 1, 1, 0};
  return truth_table("xor", kXor);
}

Dataset gate_dataset(const std::string& gate) {
  std::string key = gate;
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // 밑바닥 1권 2.3: AND, NAND and OR are one perceptron each; XOR needs two
  // layers (2.5: XOR = AND(NAND, OR)).
  static const int kAnd[4] = {0, 0, 0, 1};
  static const int kNand[4] = {1, 1, 1, 0};
  static const int kOr[4] = {0, 1, 1, 1};
  if (key == "and") return truth_table("and", kAnd);
  if (key == "nand") return truth_table("nand", kNand);
  if (key == "or") return truth_table("or", kOr);
  if (key == "xor") return xor_dataset();
  throw Error("gate.unknown", "unknown gate '" + gate + "' (expected and, nand, or or xor)");
}

}  // namespace scratchnet
