// binary_file.cpp — see binary_file.hpp.
#include "io/binary_file.hpp"

#include <fstream>

#include "core/error.hpp"

namespace scratchnet {

std::vector<std::uint8_t> read_binary_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  require(static_cast<bool>(in), "io.cannot_open", "cannot open '" + path + "' for reading");
  const std::streamoff end = in.tellg();
  require(end >= 0, "io.read_failed", "cannot tell the size of '" + path + "'");
  require_allocation(static_cast<std::uint64_t>(end), 1, "reading '" + path + "'");
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(end));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  require(static_cast<bool>(in) || bytes.empty(), "io.read_failed",
          "could not read all " + std::to_string(bytes.size()) + " bytes of '" + path + "'");
  return bytes;
}

void write_binary_file(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  require(static_cast<bool>(out), "io.cannot_open", "cannot open '" + path + "' for writing");
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  out.close();
  require(static_cast<bool>(out), "io.write_failed", "could not write '" + path + "'");
}

}  // namespace scratchnet
