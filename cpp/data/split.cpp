// split.cpp — see split.hpp.
#include "split.hpp"

#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "../core/error.hpp"
#include "../core/rng.hpp"

namespace scratchnet {

namespace {

// The rows `idx[first, first + count)` of d, in that order.
Dataset take_rows(const Dataset& d, const std::vector<Index>& idx, std::size_t first, std::size_t count) {
  Dataset out;
  out.name = d.name;
  out.classes = d.classes;
  out.height = d.height;
  out.width = d.width;
  out.x.resize(Index(count), d.x.cols());
  if (!d.labels.empty()) out.labels.resize(count);
  if (d.targets.size() > 0) out.targets.resize(Index(count), d.targets.cols());
  for (std::size_t r = 0; r < count; ++r) {
    const Index from = idx[first + r];
    out.x.row(Index(r)) = d.x.row(from);
    if (!d.labels.empty()) out.labels[r] = d.labels[std::size_t(from)];
    if (d.targets.size() > 0) out.targets.row(Index(r)) = d.targets.row(from);
  }
  return out;
}

}  // namespace

TrainTest split_dataset(const Dataset& d, double test_ratio, std::uint64_t seed) {
  require(std::isfinite(test_ratio) && test_ratio > 0.0 && test_ratio < 1.0, "dataset.bad_split",
          "test ratio must be between 0 and 1 (exclusive), got " + std::to_string(test_ratio));
  const auto n = static_cast<std::size_t>(d.size());
  const auto test_rows = static_cast<std::size_t>(std::llround(double(n) * test_ratio));
  require(test_rows >= 1 && test_rows < n, "dataset.bad_split",
          "a test ratio of " + std::to_string(test_ratio) + " leaves " + std::to_string(test_rows) +
              " of " + std::to_string(n) + " rows for testing; both parts need at least one");
  std::vector<Index> idx(n);
  std::iota(idx.begin(), idx.end(), Index(0));
  Rng rng(seed);
  rng.shuffle(idx.begin(), idx.end());
  return {take_rows(d, idx, test_rows, n - test_rows), take_rows(d, idx, 0, test_rows)};
}

}  // namespace scratchnet
