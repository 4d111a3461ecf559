// Resource limits: absurd sizes are refused with "size.too_large" *before*
// anything is allocated — network sizes (parameters), batch size × layer
// width (activations), and, through the parsers, dataset and array sizes
// declared in file headers (see data/idx_broken_test.cpp and
// io/npz_broken_test.cpp for those). If a check were missing, these tests
// would try to allocate tens of gigabytes and die instead of failing.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"
#include "net/network.hpp"
#include "optim/sgd.hpp"
#include "train/trainer.hpp"
#include "../error_of.hpp"

using namespace scratchnet;

namespace {

using scratchnet::testing::error_of;

NetSpec wide(int width) {
  NetSpec spec;
  spec.sizes = {10, width, 10};
  return spec;
}

TEST(ResourceLimits, ActivationEstimateScalesWithRowsAndWidths) {
  // 1024 rows × (10 + 50000 + 10) widths × 3 copies × 4 bytes ≈ 586 MiB: fits.
  EXPECT_EQ(error_of([] { require_activation_memory(wide(50000), 1024, false, 4, "x"); }), "");
  // The same rows while training (6 copies) ≈ 1172 MiB: refused, with the estimate.
  std::string message;
  EXPECT_EQ(error_of([&] { require_activation_memory(wide(50000), 1024, true, 4, "a step"); }, &message),
            "size.too_large");
  EXPECT_NE(message.find("1172 MiB"), std::string::npos) << message;
  EXPECT_NE(message.find("10-50000-10"), std::string::npos) << message;
  // Saturating arithmetic: 2^63 rows cannot wrap around to a small number.
  EXPECT_EQ(error_of([] { require_activation_memory(wide(100000), 1ull << 63, true, 8, "x"); }), "size.too_large");
}

TEST(ResourceLimits, PredictRefusesAHugeBatchBeforeAllocating) {
  Network<float> net(wide(50000), 1);  // 1 M parameters: small
  const Matrix<float> x = Matrix<float>::Zero(20000, 10);  // 20000 × 50020 × 3 × 4 B ≈ 11 GiB of activations
  EXPECT_EQ(error_of([&] { net.predict(x); }), "size.too_large");
  EXPECT_EQ(error_of([&] { net.trace(x); }), "size.too_large");
}

TEST(ResourceLimits, AccuracyInChunksEqualsRowByRow) {
  // accuracy() runs kForwardChunkRows rows at a time (so a big set never
  // needs more than one chunk of activations); the chunk seams must not
  // shift a single label.
  NetSpec spec;
  spec.sizes = {3, 5, 4};
  Network<float> net(spec, 3);
  const Index n = 2 * kForwardChunkRows + 37;
  Matrix<float> x(n, 3);
  std::vector<std::int32_t> labels(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) {
    x.row(i) << std::sin(float(i)), std::cos(float(i) * 0.7f), float(i % 13) / 13.0f;
    labels[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(i % 4);
  }
  std::size_t correct = 0;
  for (Index i = 0; i < n; ++i) {
    Index best = 0;
    net.predict(x.row(i)).row(0).maxCoeff(&best);
    correct += best == labels[static_cast<std::size_t>(i)];
  }
  EXPECT_DOUBLE_EQ(net.accuracy(x, labels), double(correct) / double(n));
}

TEST(ResourceLimits, TrainerRefusesBatchTimesWidthBeforeAllocating) {
  Network<float> net(wide(20000), 1);
  SGD<float> opt(0.1);
  Dataset data;
  data.x = Matrix<float>::Zero(13000, 10);
  data.labels.assign(13000, 1);
  data.classes = 10;
  TrainerConfig config;
  config.batch_size = 13000;  // 13000 × 20020 × 6 × 4 B ≈ 5.8 GiB
  EXPECT_EQ(error_of([&] { Trainer<float> t(net, opt, data, nullptr, config); }), "size.too_large");
  config.batch_size = 50;  // ≈ 23 MiB: fine
  Trainer<float> trainer(net, opt, data, nullptr, config);
  EXPECT_FALSE(trainer.step().diverged);
}

TEST(ResourceLimits, NetworkSizesAreBoundedByParameterMemory) {
  NetSpec spec;
  spec.sizes = {100000, 100000, 10};  // 10^10 weights
  std::string message;
  EXPECT_EQ(error_of([&] { Network<float> net(spec, 1); }, &message), "size.too_large");
  EXPECT_NE(message.find("MiB"), std::string::npos) << message;
  spec.sizes = {2, 200000, 2};  // few parameters, but one layer wider than the limit
  EXPECT_EQ(error_of([&] { Network<float> net(spec, 1); }), "net.layer_size");
}

}  // namespace
