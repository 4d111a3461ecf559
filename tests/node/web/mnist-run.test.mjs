// The MNIST panel's run without a DOM (web/src/panels/mnist/run.js), its
// session in this thread: it loads IDX files, trains, pauses and resumes from
// the same step whatever the subscribers (views) do, keeps trained weights when
// a network setting changes until told, and closes its session on dispose.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { loadCore, repoFile } from '../load.mjs';
import { defaults } from '../../../web/src/state.js';
import { createRun } from '../../../web/src/panels/mnist/run.js';

const file = (name) => { const b = fs.readFileSync(repoFile(`web/public/data/mnist/${name}`)); return b.buffer.slice(b.byteOffset, b.byteOffset + b.length); };
const files = () => ({
  trainImages: file('train-images-idx3-ubyte.gz'), trainLabels: file('train-labels-idx1-ubyte.gz'),
  testImages: file('test-images-idx3-ubyte.gz'), testLabels: file('test-labels-idx1-ubyte.gz'),
});

const until = (run, pred, ms = 60000) => new Promise((resolve, reject) => {
  if (pred(run.snapshot())) { resolve(run.snapshot()); return; }
  const timer = setTimeout(() => { off(); reject(new Error(`timed out: ${run.snapshot().status} at step ${run.snapshot().last.step}`)); }, ms);
  const off = run.subscribe((s) => { if (pred(s)) { clearTimeout(timer); off(); resolve(s); } });
});

async function readyRun(state = defaults()) {
  const run = createRun({ state, assetBase: 'http://localhost/', session: { inline: true, loadCore }, autoload: false });
  await until(run, (s) => s.ready);
  await run.loadFiles({ label: 'bundled', files: files() });
  await until(run, (s) => s.status === 'ready');
  return run;
}

test('the bundled 8,000/2,000 split loads and the default network is 784-100-10 with 160 steps per epoch', async () => {
  const run = await readyRun();
  const s = run.snapshot();
  assert.equal(s.mode, 'inline');
  assert.deepEqual([s.dataInfo.trainSize, s.dataInfo.testSize, s.dataInfo.side], [8000, 2000, 28]);
  assert.deepEqual(s.netInfo.sizes, [784, 100, 10]);
  assert.equal(s.netInfo.stepsPerEpoch, 160);
  assert.equal(s.workerLr, 0.002);
  run.dispose();
});

test('one epoch passes 85 % test accuracy; pause and resume keep the step count with views coming and going', async () => {
  const state = { ...defaults(), m_epochs: 2 };
  const run = await readyRun(state);
  const off = run.subscribe(() => {});           // a view
  await run.start();
  await until(run, (s) => s.last.step >= 40);
  await run.pause();
  const paused = run.snapshot().last.step;
  off();                                          // the view is destroyed (a language switch)
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(run.snapshot().last.step, paused, 'no steps while paused');
  run.subscribe(() => {});                        // a new view
  await run.start();
  const s = await until(run, (x) => x.epochs.length >= 1);
  assert.ok(s.last.step >= 160 && s.last.step > paused);
  assert.ok(s.epochs[0].testAcc > 0.85, `test accuracy after one epoch: ${s.epochs[0].testAcc}`);
  await until(run, (x) => x.evaluation !== null);
  const e = run.snapshot().evaluation;
  assert.equal(e.confusion.reduce((a, b) => a + b, 0), 2000, 'the confusion matrix counts every test image');
  await run.pause();
  run.dispose();
});

test('a network setting changed after training keeps the weights until confirmed, then builds anew', async () => {
  const state = defaults();
  const run = await readyRun(state);
  await run.start();
  await until(run, (s) => s.last.step >= 20);
  await run.pause();
  const step = run.snapshot().last.step;
  state.m_hidden = [32];
  run.configure();
  assert.deepEqual(run.snapshot().pending, { step });
  assert.deepEqual(run.snapshot().netInfo.sizes, [784, 100, 10], 'the trained network is still there');
  const npz = await run.saveNpz();
  assert.ok(npz.length > 784 * 100 * 4, 'its weights can still be downloaded');
  await run.reset();
  assert.equal(run.snapshot().pending, null);
  assert.equal(run.snapshot().last.step, 0);
  assert.deepEqual(run.snapshot().netInfo.sizes, [784, 32, 10]);
  run.dispose();
});

test('a new learning rate reaches the trainer and is marked on the curve', async () => {
  const run = await readyRun();
  await run.start();
  await until(run, (s) => s.last.step >= 10);
  await run.setLr(0.0005);
  assert.equal(run.snapshot().workerLr, 0.0005);
  assert.equal(run.snapshot().markers.at(-1).lr, 0.0005);
  await run.pause();
  run.dispose();
});
