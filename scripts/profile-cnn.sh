#!/usr/bin/env bash
# profile-cnn.sh — build bench/conv_profile.cpp natively (-O3, the native
# build's flags) and as wasm SIMD (the shipped kernel), run both, print the
# per-piece times of one SimpleConvNet training step. Usage:
#   bash scripts/profile-cnn.sh [reps]      (with nothing else busy on the machine)
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/conv-profile
mkdir -p "$out"
srcs=(bench/conv_profile.cpp cpp/net/conv_net.cpp cpp/core/activations.cpp cpp/kernels/gemm.cpp cpp/kernels/gemm_packed.cpp)
flags=(-std=c++20 -O3 -DNDEBUG -Icpp -I/usr/include/eigen3)
g++ "${flags[@]}" "${srcs[@]}" -o "$out/native"
NODE_PATH=/usr/share/nodejs em++ "${flags[@]}" -msimd128 -fwasm-exceptions "${srcs[@]}" -o "$out/wasm.cjs" \
  -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=256MB
if [[ "${BUILD_ONLY:-}" == 1 ]]; then exit 0; fi
uptime
echo "== native (Eigen products)"; "$out/native" "${1:-15}"
echo "== wasm SIMD (node $(node --version), packed kernel)"; node --no-experimental-fetch "$out/wasm.cjs" "${1:-15}"
