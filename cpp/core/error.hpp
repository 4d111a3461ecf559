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

// Throws Error(code, message). Out of line (error.cpp) on purpose: the throw
// (building the Error, allocating and raising the exception) is then one call
// in each of the ~250 places that validate, not a copy of it in every one of
// them — about a tenth of the wasm module's code before it moved (README "Size").
[[noreturn]] void throw_error(const char* code, const std::string& message);

// Throws Error(code, message) when `ok` is false. Keeps validation one line.
inline void require(bool ok, const char* code, const std::string& message) {
  if (!ok) [[unlikely]] throw_error(code, message);
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

// Throws size.too_large with the estimate in MiB (out of line, error.cpp).
[[noreturn]] void throw_too_large(std::uint64_t elements, std::uint64_t bytes_per_element, const std::string& what);

inline void require_allocation(std::uint64_t elements, std::uint64_t bytes_per_element,
                               const std::string& what) {
  if (!allocation_fits(elements, bytes_per_element)) [[unlikely]] throw_too_large(elements, bytes_per_element, what);
}

}  // namespace scratchnet
