// Faithful to the book (issue 9), through the JavaScript API: each reproduction
// with the number the book's own NumPy code gives, and the calls tutorial
// authors reached for — gradients, numerical gradients, labels in the loss,
// data sets from arrays, the trainer's history, one kind of error, a saved
// network that loses nothing.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadCore, assertClose, repoFile } from '../load.mjs';
import { ScratchnetError } from '../../../web/lib/scratchnet.js';

const sn = await loadCore();

// sizes [2, 2], W1 given, b1 = 0; one sample x = [1, 0] with label 0.
function twoByTwo(W1, spec = {}) {
  const net = sn.network({ sizes: [2, 2], ...spec });
  net.setParam('W1', W1, 2, 2);
  net.setParam('b1', [0, 0], 1, 2);
  return net;
}
const oneSample = () => sn.datasetFromArrays([1, 0], [0], { features: 2 }, { classes: 2 });

function firstTwoSteps(optimizer) {
  return sn.scope(() => {
    const net = twoByTwo([0, 0, 0, 0]);
    const trainer = sn.trainer(net, { train: oneSample(), optimizer, batchSize: 1, shuffle: false });
    trainer.step();
    const first = net.param('W1').data[0];
    trainer.step();
    return [first, net.param('W1').data[0]];
  });
}

test('Nesterov is the book\'s: W1[0,0] = 0.0095, then 0.02286952 (was 0.01355, 0.03037788)', () => {
  assertClose(assert, firstTwoSteps('nesterov'), [0.0095, 0.02286952], 1e-7, 'nesterov W1[0,0]');
});

test('Momentum in the same set-up: 0.005, then 0.01445', () => {
  assertClose(assert, firstTwoSteps('momentum'), [0.005, 0.01445], 1e-7, 'momentum W1[0,0]');
});

test('the loss includes weight decay: 0.41326155 with λ = 0.1 (was 0.31326166), in the trainer and in net.loss', () => {
  sn.scope(() => {
    const trainer = sn.trainer(twoByTwo([1, 0, 0, 1]), { train: oneSample(), optimizer: 'sgd', learningRate: 0.1, weightDecay: 0.1, batchSize: 1, shuffle: false });
    assertClose(assert, [trainer.step().loss], [0.41326155], 1e-6, 'trainer loss');
    assertClose(assert, trainer.lossHistory, [0.41326155], 1e-6, 'loss history (the curve)');
    const net = twoByTwo([1, 0, 0, 1], { weightDecay: 0.1 });
    assertClose(assert, [net.loss([1, 0], [1, 0])], [0.41326155], 1e-6, 'net.loss');
    assert.equal(net.spec.weightDecay, 0.1);
    assertClose(assert, [twoByTwo([1, 0, 0, 1]).loss([1, 0], [1, 0])], [0.31326166], 1e-6, 'λ = 0');
    assert.throws(() => sn.trainer(net, { train: oneSample(), weightDecay: 0.1 }), { code: 'trainer.bad_config' });
  });
});

test('non-finite input is refused with input.not_finite everywhere; softmax([]) is softmax.empty', () => {
  assert.throws(() => sn.softmax([NaN, 1, 2]), { code: 'input.not_finite' });
  assert.throws(() => sn.softmax([Infinity, 1, 2]), { code: 'input.not_finite' });
  assert.throws(() => sn.softmax([NaN, 1, 2], { stable: false }), { code: 'input.not_finite' });
  assert.throws(() => sn.activate('relu', [NaN]), { code: 'input.not_finite' });
  assert.throws(() => sn.derivative('sigmoid', [1, -Infinity]), { code: 'input.not_finite' });
  assert.throws(() => sn.truthTable({ w1: NaN, w2: 0.5, b: -0.7 }, 'and'), { code: 'input.not_finite' });
  assert.throws(() => sn.softmax([]), { code: 'softmax.empty' });
  sn.scope(() => assert.throws(() => sn.network({ sizes: [2, 2] }).predict([NaN, 1]), { code: 'input.not_finite' }));
  // finite input that overflows is the book's lesson, not an error
  assert.ok(sn.softmax([1010, 1000, 990], { stable: false }).every(Number.isNaN));
});

test('the gradient check does not cry wolf: XOR passes at initialisation and at convergence (loss < 1e-5)', () => {
  sn.scope(() => {
    const data = sn.xorDataset();
    const net = sn.network({ sizes: [2, 2, 1], hidden: 'tanh', output: 'tanh', init: 'xavier' }, { seed: 1 });
    const x = data.x();
    const t = data.targets().data;
    for (const r of net.gradientCheck(x, t, 4)) {
      assert.ok(r.ok && r.maxError < 1e-6, `${r.param} at initialisation: maxError ${r.maxError}`);
      assert.ok(r.meanAbsDiff < 1e-8, `${r.param}: mean |a − n| ${r.meanAbsDiff}`);
    }
    const trainer = sn.trainer(net, { train: data, optimizer: 'momentum', learningRate: 0.1, batchSize: 4, seed: 1 });
    let loss = 1;
    for (let i = 0; i < 40 && loss > 1e-5; i++) loss = trainer.run(500).last.loss;
    assert.ok(loss < 1e-5, `XOR did not converge: ${loss}`);
    const rows = net.gradientCheck(x, t, 4);
    for (const r of rows) assert.ok(r.ok, `${r.param} at convergence: maxError ${r.maxError}, maxRelError ${r.maxRelError}`);
    assert.ok(rows.some((r) => r.maxRelError > 1e-6), 'the relative error alone would have said "large"');
  });
});

test('net.gradients is the book\'s network.gradient and agrees with net.numericalGradients', () => {
  sn.scope(() => {
    const net = sn.network({ sizes: [3, 4, 2], hidden: 'tanh', batchNorm: true }, { seed: 3 });
    const x = [0.3, -0.2, 0.9, -0.5, 0.4, 0.1, 0.7, 0.2, -0.8];
    const labels = [1, 0, 1];
    const g = net.gradients(x, labels, 3);
    const n = net.numericalGradients(x, labels, 3);
    assert.deepEqual(Object.keys(g), ['W1', 'b1', 'gamma1', 'beta1', 'W2', 'b2']);
    assert.deepEqual([g.W1.rows, g.W1.cols], [3, 4]);
    assert.ok(g.W1.data instanceof Float32Array && n.W1.data instanceof Float64Array);
    for (const k of Object.keys(g)) assertClose(assert, g[k].data, n[k].data, 1e-5, k);
    // labels and one-hot rows give the same loss and gradients
    const oneHot = [0, 1, 1, 0, 0, 1];
    assert.equal(net.loss(x, labels, 3), net.loss(x, oneHot, 3));
    assert.deepEqual(net.gradients(x, oneHot, 3).W2.data, g.W2.data);
    assert.throws(() => net.loss(x, [0, 1.5, 1], 3), { code: 'label.not_integer' });
    assert.throws(() => net.loss(x, [0, 2, 1], 3), { code: 'label.out_of_range' });
  });
});

test('datasetFromArrays: float features of any width, synchronous, trains like any set', () => {
  sn.scope(() => {
    const x = [];
    const labels = [];
    for (let i = 0; i < 40; i++) {
      const a = (i / 40) * 2 * Math.PI;
      x.push(Math.cos(a) * (i % 2 ? 2 : 0.5), Math.sin(a) * (i % 2 ? 2 : 0.5), 0.25);
      labels.push(i % 2);
    }
    const d = sn.datasetFromArrays(x, labels, { features: 3 });
    assert.deepEqual([d.size, d.features, d.classes, d.height, d.width], [40, 3, 2, 0, 0]);
    assertClose(assert, d.x(1, 1), [Math.cos(Math.PI / 20) * 2, Math.sin(Math.PI / 20) * 2, 0.25], 1e-6, 'row 1');
    const img = sn.datasetFromArrays(new Float32Array(12), [0, 9], { height: 2, width: 3 }, { classes: 10 });
    assert.deepEqual([img.size, img.features, img.height, img.width, img.classes], [2, 6, 2, 3, 10]);
    const net = sn.network({ sizes: [3, 8, 2], hidden: 'tanh' }, { seed: 2 });
    const trainer = sn.trainer(net, { train: d, optimizer: 'adam', learningRate: 0.05, batchSize: 10, seed: 1 });
    trainer.run(400);
    assert.ok(trainer.evaluate(d) > 0.95, `accuracy ${trainer.evaluate(d)}`);
    assert.throws(() => sn.datasetFromArrays([1, 2, 3], [0], { features: 2 }), { code: 'dataset.bad_shape' });
    assert.throws(() => sn.datasetFromArrays([1, NaN], [0], { features: 2 }), { code: 'input.not_finite' });
    assert.throws(() => sn.datasetFromArrays([1, 2], [3], { features: 2 }, { classes: 2 }), { code: 'label.out_of_range' });
  });
});

test('the trainer exposes lossHistory, epochLossHistory, evaluate, and shuffle: false keeps the order', () => {
  sn.scope(() => {
    const d = sn.spiral({ pointsPerClass: 10 });
    const run = (shuffle, seed) => {
      const net = sn.network({ sizes: [2, 6, 3] }, { seed: 4 });
      const trainer = sn.trainer(net, { train: d, optimizer: 'sgd', learningRate: 0.5, batchSize: 7, seed, shuffle });
      trainer.run(10);
      return trainer;
    };
    const a = run(false, 1);
    const b = run(false, 2);
    assert.deepEqual(a.lossHistory, b.lossHistory, 'without shuffling the seed does not matter');
    assert.notDeepEqual(run(true, 1).lossHistory, run(true, 2).lossHistory);
    assert.equal(a.lossHistory.length, 10);
    assert.equal(a.epochLossHistory.length, 2);  // 30 rows, batch 7: 5 steps an epoch
    const first = a.lossHistory.slice(0, 5).reduce((s, v) => s + v) / 5;
    assertClose(assert, [a.epochLossHistory[0]], [first], 1e-12, 'epoch mean loss');
    const acc = a.evaluate(d);
    assert.ok(acc >= 0 && acc <= 1);
  });
});

test('every error is a ScratchnetError with a code', () => {
  sn.scope(() => {
    const net = sn.network({ sizes: [2, 2] });
    const d = sn.xorDataset();
    const cases = [
      [() => net.param('W9'), 'param.unknown'],
      [() => d.x(5, 3), 'dataset.bad_range'],
      [() => d.labels(-1, 1), 'dataset.bad_range'],
      [() => net.predict(null), 'argument.invalid'],
      [() => net.setParam(7, [1, 2, 3, 4], 2, 2), 'argument.invalid'],
    ];
    for (const [fn, code] of cases) {
      assert.throws(fn, (e) => e instanceof ScratchnetError && e.code === code, `expected ${code}`);
    }
    const deleted = sn.network({ sizes: [2, 2] });
    deleted.delete();
    assert.throws(() => deleted.param('W1'), (e) => e instanceof ScratchnetError && e.code === 'object.deleted');
  });
});

test('a saved network loses nothing: toNpz → loadNetwork(bytes) with no options, bit-identical for every layer type', () => {
  sn.scope(() => {
    const train = sn.spiral({ pointsPerClass: 20 });
    const x = train.x(0, 12);
    const specs = [
      { sizes: [2, 6, 3], hidden: 'relu' },
      { sizes: [2, 6, 5, 3], hidden: 'sigmoid', batchNorm: true },
      { sizes: [2, 6, 3], hidden: 'tanh', batchNorm: true, dropout: 0.3 },
      { sizes: [2, 6, 3], hidden: 'leaky_relu', leakySlope: 0.2, dropout: 0.5 },
      { sizes: [2, 4, 3], hidden: 'identity', output: 'identity' },
      { sizes: [2, 4, 3], hidden: 'relu', output: 'sigmoid', batchNorm: true },
    ];
    for (const spec of specs) {
      const net = sn.network(spec, { seed: 9 });
      const targets = spec.output && spec.output !== 'softmax' ? null : train;
      if (targets) sn.trainer(net, { train, optimizer: 'sgd', learningRate: 0.1, batchSize: 10 }).run(12);
      const back = sn.loadNetwork(net.toNpz());
      for (const k of ['sizes', 'hidden', 'output', 'batchNorm', 'dropout', 'leakySlope']) {
        assert.deepEqual(back.spec[k], net.spec[k], `${JSON.stringify(spec)}: ${k}`);
      }
      assert.deepEqual(back.output(x, 12), net.output(x, 12), JSON.stringify(spec));
    }
  });
});

test('numpy reads the architecture entry without pickle; the book\'s file still loads with options', () => {
  sn.scope(() => {
    const net = sn.network({ sizes: [4, 5, 3], hidden: 'tanh', batchNorm: true, dropout: 0.25 }, { seed: 1 });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'scratchnet-')), 'f.npz');
    fs.writeFileSync(file, net.toNpz());
    const text = execFileSync('/usr/bin/python3', ['-c', `import numpy as np; print(np.load('${file}')['architecture'].item())`]).toString().trim();
    assert.deepEqual(JSON.parse(text), {
      format: 'scratchnet/1', kind: 'mlp', sizes: [4, 5, 3], hidden: 'tanh', output: 'softmax',
      batchNorm: true, dropout: 0.25, leakySlope: 0.01,
    });
    const info = JSON.parse(execFileSync('/usr/bin/python3', [repoFile('scripts/check-npz-with-numpy.py').pathname, file]));
    assert.deepEqual(info.keys, ['W1', 'b1', 'gamma1', 'beta1', 'W2', 'b2', 'running_mean1', 'running_var1', 'architecture']);
    assert.equal(info.arrays.architecture.dtype.startsWith('<U'), true);
    const book = sn.loadNetwork(fs.readFileSync(repoFile('models/book-ch03.npz')), { hidden: 'sigmoid' });
    assert.deepEqual(book.spec.sizes, [784, 50, 100, 10]);
    assert.equal(book.spec.hidden, 'sigmoid');
  });
});

test('the README\'s differences: log-softmax gives 20.0 where the book\'s −log(y + 1e-7) gives 16.0977; float32 prints 0.31682709', () => {
  sn.scope(() => {
    const net = twoByTwo([0, 20, 0, 0]);  // scores [0, 20] for x = [1, 0]
    assert.equal(net.loss([1, 0], [0]).toFixed(4), '20.0000');
    const y0 = net.output([1, 0])[0];
    assert.equal((-Math.log(y0 + 1e-7)).toFixed(4), '16.0977');
    assert.equal(sn.bookThreeLayerNetwork().predict([1.0, 0.5])[0].toFixed(8), '0.31682709');
  });
});
