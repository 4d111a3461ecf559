#include "build_info.hpp"

namespace scratchnet {

std::string version() { return "0.1.0"; }

std::string build_flavor() {
#if defined(__EMSCRIPTEN__) && defined(__wasm_simd128__)
  return "wasm-simd128";
#elif defined(__EMSCRIPTEN__)
  return "wasm";
#elif defined(__AVX2__)
  return "native-avx2";
#elif defined(__SSE2__)
  return "native-sse2";
#else
  return "native";
#endif
}

}  // namespace scratchnet
