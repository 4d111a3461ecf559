#!/usr/bin/env bash
# setup.sh — install whatever this machine is missing, and nothing else.
# Called by `npm start` (setup.sh play: what the playground needs) and
# `npm test` (setup.sh, everything: also the test builds and the browsers);
# fast (a few checks) when all is there.
# Usage: scripts/setup.sh [play|all|debian-play|npm]   (default: all)
#   play / all     the Debian packages of the playground / of everything, then npm
#   debian-play    only the playground's Debian packages; npm   only the npm packages
# (scripts/start.sh runs the npm part while the wasm compiles.)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
debian=1; npm=1
case $what in
  play|all) ;;
  debian-play) what=play; npm=0 ;;
  npm) debian=0 ;;
  *) echo "setup.sh: unknown mode '$what' (play|all|debian-play|npm)" >&2; exit 2 ;;
esac

# Debian packages: the command or file that proves each one is installed.
# The playground: the wasm build (emscripten, Eigen, CMake) and the bundled data.
declare -A need=(
  [emscripten]=/usr/bin/em++
  [libeigen3-dev]=/usr/include/eigen3/Eigen/Core
  [cmake]=/usr/bin/cmake
  [make]=/usr/bin/make
  [dataset-fashion-mnist]=/usr/share/datasets/fashion-mnist
)
# The tests: native, sanitizer and fuzzing builds, numpy checks, three browser engines.
if [ "$what" != play ]; then
  need+=(
    [g++]=/usr/bin/g++
    [libgtest-dev]=/usr/include/gtest/gtest.h
    [zlib1g-dev]=/usr/include/zlib.h
    [chromium]=/usr/bin/chromium
    [firefox-esr]=/usr/bin/firefox-esr
    [webkit2gtk-driver]=/usr/bin/WebKitWebDriver
    [xvfb]=/usr/bin/Xvfb
    [python3-numpy]=/usr/lib/python3/dist-packages/numpy
    [clang]=/usr/bin/clang++
    [libclang-rt-14-dev]=/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a
  )
fi
missing=()
[ "$debian" -eq 1 ] || need=()
for pkg in "${!need[@]}"; do
  [ -e "${need[$pkg]}" ] || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" python3 >/dev/null
fi

# npm packages: reinstall only when package-lock.json changed since the last install.
if [ "$npm" -eq 1 ] && { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
