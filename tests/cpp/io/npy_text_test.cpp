// io/npy_text: a string as a NumPy 0-d unicode array ('<U…', UTF-32LE), the
// bytes numpy writes for np.save(f, np.array(text)), and back.
#include "io/npy_text.hpp"

#include <gtest/gtest.h>

#include <string>

#include "../error_of.hpp"
#include "io/npy.hpp"

using scratchnet::parse_npy_header;
using scratchnet::parse_npy_text;
using scratchnet::write_npy_text;
using scratchnet::testing::error_of;

TEST(NpyText, RoundTripsAsciiAndKorean) {
  for (const std::string text : {std::string("{\"kind\": \"mlp\"}"), std::string("밑바닥 ✓ 𝔁"), std::string()}) {
    const auto bytes = write_npy_text(text);
    EXPECT_EQ(parse_npy_text(bytes.data(), bytes.size(), "t"), text);
    EXPECT_EQ(bytes.size() % 4, 0u);
  }
}

TEST(NpyText, HeaderIsA0dUnicodeArrayLikeNumpys) {
  const auto bytes = write_npy_text("abc");
  const auto header = parse_npy_header(bytes.data(), bytes.size(), "t");
  EXPECT_EQ(header.descr, "<U3");
  EXPECT_TRUE(header.shape.empty());
  EXPECT_EQ(header.data_offset % 64, 0u);
  EXPECT_EQ(bytes.size(), header.data_offset + 12);
  EXPECT_EQ(bytes[header.data_offset], 'a');  // UTF-32LE: 'a', 0, 0, 0
  EXPECT_EQ(bytes[header.data_offset + 1], 0);
  const std::string text(bytes.begin(), bytes.begin() + static_cast<long>(header.data_offset));
  EXPECT_NE(text.find("'descr': '<U3', 'fortran_order': False, 'shape': ()"), std::string::npos) << text;
}

TEST(NpyText, RefusesFloatsBadUtf8AndCutData) {
  const Eigen::Matrix<float, 1, 2, Eigen::RowMajor> m(1.0f, 2.0f);
  const auto floats = scratchnet::write_npy(scratchnet::Matrix<float>(m), true);
  EXPECT_EQ(error_of([&] { parse_npy_text(floats.data(), floats.size(), "W1"); }), "npy.bad_dtype");
  EXPECT_EQ(error_of([&] { write_npy_text(std::string("\xff\xfe")); }), "npy.bad_text");
  auto cut = write_npy_text("abcd");
  cut.resize(cut.size() - 2);
  EXPECT_EQ(error_of([&] { parse_npy_text(cut.data(), cut.size(), "t"); }), "npz.truncated");
  auto bad = write_npy_text("a");
  bad[bad.size() - 1] = 0x7f;  // 0x7f000061: past U+10FFFF
  EXPECT_EQ(error_of([&] { parse_npy_text(bad.data(), bad.size(), "t"); }), "npy.bad_text");
}

// What numpy itself produces that write_npy_text never does, and the other
// shapes and dtypes a hostile file may claim.
TEST(NpyText, ReadsNumpysPaddingAndRefusesOtherShapesAndDtypes) {
  // np.array(['hi', 'abcd'])[0] keeps dtype '<U4': 'h', 'i', then U+0000 padding, which ends the text
  auto padded = write_npy_text("hi\u00e9!");
  const std::size_t start = parse_npy_header(padded.data(), padded.size(), "t").data_offset;
  for (std::size_t k = start + 8; k < padded.size(); ++k) padded[k] = 0;
  EXPECT_EQ(parse_npy_text(padded.data(), padded.size(), "t"), "hi");

  const auto two = scratchnet::npy_bytes("<U1", "(2,)", reinterpret_cast<const std::uint8_t*>("a\0\0\0b\0\0\0"), 8);
  EXPECT_EQ(error_of([&] { parse_npy_text(two.data(), two.size(), "t"); }), "npy.bad_shape");
  const auto big_endian = scratchnet::npy_bytes(">U1", "()", reinterpret_cast<const std::uint8_t*>("\0\0\0a"), 4);
  EXPECT_EQ(error_of([&] { parse_npy_text(big_endian.data(), big_endian.size(), "t"); }), "npy.bad_dtype");
  const auto surrogate = scratchnet::npy_bytes("<U1", "()", reinterpret_cast<const std::uint8_t*>("\0\xD8\0\0"), 4);
  EXPECT_EQ(error_of([&] { parse_npy_text(surrogate.data(), surrogate.size(), "t"); }), "npy.bad_text");
  const auto huge = scratchnet::npy_bytes("<U999999999", "()", nullptr, 0);
  EXPECT_EQ(error_of([&] { parse_npy_text(huge.data(), huge.size(), "t"); }), "size.too_large");
}
