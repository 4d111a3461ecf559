// sn.trainerGradients (Trainer::gradient, book 6.4.2 and TensorFlow Playground's L1/L2):
// the gradient a trainer's optimizer uses is backprop's data-loss gradient plus the
// regularization term — L1 (loss + λΣ|W|): + λ·sign(W); L2 weight decay (loss + ½λΣ‖W‖²,
// the book's convention): + λW — on the weights only, never the biases; the weights stay.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';

const sn = await loadCore();

test('trainerGradients = net.gradients + λ·sign(W) for L1, + λW for L2, + 0 without; biases unchanged', () => {
  const { train, test: rest } = sn.toyDataset('circle', { points: 40, seed: 3, testRatio: 0.5 });
  const net = sn.network({ sizes: [2, 5, 3, 2], hidden: 'tanh', output: 'softmax', init: 'xavier' }, { seed: 7 });
  const x = train.x();
  const t = Float32Array.from(train.labels());
  const rows = train.size;
  const lambda = 0.05;
  try {
    // a weight at exactly 0: |w| has no derivative there, the core's subgradient sign(0) = 0
    const W1 = net.param('W1');
    W1.data[0] = 0;
    net.setParam('W1', W1.data, W1.rows, W1.cols);
    const data = net.gradients(x, t, rows);
    const term = { l1: (w) => lambda * Math.sign(w), l2: (w) => lambda * w, none: () => 0 };
    for (const reg of ['none', 'l1', 'l2']) {
      const trainer = sn.trainer(net, { train, optimizer: 'sgd', learningRate: 0.1, batchSize: 10, regularization: reg, regularizationRate: reg === 'none' ? 0 : lambda });
      try {
        const before = net.param('W2').data.slice();
        const g = sn.trainerGradients(trainer, x, t, rows);
        assert.deepEqual(Object.keys(g), ['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
        for (const name of Object.keys(g)) {
          const w = net.param(name).data;
          assert.equal(g[name].rows, data[name].rows);
          for (let k = 0; k < w.length; k++) {
            const want = data[name].data[k] + (name.startsWith('W') ? term[reg](w[k]) : 0);
            assert.ok(Math.abs(g[name].data[k] - want) < 1e-6, `${reg} ${name}[${k}]: ${g[name].data[k]} vs ${want}`);
          }
        }
        if (reg === 'l1') assert.ok(Math.abs(g.W1.data[0] - data.W1.data[0]) < 1e-7, 'sign(0) = 0: nothing added at w = 0');
        assert.deepEqual(net.param('W2').data, before, 'the weights do not move');
      } finally {
        trainer.delete();
      }
    }
    // the gradient is the one a plain SGD step applies: W − η·g equals the weights after one full-batch step
    const trainer = sn.trainer(net, { train, optimizer: 'sgd', learningRate: 0.1, batchSize: rows, shuffle: false, regularization: 'l2', regularizationRate: lambda });
    try {
      const g = sn.trainerGradients(trainer, x, t, rows);
      const w0 = net.param('W3').data.slice();
      trainer.step();
      const w1 = net.param('W3').data;
      for (let k = 0; k < w0.length; k++) assert.ok(Math.abs(w1[k] - (w0[k] - 0.1 * g.W3.data[k])) < 1e-6, `W3[${k}]`);
      assert.throws(() => sn.trainerGradients(trainer, x.subarray(0, 5), t, rows), (e) => e.code === 'shape.mismatch');
    } finally {
      trainer.delete();
    }
  } finally {
    net.delete();
    train.delete();
    rest.delete();
  }
});
