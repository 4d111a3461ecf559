// Tests for Network<S>::trace_backward (cpp/net/network_trace_backward.cpp):
// the gradients it reports are gradient()'s, the records chain into each other,
// and its dx and dW agree with central differences (book 4.4, 5.7.3).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "../error_of.hpp"
#include "layers/batch_norm.hpp"
#include "../layers/layer_test_util.hpp"
#include "net/gradient_check.hpp"
#include "net/network.hpp"

namespace sn = scratchnet;
using sn::Matrix;
using sn::NetSpec;

namespace {

template <class S>
Matrix<S> one_hot_rows(sn::Index n, int classes) {
  std::vector<std::int32_t> labels;
  for (sn::Index i = 0; i < n; ++i) labels.push_back(static_cast<std::int32_t>((i * 7 + 1) % classes));
  return sn::one_hot<S>(labels, classes);
}

NetSpec spec(const std::string& hidden, bool batch_norm = false, double dropout = 0.0) {
  NetSpec s;
  s.sizes = {4, 5, 3, 3};
  s.hidden = hidden;
  s.init = "xavier";
  s.batch_norm = batch_norm;
  s.dropout = dropout;
  return s;
}

}  // namespace

TEST(TraceBackward, ReportsExactlyTheGradientsOfGradient) {
  for (const auto& s : {spec("sigmoid"), spec("relu", true), spec("tanh", false, 0.3)}) {
    sn::Network<float> a(s, 5), b(s, 5);  // same seed: same weights, same Dropout masks
    sn::Rng rng(3);
    const Matrix<float> x = sn::test::random_matrix(6, 4, rng).cast<float>();
    const Matrix<float> t = one_hot_rows<float>(6, 3);
    const auto trace = a.trace_backward(x, t);
    const float loss = b.gradient(x, t);
    EXPECT_EQ(trace.loss, loss) << s.hidden;
    int seen = 0;
    for (const auto& layer : trace.layers) {
      for (const auto& [name, g] : layer.grads) {
        for (auto& p : b.params()) if (p.name == name) EXPECT_EQ(g, *p.grad) << s.hidden << " " << name;
        // and the network's own gradient buffers hold the same numbers, as after gradient()
        for (auto& p : a.params()) if (p.name == name) EXPECT_EQ(*p.grad, g) << name;
        ++seen;
      }
    }
    EXPECT_EQ(seen, static_cast<int>(a.params().size())) << "every parameter appears once";
  }
}

TEST(TraceBackward, RecordsChainLayerToLayerInForwardOrder) {
  sn::Network<float> net(spec("relu", true), 1);
  sn::Rng rng(4);
  const Matrix<float> x = sn::test::random_matrix(5, 4, rng).cast<float>();
  const auto trace = net.trace_backward(x, one_hot_rows<float>(5, 3));
  std::vector<std::string> names;
  for (const auto& l : trace.layers) names.push_back(l.layer);
  EXPECT_EQ(names, (std::vector<std::string>{"Affine1", "BatchNorm1", "Relu1", "Affine2", "BatchNorm2", "Relu2",
                                             "Affine3", "SoftmaxWithLoss"}));
  EXPECT_EQ(trace.layers.front().input, x);
  EXPECT_EQ(trace.layers.front().dx.rows(), 5);  // the first layer's dx is computed for the trace
  EXPECT_EQ(trace.layers.front().dx.cols(), 4);
  for (std::size_t i = 0; i + 1 < trace.layers.size(); ++i) {
    EXPECT_EQ(trace.layers[i].output, trace.layers[i + 1].input) << i;  // forward: out → next in
    EXPECT_EQ(trace.layers[i].dout, trace.layers[i + 1].dx) << i;       // backward: next dx → dout
    EXPECT_EQ(trace.layers[i].dx.rows(), trace.layers[i].input.rows());
    EXPECT_EQ(trace.layers[i].dx.cols(), trace.layers[i].input.cols());
  }
  const auto& loss = trace.layers.back();
  EXPECT_EQ(loss.output(0, 0), trace.loss);
  EXPECT_EQ(loss.dout(0, 0), 1.0f);
  // (y − t)/N: each row sums to 0
  for (sn::Index r = 0; r < 5; ++r) EXPECT_NEAR(loss.dx.row(r).sum(), 0.0f, 1e-6f);
}

TEST(TraceBackward, LeavesBatchNormStatisticsAndTrainingAsTheyWere) {
  sn::Network<float> net(spec("relu", true), 2);
  auto* bn = dynamic_cast<sn::BatchNorm<float>*>(net.layers()[1].get());
  ASSERT_NE(bn, nullptr);
  const Matrix<float> mean = bn->running_mean(), var = bn->running_var();
  sn::Rng rng(5);
  const Matrix<float> x = sn::test::random_matrix(5, 4, rng).cast<float>();
  net.trace_backward(x, one_hot_rows<float>(5, 3));
  EXPECT_EQ(bn->running_mean(), mean);
  EXPECT_EQ(bn->running_var(), var);
  // Training goes on skipping the first layer's dx afterwards.
  net.gradient(x, one_hot_rows<float>(5, 3));
  EXPECT_EQ(net.layers()[0]->backward(Matrix<float>::Ones(5, 5)).size(), 0);
}

TEST(TraceBackward, DxAndParameterGradientsMatchCentralDifferences) {
  sn::Network<double> net(spec("tanh"), 9);
  sn::Rng rng(6);
  Matrix<double> x = sn::test::random_matrix(4, 4, rng);
  const Matrix<double> t = one_hot_rows<double>(4, 3);
  const auto trace = net.trace_backward(x, t);
  const auto numerical = sn::numerical_gradient(net, x, t);
  std::size_t k = 0;
  for (const auto& layer : trace.layers) {
    for (const auto& [name, g] : layer.grads) {
      ASSERT_EQ(numerical[k].param, name);
      const double err = sn::test::max_rel_error(g, numerical[k].grad);
      std::printf("  trace_backward d%-4s max rel error %.3e\n", name.c_str(), err);
      EXPECT_LT(err, 1e-6) << name;
      ++k;
    }
  }
  EXPECT_EQ(k, numerical.size());
  // ∂L/∂x, which training never computes
  const Matrix<double> dx_num = sn::test::numerical_diff(x, [&] { return net.loss(x, t, true); });
  const double err = sn::test::max_rel_error(trace.layers.front().dx, dx_num);
  std::printf("  trace_backward dx   max rel error %.3e\n", err);
  EXPECT_LT(err, 1e-6);
}

TEST(TraceBackward, BadInputHasACode) {
  sn::Network<float> net(spec("relu"), 1);
  EXPECT_EQ(sn::testing::error_of([&] { net.trace_backward(Matrix<float>::Ones(2, 3), one_hot_rows<float>(2, 3)); }),
            "shape.mismatch");
  EXPECT_EQ(sn::testing::error_of([&] { net.trace_backward(Matrix<float>::Ones(2, 4), Matrix<float>::Ones(2, 3)); }),
            "target.not_distribution");
}
