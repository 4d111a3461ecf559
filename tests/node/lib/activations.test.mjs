// The activation functions and softmax through the JavaScript API (book 3.2, 3.5).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, assertClose } from '../load.mjs';

const sn = await loadCore();

test('softmax([0.3, 2.9, 4.0]) is the book\'s [0.01821127, 0.24519181, 0.73659691] and sums to 1', () => {
  const y = sn.softmax([0.3, 2.9, 4.0]);
  assert.ok(y instanceof Float64Array);
  assertClose(assert, y, [0.01821127, 0.24519181, 0.73659691], 1e-8, 'softmax');
  assert.ok(Math.abs(y.reduce((a, b) => a + b) - 1) < 1e-12);
});

test('softmax subtracts the max: [1010, 1000, 990] is finite, the naive formula gives NaN', () => {
  const stable = sn.softmax([1010, 1000, 990]);
  assertClose(assert, stable, sn.softmax([20, 10, 0]), 1e-15, 'stable');
  assert.ok(stable.every(Number.isFinite));
  const naive = sn.softmax([1010, 1000, 990], { stable: false });
  assert.ok(naive.every(Number.isNaN), `naive softmax should overflow to NaN, got ${naive}`);
});

test('sigmoid of the seed\'s A1 = [0.3, 0.7, 1.1] is Z1 = [0.57444252, 0.66818777, 0.75026011]', () => {
  assertClose(assert, sn.activate('sigmoid', [0.3, 0.7, 1.1]), [0.57444252, 0.66818777, 0.75026011], 1e-8, 'Z1');
});

test('derivatives match the closed forms: σ\'(0) = 0.25, tanh\'(0) = 1, relu\'(-1) = 0, leaky\'(-1) = slope', () => {
  assert.equal(sn.derivative('sigmoid', [0])[0], 0.25);
  assert.equal(sn.derivative('tanh', [0])[0], 1);
  assert.equal(sn.derivative('relu', [-1])[0], 0);
  assert.equal(sn.derivative('leaky_relu', [-1], 0.1)[0], 0.1);
  assert.equal(sn.activate('step', [0, 0.001])[1], 1);
  assert.equal(sn.activate('step', [0])[0], 0, 'step(0) = 0 as in the book (x > 0)');
});

test('sampleActivation returns matching x, f(x), f\'(x) for graphs', () => {
  const s = sn.sampleActivation('sigmoid', { from: -5, to: 5, points: 101 });
  assert.equal(s.x.length, 101);
  assert.equal(s.x[0], -5);
  assert.equal(s.x[100], 5);
  for (let i = 0; i < 101; i += 10) {
    assert.ok(Math.abs(s.y[i] - 1 / (1 + Math.exp(-s.x[i]))) < 1e-12);
    assert.ok(Math.abs(s.dy[i] - s.y[i] * (1 - s.y[i])) < 1e-12);
  }
});

test('bad input becomes a ScratchnetError with a code, never an abort', () => {
  assert.throws(() => sn.activate('swish', [1]), { name: 'ScratchnetError', code: 'activation.unknown' });
  assert.throws(() => sn.sampleActivation('relu', { from: 5, to: -5 }), { code: 'activation.bad_range' });
  assert.throws(() => sn.sampleActivation('relu', { points: 1e9 }), { code: 'activation.bad_range' });
  // the module still works after errors
  assert.equal(sn.activate('relu', [2])[0], 2);
});
