// Networks through the JavaScript API (book ch. 3–5): the seed's forward pass,
// shapes, seeded init, gradient checks, bad input.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, assertClose } from '../load.mjs';

const sn = await loadCore();

test('the seed\'s 2-3-2-2 network gives [0.31682708, 0.69627909] for x = [1.0, 0.5], with every A and Z', () => {
  sn.scope(() => {
    const net = sn.bookThreeLayerNetwork();
    assertClose(assert, net.predict([1.0, 0.5]), [0.31682708, 0.69627909], 1e-6, 'y');
    const t = net.trace([1.0, 0.5]);
    assert.deepEqual(t.map((s) => `${s.layer}:${s.kind}`),
      ['Affine1:A', 'Sigmoid1:Z', 'Affine2:A', 'Sigmoid2:Z', 'Affine3:A', 'IdentityWithLoss:Y']);
    assertClose(assert, t[0].data, [0.3, 0.7, 1.1], 1e-6, 'A1');
    assertClose(assert, t[1].data, [0.57444252, 0.66818777, 0.75026011], 1e-6, 'Z1');
    assertClose(assert, t[2].data, [0.51615984, 1.21402696], 1e-6, 'A2');
    assertClose(assert, t[3].data, [0.62624937, 0.7710107], 1e-6, 'Z2');
    assert.deepEqual([t[0].rows, t[0].cols], [1, 3]);
  });
});

test('batch shapes follow seed 003: (100×784) → (100×10) through 784-50-100-10', () => {
  sn.scope(() => {
    const net = sn.network({ sizes: [784, 50, 100, 10], hidden: 'sigmoid', init: 'std' });
    const x = new Float32Array(100 * 784).map((_, i) => (i % 255) / 255);
    const t = net.trace(x, 100);
    assert.deepEqual(t.map((s) => [s.rows, s.cols]), [[100, 50], [100, 50], [100, 100], [100, 100], [100, 10], [100, 10]]);
    const p = net.output(x, 100);
    assert.equal(p.length, 1000);
    for (let r = 0; r < 100; ++r) {
      let sum = 0;
      for (let c = 0; c < 10; ++c) sum += p[r * 10 + c];
      assert.ok(Math.abs(sum - 1) < 1e-5, `row ${r} of softmax sums to ${sum}`);
    }
  });
});

test('the same seed gives the same weights bit for bit; another seed does not', () => {
  sn.scope(() => {
    const spec = { sizes: [4, 8, 3], init: 'he' };
    const a = sn.network(spec, { seed: 7 }).param('W1').data;
    const b = sn.network(spec, { seed: 7 }).param('W1').data;
    const c = sn.network(spec, { seed: 8 }).param('W1').data;
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });
});

test('gradient check: backprop matches central differences (max relative error < 1e-6) for every layer type', () => {
  const x = new Float32Array([0.3, -0.8, 0.5, 0.9, -0.2, 0.4, -0.6, 0.7, 0.1, -0.5, 0.8, -0.3]);
  const oneHot = new Float32Array([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0]);
  const cases = [
    { hidden: 'sigmoid' }, { hidden: 'tanh' }, { hidden: 'relu' }, { hidden: 'leaky_relu' },
    { hidden: 'identity' }, { hidden: 'tanh', batchNorm: true }, { hidden: 'tanh', dropout: 0.3 },
    { hidden: 'sigmoid', output: 'identity' },
  ];
  for (const c of cases) {
    sn.scope(() => {
      const net = sn.network({ sizes: [3, 5, 3], init: 'xavier', ...c }, { seed: 3 });
      const rows = net.gradientCheck(x, oneHot, 4);
      assert.deepEqual(rows.map((r) => r.param), net.paramNames());
      for (const r of rows) {
        assert.ok(r.maxRelError < 1e-6, `${JSON.stringify(c)} ${r.param}: ${r.maxRelError}`);
      }
    });
  }
});

test('bad input: absurd sizes are refused before allocating, with the estimate; NaN and wrong shapes are errors', () => {
  assert.throws(() => sn.network({ sizes: [784, 10_000_000, 10] }), (e) => {
    assert.equal(e.code, 'size.too_large');
    assert.match(e.message, /MiB/);
    return true;
  });
  assert.throws(() => sn.network({ sizes: [784, 0, 10] }), { code: 'net.layer_size' });
  assert.throws(() => sn.network({ sizes: [2, 2], hidden: 'swish' }), { code: 'activation.unknown' });
  sn.scope(() => {
    const net = sn.network({ sizes: [2, 3, 2] });
    assert.throws(() => net.predict([1, NaN]), { code: 'input.not_finite' });
    assert.throws(() => net.predict([1, 2, 3], 1), { code: 'shape.mismatch' });
    assert.throws(() => net.param('W9'), { code: 'param.unknown' });
    assert.throws(() => net.setParam('W1', [1, 2, 3], 1, 3), { code: 'shape.mismatch' });
  });
});

test('objects are freed deterministically: scope() deletes, use after delete is an error', () => {
  let kept;
  sn.scope(() => { kept = sn.network({ sizes: [2, 2] }); });
  assert.equal(kept.isDeleted(), true);
  assert.throws(() => kept.predict([1, 2]), { code: 'object.deleted' });
  const net = sn.network({ sizes: [2, 2] });
  net.delete();
  net.delete(); // twice is harmless
});

test('copyParamsFrom copies every weight inside wasm and refuses other sizes', () => {
  sn.scope(() => {
    const a = sn.network({ sizes: [3, 4, 2] }, { seed: 1 });
    const b = sn.network({ sizes: [3, 4, 2] }, { seed: 2 });
    assert.notDeepEqual(Array.from(b.param('W1').data), Array.from(a.param('W1').data));
    b.copyParamsFrom(a);
    for (const name of a.paramNames()) assert.deepEqual(Array.from(b.param(name).data), Array.from(a.param(name).data), name);
    const wider = sn.network({ sizes: [3, 5, 2] });
    assert.throws(() => wider.copyParamsFrom(a), (e) => e.code === 'shape.mismatch');
  });
});
