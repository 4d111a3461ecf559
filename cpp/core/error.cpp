// error.cpp — the throwing half of error.hpp, out of line so that each
// validation site in the core compiles to a test and one call.
#include "core/error.hpp"

namespace scratchnet {

void throw_error(const char* code, const std::string& message) { throw Error(code, message); }

void throw_too_large(std::uint64_t elements, std::uint64_t bytes_per_element, const std::string& what) {
  const bool overflow = elements > UINT64_MAX / bytes_per_element;
  const std::uint64_t bytes = overflow ? UINT64_MAX : elements * bytes_per_element;
  throw Error("size.too_large", what + " would need about " +
                                    (overflow ? std::string("more than 16 EiB")
                                              : std::to_string(bytes / (1024 * 1024)) + " MiB") +
                                    " of memory; the limit is " +
                                    std::to_string(kMaxAllocationBytes / (1024 * 1024)) + " MiB");
}

}  // namespace scratchnet
