// precision.cpp — see precision.hpp.
#include "precision.hpp"

#include <algorithm>
#include <cmath>

#include "../kernels/float16.hpp"

namespace scratchnet {

namespace {

// The class a row of outputs votes for: the arg-max, or for one output
// (the XOR networks) class 1 above 0.5 — Network::accuracy's rule.
template <class S>
std::int32_t predicted(const Matrix<S>& y, Index row) {
  if (y.cols() == 1) return y(row, 0) > S(0.5) ? 1 : 0;
  Index best = 0;
  y.row(row).maxCoeff(&best);
  return static_cast<std::int32_t>(best);
}

}  // namespace

Network<float> with_half_weights(const Network<float>& net) {
  Network<float> half = net.cast<float>();
  for (const Param<float>& p : half.params()) *p.value = p.value->unaryExpr([](float v) { return round_to_half(v); });
  return half;
}

std::vector<PrecisionResult> compare_precisions(const Network<float>& net, const Dataset& data) {
  require(!data.labels.empty(), "dataset.no_labels", "the precision comparison needs class labels");
  require(data.features() == net.spec().sizes.front(), "shape.mismatch",
          "the data has " + std::to_string(data.features()) + " features per row but the network expects " +
              std::to_string(net.spec().sizes.front()));
  Network<double> f64 = net.cast<double>();
  Network<float> f32 = net.cast<float>();
  Network<float> f16 = with_half_weights(net);

  std::vector<PrecisionResult> rows = {{"float64", 64}, {"float32", 32}, {"float16", 16}};
  const std::uint64_t count = parameter_count(net.spec());
  for (auto& r : rows) r.weight_bytes = count * static_cast<std::uint64_t>(r.bits / 8);
  for (std::size_t i = 0; i < f32.params().size(); ++i) {
    const Matrix<float>& w32 = *f32.params()[i].value;
    rows[0].max_weight_change = std::max(rows[0].max_weight_change,
        (f64.params()[i].value->cast<double>() - w32.cast<double>()).cwiseAbs().maxCoeff());
    rows[2].max_weight_change = std::max(rows[2].max_weight_change,
        double((*f16.params()[i].value - w32).cwiseAbs().maxCoeff()));
  }

  // Chunks of rows: the float64 copy of all 10,000 MNIST rows alone would be 63 MB.
  std::int64_t correct[3] = {0, 0, 0};
  const Index n = data.size();
  for (Index start = 0; start < n; start += kForwardChunkRows) {
    const Index m = std::min<Index>(kForwardChunkRows, n - start);
    const Matrix<float> x = data.x.middleRows(start, m);
    const Matrix<double> y64 = f64.output(x.cast<double>());
    const Matrix<float> y32 = f32.output(x);
    const Matrix<float> y16 = f16.output(x);
    rows[1].max_output_change = std::max(rows[1].max_output_change, (y32.cast<double>() - y64).cwiseAbs().maxCoeff());
    rows[2].max_output_change = std::max(rows[2].max_output_change, (y16.cast<double>() - y64).cwiseAbs().maxCoeff());
    for (Index r = 0; r < m; ++r) {
      const std::int32_t label = data.labels[static_cast<std::size_t>(start + r)];
      correct[0] += predicted(y64, r) == label;
      correct[1] += predicted(y32, r) == label;
      correct[2] += predicted(y16, r) == label;
    }
  }
  for (int k = 0; k < 3; ++k) rows[k].accuracy = n > 0 ? double(correct[k]) / double(n) : std::nan("");
  return rows;
}

}  // namespace scratchnet
