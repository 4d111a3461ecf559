// Tests for cpp/net/network_npz.*: sizes read off the W shapes, a saved
// network loads back bit for bit, and shapes that do not chain are refused.
#include "net/network_npz.hpp"

#include <gtest/gtest.h>

#include "../error_of.hpp"

namespace {

using scratchnet::Matrix;
using scratchnet::NamedArrays;

TEST(NetworkNpz, SizesComeFromTheWeightShapes) {
  const NamedArrays arrays = {{"W1", Matrix<float>::Zero(784, 50)}, {"W2", Matrix<float>::Zero(50, 100)},
                              {"W3", Matrix<float>::Zero(100, 10)}};
  EXPECT_EQ(scratchnet::spec_from_arrays(arrays, {}).sizes, (std::vector<int>{784, 50, 100, 10}));
  scratchnet::NetSpec given;
  given.sizes = {3, 3};
  EXPECT_EQ(scratchnet::spec_from_arrays(arrays, given).sizes, given.sizes) << "given sizes win";
}

TEST(NetworkNpz, SaveThenLoadIsBitIdentical) {
  scratchnet::NetSpec spec;
  spec.sizes = {4, 5, 3};
  spec.batch_norm = true;
  scratchnet::Network<float> net(spec, 7);
  const auto bytes = scratchnet::save_npz(scratchnet::network_arrays(net));
  auto back = scratchnet::network_from_arrays(scratchnet::load_npz(bytes.data(), bytes.size()), spec);
  ASSERT_EQ(back.params().size(), 6u);  // W1 b1 gamma1 beta1 W2 b2
  for (std::size_t i = 0; i < net.params().size(); ++i)
    EXPECT_EQ(*back.params()[i].value, *net.params()[i].value) << net.params()[i].name;
}

TEST(NetworkNpz, RefusesChainsThatDoNotFit) {
  const auto code = [](const NamedArrays& a) {
    return scratchnet::testing::error_of([&] { scratchnet::network_from_arrays(a, {}); });
  };
  EXPECT_EQ(code({{"b1", Matrix<float>::Zero(1, 3)}}), "npz.missing_param");
  EXPECT_EQ(code({{"W1", Matrix<float>::Zero(2, 3)}, {"W2", Matrix<float>::Zero(4, 2)}}), "npz.bad_entry");
  EXPECT_EQ(code({{"W1", Matrix<float>::Zero(2, 3)}}), "npz.missing_array");  // b1 absent
  NamedArrays deep;
  for (int i = 1; i <= 40; ++i) deep.emplace_back("W" + std::to_string(i), Matrix<float>::Ones(1, 1));
  EXPECT_EQ(code(deep), "net.too_deep");
}

}  // namespace
