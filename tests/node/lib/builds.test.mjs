// The loader's choice of build (web/lib/builds.js) and `sn.build`, in Node:
// Node is no cross-origin-isolated page, so 'auto' means the SIMD build and
// 'threads' is refused with a code the UI translates. The threads build
// itself is checked in Chromium (tests/browser/threads.test.mjs).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { loadScratchnet, buildAvailable, BUILD_NAMES } from '../../../web/lib/scratchnet.js';
import { loadCore, repoFile, assertClose } from '../load.mjs';

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

test("build: 'scalar' is the build without SIMD, and trains like the SIMD build within float rounding", async () => {
  const read = (f) => fs.readFileSync(repoFile(`web/public/data/mnist/${f}`));
  const [images, labels] = [read('train-images-idx3-ubyte.gz'), read('train-labels-idx1-ubyte.gz')];
  const losses = {};
  for (const build of ['simd', 'scalar']) {
    const sn = await loadCore({ build });
    assert.deepEqual({ ...sn.build }, { name: build, simd: build === 'simd', threads: 1 });
    assert.equal(sn.buildFlavor, build === 'simd' ? 'wasm-simd128' : 'wasm');
    const data = await sn.datasetFromIdx(images, labels);
    const net = sn.network({ sizes: [784, 100, 10], hidden: 'relu', output: 'softmax', init: 'he' }, { seed: 5 });
    const tr = sn.trainer(net, { train: data, optimizer: 'sgd', learningRate: 0.1, batchSize: 100, seed: 9 });
    tr.run(30);
    losses[build] = tr.lossHistory;
    for (const o of [tr, net, data]) o.delete();
  }
  // The scalar build multiplies with Eigen, the SIMD build with the packed
  // kernel: the same sums in another order, so float rounding differs (≈ 1e-7
  // relative per product) and grows a little over 30 steps; 1e-4 is far above
  // that and far below any real difference (the loss falls by ~1.5 here).
  assert.ok(losses.simd[0] - losses.simd[29] > 0.5, `it learns: ${losses.simd[0]} → ${losses.simd[29]}`);
  assertClose(assert, losses.scalar, losses.simd, 1e-4, 'scalar step loss');
});
