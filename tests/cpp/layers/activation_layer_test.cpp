// Tests for cpp/layers/activation_layer.hpp.
#include "layers/activation_layer.hpp"

#include <gtest/gtest.h>

#include "layer_test_util.hpp"

using namespace scratchnet;
using namespace scratchnet::test;

TEST(ActivationLayer, BuildsEveryKnownName) {
  EXPECT_EQ(make_activation_layer<double>("sigmoid")->name(), "Sigmoid");
  EXPECT_EQ(make_activation_layer<double>("tanh")->name(), "Tanh");
  EXPECT_EQ(make_activation_layer<double>("relu")->name(), "Relu");
  EXPECT_EQ(make_activation_layer<float>("leaky_relu")->name(), "LeakyRelu");
  EXPECT_EQ(make_activation_layer<float>("identity")->name(), "Identity");
}

TEST(ActivationLayer, PassesTheLeakySlope) {
  auto layer = make_activation_layer<double>("leaky_relu", 0.2);
  EXPECT_NEAR(layer->forward(mat({{-1.0}}), false)(0, 0), -0.2, 1e-15);
}

TEST(ActivationLayer, UnknownNameIsAnError) {
  const std::string msg =
      expect_error("activation.unknown", [] { make_activation_layer<double>("softplus"); });
  EXPECT_NE(msg.find("softplus"), std::string::npos);
}
