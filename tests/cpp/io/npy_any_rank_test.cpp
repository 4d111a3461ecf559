// Tests for parse_npy_any_rank (cpp/io/npy.hpp), the reader a saved convnet
// needs for a conv W (FN, C, FH, FW), loaded as the book's W.reshape(FN, -1).
// (The 0-d '<U' `architecture` entry is io/npy_text, tested in npy_text_test.cpp.)
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "../layers/layer_test_util.hpp"
#include "io/npy.hpp"

using namespace scratchnet;
using scratchnet::test::expect_error;

namespace {

using Bytes = std::vector<std::uint8_t>;

// A .npy of `descr` and `shape` (NumPy's text) holding `data`.
Bytes npy(const std::string& descr, const std::string& shape, const Bytes& data) {
  return npy_bytes(descr, shape, data.data(), data.size());
}

Bytes floats(int n) {
  Bytes b(static_cast<std::size_t>(n) * 4);
  for (int i = 0; i < n; ++i) {
    const float v = static_cast<float>(i);
    std::memcpy(b.data() + 4 * i, &v, 4);
  }
  return b;
}

}  // namespace

TEST(NpyAnyRank, FourDimensionsFlattenAfterTheFirst) {
  const Bytes b = npy("<f4", "(2, 3, 2, 2)", floats(24));
  std::vector<std::uint64_t> shape;
  const Matrix<float> m = parse_npy_any_rank(b.data(), b.size(), "W1", shape);
  EXPECT_EQ(shape, (std::vector<std::uint64_t>{2, 3, 2, 2}));
  ASSERT_EQ(m.rows(), 2);
  ASSERT_EQ(m.cols(), 12);
  EXPECT_EQ(m(1, 0), 12.0f);  // C order: element (1, 0, 0, 0) is the 13th number
  EXPECT_EQ(m(0, 11), 11.0f);
  // 1-D and 2-D load as parse_npy does
  const Bytes v = npy("<f4", "(5,)", floats(5));
  const Matrix<float> r = parse_npy_any_rank(v.data(), v.size(), "b1", shape);
  EXPECT_EQ(r.rows(), 1);
  EXPECT_EQ(r.cols(), 5);
  // parse_npy itself still refuses more than 2 dimensions (an MLP file has none)
  expect_error("npy.bad_shape", [&] { parse_npy(b.data(), b.size(), "W1"); });
}

TEST(NpyAnyRank, Errors) {
  std::vector<std::uint64_t> shape;
  const Bytes zero_d = npy("<f4", "()", floats(1));
  expect_error("npy.bad_shape", [&] { parse_npy_any_rank(zero_d.data(), zero_d.size(), "x", shape); });
  const Bytes short_data = npy("<f4", "(2, 2, 2)", floats(7));
  expect_error("npz.truncated", [&] { parse_npy_any_rank(short_data.data(), short_data.size(), "x", shape); });
  const Bytes huge = npy("<f4", "(65536, 65536, 65536)", {});
  expect_error("size.too_large", [&] { parse_npy_any_rank(huge.data(), huge.size(), "x", shape); });
  const Bytes ints = npy("<i4", "(1, 1, 1)", floats(1));
  expect_error("npy.bad_dtype", [&] { parse_npy_any_rank(ints.data(), ints.size(), "x", shape); });
}
