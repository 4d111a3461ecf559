// The book's convnets (ch. 7–8) through the JavaScript API and the wasm core:
// sn.loadNetwork(bytes) rebuilds SimpleConvNet and DeepConvNet from the
// converted .npz files with no options, and they score what the book's own
// NumPy code scores on the 10,000 bundled MNIST digits (0.9600 / 0.9758,
// ±0.0005); a trained convnet survives toNpz → loadNetwork; sn.trainer trains
// one; errors are ScratchnetErrors with codes.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { loadCore, repoFile } from '../load.mjs';
import { ScratchnetError } from '../../../web/lib/scratchnet.js';

const sn = await loadCore();
const read = (rel) => new Uint8Array(fs.readFileSync(repoFile(rel)));
const split = (s) => sn.datasetFromIdx(read(`web/public/data/mnist/${s}-images-idx3-ubyte.gz`),
  read(`web/public/data/mnist/${s}-labels-idx1-ubyte.gz`), { name: `mnist-${s}` });
const train = await split('train');
const testSet = await split('test');

// Accuracy on all 10,000 bundled digits (the two splits together).
function allDigitsAccuracy(net) {
  const n = train.size + testSet.size;
  return (net.accuracyOf(train) * train.size + net.accuracyOf(testSet) * testSet.size) / n;
}

test('the book\'s SimpleConvNet (ch. 7) scores 0.9600 on the 10,000 bundled digits', () => {
  const net = sn.loadNetwork(read('models/book-ch07-simple_convnet.npz'));
  assert.equal(net.kind, 'convnet');
  assert.deepEqual(net.layerNames(), ['Convolution1', 'Relu1', 'Pooling1', 'Affine2', 'Relu2', 'Affine3']);
  assert.ok(Math.abs(allDigitsAccuracy(net) - 0.9600) <= 0.0005, `accuracy ${allDigitsAccuracy(net)}`);
  net.delete();
});

test('the book\'s DeepConvNet (ch. 8) scores 0.9758 on the 10,000 bundled digits', () => {
  const net = sn.loadNetwork(read('models/book-ch08-deep_convnet.npz'));
  assert.equal(net.spec.layers.filter((l) => l.type === 'conv').length, 6);
  assert.equal(net.spec.dropoutConvention, 'scale_at_inference');
  assert.ok(Math.abs(allDigitsAccuracy(net) - 0.9758) <= 0.0005, `accuracy ${allDigitsAccuracy(net)}`);
  net.delete();
});

test('filters() and featureMaps(x) of SimpleConvNet have the book\'s shapes', () => {
  const net = sn.loadNetwork(read('models/book-ch07-simple_convnet.npz'));
  const f = net.filters();
  assert.deepEqual([f.layer, f.count, f.channels, f.size, f.data.length], ['Convolution1', 30, 1, 5, 750]);
  // the same numbers as W1 (FN, C·FH·FW)
  assert.deepEqual(Array.from(f.data), Array.from(net.param('W1').data));
  const maps = net.featureMaps(testSet.x(0, 1));
  assert.deepEqual(maps.map((m) => [m.layer, m.channels, m.height, m.width]),
    [['Convolution1', 30, 24, 24], ['Relu1', 30, 24, 24], ['Pooling1', 30, 12, 12]]);
  // pooling 2×2: each output is the max of its window in the relu map
  const relu = maps[1].data;
  const pool = maps[2].data;
  assert.equal(pool[0], Math.max(relu[0], relu[1], relu[24], relu[25]));
  const p = net.output(testSet.x(0, 1));
  assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  net.delete();
});

test('a convnet trains with sn.trainer (Adam), and toNpz → loadNetwork gives the same predictions', () => {
  const net = sn.convNet('simple', { seed: 3 });
  const trainer = sn.trainer(net, { train, test: testSet, optimizer: 'adam', learningRate: 0.001, batchSize: 100, seed: 1, evalSamples: 500 });
  const before = trainer.evaluate(testSet);
  const r = trainer.run(40);   // 4,000 images, half an epoch of the bundled 8,000 (the book's init N(0, 0.01²) starts slowly)
  assert.equal(r.losses.length, 40);
  assert.ok(r.losses[39] < r.losses[0], `loss ${r.losses[0]} → ${r.losses[39]}`);
  trainer.learningRate = 0.0005;
  assert.equal(trainer.learningRate, 0.0005);
  assert.equal(trainer.lossHistory.length, 40);
  const after = trainer.evaluate(testSet);
  assert.ok(after > before + 0.3 && after > 0.6, `test accuracy (first 500) ${before} → ${after}`);

  const bytes = net.toNpz();
  const back = sn.loadNetwork(bytes);
  assert.equal(back.kind, 'convnet');
  assert.deepEqual(back.spec.layers, net.spec.layers);
  const x = testSet.x(0, 20);
  assert.deepEqual(Array.from(back.predict(x, 20)), Array.from(net.predict(x, 20)));
  // a clone from the spec, then the weights copied inside wasm (the divergence guard's checkpoint)
  const clone = sn.network(net.spec);
  clone.copyParamsFrom(net);
  assert.deepEqual(Array.from(clone.predict(x, 20)), Array.from(net.predict(x, 20)));
  for (const o of [trainer, net, back, clone]) o.delete();
});

test('convnet errors are ScratchnetErrors with codes', () => {
  const code = (fn) => { try { fn(); } catch (e) { assert.ok(e instanceof ScratchnetError, String(e)); return e.code; } return null; };
  assert.equal(code(() => sn.convNet({ input: [1, 28, 28], layers: [{ type: 'conv', filters: 4, size: 3 }, { type: 'banana' }, { type: 'affine', out: 10 }] })), 'convnet.bad_layer');
  assert.equal(code(() => sn.convNet({ input: [1, 4, 4], layers: [{ type: 'conv', filters: 2, size: 9, stride: 1, pad: 0 }, { type: 'affine', out: 2 }] })), 'conv.bad_geometry');
  assert.equal(code(() => sn.convNet({ input: [1, 8, 8], layers: [{ type: 'conv', filters: 2, size: 3 }] })), 'convnet.bad_layer');
  assert.equal(code(() => sn.convNet({ input: [1, 8, 8], layers: [{ type: 'affine', out: 2 }], dropoutConvention: 'inverted' })), 'convnet.bad_architecture');
  const net = sn.convNet('simple');
  assert.equal(code(() => net.predict(new Float32Array(100), 1)), 'shape.mismatch');
  assert.equal(code(() => net.featureMaps(new Float32Array(784 * 2))), 'shape.mismatch');
  assert.equal(code(() => sn.trainer(net, { train: sn.spiral(), optimizer: 'adam' })), 'trainer.bad_data');
  const other = sn.convNet('deep');
  assert.equal(code(() => net.copyParamsFrom(other)), 'shape.mismatch');
  net.delete();
  other.delete();
  assert.equal(code(() => net.filters()), 'object.deleted');
  assert.equal(code(() => sn.loadNetwork(new Uint8Array([1, 2, 3, 4]))), 'npz.not_zip');
});
