// binary_file.hpp — whole files in, whole files out, as bytes.
//
// Our readers (IDX, npz) work on a byte buffer, not on a file: in the
// browser the bytes come from fetch() or a dropped file, and the same
// parsing code must run there. These two helpers are the thin native layer
// for the CLI and the tests.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace scratchnet {

// Throws Error "io.cannot_open" / "io.read_failed" / "size.too_large".
std::vector<std::uint8_t> read_binary_file(const std::string& path);

// Throws Error "io.cannot_open" / "io.write_failed".
void write_binary_file(const std::string& path, const std::vector<std::uint8_t>& bytes);

}  // namespace scratchnet
