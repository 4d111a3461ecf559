// net.traceBackward through the JavaScript API: one forward and one backward of
// the core's Network with every layer's numbers (book 5.7, vol. 2 1.3.5–1.3.6).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';

const sn = await loadCore();

test('net.traceBackward: the gradients of training, every layer\'s numbers, and a gradient check', () => {
  sn.scope(() => {
    const spec = { sizes: [4, 5, 3], hidden: 'sigmoid', init: 'xavier' };
    const x = new Float32Array([0.3, -0.8, 0.5, 0.9, -0.2, 0.4, -0.6, 0.7]);
    const t = new Float32Array([1, 0, 0, 0, 0, 1]);
    const net = sn.network(spec, { seed: 3 });
    const tr = net.traceBackward(x, t, 2);
    assert.deepEqual(tr.layers.map((l) => l.layer), ['Affine1', 'Sigmoid1', 'Affine2', 'SoftmaxWithLoss']);
    assert.ok(Math.abs(tr.loss - net.loss(x, t, 2)) < 1e-6);
    assert.deepEqual(Object.keys(tr.layers[0].grads), ['W1', 'b1']);
    assert.deepEqual(Object.keys(tr.layers[1].grads), []);
    const { W1, b1 } = tr.layers[0].grads;
    assert.deepEqual([W1.rows, W1.cols, b1.rows, b1.cols], [4, 5, 1, 5]);
    assert.ok(W1.data instanceof Float32Array);
    assert.deepEqual([tr.layers[0].dx.rows, tr.layers[0].dx.cols], [2, 4]);  // ∂L/∂x, which training skips
    for (let i = 0; i + 1 < tr.layers.length; ++i) {
      assert.deepEqual(tr.layers[i].output, tr.layers[i + 1].input);
      assert.deepEqual(tr.layers[i].dout, tr.layers[i + 1].dx);
    }
    const last = tr.layers[3];
    assert.equal(last.output.data[0], Math.fround(tr.loss));
    assert.equal(last.dout.data[0], 1);
    // sigmoid's backward is dout·y(1 − y)
    const sig = tr.layers[1];
    for (let i = 0; i < sig.dx.data.length; ++i) {
      const y = sig.output.data[i];
      assert.ok(Math.abs(sig.dx.data[i] - sig.dout.data[i] * y * (1 - y)) < 1e-7);
    }
    // The same network's gradient check (double, central differences) passes, so the
    // backward traced here is right; and the trace's dW2 equals dout·Affine1 output.
    for (const r of net.gradientCheck(x, t, 2)) assert.ok(r.maxRelError < 1e-6, `${r.param}: ${r.maxRelError}`);
    const h = tr.layers[2].input, d = tr.layers[2].dout, W2 = tr.layers[2].grads.W2;
    for (let i = 0; i < 5; ++i) {
      for (let j = 0; j < 3; ++j) {
        const want = h.data[i] * d.data[j] + h.data[5 + i] * d.data[3 + j];  // (hᵀ·dout)_ij
        assert.ok(Math.abs(W2.data[i * 3 + j] - want) < 1e-6, `dW2[${i}][${j}]`);
      }
    }
    assert.throws(() => net.traceBackward(x, new Float32Array(6).fill(1), 2), { code: 'target.not_distribution' });
  });
});
