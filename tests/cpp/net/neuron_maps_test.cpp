// Tests for cpp/net/neuron_maps.hpp: every neuron's output over the input
// plane (TensorFlow Playground's heat maps) from one traced forward pass.
#include "net/neuron_maps.hpp"

#include <gtest/gtest.h>

#include "../error_of.hpp"

using namespace scratchnet;
using scratchnet::testing::error_of;

TEST(PlaneGrid, PixelCentresInImageOrder) {
  const Matrix<float> g = plane_grid(-6, 6, 4);  // h = 3: centres −4.5, −1.5, 1.5, 4.5
  ASSERT_EQ(g.rows(), 16);
  ASSERT_EQ(g.cols(), 2);
  EXPECT_EQ(g(0, 0), -4.5f);  // top-left pixel: smallest x1, largest x2
  EXPECT_EQ(g(0, 1), 4.5f);
  EXPECT_EQ(g(1, 0), -1.5f);  // the next pixel to the right
  EXPECT_EQ(g(1, 1), 4.5f);
  EXPECT_EQ(g(4, 0), -4.5f);  // the row below
  EXPECT_EQ(g(4, 1), 1.5f);
  EXPECT_EQ(g(15, 0), 4.5f);
  EXPECT_EQ(g(15, 1), -4.5f);
  EXPECT_EQ(error_of([] { plane_grid(-1, 1, 0); }), "grid.bad_size");
  EXPECT_EQ(error_of([] { plane_grid(1, 1, 4); }), "grid.bad_range");
}

TEST(NeuronMaps, EachNeuronsMapIsItsTraceColumn) {
  NetSpec spec;
  spec.sizes = {2, 4, 3, 2};
  spec.hidden = "tanh";
  Network<float> net(spec, 7);
  const Matrix<float> grid = plane_grid(-6, 6, 5);
  const auto maps = neuron_maps(net, grid);
  ASSERT_EQ(maps.size(), 3u);  // Tanh1, Tanh2, the softmax output
  EXPECT_EQ(maps[0].layer, "Tanh1");
  EXPECT_EQ(maps[0].kind, "Z");
  EXPECT_EQ(maps[2].kind, "Y");
  const auto trace = net.trace(grid);
  // trace: Affine1, Tanh1, Affine2, Tanh2, Affine3, SoftmaxWithLoss
  const Matrix<float>* want[] = {&trace[1].value, &trace[3].value, &trace[5].value};
  for (std::size_t m = 0; m < 3; ++m) {
    ASSERT_EQ(maps[m].values.rows(), want[m]->cols());
    ASSERT_EQ(maps[m].values.cols(), 25);
    EXPECT_EQ(maps[m].values, want[m]->transpose()) << maps[m].layer;
  }
  // pixel (row 2, column 3) of neuron 1 of Tanh1 = tanh(x·W1 + b1) at that point by hand
  const Matrix<float>& W1 = net.param("W1");
  const float x1 = grid(13, 0), x2 = grid(13, 1);
  EXPECT_NEAR(maps[0].values(1, 13), std::tanh(x1 * W1(0, 1) + x2 * W1(1, 1)), 1e-6);
}

TEST(NeuronMaps, SigmoidOutputIsShownOnceAsY) {
  NetSpec spec;
  spec.sizes = {2, 3, 1};
  spec.output = "sigmoid";
  spec.batch_norm = true;
  Network<float> net(spec, 1);
  const auto maps = neuron_maps(net, plane_grid(-1, 1, 3));
  ASSERT_EQ(maps.size(), 2u);
  EXPECT_EQ(maps[0].kind, "Z");
  EXPECT_EQ(maps[0].values.rows(), 3);
  EXPECT_EQ(maps[1].kind, "Y");
  EXPECT_EQ(maps[1].values.rows(), 1);
  EXPECT_GT(maps[1].values.minCoeff(), 0.0f);  // sigmoid outputs
  EXPECT_LT(maps[1].values.maxCoeff(), 1.0f);
}
