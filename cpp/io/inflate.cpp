// inflate.cpp — see inflate.hpp. zlib manual: https://zlib.net/manual.html
#include "io/inflate.hpp"

#include <algorithm>

#include "core/error.hpp"

#ifndef SCRATCHNET_NO_ZLIB
#include <zlib.h>
#endif

namespace scratchnet {

#ifdef SCRATCHNET_NO_ZLIB

// No zlib in this build: callers are expected to check kHaveZlib first;
// this is only the safety net.
struct Inflater::State {};
Inflater::Inflater(const std::uint8_t*, std::size_t, DeflateWrapper, std::string) {
  throw Error("gzip.unsupported_here",
              "this build has no zlib: decompress the data before passing it in");
}
Inflater::~Inflater() = default;
std::size_t Inflater::read(std::uint8_t*, std::size_t) { return 0; }
void Inflater::read_into(std::vector<std::uint8_t>&, std::size_t) {}
bool Inflater::finished() const { return false; }
std::size_t Inflater::unused_input() const { return 0; }

#else

struct Inflater::State {
  z_stream z{};
  const std::uint8_t* next = nullptr;  // input not yet handed to zlib
  std::size_t remaining = 0;
  bool finished = false;
  std::string corrupt_code;
};

Inflater::Inflater(const std::uint8_t* data, std::size_t size, DeflateWrapper wrapper,
                   std::string corrupt_code)
    : state_(std::make_unique<State>()) {
  state_->next = data;
  state_->remaining = size;
  state_->corrupt_code = std::move(corrupt_code);
  // windowBits: 15 + 16 = "expect a gzip header"; -15 = "raw DEFLATE".
  const int window_bits = wrapper == DeflateWrapper::gzip ? 15 + 16 : -15;
  if (inflateInit2(&state_->z, window_bits) != Z_OK) {
    throw Error("size.too_large", "zlib could not allocate its decompression state");
  }
}

Inflater::~Inflater() { inflateEnd(&state_->z); }

std::size_t Inflater::read(std::uint8_t* out, std::size_t n) {
  State& s = *state_;
  std::size_t produced = 0;
  while (produced < n && !s.finished) {
    // zlib counts in uInt (32 bits): hand over input and output in pieces.
    if (s.z.avail_in == 0 && s.remaining > 0) {
      const std::size_t piece = std::min<std::size_t>(s.remaining, 1u << 30);
      s.z.next_in = const_cast<Bytef*>(s.next);
      s.z.avail_in = static_cast<uInt>(piece);
      s.next += piece;
      s.remaining -= piece;
    }
    const std::size_t want = std::min<std::size_t>(n - produced, 1u << 30);
    s.z.next_out = out + produced;
    s.z.avail_out = static_cast<uInt>(want);
    const int rc = inflate(&s.z, Z_NO_FLUSH);
    produced += want - s.z.avail_out;
    if (rc == Z_STREAM_END) {
      s.finished = true;
    } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
      const bool input_exhausted = s.z.avail_in == 0 && s.remaining == 0;
      // Room for output but nothing left to read: the file was cut off.
      if (input_exhausted && s.z.avail_out != 0) break;
      if (rc == Z_BUF_ERROR && s.z.avail_out == want) break;  // no progress at all
    } else if (rc == Z_MEM_ERROR) {
      throw Error("size.too_large", "zlib ran out of memory");
    } else {
      const std::string why = s.z.msg ? s.z.msg : "error " + std::to_string(rc);
      throw Error(s.corrupt_code, "the compressed data is damaged (zlib: " + why + ")");
    }
  }
  return produced;
}

void Inflater::read_into(std::vector<std::uint8_t>& out, std::size_t max_bytes) {
  const std::size_t start = out.size();
  std::size_t chunk = 1u << 16;
  while (!finished() && out.size() - start < max_bytes) {
    const std::size_t want = std::min(chunk, max_bytes - (out.size() - start));
    const std::size_t before = out.size();
    out.resize(before + want);
    const std::size_t got = read(out.data() + before, want);
    out.resize(before + got);
    if (got < want) break;  // ended, or the input ran out
    chunk = std::min<std::size_t>(chunk * 2, 1u << 26);
  }
}

bool Inflater::finished() const { return state_->finished; }

std::size_t Inflater::unused_input() const { return state_->z.avail_in + state_->remaining; }

#endif

}  // namespace scratchnet
