// inflate.hpp — undo DEFLATE compression, a little at a time, with a cap.
//
// Two of our formats may arrive compressed with DEFLATE (RFC 1951):
//   * MNIST's .gz files: DEFLATE wrapped in a gzip member (RFC 1952),
//   * entries of np.savez_compressed .npz files: raw DEFLATE inside a zip.
//
// Why "a little at a time"? A compressed file is tiny and says nothing
// trustworthy about how big it becomes: a 1 MB "zip bomb" can expand to
// 1 GB. So we never allocate what the input *claims*; we inflate in chunks
// and stop as soon as the caller's limit is reached. The IDX reader, for
// instance, first inflates only the header, computes the exact size the
// dimensions imply, checks it against the allocation limit, and only then
// inflates the body.
//
// Natively zlib does the work. The WebAssembly build has no zlib
// (SCRATCHNET_NO_ZLIB): there the browser's DecompressionStream unpacks
// gzip before the bytes reach C++, so callers check kHaveZlib and throw a
// clear error of their own instead of calling this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace scratchnet {

#ifdef SCRATCHNET_NO_ZLIB
inline constexpr bool kHaveZlib = false;
#else
inline constexpr bool kHaveZlib = true;
#endif

// gzip: 1f 8b header + DEFLATE + CRC-32/size trailer (checked by zlib).
// raw:  bare DEFLATE, as stored in zip entries (the zip has its own CRC).
enum class DeflateWrapper { gzip, raw };

// Does the buffer start with the gzip magic bytes 1f 8b?
inline bool looks_like_gzip(const std::uint8_t* data, std::size_t size) {
  return size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
}

class Inflater {
 public:
  // `corrupt_code` is the Error code thrown when the compressed data is
  // damaged ("gzip.corrupt", "npz.bad_entry"). The input must outlive this.
  Inflater(const std::uint8_t* data, std::size_t size, DeflateWrapper wrapper,
           std::string corrupt_code);
  ~Inflater();
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  // Writes up to n decompressed bytes to out and returns how many it wrote.
  // Fewer than n means the stream is over: either it ended properly
  // (finished() is true) or the input ran out first (a cut-off file).
  std::size_t read(std::uint8_t* out, std::size_t n);

  // Appends up to max_bytes to out, growing it chunk by chunk so memory
  // follows the bytes actually produced, not what anybody claimed.
  void read_into(std::vector<std::uint8_t>& out, std::size_t max_bytes);

  // True once the end of the DEFLATE stream (and, for gzip, its checked
  // trailer) has been reached.
  bool finished() const;

  // Input bytes after the end of the stream (non-zero means trailing junk
  // or a second gzip member, which we do not accept).
  std::size_t unused_input() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace scratchnet
