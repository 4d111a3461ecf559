// The wasm SIMD build's Sigmoid layer (cpp/kernels/sigmoid.hpp: a vectorized
// e^x, since Eigen's exp is scalar in wasm) against σ in double, read off
// net.trace(): with x = [1], W1 = the test values and b1 = 0, the layer's
// input A1 is exactly those values and Z1 = σ(A1).
// The same kernel's arithmetic is checked natively in tests/cpp/kernels/sigmoid_test.cpp.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';

const sn = await loadCore();
const FLT_MIN = 1.1754943508222875e-38;   // the smallest normal float

// The spacing from float v to the next float up (one unit in the last place).
function ulp(v) {
  const f = new Float32Array([v]);
  const i = new Int32Array(f.buffer);
  const lo = f[0];
  i[0] += 1;
  return f[0] - lo;
}

function sigmoidThroughLayer(values) {
  return sn.scope(() => {
    const net = sn.network({ sizes: [1, values.length, 2], hidden: 'sigmoid' }, { seed: 1 });
    net.setParam('W1', values, 1, values.length);
    net.setParam('b1', new Float32Array(values.length), 1, values.length);
    const t = net.trace([1]);
    assert.deepEqual(Array.from(t[0].data), Array.from(values), 'A1 is W1 exactly');
    return t.find((s) => s.layer === 'Sigmoid1').data;
  });
}

test('σ in wasm is within 3 units in the last place of σ in double over [−100, 100]', () => {
  // 40,001 points, 0.005 apart, plus a length that is no multiple of 4 (the kernel's tail)
  const x = Float32Array.from({ length: 40003 }, (_, i) => (i - 20000) * 0.005);
  const y = sigmoidThroughLayer(x);
  let worst = 0;
  let at = 0;
  for (let i = 0; i < x.length; i++) {
    const ref = 1 / (1 + Math.exp(-x[i]));
    if (ref < FLT_MIN) {   // below the normal floats the kernel flushes to 0
      assert.equal(y[i], 0, `x = ${x[i]}`);
      continue;
    }
    const e = Math.abs(y[i] - ref) / ulp(Math.fround(ref));
    if (e > worst) { worst = e; at = x[i]; }
  }
  assert.ok(worst <= 3, `worst ${worst.toFixed(2)} ulp at x = ${at}`);
});

test('σ in wasm: the book\'s values, saturation and no NaN from large inputs', () => {
  const y = sigmoidThroughLayer(Float32Array.from([-1, 1, 2, 0, 1000, -1000, 88, -88, 3e38, -3e38]));
  // book 3.2.4: sigmoid(np.array([-1.0, 1.0, 2.0])) → [0.26894142, 0.73105858, 0.88079708]
  for (const [i, v] of [[0, 0.26894142], [1, 0.73105858], [2, 0.88079708]]) {
    assert.ok(Math.abs(y[i] - v) < 1e-7, `σ = ${y[i]}, book ${v}`);
  }
  assert.deepEqual(Array.from(y.slice(3)), [0.5, 1, 0, 1, 0, 1, 0]);
});
