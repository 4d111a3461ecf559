// Where scratchnet differs from the book on purpose — the numbers of the README
// table "Where scratchnet differs from the book, and why", each checked here so
// the table cannot drift from the code.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "layers/batch_norm.hpp"
#include "layers/softmax_with_loss.hpp"
#include "net/network.hpp"

using namespace scratchnet;

// Exact log-softmax instead of −log(y + 1e-7) (book 4.2.2): for scores [0, 20] and
// label 0, y0 = 1/(1 + e²⁰) ≈ 2.06e-9 < 1e-7. The true loss is log(1 + e²⁰) = 20.0000000021;
// the book's epsilon caps it at −log(2.06e-9 + 1e-7) = 16.0977.
TEST(BookDifferences, ExactLogSoftmaxGives20WhereTheBooksEpsilonGives16_0977) {
  SoftmaxWithLoss<double> layer;
  Matrix<double> x(1, 2), t(1, 2);
  x << 0.0, 20.0;
  t << 1.0, 0.0;
  EXPECT_NEAR(layer.forward(x, t), 20.0000000021, 1e-9);
  const double y0 = layer.y()(0, 0);
  EXPECT_LT(y0, 1e-7);
  EXPECT_NEAR(-std::log(y0 + 1e-7), 16.0977, 5e-5);  // the book's cross_entropy_error
}

// BatchNorm: ε = 1e-7 (the book writes 10e-7 = 1e-6) and running variance starting at 1 (book: 0).
TEST(BookDifferences, BatchNormEpsilonAndInitialRunningVariance) {
  BatchNorm<double> bn(Matrix<double>::Ones(1, 2), Matrix<double>::Zero(1, 2));
  EXPECT_EQ(bn.eps(), 1e-7);
  EXPECT_EQ(bn.running_var(), Matrix<double>::Ones(1, 2));
  EXPECT_EQ(bn.running_mean(), Matrix<double>::Zero(1, 2));
  // untrained, inference mode: x passes as x/√(1 + ε) ≈ x; with the book's 0 it would be x/√1e-6 = 1000·x
  Matrix<double> x(1, 2);
  x << 0.5, -2.0;
  EXPECT_NEAR(bn.forward(x, false)(0, 0), 0.5, 1e-7);
}

// float32 against float64: the seed's 3-layer network (book 3.4.3) gives
// y0 = 0.31682708 in double, as the book prints it, and 0.31682709 in float,
// what the forward panel shows.
TEST(BookDifferences, Float32SeedNetworkDiffersFromTheBooksPrintInTheEighthDigit) {
  NetSpec spec;
  spec.sizes = {2, 3, 2, 2};
  spec.hidden = "sigmoid";
  spec.output = "identity";
  Network<double> net(spec, 0);
  Matrix<double> W1(2, 3), b1(1, 3), W2(3, 2), b2(1, 2), W3(2, 2), b3(1, 2), x(1, 2);
  W1 << 0.1, 0.3, 0.5, 0.2, 0.4, 0.6;
  b1 << 0.1, 0.2, 0.3;
  W2 << 0.1, 0.4, 0.2, 0.5, 0.3, 0.6;
  b2 << 0.1, 0.2;
  W3 << 0.1, 0.3, 0.2, 0.4;
  b3 << 0.1, 0.2;
  x << 1.0, 0.5;
  for (auto [name, m] : {std::pair{"W1", &W1}, {"b1", &b1}, {"W2", &W2}, {"b2", &b2}, {"W3", &W3}, {"b3", &b3}})
    net.set_param(name, *m);
  const double y64 = net.predict(x)(0, 0);
  Network<float> fnet = net.cast<float>();
  const float y32 = fnet.predict(x.cast<float>())(0, 0);
  char printed64[32], printed32[32];
  std::snprintf(printed64, sizeof printed64, "%.8f", y64);
  std::snprintf(printed32, sizeof printed32, "%.8f", static_cast<double>(y32));
  std::printf("[seed 3-layer net] float64 %.10f → %s, float32 %.10f → %s\n", y64, printed64,
              static_cast<double>(y32), printed32);
  EXPECT_STREQ(printed64, "0.31682708");
  EXPECT_STREQ(printed32, "0.31682709");
}
