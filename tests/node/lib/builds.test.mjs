// The loader's choice of build (web/lib/builds.js) and `sn.build`, in Node:
// Node is no cross-origin-isolated page, so 'auto' means the SIMD build and
// 'threads' is refused with a code the UI translates. The threads build
// itself is checked in Chromium (tests/browser/threads.test.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { loadScratchnet, buildAvailable, BUILD_NAMES } from '../../../web/lib/scratchnet.js';
import { repoFile } from '../load.mjs';

const simdWasm = () => fs.readFileSync(repoFile('web/generated/wasm/scratchnet.wasm'));

test('the three build names, and which of them can run in Node', () => {
  assert.deepEqual(BUILD_NAMES, ['simd', 'scalar', 'threads']);
  assert.equal(buildAvailable('simd'), true);
  assert.equal(buildAvailable('scalar'), true);
  assert.equal(buildAvailable('threads'), false, 'Node has no crossOriginIsolated');
  assert.equal(buildAvailable('fast'), false);
});

test("'auto' outside a cross-origin-isolated page loads the single-thread SIMD build", async () => {
  const sn = await loadScratchnet({ wasmBinary: simdWasm() });
  assert.deepEqual({ ...sn.build }, { name: 'simd', simd: true, threads: 1 });
  assert.ok(Object.isFrozen(sn.build));
});

test("build: 'simd' names the SIMD build", async () => {
  const sn = await loadScratchnet({ build: 'simd', wasmBinary: simdWasm() });
  assert.equal(sn.build.name, 'simd');
  assert.equal(sn.buildFlavor, 'wasm-simd128');
});

test("build: 'threads' without cross-origin isolation is refused with build.unavailable", async () => {
  await assert.rejects(loadScratchnet({ build: 'threads', wasmBinary: simdWasm() }),
    (e) => e.name === 'ScratchnetError' && e.code === 'build.unavailable');
});

test('an unknown build name is refused with build.unknown', async () => {
  await assert.rejects(loadScratchnet({ build: 'avx512', wasmBinary: simdWasm() }),
    (e) => e.name === 'ScratchnetError' && e.code === 'build.unknown');
});
