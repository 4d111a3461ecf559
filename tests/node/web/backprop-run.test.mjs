// The backprop playground's run without a DOM (web/src/panels/backprop/run.js):
// it trains, keeps its state through any number of subscribers coming and
// going (views), applies a new learning rate to the live trainer, and frees
// every core object on dispose.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';
import { defaults } from '../../../web/src/state.js';
import { createRun, runKey } from '../../../web/src/panels/backprop/run.js';

const sn = await loadCore();
const until = (run, pred, ms = 20000) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => { off(); reject(new Error(`timed out at step ${run.snapshot().step}`)); }, ms);
  const off = run.subscribe((s) => { if (pred(s)) { clearTimeout(timer); off(); resolve(s); } });
});

test('XOR with the defaults (2-2-1 tanh, momentum η = 0.1) plays to loss < 0.01, and dispose frees its 3 objects', async () => {
  const live = sn.liveObjects;
  const run = createRun({ sn, state: defaults() });
  assert.equal(sn.liveObjects, live + 3, 'data set, network, trainer');
  const s0 = run.snapshot();
  assert.equal(s0.step, 0);
  assert.ok(s0.loss > 0.1, `an untrained network: loss ${s0.loss}`);
  assert.equal(s0.batch, 4);
  run.setSpeed(100);
  run.start();
  const s = await until(run, (x) => x.loss < 0.01);
  run.pause();
  assert.ok(s.step > 0 && s.acc === 1, `step ${s.step}, accuracy ${s.acc}`);
  run.dispose();
  assert.equal(sn.liveObjects, live);
});

test('a view coming and going (subscribe/unsubscribe) does not touch the run', () => {
  const run = createRun({ sn, state: defaults() });
  const off1 = run.subscribe(() => {});
  for (let i = 0; i < 25; i++) run.step();
  off1();
  const off2 = run.subscribe(() => {});
  assert.equal(run.snapshot().step, 25, 'the steps survive the views');
  run.step();
  assert.equal(run.snapshot().step, 26);
  off2();
  run.dispose();
});

test('the learning rate changes on the live trainer and is marked; the core refuses η = 20', () => {
  const run = createRun({ sn, state: defaults() });
  for (let i = 0; i < 5; i++) run.step();
  run.setLr(0.5);
  assert.equal(run.snapshot().lr, 0.5);
  assert.deepEqual(run.snapshot().markers, [{ step: 5, lr: 0.5 }]);
  assert.throws(() => run.setLr(20), (e) => e.code === 'optimizer.bad_lr');
  assert.equal(run.snapshot().lr, 0.5, 'a refused rate changes nothing');
  run.dispose();
});

test('the gradient check of the spiral net: every parameter below 1e-6 on 30 rows', () => {
  const run = createRun({ sn, state: { ...defaults(), data: 'spiral', hidden: 10, act: 'sigmoid', optimizer: 'sgd', lr: 1, init: 'std' } });
  run.gradientCheck();
  const gc = run.snapshot().gradCheck;
  assert.equal(gc.rows, 30);
  assert.deepEqual(gc.results.map((r) => r.param), ['W1', 'b1', 'W2', 'b2']);
  for (const r of gc.results) assert.ok(r.ok && r.maxError < 1e-6, `${r.param}: ${r.maxError}`);
  assert.deepEqual([gc.results[0].rows, gc.results[0].cols], [2, 10]);
  run.dispose();
});

test('runKey: the network settings need a new run, the learning rate does not', () => {
  const a = defaults();
  assert.equal(runKey(a), runKey({ ...a, lr: 2 }));
  assert.notEqual(runKey(a), runKey({ ...a, hidden: 3 }));
  assert.notEqual(runKey(a), runKey({ ...a, seed: 9 }));
});
