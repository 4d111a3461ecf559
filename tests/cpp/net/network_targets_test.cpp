// Network::targets and the loss with integer labels (book common/functions.py
// cross_entropy_error takes one-hot rows or labels alike: "t.size == y.size").
#include <gtest/gtest.h>

#include "../error_of.hpp"
#include "net/network.hpp"

using namespace scratchnet;

TEST(NetworkTargets, LabelsGiveTheSameLossAsOneHotRows) {
  NetSpec spec;
  spec.sizes = {2, 3, 3};
  Network<float> net(spec, 4);
  Matrix<float> x(3, 2);
  x << 0.5f, -1.0f, 0.25f, 0.75f, -0.5f, 0.0f;
  Matrix<float> labels(3, 1);
  labels << 2, 0, 1;
  const Matrix<float> t = one_hot<float>({2, 0, 1}, 3);
  EXPECT_EQ(net.targets(labels), t);
  EXPECT_EQ(net.loss(x, labels, false), net.loss(x, t, false));
}

TEST(NetworkTargets, BadLabelsAreRefused) {
  NetSpec spec;
  spec.sizes = {2, 3};
  Network<float> net(spec, 4);
  Matrix<float> half(1, 1), big(1, 1), wide(1, 2);
  half << 0.5f;
  big << 3.0f;
  wide << 0.0f, 1.0f;
  EXPECT_EQ(scratchnet::testing::error_of([&] { net.targets(half); }), "label.not_integer");
  EXPECT_EQ(scratchnet::testing::error_of([&] { net.targets(big); }), "label.out_of_range");
  const Matrix<float> x = Matrix<float>::Zero(1, 2);
  EXPECT_EQ(scratchnet::testing::error_of([&] { net.loss(x, wide); }), "shape.mismatch");
}
