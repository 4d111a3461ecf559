// crc32.hpp — the checksum every zip entry and gzip member carries.
//
// Why a checksum at all? A zip file stores, next to each entry, the CRC-32
// of the *uncompressed* bytes. After reading (and maybe inflating) an entry
// we recompute it: a mismatch means the download was damaged, and we say so
// instead of training on garbage weights.
//
// The polynomial is the "CRC-32/ISO-HDLC" one used by zip, gzip and PNG
// (reflected 0xEDB88320, initial and final XOR 0xFFFFFFFF); check value:
// crc32("123456789") == 0xCBF43926. Spec: PKWARE APPNOTE.TXT section 4.4.7,
// RFC 1952 section 8.
//
// There is ONE function, crc32(). Natively it calls zlib's optimised
// crc32(); the WebAssembly build has no zlib (SCRATCHNET_NO_ZLIB), so there
// it uses the small table-driven version below, which is also compiled
// natively so the tests can check that both give the same answers.
#pragma once

#include <cstddef>
#include <cstdint>

namespace scratchnet {

// CRC-32 of data[0..size). Pass a previous result as `crc` to continue a
// running checksum over several pieces: crc32(b, nb, crc32(a, na)).
std::uint32_t crc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc = 0);

namespace detail {
// The portable byte-at-a-time table version (what wasm uses).
std::uint32_t crc32_table(const std::uint8_t* data, std::size_t size, std::uint32_t crc = 0);
}  // namespace detail

}  // namespace scratchnet
