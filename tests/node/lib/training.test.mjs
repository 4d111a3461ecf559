// Training through the JavaScript API (vol. 2 ch. 1 Trainer, book ch. 6 optimizers,
// "모두의 딥러닝" ch. 3 XOR).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';

const sn = await loadCore();

test('the 2-2-1 tanh XOR net of 모두의 딥러닝 (momentum, lr 0.1) learns XOR', () => {
  sn.scope(() => {
    const data = sn.xorDataset();
    const net = sn.network({ sizes: [2, 2, 1], hidden: 'tanh', output: 'tanh', init: 'xavier' }, { seed: 1 });
    const tr = sn.trainer(net, { train: data, optimizer: 'momentum', learningRate: 0.1, batchSize: 4, seed: 1 });
    const r = tr.run(2000);
    assert.ok(r.last.loss < 0.01, `loss after 2000 steps: ${r.last.loss}`);
    const y = net.output(data.x());
    [0, 1, 1, 0].forEach((t, i) => assert.ok(Math.abs(y[i] - t) < 0.1, `XOR row ${i}: ${y[i]}`));
  });
});

test('the vol. 2 spiral (2-10-3 sigmoid, SGD lr 1.0, batch 30, 300 epochs) reaches ≥ 95 % train accuracy', () => {
  sn.scope(() => {
    const data = sn.spiral();
    const net = sn.network({ sizes: [2, 10, 3], hidden: 'sigmoid', init: 'std', initStd: 1 }, { seed: 1984 });
    const tr = sn.trainer(net, { train: data, optimizer: 'sgd', learningRate: 1.0, batchSize: 30, seed: 1 });
    const r = tr.run(300 * 10);
    assert.equal(r.epochs.length, 300);
    const acc = net.accuracy(data.x(), data.labels());
    assert.ok(acc >= 0.95, `spiral train accuracy ${acc}`);
  });
});

test('the learning rate can change between any two steps and takes effect on the next one', () => {
  sn.scope(() => {
    const data = sn.spiral({ pointsPerClass: 20 });
    const make = () => {
      const net = sn.network({ sizes: [2, 8, 3] }, { seed: 2 });
      return [net, sn.trainer(net, { train: data, optimizer: 'sgd', learningRate: 0.1, batchSize: 60, seed: 2 })];
    };
    const [netA, a] = make();
    const [netB, b] = make();
    a.step(); b.step();
    assert.deepEqual(netA.param('W1').data, netB.param('W1').data);
    b.learningRate = 0.5;
    assert.equal(b.learningRate, 0.5);
    const before = netB.param('W1').data;
    const beforeA = netA.param('W1').data;
    a.step(); b.step();
    // plain SGD: the step taken is lr × gradient, so B moved 5× as far as A
    const moveA = netA.param('W1').data.map((v, i) => v - beforeA[i]);
    const moveB = netB.param('W1').data.map((v, i) => v - before[i]);
    const i = moveA.findIndex((v) => Math.abs(v) > 1e-4);
    assert.ok(Math.abs(moveB[i] / moveA[i] - 5) < 1e-3, `ratio ${moveB[i] / moveA[i]}`);
    assert.throws(() => { b.learningRate = -1; }, { code: 'optimizer.bad_lr' });
    assert.equal(b.learningRate, 0.5, 'a refused rate leaves the old one');
  });
});

test('the same seed reproduces a run bit for bit', () => {
  const run = () => sn.scope(() => {
    const data = sn.spiral();
    const net = sn.network({ sizes: [2, 16, 3], hidden: 'relu' }, { seed: 11 });
    return sn.trainer(net, { train: data, optimizer: 'adam', batchSize: 32, seed: 4 }).run(50).losses;
  });
  assert.deepEqual(run(), run());
});

test('a diverging learning rate is caught: the step is not applied, and training resumes at a lower rate', () => {
  sn.scope(() => {
    // Regression with MSE: with lr 10 every step overshoots further (≈ 1e19 after 10 steps)
    const data = sn.xorDataset();
    const net = sn.network({ sizes: [2, 8, 1], hidden: 'relu', output: 'identity' }, { seed: 1 });
    const tr = sn.trainer(net, { train: data, optimizer: 'sgd', learningRate: 10, batchSize: 4 });
    let r;
    let before;
    for (let i = 0; i < 200; ++i) {
      before = net.param('W1').data;
      r = tr.step();
      if (r.diverged) break;
    }
    assert.ok(r.diverged, 'lr 10 on MSE should blow up within 200 steps');
    assert.deepEqual(net.param('W1').data, before, 'weights are those of the last finite step');
    assert.ok(net.output(data.x()).every(Number.isFinite), 'the network still answers with finite numbers');
    tr.learningRate = 0.001;
    assert.equal(tr.learningRate, 0.001, 'the learner can lower the rate and go on');
  });
});
