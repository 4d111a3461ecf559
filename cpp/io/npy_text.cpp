// npy_text.cpp — see npy_text.hpp.
#include "io/npy_text.hpp"

#include <cstring>

#include "core/error.hpp"
#include "io/npy.hpp"

namespace scratchnet {

namespace {

constexpr std::uint32_t kMaxCodePoint = 0x10FFFF;
constexpr std::uint64_t kMaxChars = 1u << 24;  // 64 MiB of UTF-32: far above any architecture text

bool is_surrogate(std::uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

// UTF-8 → code points; refuses overlong forms, surrogates and values past U+10FFFF.
std::vector<std::uint32_t> decode_utf8(const std::string& s) {
  std::vector<std::uint32_t> out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    require(len > 0 && i + len <= s.size(), "npy.bad_text",
            "the text is not valid UTF-8 at byte " + std::to_string(i));
    std::uint32_t c = len == 1 ? b0 : b0 & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      require((b & 0xC0) == 0x80, "npy.bad_text", "the text is not valid UTF-8 at byte " + std::to_string(i + k));
      c = (c << 6) | (b & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    require(c >= kMin[len] && c <= kMaxCodePoint && !is_surrogate(c), "npy.bad_text",
            "the text is not valid UTF-8 at byte " + std::to_string(i));
    out.push_back(c);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

void append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// n of '<Un', or 0 when descr is not of that form.
std::uint64_t unicode_width(const std::string& descr) {
  if (descr.size() < 3 || descr.compare(0, 2, "<U") != 0 || descr.size() > 12) return 0;
  std::uint64_t n = 0;
  for (std::size_t i = 2; i < descr.size(); ++i) {
    if (descr[i] < '0' || descr[i] > '9') return 0;
    n = n * 10 + static_cast<std::uint64_t>(descr[i] - '0');
  }
  return n;
}

}  // namespace

bool is_npy_unicode_descr(const std::string& descr) { return unicode_width(descr) > 0; }

std::vector<std::uint8_t> write_npy_text(const std::string& utf8) {
  std::vector<std::uint32_t> chars = decode_utf8(utf8);
  require(chars.size() <= kMaxChars, "size.too_large", "the text is too long for one .npy string");
  if (chars.empty()) chars.push_back(0);  // np.array('') is '<U1' holding one NUL
  // UTF-32LE: on a little-endian machine the code points' own bytes (npy.cpp asserts the endianness).
  std::vector<std::uint8_t> data(chars.size() * 4);
  std::memcpy(data.data(), chars.data(), data.size());
  return npy_bytes("<U" + std::to_string(chars.size()), "()", data.data(), data.size());
}

std::string parse_npy_text(const std::uint8_t* data, std::size_t size, const std::string& name) {
  const std::string what = "array '" + name + "'";
  const NpyHeader header = parse_npy_header(data, size, name);
  const std::uint64_t width = unicode_width(header.descr);
  require(width > 0, "npy.bad_dtype",
          what + " has dtype '" + header.descr + "'; a text entry must be a unicode string ('<U…')");
  require(width <= kMaxChars, "size.too_large", what + " holds a string of " + std::to_string(width) + " characters");
  const bool one = header.shape.empty() || (header.shape.size() == 1 && header.shape[0] == 1);
  require(one, "npy.bad_shape",
          what + " has shape " + npy_shape_text(header.shape) + "; a text entry holds one string (shape ())");
  const std::size_t have = size - header.data_offset;
  require(have >= width * 4, "npz.truncated",
          what + " needs " + std::to_string(width * 4) + " data bytes, got " + std::to_string(have));
  require(have == width * 4, "npy.bad_shape",
          what + ": " + std::to_string(have - width * 4) + " bytes follow the string");

  std::string out;
  std::size_t end = static_cast<std::size_t>(width);
  const std::uint8_t* p = data + header.data_offset;
  auto code_at = [p](std::size_t i) {
    return std::uint32_t{p[4 * i]} | std::uint32_t{p[4 * i + 1]} << 8 | std::uint32_t{p[4 * i + 2]} << 16 |
           std::uint32_t{p[4 * i + 3]} << 24;
  };
  while (end > 0 && code_at(end - 1) == 0) --end;  // NUL padding
  out.reserve(end);
  for (std::size_t i = 0; i < end; ++i) {
    const std::uint32_t c = code_at(i);
    require(c <= kMaxCodePoint && !is_surrogate(c), "npy.bad_text",
            what + ": character " + std::to_string(i) + " (" + std::to_string(c) + ") is not a Unicode code point");
    append_utf8(out, c);
  }
  return out;
}

}  // namespace scratchnet
