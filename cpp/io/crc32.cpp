// crc32.cpp — see crc32.hpp.
#include "io/crc32.hpp"

#include <array>

#ifndef SCRATCHNET_NO_ZLIB
#include <zlib.h>
#endif

namespace scratchnet {

namespace detail {

namespace {
// table[i] = CRC of the single byte i, computed once at compile time.
constexpr std::array<std::uint32_t, 256> make_table() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}
constexpr auto kTable = make_table();
}  // namespace

std::uint32_t crc32_table(const std::uint8_t* data, std::size_t size, std::uint32_t crc) {
  crc = ~crc;
  for (std::size_t i = 0; i < size; ++i) crc = kTable[(crc ^ data[i]) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

}  // namespace detail

std::uint32_t crc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc) {
#ifdef SCRATCHNET_NO_ZLIB
  return detail::crc32_table(data, size, crc);
#else
  // zlib takes a uInt length; feed very large buffers in pieces.
  uLong c = crc;
  while (size > 0) {
    const uInt piece = size > 0x40000000u ? 0x40000000u : static_cast<uInt>(size);
    c = ::crc32(c, data, piece);
    data += piece;
    size -= piece;
  }
  return static_cast<std::uint32_t>(c);
#endif
}

}  // namespace scratchnet
