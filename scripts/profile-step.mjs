#!/usr/bin/env node
// profile-step.mjs — where the time of one training step goes, 1 thread against 2.
//
// Builds bench/step_profile.cpp against the threads wasm build's core
// (build/wasm-threads: pthreads, SIMD, -fexceptions, the same flags as the
// shipped scratchnet-threads.wasm) as a Node program, and runs it: Node's
// worker_threads are the pool's threads, Atomics.wait/notify its futex, as
// in the browser. Prints, per workload, the median µs of every piece of a
// step (gather, each layer's forward and backward, loss, guard, update) for
// 1 and 2 threads interleaved, the pool's jobs per step and the ratio of
// whole steps. `--native` instead builds it natively against build/native
// (one thread, Eigen's products: the algorithm without wasm's costs).
// Options: --steps N (default 60), --json. Time it with nothing else busy on the machine:
//   node scripts/profile-step.mjs
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const native = argv.includes('--native');
const pass = argv.filter((a) => a !== '--native');
const env = { ...process.env, NODE_PATH: '/usr/share/nodejs' };
delete env.CMAKE_CXX_COMPILER_LAUNCHER;
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
const src = path.join(root, 'bench/step_profile.cpp');
const common = ['-std=c++20', '-O3', '-DNDEBUG', `-I${root}/cpp`, '-I/usr/include/eigen3'];

let cmd;
if (native) {
  const dir = path.join(root, 'build/native');
  if (!fs.existsSync(path.join(dir, 'CMakeCache.txt')))
    run('cmake', ['-S', '.', '-B', dir, '-DCMAKE_BUILD_TYPE=Release']);
  run('cmake', ['--build', dir, '--target', 'scratchnet', '-j2']);
  const out = path.join(dir, 'step_profile');
  run('g++', [...common, src, path.join(dir, 'libscratchnet.a'), '-lz', '-pthread', '-o', out]);
  cmd = [out, pass];
} else {
  const dir = path.join(root, 'build/wasm-threads');
  if (!fs.existsSync(path.join(dir, 'CMakeCache.txt')))
    run('emcmake', ['cmake', '-S', '.', '-B', dir, '-DCMAKE_BUILD_TYPE=Release',
      '-DSCRATCHNET_WASM_NAME=scratchnet-threads', '-DSCRATCHNET_THREADS=ON']);
  run('cmake', ['--build', dir, '--target', 'scratchnet', '-j2']);
  // Its own folder, marked CommonJS: Emscripten 3.1.6's Node worker file
  // (step_profile.worker.js) uses require(), and the project is "type": "module".
  const outDir = path.join(dir, 'step-profile');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'package.json'), '{ "type": "commonjs" }\n');
  const out = path.join(outDir, 'step_profile.js');
  // The flags CMakeLists.txt gives the threads build's core.
  run('em++', [...common, '-msimd128', '-fexceptions', '-pthread', '-DSCRATCHNET_THREADS=1',
    '-DSCRATCHNET_NO_ZLIB=1', src, path.join(dir, 'libscratchnet.a'), '-o', out,
    '-sENVIRONMENT=node,worker', '-sPTHREAD_POOL_SIZE=2', '-sEXIT_RUNTIME=1',
    '-sALLOW_MEMORY_GROWTH=1', '-sMAXIMUM_MEMORY=1GB', '-sFILESYSTEM=0']);
  // Node 20's global fetch() makes 3.1.6's loader fetch the .wasm by path: off.
  cmd = [process.execPath, ['--no-experimental-fetch', out, ...pass]];
}
if (!pass.includes('--json')) console.log(`profile-step: ${native ? 'native' : 'wasm threads build in Node'}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
// As scripts/bench-threads.mjs does for its Chromium: the program runs in a
// session (autogroup) of its own, at autogroup nice −15 where allowed (root),
// so that on a machine busy with other sessions a free core goes to it.
const child = spawn(cmd[0], cmd[1], { stdio: 'inherit', detached: true });
let raised = false;
try {
  fs.writeFileSync(`/proc/${child.pid}/autogroup`, '-15');
  raised = true;
} catch { /* not allowed here */ }
if (!pass.includes('--json')) console.log(`profile-step: autogroup nice ${raised ? '−15' : 'unchanged'}`);
const code = await new Promise((resolve) => child.on('exit', resolve));
if (code !== 0) process.exit(code ?? 1);
if (!pass.includes('--json')) console.log(`profile-step: load after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
