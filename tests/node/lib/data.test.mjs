// Data and weight files through the JavaScript API: the bundled MNIST (gzip
// inflated by DecompressionStream), broken IDX files, .npz round trips, the
// book's pretrained ch. 3 weights.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadCore, repoFile } from '../load.mjs';

const sn = await loadCore();
const read = (rel) => new Uint8Array(fs.readFileSync(repoFile(rel)));
const mnist = (split) => sn.datasetFromIdx(
  read(`web/public/data/mnist/${split}-images-idx3-ubyte.gz`),
  read(`web/public/data/mnist/${split}-labels-idx1-ubyte.gz`), { name: `mnist-${split}` });

test('the bundled MNIST loads from gzip IDX: 8,000 train + 2,000 test digits of 28×28', async () => {
  const train = await mnist('train');
  const testSet = await mnist('test');
  assert.equal(train.size, 8000);
  assert.equal(testSet.size, 2000);
  assert.equal(train.features, 784);
  const labels = train.labels();
  const counts = new Array(10).fill(0);
  for (const l of labels) counts[l]++;
  assert.ok(counts.every((c) => c > 600), `every digit is present: ${counts}`);
  const x = train.x(0, 1);
  assert.ok(x.every((v) => v >= 0 && v <= 1));
  train.delete();
  testSet.delete();
});

test('a malformed IDX file is refused with a clear code', async () => {
  const good = read('web/public/data/mnist/test-labels-idx1-ubyte.gz');
  const images = read('web/public/data/mnist/test-images-idx3-ubyte.gz');
  await assert.rejects(sn.datasetFromIdx(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), good), { code: 'idx.bad_magic' });
  await assert.rejects(sn.datasetFromIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 9, 0, 0, 0, 28, 0, 0, 0, 28, 1]), good),
    { code: 'idx.truncated' });
  await assert.rejects(sn.datasetFromIdx(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]), good), { code: 'gzip.corrupt' });
  await assert.rejects(sn.datasetFromIdx(good, images), { code: 'idx.bad_dims' });
});

test('the book\'s pretrained ch. 3 weights (784-50-100-10, sigmoid) score ≈ 0.937 on the bundled MNIST', async () => {
  const net = sn.loadNetwork(read('models/book-ch03.npz'), { hidden: 'sigmoid', output: 'softmax' });
  assert.deepEqual(net.spec.sizes, [784, 50, 100, 10]);
  let correct = 0, total = 0;
  for (const split of ['train', 'test']) {
    const d = await mnist(split);
    correct += net.accuracy(d.x(), d.labels()) * d.size;
    total += d.size;
    d.delete();
  }
  const acc = correct / total;
  assert.ok(Math.abs(acc - 0.937) < 0.005, `accuracy on all 10,000 bundled digits: ${acc}`);
  net.delete();
});

test('outputOf / accuracyOf read a dataset inside wasm and agree exactly with the copied-in rows', async () => {
  const net = sn.loadNetwork(read('models/book-ch03.npz'), { hidden: 'sigmoid', output: 'softmax' });
  const d = await mnist('test');
  assert.equal(net.accuracyOf(d), net.accuracy(d.x(), d.labels()));
  assert.ok(Math.abs(net.accuracyOf(d) - 0.931) < 0.0006);
  assert.deepEqual(net.outputOf(d, 1990, 10), net.output(d.x(1990, 10), 10));
  assert.equal(net.outputOf(d).length, 2000 * 10);
  assert.throws(() => net.outputOf(d, 1995, 10), { code: 'dataset.bad_range' });
  sn.scope(() => assert.throws(() => net.accuracyOf(sn.spiral()), { code: 'shape.mismatch' }));
  d.delete();
  net.delete();
});

test('toNpz → loadNetwork predicts the same, and numpy.load reads the book\'s key names', () => {
  sn.scope(() => {
    const net = sn.network({ sizes: [4, 6, 3], hidden: 'tanh' }, { seed: 5 });
    const bytes = net.toNpz();
    const back = sn.loadNetwork(bytes, { hidden: 'tanh' });
    const x = [0.1, 0.2, 0.3, 0.4, -1, 0.5, 0.25, 2];
    assert.deepEqual(back.predict(x, 2), net.predict(x, 2));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scratchnet-')), 'net.npz');
    fs.writeFileSync(file, bytes);
    const info = JSON.parse(execFileSync('/usr/bin/python3', [repoFile('scripts/check-npz-with-numpy.py').pathname, file]));
    assert.deepEqual(info.keys, ['W1', 'b1', 'W2', 'b2', 'architecture']);
    assert.deepEqual(info.arrays.W1.shape, [4, 6]);
    assert.deepEqual(info.arrays.b1.shape, [6], 'biases are 1-D like the book\'s b1');
    assert.equal(info.arrays.W1.dtype, 'float32');
    const w1 = net.param('W1').data;
    assert.ok(Math.abs(info.arrays.W1.sum - w1.reduce((a, b) => a + b)) < 1e-5);
  });
});

test('a malformed .npz is refused with a code and nothing else changes', () => {
  assert.throws(() => sn.loadNetwork(new Uint8Array([80, 75, 3, 4, 0, 0])), (e) => e.code.startsWith('npz.'));
  assert.throws(() => sn.loadNetwork(new TextEncoder().encode('not a zip at all, just text')), { code: 'npz.not_zip' });
});

test('built-in toy sets: spiral (300×2, 3 classes), XOR, gates', () => {
  sn.scope(() => {
    const s = sn.spiral();
    assert.deepEqual([s.size, s.features, s.classes], [300, 2, 3]);
    const x = sn.xorDataset();
    assert.deepEqual([...x.labels()], [0, 1, 1, 0]);
    assert.deepEqual([...sn.gateDataset('nand').labels()], [1, 1, 1, 0]);
    assert.throws(() => sn.gateDataset('maybe'), { code: 'gate.unknown' });
  });
});
