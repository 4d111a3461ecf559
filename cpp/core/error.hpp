// error.hpp — how scratchnet says "no".
//
// Every entry point validates its input and throws scratchnet::Error instead
// of crashing. An Error carries a stable `code` (e.g. "idx.bad_magic") that
// the web front end uses to pick a translated message (한국어/English), and an
// English `what()` with the concrete numbers, for logs and the CLI.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace scratchnet {

class Error : public std::runtime_error {
 public:
  Error(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// Throws Error(code, message) when `ok` is false. Keeps validation one line.
inline void require(bool ok, const char* code, const std::string& message) {
  if (!ok) throw Error(code, message);
}

// Refuse absurd sizes *before* allocating. The limit is deliberately far
// below what a browser tab can hold (wasm32 addresses 4 GiB at most) and the
// message carries the estimate so the learner sees why.
inline constexpr std::uint64_t kMaxAllocationBytes = 1024ull * 1024 * 1024;  // 1 GiB

// Within the limit? Checked on every forward pass, so it builds no message.
inline bool allocation_fits(std::uint64_t elements, std::uint64_t bytes_per_element) {
  // elements * bytes_per_element must not overflow before we compare it.
  return bytes_per_element == 0 || elements <= kMaxAllocationBytes / bytes_per_element;
}

inline void require_allocation(std::uint64_t elements, std::uint64_t bytes_per_element,
                               const std::string& what) {
  if (!allocation_fits(elements, bytes_per_element)) {
    const bool overflow = elements > UINT64_MAX / bytes_per_element;
    const std::uint64_t bytes = overflow ? UINT64_MAX : elements * bytes_per_element;
    throw Error("size.too_large",
                what + " would need about " +
                    (overflow ? std::string("more than 16 EiB")
                              : std::to_string(bytes / (1024 * 1024)) + " MiB") +
                    " of memory; the limit is " +
                    std::to_string(kMaxAllocationBytes / (1024 * 1024)) + " MiB");
  }
}

}  // namespace scratchnet
