// The wasm SIMD build's inference path (Network::infer: each Affine and the
// Relu or Sigmoid after it as one GEMM with the bias and the activation done
// in the kernel's store, the input read in place in the wasm heap) against
// the book's layer-by-layer forward, read off net.trace(): the scores must be
// the same floats bit for bit, and the probabilities too. Odd batch sizes on
// purpose: fewer rows than the 4 × 8 register tile, ragged tiles, a block edge.
// The native tests check the kernel's arithmetic in its portable form
// (tests/cpp/kernels/gemm_epilogue_test.cpp, tests/cpp/net/network_infer_test.cpp).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';

const sn = await loadCore();

function* numbers(seed) {  // a small LCG: no fixtures needed
  let s = seed >>> 0;
  for (;;) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; yield s / 2 ** 32; }
}
const take = (gen, n, scale) => Float32Array.from({ length: n }, () => (2 * gen.next().value - 1) * scale);

// Same floats, element by element (NaN would fail, none is expected).
function assertBitEqual(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; ++i) {
    if (actual[i] !== expected[i]) assert.fail(`${what}[${i}] = ${actual[i]}, layer by layer ${expected[i]}`);
  }
}

test('the build under test is the wasm SIMD build (so the fused kernel runs)', () => {
  assert.equal(sn.buildFlavor, 'wasm-simd128');
});

for (const hidden of ['relu', 'sigmoid', 'tanh']) {
  for (const sizes of [[784, 50, 100, 10], [13, 7, 9, 3]]) {
    test(`${hidden} ${sizes.join('-')}: predict and output equal the layer-by-layer trace bit for bit`, () => {
      sn.scope(() => {
        const net = sn.network({ sizes, hidden, output: 'softmax' }, { seed: 3 });
        const gen = numbers(sizes.length * 31 + hidden.length);
        for (let l = 1; l < sizes.length; ++l) net.setParam(`b${l}`, take(gen, sizes[l], 0.5), 1, sizes[l]);
        for (const rows of [1, 3, 4, 5, 100, 129]) {
          const x = take(gen, rows * sizes[0], 2);
          const trace = net.trace(x, rows);
          const scores = trace.filter((s) => s.kind === 'A').at(-1);
          assertBitEqual(net.predict(x, rows), scores.data, `${hidden} rows ${rows} scores`);
          assertBitEqual(net.output(x, rows), trace.at(-1).data, `${hidden} rows ${rows} probabilities`);
        }
      });
    });
  }
}

test('outputOf a Dataset (rows read where they lie) equals output of the same rows copied out', () => {
  sn.scope(() => {
    const gen = numbers(5);
    const x = take(gen, 30 * 12, 1);
    const labels = Int32Array.from({ length: 30 }, (_, i) => i % 4);
    const data = sn.datasetFromArrays(x, labels, { features: 12 });
    const net = sn.network({ sizes: [12, 9, 4], hidden: 'sigmoid' }, { seed: 4 });
    assertBitEqual(net.outputOf(data, 7, 13), net.output(x.subarray(7 * 12, 20 * 12), 13), 'rows 7..19');
  });
});
