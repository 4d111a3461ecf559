// The backprop playground's run without a DOM (web/src/panels/backprop/run.js): it
// trains on the core's seeded plane data, gives every neuron's map from the core, lets
// one weight be edited, keeps its state through views coming and going, groups a
// learning-rate drag into one marker, and frees every core object on dispose.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';
import { defaults, readState, stateToHash } from '../../../web/src/state.js';
import { createRun, runKey, lrHint, GRID } from '../../../web/src/panels/backprop/run.js';

const sn = await loadCore();
const until = (run, pred, ms = 30000) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => { off(); reject(new Error(`timed out at step ${run.snapshot().step}`)); }, ms);
  const off = run.subscribe((s) => { if (pred(s)) { clearTimeout(timer); off(); resolve(s); } });
});
const linkState = (hash) => readState({ search: '', hash }).state;

test('the circle with the defaults (2-4-2-2 tanh, SGD η = 0.03, batch 10) plays to test accuracy ≥ 0.9; dispose frees its 4 objects', async () => {
  const live = sn.liveObjects;
  const run = createRun({ sn, state: defaults() });
  assert.equal(sn.liveObjects, live + 4, 'train set, test set, network, trainer');
  const s0 = run.snapshot();
  assert.equal(s0.step, 0);
  assert.equal(s0.trainSize + s0.testSize, 500);
  assert.equal(s0.testSize, 250, 'ratio 50 %');
  assert.ok(s0.trainLoss > 0.5, `an untrained network: loss ${s0.trainLoss}`);
  run.setSpeed(100);
  run.start();
  const s = await until(run, (x) => x.testAcc >= 0.9);
  run.pause();
  assert.ok(s.losses.length > 1 && s.testLosses.length === s.losses.length, 'train and test loss on one chart');
  run.dispose();
  assert.equal(sn.liveObjects, live);
});

// issue 11's first lesson: the circle is one straight boundary in x1², x2²
test('the circle with x1², x2² and no hidden layer is solved: test accuracy ≥ 0.95', () => {
  const run = createRun({ sn, state: linkState('#panel=backprop&data=circle&layers=0&features=x1sq,x2sq&optimizer=adam&lr=0.03') });
  assert.deepEqual(run.snapshot().hidden, []);
  for (let i = 0; i < 1000; i++) run.step();
  const s = run.snapshot();
  assert.ok(s.testAcc >= 0.95, `test accuracy ${s.testAcc}`);
  assert.deepEqual(run.weights().map((w) => [w.rows, w.cols]), [[2, 2]]);
  run.dispose();
});

test('every data set is seeded: the same link gives the same points, another seed others', () => {
  for (const data of ['circle', 'gauss', 'xor-cloud', 'spiral2', 'spiral', 'reg-plane', 'reg-gauss']) {
    const hash = `#panel=backprop&data=${data}&noise=0.2&ratio=70&seed=11`;
    const a = createRun({ sn, state: linkState(hash) });
    const b = createRun({ sn, state: linkState(stateToHash(linkState(hash))) });   // the link the page writes back
    const c = createRun({ sn, state: linkState(hash.replace('seed=11', 'seed=12')) });
    const pa = a.snapshot().points;
    assert.ok(pa.length >= 300, data);
    assert.deepEqual(b.snapshot().points, pa, `${data}: same seed, same points`);
    assert.notDeepEqual(c.snapshot().points, pa, `${data}: another seed`);
    assert.equal(a.snapshot().testSize, Math.round(pa.length * 0.3), `${data}: 70 % train`);
    for (const r of [a, b, c]) r.dispose();
  }
});

// 모두의 딥러닝 ch. 3 / book 2.5: the four XOR points, which no single perceptron separates
test('data=xor is the XOR gate\'s four points with the old preset (2-2-1 tanh, momentum η = 0.1, batch 4): every output on its side of 0.5', () => {
  const st = linkState('#panel=backprop&data=xor');
  assert.deepEqual([st.layers, st.neurons, st.act, st.optimizer, st.lr, st.init, st.batch], [1, [2], 'tanh', 'momentum', 0.1, 'xavier', 4]);
  const live = sn.liveObjects;
  const run = createRun({ sn, state: st });
  assert.equal(sn.liveObjects, live + 3, 'the four points, network, trainer: no test set');
  const s0 = run.snapshot();
  assert.equal(s0.error, null);
  assert.deepEqual(s0.points.map(({ x, y, label }) => [x, y, label]), [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]);
  assert.deepEqual([s0.gate, s0.trainSize, s0.testSize, s0.classes], [true, 4, 0, 1]);
  assert.deepEqual(s0.plane, { from: -0.5, to: 1.5 });
  assert.ok(Number.isNaN(s0.testLoss) && s0.testLosses.length === 0, 'no test curve: the four points are the test data too');
  for (let i = 0; i < 400; i++) run.step();
  const s = run.snapshot();
  assert.equal(s.acc, 1, `accuracy ${s.acc} after ${s.step} steps, loss ${s.trainLoss}`);
  assert.ok(s.trainLoss < 0.01, `loss ${s.trainLoss}`);
  // the core's forward pass at each point (net.trace): (0,0) and (1,1) below 0.5, (0,1) and (1,0) above
  for (const p of s.points) {
    const y = run.probe(p.x, p.y).at(-1).data[0];
    assert.ok(p.label === 1 ? y > 0.5 : y < 0.5, `(${p.x}, ${p.y}) → ${y}, want ${p.label}`);
  }
  // the neuron maps cover the gate's plane [−0.5, 1.5]²: the input map x1 runs from −0.475 to 1.475
  const maps = run.maps();
  assert.ok(Math.abs(maps.inputs[0][0] - (-0.5 + 1 / GRID)) < 1e-6 && Math.abs(maps.inputs[0][GRID - 1] - (1.5 - 1 / GRID)) < 1e-6);
  assert.deepEqual(maps.layers.map((m) => [m.kind, m.neurons]), [['Z', 2], ['Y', 1]]);
  run.dispose();
  assert.equal(sn.liveObjects, live);
});

test('data=xor links: the page writes back a link with nothing but the data set, and it reads back to the same run', () => {
  const st = linkState('#panel=backprop&data=xor');
  assert.equal(stateToHash(st), '#panel=backprop&data=xor');
  assert.equal(runKey(linkState(stateToHash(st))), runKey(st));
  assert.notEqual(runKey(st), runKey(linkState('#panel=backprop&data=xor-cloud')), 'the cloud is another data set');
  // an embed attribute data="xor" (web/demo.html) is read like the link
  const embed = readState({ search: '', hash: '' }, { panel: 'backprop', data: 'xor' }).state;
  assert.equal(runKey(embed), runKey(st));
  // the cloud keeps the plane's default network
  const cloud = linkState('#panel=backprop&data=xor-cloud');
  assert.deepEqual([cloud.layers, cloud.neurons, cloud.optimizer], [2, [4, 2], 'sgd']);
  const run = createRun({ sn, state: cloud });
  assert.equal(run.snapshot().points.length, 500);
  run.dispose();
});

test('with L1 or L2 on, an edge\'s ∂L/∂w is the data gradient plus the regularization term', () => {
  const lambda = 0.1;
  const base = '#panel=backprop&seed=4&features=x1,x2,x1x2';
  // the same seed gives the same first weights and data with and without regularization
  const plainRun = createRun({ sn, state: linkState(base) });
  const plain = plainRun.gradients();
  for (const reg of ['l1', 'l2']) {
    const run = createRun({ sn, state: linkState(`${base}&reg=${reg}&rate=${lambda}`) });
    const W = run.weights();
    const g = run.gradients();
    assert.deepEqual(W.map((w) => Array.from(w.data)), plainRun.weights().map((w) => Array.from(w.data)), 'the same weights');
    W.forEach((w, l) => {
      for (let k = 0; k < w.data.length; k++) {
        const term = reg === 'l1' ? lambda * Math.sign(w.data[k]) : lambda * w.data[k];   // L2: ½λ‖W‖² → λW
        assert.ok(Math.abs(g[l].data[k] - (plain[l].data[k] + term)) < 1e-5, `${reg} W${l + 1}[${k}]: ${g[l].data[k]} vs ${plain[l].data[k]} + ${term}`);
      }
    });
    run.dispose();
  }
  plainRun.dispose();
});

test('neuron maps: one per neuron from net.neuronMaps, and each pixel is the core\'s trace at that grid point', () => {
  const run = createRun({ sn, state: linkState('#panel=backprop&layers=3&neurons=5,3,2&features=x1,x2,sinx1') });
  for (let i = 0; i < 20; i++) run.step();
  const maps = run.maps();
  assert.equal(maps.inputs.length, 3);
  assert.deepEqual(maps.layers.map((m) => [m.kind, m.neurons, m.points]), [['Z', 5, 1600], ['Z', 3, 1600], ['Z', 2, 1600], ['Y', 2, 1600]]);
  const h = 12 / GRID;
  for (const k of [0, 41, 777, 1599]) {
    const [ix, iy] = [k % GRID, Math.floor(k / GRID)];
    const x1 = -6 + (ix + 0.5) * h;
    const x2 = 6 - (iy + 0.5) * h;
    assert.ok(Math.abs(maps.inputs[2][k] - Math.sin(x1)) < 1e-5, 'sin x1 input map');
    const trace = run.probe(x1, x2).filter((e) => maps.layers.some((m) => m.layer === e.layer));
    maps.layers.forEach((m, l) => {
      for (let j = 0; j < m.neurons; j++) assert.ok(Math.abs(m.data[j * m.points + k] - trace[l].data[j]) < 1e-5, `${m.layer} ${j} at ${k}`);
    });
  }
  run.dispose();
});

test('editing one weight changes it alone, and the output follows by what the core computes', () => {
  const run = createRun({ sn, state: defaults() });
  for (let i = 0; i < 30; i++) run.step();
  const before = run.maps().layers.at(-1).data.slice();
  const W2 = run.weights()[1];
  const v0 = run.snapshot().weightsVersion;
  run.setWeight(2, 1, 0, 2.5);
  assert.ok(run.snapshot().weightsVersion > v0);
  const after = run.weights()[1];
  for (let k = 0; k < W2.data.length; k++) assert.equal(after.data[k], k === 1 * W2.cols + 0 ? 2.5 : W2.data[k]);
  const out = run.maps().layers.at(-1).data;
  assert.notDeepEqual(out, before);
  // the output map equals a fresh forward pass of the core at a pixel (net.trace, not neuronMaps)
  const trace = run.probe(-5.85, 5.85);
  assert.ok(Math.abs(out[1600 + 0] - trace.at(-1).data[1]) < 1e-5);
  // the gradient an edge shows is backprop's on the training set at the new weights
  assert.equal(run.gradients()[1].rows, 4);
  run.dispose();
});

test('a learning-rate drag makes one marker (labelled with its last rate); a later change another', () => {
  const run = createRun({ sn, state: defaults() });
  for (let i = 0; i < 5; i++) run.step();
  for (const lr of [0.04, 0.06, 0.1, 0.2]) { run.setLr(lr, { drag: true }); run.step(); }
  run.endDrag();
  assert.deepEqual(run.snapshot().markers.map(({ step, lr }) => ({ step, lr })), [{ step: 5, lr: 0.2 }]);
  run.step();
  run.setLr(0.5);
  assert.deepEqual(run.snapshot().markers.map((m) => m.lr), [0.2, 0.5]);
  assert.throws(() => run.setLr(20), (e) => e.code === 'optimizer.bad_lr');
  run.dispose();
});

test('a learning rate that makes the loss oscillate gets the hint; the default does not', () => {
  const hintAt = (lr) => {
    const run = createRun({ sn, state: { ...defaults(), lr } });
    for (let i = 0; i < 60; i++) for (let k = 0; k < 5; k++) run.step();
    const h = run.snapshot().hint;
    run.dispose();
    return h;
  };
  assert.equal(hintAt(0.03), null);
  assert.equal(hintAt(3), 'oscillates');
  assert.equal(lrHint([{ step: 1, loss: 1 }], 3, 0), null, 'too few points to tell');
});

test('L1 and L2 runs pass the core\'s gradient check on 30 rows of the data', () => {
  for (const reg of ['l1', 'l2']) {
    const run = createRun({ sn, state: linkState(`#panel=backprop&reg=${reg}&rate=0.01&features=x1,x2,x1x2`) });
    for (let i = 0; i < 10; i++) run.step();
    run.gradientCheck();
    const gc = run.snapshot().gradCheck;
    assert.equal(gc.rows, 30);
    assert.deepEqual(gc.results.map((r) => r.param), ['W1', 'b1', 'W2', 'b2', 'W3', 'b3']);
    for (const r of gc.results) assert.ok(r.ok && r.maxError < 1e-6, `${reg} ${r.param}: ${r.maxError}`);
    run.dispose();
  }
});

test('data=spiral brings the book\'s preset (10 sigmoid, SGD η = 1, std 0.01, batch 30) and reaches ≥ 90 % training accuracy', () => {
  const st = linkState('#panel=backprop&data=spiral');
  assert.deepEqual([st.layers, st.neurons, st.act, st.optimizer, st.lr, st.init, st.batch], [1, [10], 'sigmoid', 'sgd', 1, 'std', 30]);
  assert.equal(linkState('#panel=backprop&data=spiral&act=tanh').act, 'tanh', 'the link\'s own setting wins');
  assert.equal(stateToHash({ ...st, act: 'tanh' }).includes('act=tanh'), true, 'a change from the preset is written even when it is the default');
  const run = createRun({ sn, state: st });
  assert.equal(run.snapshot().classes, 3);
  for (let i = 0; i < 3000; i++) run.step();
  assert.ok(run.snapshot().acc >= 0.9, `training accuracy ${run.snapshot().acc}`);
  run.dispose();
});

test('runKey: the network and data settings need a new run; the learning rate and showTest do not', () => {
  const a = defaults();
  assert.equal(runKey(a), runKey({ ...a, lr: 2, showTest: true }));
  for (const change of [{ layers: 3 }, { neurons: [5, 2] }, { seed: 9 }, { features: ['x1'] }, { noise: 0.1 }, { reg: 'l1' }, { batch: 3 }]) {
    assert.notEqual(runKey(a), runKey({ ...a, ...change }), JSON.stringify(change));
  }
  assert.equal(runKey({ ...a, layers: 1, neurons: [4, 2] }), runKey({ ...a, layers: 1, neurons: [4, 7] }), 'only the first `layers` sizes count');
});

test('the warm-up (one step of a twin network in an idle moment) moves nothing of the run and frees the twin', async () => {
  // a kind of step this page has not run yet (relu, adam, L1), so the warm-up does run
  const st = linkState('#panel=backprop&act=relu&optimizer=adam&reg=l1&rate=0.001&seed=11');
  const live = sn.liveObjects;
  const run = createRun({ sn, state: st });
  const before = run.snapshot();
  const w0 = run.weights().map((w) => [...w.data]);
  await new Promise((r) => setTimeout(r, 200));   // the idle moment (Node: a 50 ms timer)
  assert.equal(sn.liveObjects, live + 4, 'only the run\'s own four objects: the twin is gone');
  const after = run.snapshot();
  assert.equal(after.step, 0);
  assert.equal(after.trainLoss, before.trainLoss);
  assert.deepEqual(run.weights().map((w) => [...w.data]), w0, 'the same weights');
  // and the run's first step is the step a run without a warm-up takes: the same loss after it
  run.step();
  const other = createRun({ sn, state: st });
  other.step();
  assert.equal(run.snapshot().trainLoss, other.snapshot().trainLoss);
  run.dispose();
  other.dispose();
  assert.equal(sn.liveObjects, live);
});
