// Bit precision through the JavaScript API (vol. 2 1.5.1, vol. 1 8.3.4): the book's
// ch. 3 network in float64/float32/float16 against NumPy's numbers
// (scripts/precision-reference.py), the float16 .npz that numpy reads and we
// load back, and a network that trains in float64 from the float32 one's weights.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadCore, repoFile } from '../load.mjs';
import { ScratchnetError } from '../../../web/lib/scratchnet.js';

const sn = await loadCore();
const mnist = (f) => fs.readFileSync(repoFile(`web/public/data/mnist/${f}-idx${f.includes('images') ? 3 : 1}-ubyte.gz`));
const hasNumpy = (() => {
  try { execFileSync('/usr/bin/python3', ['-c', 'import numpy'], { stdio: 'ignore' }); return true; } catch { return false; }
})();

// All 10,000 bundled digits (train then test), as scripts/precision-reference.py reads them.
async function allDigits() {
  const train = await sn.datasetFromIdx(mnist('train-images'), mnist('train-labels'));
  const test = await sn.datasetFromIdx(mnist('test-images'), mnist('test-labels'));
  const x = new Float32Array((train.size + test.size) * 784);
  x.set(train.x(), 0);
  x.set(test.x(), train.size * 784);
  const labels = new Int32Array([...train.labels(), ...test.labels()]);
  train.delete();
  test.delete();
  return sn.datasetFromArrays(x, labels, { height: 28, width: 28 }, { classes: 10 });
}

test('the book\'s ch. 3 network scores 93.74 % in float64, float32 and float16 (NumPy: 0.9374 each)', async () => {
  const live = sn.liveObjects;
  const all = await allDigits();
  const book = sn.loadNetwork(fs.readFileSync(repoFile('models/book-ch03.npz')), { hidden: 'sigmoid' });
  const rows = sn.comparePrecisions(book, all);
  book.delete();
  all.delete();
  assert.deepEqual(rows.map((r) => r.dtype), ['float64', 'float32', 'float16']);
  assert.deepEqual(rows.map((r) => r.bits), [64, 32, 16]);
  // 45,360 parameters × 8, 4, 2 bytes
  assert.deepEqual(rows.map((r) => r.weightBytes), [362880, 181440, 90720]);
  for (const r of rows) assert.ok(Math.abs(r.accuracy - 0.9374) <= 0.0001, `${r.dtype}: ${r.accuracy}`);
  assert.equal(rows[0].maxOutputChange, 0);
  assert.ok(rows[1].maxOutputChange > 0 && rows[1].maxOutputChange < 1.27e-5, `float32 |Δy| ${rows[1].maxOutputChange}`);
  // NumPy: 3.9206e-4 (float16 weights against float64); the rounding dominates, so within 10 %
  assert.ok(Math.abs(rows[2].maxOutputChange - 3.9206e-4) < 3.92e-5, `float16 |Δy| ${rows[2].maxOutputChange}`);
  assert.equal(rows[2].maxWeightChange, 0.0004469156265258789);  // NumPy's exactly: a rounding, no arithmetic
  assert.equal(sn.liveObjects, live);
});

test('save({ dtype: "float16" }) writes \'<f2\' arrays in half the bytes; loadNetwork reads them back as the rounded weights', () => {
  sn.scope(() => {
    const net = sn.network({ sizes: [784, 100, 10] }, { seed: 3 });
    const f32 = net.toNpz();
    const f16 = net.save({ dtype: 'float16' });
    assert.equal(f32.length - f16.length, 2 * 79510, '2 bytes less for each of the 79,510 parameters');
    const back = sn.loadNetwork(f16);
    assert.deepEqual(back.spec.sizes, [784, 100, 10]);
    const w = net.param('W1').data;
    const h = back.param('W1').data;
    let changed = 0;
    for (let i = 0; i < w.length; i++) {
      // a half keeps 11 significant bits: the rounding moves a normal number by at most 2⁻¹¹ of it
      assert.ok(Math.abs(h[i] - w[i]) <= Math.abs(w[i]) * 2 ** -11 + 2 ** -25, `W1[${i}]: ${w[i]} → ${h[i]}`);
      if (h[i] !== w[i]) changed++;
    }
    assert.ok(changed > w.length / 2, `only ${changed} weights changed`);
    assert.deepEqual(back.save({ dtype: 'float16' }), f16, 'halves are fixed points: saving again changes nothing');
    assert.throws(() => net.save({ dtype: 'bfloat16' }), (e) => e instanceof ScratchnetError && e.code === 'npy.bad_dtype');
  });
});

test('numpy loads the float16 file as float16 arrays', { skip: !hasNumpy && 'no NumPy' }, () => {
  sn.scope(() => {
    const net = sn.network({ sizes: [4, 5, 3] }, { seed: 2 });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scratchnet-')), 'half.npz');
    fs.writeFileSync(file, net.save({ dtype: 'float16' }));
    const info = JSON.parse(execFileSync('/usr/bin/python3', [repoFile('scripts/check-npz-with-numpy.py').pathname, file]));
    assert.deepEqual(info.keys, ['W1', 'b1', 'W2', 'b2', 'architecture']);
    assert.equal(info.arrays.W1.dtype, 'float16');
    assert.deepEqual(info.arrays.W1.shape, [4, 5]);
    assert.deepEqual(info.arrays.b2.shape, [3]);
    const back = sn.loadNetwork(fs.readFileSync(file)).param('W1').data;
    assert.deepEqual(info.arrays.W1.first, Array.from(back.slice(0, 4)), 'numpy and we read the same halves');
  });
});

test('a float64 network starts from the float32 one\'s weights and trains along the same loss curve', async () => {
  const live = sn.liveObjects;
  const train = await sn.datasetFromIdx(mnist('train-images'), mnist('train-labels'));
  sn.scope(() => {
    const spec = { sizes: [784, 100, 10], hidden: 'relu', init: 'he' };
    const n32 = sn.network(spec, { seed: 5 });
    const n64 = sn.network(spec, { seed: 5, precision: 'float64' });
    assert.equal(n64.precision, 'float64');
    const w64 = n64.param('W1').data;
    assert.ok(w64 instanceof Float64Array);
    assert.deepEqual(Array.from(w64), Array.from(n32.param('W1').data), 'the same initial weights, widened');
    const opts = { train, optimizer: 'sgd', learningRate: 0.1, batchSize: 100, seed: 5 };
    const t32 = sn.trainer(n32, opts);
    const l32 = t32.run(30).losses;
    const t64 = sn.trainer(n64, opts);
    const r64 = t64.run(30);
    assert.ok(r64.losses instanceof Float64Array);
    assert.equal(t64.step().step, 31);
    assert.equal(t64.stepCount, 31);
    t32.step();
    let d = 0;
    for (let i = 0; i < 30; i++) d = Math.max(d, Math.abs(l32[i] - r64.losses[i]));
    assert.ok(d < 1e-4, `float32 and float64 losses differ by ${d}`);
    assert.ok(r64.losses[29] < r64.losses[0] * 0.5, `loss ${r64.losses[0]} → ${r64.losses[29]}`);
    assert.ok(Math.abs(n64.accuracyOf(train) - n32.accuracyOf(train)) < 0.01);
    assert.throws(() => sn.network(spec, { precision: 'float16' }), (e) => e instanceof ScratchnetError && e.code === 'net.bad_precision');
  });
  train.delete();
  assert.equal(sn.liveObjects, live);
});
