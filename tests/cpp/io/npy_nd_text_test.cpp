// Tests for the .npy readers a saved convnet needs (cpp/io/npy.hpp):
// parse_npy_any_rank (a conv W (FN, C, FH, FW) as the book's W.reshape(FN, -1))
// and parse_npy_text (the 0-d '<U' `architecture` entry, np.array(json_text)).
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

// A version-1.0 .npy: magic, version, header length, the dict, the data.
Bytes npy(const std::string& dict, const Bytes& data) {
  std::string header = dict;
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  const std::uint8_t prefix[10] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, std::uint8_t(header.size() & 0xFF),
                                   std::uint8_t(header.size() >> 8)};
  Bytes out(10 + header.size() + data.size());
  std::memcpy(out.data(), prefix, 10);
  std::memcpy(out.data() + 10, header.data(), header.size());
  if (!data.empty()) std::memcpy(out.data() + 10 + header.size(), data.data(), data.size());
  return out;
}

Bytes floats(int n) {
  Bytes b(static_cast<std::size_t>(n) * 4);
  for (int i = 0; i < n; ++i) {
    const float v = static_cast<float>(i);
    std::memcpy(b.data() + 4 * i, &v, 4);
  }
  return b;
}

// UTF-32LE code points of a string of ASCII and the given extra code points.
Bytes utf32(const std::vector<std::uint32_t>& cps) {
  Bytes b;
  for (std::uint32_t cp : cps)
    for (int k = 0; k < 4; ++k) b.push_back(static_cast<std::uint8_t>(cp >> (8 * k)));
  return b;
}

}  // namespace

TEST(NpyAnyRank, FourDimensionsFlattenAfterTheFirst) {
  const Bytes b = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 2, 2), }", floats(24));
  std::vector<std::uint64_t> shape;
  const Matrix<float> m = parse_npy_any_rank(b.data(), b.size(), "W1", shape);
  EXPECT_EQ(shape, (std::vector<std::uint64_t>{2, 3, 2, 2}));
  ASSERT_EQ(m.rows(), 2);
  ASSERT_EQ(m.cols(), 12);
  EXPECT_EQ(m(1, 0), 12.0f);  // C order: element (1, 0, 0, 0) is the 13th number
  EXPECT_EQ(m(0, 11), 11.0f);
  // 1-D and 2-D load as parse_npy does
  const Bytes v = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", floats(5));
  const Matrix<float> r = parse_npy_any_rank(v.data(), v.size(), "b1", shape);
  EXPECT_EQ(r.rows(), 1);
  EXPECT_EQ(r.cols(), 5);
  // parse_npy itself still refuses more than 2 dimensions (an MLP file has none)
  expect_error("npy.bad_shape", [&] { parse_npy(b.data(), b.size(), "W1"); });
}

TEST(NpyAnyRank, Errors) {
  std::vector<std::uint64_t> shape;
  const Bytes zero_d = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", floats(1));
  expect_error("npy.bad_shape", [&] { parse_npy_any_rank(zero_d.data(), zero_d.size(), "x", shape); });
  const Bytes short_data = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 2), }", floats(7));
  expect_error("npz.truncated", [&] { parse_npy_any_rank(short_data.data(), short_data.size(), "x", shape); });
  const Bytes huge = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536, 65536), }", {});
  expect_error("size.too_large", [&] { parse_npy_any_rank(huge.data(), huge.size(), "x", shape); });
  const Bytes ints = npy("{'descr': '<i4', 'fortran_order': False, 'shape': (1, 1, 1), }", floats(1));
  expect_error("npy.bad_dtype", [&] { parse_npy_any_rank(ints.data(), ints.size(), "x", shape); });
}

TEST(NpyText, ReadsAZeroDimensionalUnicodeArray) {
  // np.array('{"a": "합"}') → dtype '<U10', shape (), 10 UTF-32LE code points
  const Bytes b = npy("{'descr': '<U10', 'fortran_order': False, 'shape': (), }",
                      utf32({'{', '"', 'a', '"', ':', ' ', '"', 0xD569, '"', '}'}));
  EXPECT_TRUE(npy_is_text(b.data(), b.size(), "architecture"));
  EXPECT_EQ(parse_npy_text(b.data(), b.size(), "architecture"), "{\"a\": \"합\"}");
  // NumPy pads a shorter string with U+0000: the text ends there
  const Bytes padded = npy("{'descr': '<U4', 'fortran_order': False, 'shape': (), }", utf32({'h', 'i', 0, 0}));
  EXPECT_EQ(parse_npy_text(padded.data(), padded.size(), "t"), "hi");
  const Bytes emoji = npy("{'descr': '<U1', 'fortran_order': False, 'shape': (), }", utf32({0x1F600}));
  EXPECT_EQ(parse_npy_text(emoji.data(), emoji.size(), "t"), "\xF0\x9F\x98\x80");
}

TEST(NpyText, Errors) {
  const Bytes f = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", floats(1));
  EXPECT_FALSE(npy_is_text(f.data(), f.size(), "t"));
  expect_error("npy.bad_dtype", [&] { parse_npy_text(f.data(), f.size(), "t"); });
  const Bytes big_endian = npy("{'descr': '>U1', 'fortran_order': False, 'shape': (), }", utf32({'a'}));
  expect_error("npy.bad_dtype", [&] { parse_npy_text(big_endian.data(), big_endian.size(), "t"); });
  const Bytes vector = npy("{'descr': '<U1', 'fortran_order': False, 'shape': (2,), }", utf32({'a', 'b'}));
  expect_error("npy.bad_shape", [&] { parse_npy_text(vector.data(), vector.size(), "t"); });
  const Bytes cut = npy("{'descr': '<U3', 'fortran_order': False, 'shape': (), }", utf32({'a', 'b'}));
  expect_error("npz.truncated", [&] { parse_npy_text(cut.data(), cut.size(), "t"); });
  const Bytes surrogate = npy("{'descr': '<U1', 'fortran_order': False, 'shape': (), }", utf32({0xD800}));
  expect_error("npy.bad_dtype", [&] { parse_npy_text(surrogate.data(), surrogate.size(), "t"); });
  const Bytes huge = npy("{'descr': '<U999999999', 'fortran_order': False, 'shape': (), }", {});
  expect_error("size.too_large", [&] { parse_npy_text(huge.data(), huge.size(), "t"); });
}
