// build_info.hpp — what was built, so a bug report can say which core it ran on.
#pragma once

#include <string>

namespace scratchnet {

std::string version();     // "0.1.0"
std::string build_flavor();  // "wasm-simd128", "wasm", "native-sse2", "native"

}  // namespace scratchnet
