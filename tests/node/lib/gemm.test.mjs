// The wasm build's matrix products (cpp/kernels/gemm.hpp → the packed
// wasm_simd128 kernel) against a double-precision reference written here in
// JavaScript, through the public API only:
//   x·W      forward: the "A" entries of net.trace()
//   dout·Wᵀ  backward into a hidden layer, and
//   xᵀ·dout  the weight gradient: both read off one SGD step with lr = 1,
//            where W_before − W_after = dW exactly as the core computed it.
// The shapes are odd on purpose (no multiple of the 4 × 8 register tile) and
// the 784-wide one crosses the kernel's 256-deep blocking. The native tests
// check the same kernel's packing logic in its portable form (tests/cpp/kernels).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, assertClose } from '../load.mjs';

const sn = await loadCore();

// A small deterministic generator (LCG) so the test needs no fixtures.
function* numbers(seed) {
  let s = seed >>> 0;
  for (;;) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; yield s / 2 ** 32; }
}
const take = (gen, n, f) => Float32Array.from({ length: n }, () => f(gen.next().value));

// c (m × n) = a (m × k) · b (k × n) in double; ta/tb read the stored matrix transposed.
function matmul(a, b, m, n, k, { ta = false, tb = false } = {}) {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; ++i)
    for (let j = 0; j < n; ++j) {
      let s = 0;
      for (let p = 0; p < k; ++p) s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
      c[i * n + j] = s;
    }
  return c;
}

test('the build under test is the wasm SIMD build (so these tests exercise the packed kernel)', () => {
  assert.equal(sn.buildFlavor, 'wasm-simd128');
});

for (const [inp, out, rows] of [[37, 29, 11], [784, 100, 100], [5, 3, 1]]) {
  test(`forward x·W + b matches a double reference: (${rows}, ${inp}) · (${inp}, ${out})`, () => {
    sn.scope(() => {
      const g = numbers(inp * 1000 + out);
      const net = sn.network({ sizes: [inp, out, 3], hidden: 'identity' }, { seed: 7 });
      const W = net.param('W1').data;
      const b = take(g, out, (u) => u - 0.5);
      net.setParam('b1', b, 1, out);
      const x = take(g, rows * inp, (u) => 2 * u - 1);
      const A = net.trace(x, rows).find((t) => t.layer === 'Affine1').data;
      const expected = matmul(x, W, rows, out, inp).map((v, i) => v + b[i % out]);
      // float32 products summed over `inp` terms of size ≤ |x||W|: ≈ 1e-7 · inp
      assertClose(assert, A, expected, 2e-7 * inp + 1e-6, 'A1');
    });
  });
}

test('backward: dW1 = xᵀ·(dS·W2ᵀ) and dW2 = hᵀ·dS after one SGD step match a double reference', async () => {
  const [rows, inp, hid, cls] = [13, 37, 29, 11];
  const g = numbers(42);
  // An IDX data set of `rows` 1 × inp "images" with labels < cls.
  const pixels = Uint8Array.from({ length: rows * inp }, () => Math.floor(g.next().value * 256));
  const labels = Uint8Array.from({ length: rows }, () => Math.floor(g.next().value * cls));
  const header = (magic, dims) => {
    const h = new DataView(new ArrayBuffer(4 + 4 * dims.length));
    h.setUint32(0, magic);
    dims.forEach((d, i) => h.setUint32(4 + 4 * i, d));
    return new Uint8Array(h.buffer);
  };
  const cat = (a, b) => { const c = new Uint8Array(a.length + b.length); c.set(a); c.set(b, a.length); return c; };
  const data = await sn.datasetFromIdx(cat(header(0x803, [rows, 1, inp]), pixels), cat(header(0x801, [rows]), labels),
    { classes: cls });
  try {
    sn.scope(() => {
      const net = sn.network({ sizes: [inp, hid, cls], hidden: 'identity', output: 'softmax' }, { seed: 3 });
      const W1 = net.param('W1').data, W2 = net.param('W2').data;
      const x = data.x(), y = data.labels();
      // Reference in double: h = x·W1 (b = 0), s = h·W2, dS = (softmax(s) − t) / N.
      const h = matmul(x, W1, rows, hid, inp);
      const s = matmul(h, W2, rows, cls, hid);
      const dS = new Float64Array(rows * cls);
      for (let r = 0; r < rows; ++r) {
        const row = s.subarray(r * cls, (r + 1) * cls);
        const max = Math.max(...row);
        const e = row.map((v) => Math.exp(v - max));
        const sum = e.reduce((a, v) => a + v, 0);
        for (let c = 0; c < cls; ++c) dS[r * cls + c] = (e[c] / sum - (c === y[r] ? 1 : 0)) / rows;
      }
      const dW2 = matmul(h, dS, hid, cls, rows, { ta: true });
      const dH = matmul(dS, W2, rows, hid, cls, { tb: true });
      const dW1 = matmul(x, dH, inp, hid, rows, { ta: true });

      const tr = sn.trainer(net, { train: data, optimizer: 'sgd', learningRate: 1, batchSize: rows, seed: 1 });
      tr.step();
      const moved = (before, after) => before.map((v, i) => v - after[i]);
      assertClose(assert, moved(W2, net.param('W2').data), dW2, 2e-6, 'dW2 = hᵀ·dS');
      assertClose(assert, moved(W1, net.param('W1').data), dW1, 2e-6, 'dW1 = xᵀ·(dS·W2ᵀ)');
    });
  } finally {
    data.delete();
  }
});
