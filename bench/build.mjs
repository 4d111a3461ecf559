// build.mjs — the four flavours `npm run bench` compares, each in its own
// build directory so the normal builds (build/native, build/wasm) are never touched:
//   build/bench-wasm-simd     the shipped wasm (SIMD + packed GEMM kernel)
//   build/bench-wasm-nosimd   the same core without -msimd128 (Eigen, scalar)
//   build/bench-native-sse2   native, x86-64 baseline = the 128-bit width wasm SIMD maps to
//   build/bench-native-march  native, -march=native (AVX2/FMA/… where the CPU has them)
// Each gets the core library from CMakeLists.txt and bench/core_bench.cpp linked to it.
// Builds are incremental and run one at a time with -j2 (the machine is shared).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(new URL('..', import.meta.url).pathname);
const JOBS = '-j2';
const env = { ...process.env, NODE_PATH: '/usr/share/nodejs' };  // Debian emscripten under Node 20
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });

// The compile flags CMakeLists.txt gives the library for each flavour; core_bench must match them.
const FLAVORS = {
  'wasm-simd': { wasm: true, cmake: ['-DSCRATCHNET_SIMD=ON'], flags: ['-msimd128'] },
  'wasm-nosimd': { wasm: true, cmake: ['-DSCRATCHNET_SIMD=OFF'], flags: [] },
  'native-sse2': { wasm: false, cmake: ['-DSCRATCHNET_NATIVE_ARCH=sse2'],
                   flags: ['-march=x86-64', '-mtune=generic', '-mno-sse3', '-mno-fma'] },
  'native-march': { wasm: false, cmake: ['-DSCRATCHNET_NATIVE_ARCH=native'], flags: ['-march=native'] },
};

const buildDir = (flavor) => path.join(root, 'build', `bench-${flavor}`);

const newer = (out, inputs) => !fs.existsSync(out) || inputs.some((f) => fs.statSync(f).mtimeMs > fs.statSync(out).mtimeMs);

export function buildFlavor(flavor) {
  const f = FLAVORS[flavor];
  const dir = buildDir(flavor);
  if (!fs.existsSync(path.join(dir, 'CMakeCache.txt'))) {
    const configure = ['cmake', '-S', '.', '-B', dir, '-DCMAKE_BUILD_TYPE=Release', ...f.cmake];
    if (f.wasm) run('emcmake', configure); else run(configure[0], configure.slice(1));
  }
  run('cmake', ['--build', dir, '--target', f.wasm ? 'scratchnet_wasm' : 'scratchnet', JOBS]);

  const lib = path.join(dir, 'libscratchnet.a');
  const src = path.join(root, 'bench/core_bench.cpp');
  const common = ['-std=c++20', '-O3', '-DNDEBUG', `-I${root}/cpp`, '-I/usr/include/eigen3', ...f.flags];
  if (f.wasm) {
    const out = path.join(dir, 'core_bench.mjs');
    if (newer(out, [src, lib])) {
      run('em++', [...common, '-fwasm-exceptions', '-DSCRATCHNET_NO_ZLIB=1', src, lib, '-o', out,
        '-sMODULARIZE=1', '-sEXPORT_ES6=1', '-sEXPORT_NAME=createCoreBench', '-sENVIRONMENT=web',
        '-sALLOW_MEMORY_GROWTH=1', '-sFILESYSTEM=0']);
    }
    return { dir, module: path.join(dir, 'scratchnet.mjs'), wasm: path.join(dir, 'scratchnet.wasm') };
  }
  const out = path.join(dir, 'core_bench');
  if (newer(out, [src, lib])) run('g++', [...common, src, lib, '-lz', '-o', out]);
  return { exe: out };
}
