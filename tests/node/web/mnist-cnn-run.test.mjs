// The MNIST panel's run with the CNN setting (m_arch = simplecnn, book 7.5
// SimpleConvNet), its session in this thread: the network is the book's
// layer list and trains, the evaluation carries the first conv layer's filters
// before training and now (fig. 7-24), a drawing gets feature maps, and the
// book's ch. 7 weights load with no settings.
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
const until = (run, pred, ms = 120000) => new Promise((resolve, reject) => {
  if (pred(run.snapshot())) { resolve(run.snapshot()); return; }
  const timer = setTimeout(() => { off(); reject(new Error(`timed out: ${run.snapshot().status} at step ${run.snapshot().last.step}`)); }, ms);
  const off = run.subscribe((s) => { if (pred(s)) { clearTimeout(timer); off(); resolve(s); } });
});

async function readyRun(state) {
  const run = createRun({ state, assetBase: 'http://localhost/', session: { inline: true, loadCore }, autoload: false });
  await until(run, (s) => s.ready);
  await run.loadFiles({ label: 'bundled', files: files() });
  await until(run, (s) => s.status === 'ready');
  return run;
}

test('the CNN setting builds SimpleConvNet and trains it; the evaluation has the filters before and now; a drawing gets feature maps', async () => {
  const state = { ...defaults(), m_arch: 'simplecnn', m_opt: 'adam', m_lr: 0.001, m_batch: 100, m_epochs: 3 };
  const run = await readyRun(state);
  try {
    const s0 = run.snapshot();
    assert.equal(s0.netInfo.kind, 'convnet');
    assert.deepEqual(s0.netInfo.layers.map((l) => l.type), ['conv', 'relu', 'pool', 'affine', 'relu', 'affine']);
    assert.equal(s0.netInfo.stepsPerEpoch, 80);
    await run.start();
    await until(run, (s) => s.last.step >= 20);
    await run.pause();
    const s = await until(run, (x) => x.evaluation !== null);
    assert.ok(s.last.loss < 1.5, `loss after ${s.last.step} steps: ${s.last.loss}`);
    const f = s.evaluation.filters;
    assert.deepEqual([f.before.count, f.before.size, f.now.count, f.now.size], [30, 5, 30, 5]);
    assert.notDeepEqual(Array.from(f.before.data), Array.from(f.now.data));
    const probs = await run.predict(new Float32Array(784).fill(0.1));
    assert.ok(Math.abs(probs.reduce((a, b) => a + b, 0) - 1) < 1e-4);
    const maps = await run.featureMaps(new Float32Array(784).fill(0.5));
    assert.deepEqual(maps.map((m) => [m.layer, m.channels, m.height]), [['Convolution1', 30, 24], ['Relu1', 30, 24], ['Pooling1', 30, 12]]);
  } finally {
    run.dispose();   // closes the in-thread session (its message port would keep Node alive)
  }
});

test("the book's ch. 7 SimpleConvNet loads with no settings and scores 96.00 % on all 10,000 bundled digits", async () => {
  const run = await readyRun({ ...defaults() });
  // the run fetches the model by URL: serve it from the repository through a file: URL base
  try {
    const r = await bookFromRepository(run);
    assert.ok(Math.abs(r.allAcc - 0.96) <= 0.0005, `all digits: ${r.allAcc}`);
    assert.equal(run.snapshot().netInfo.kind, 'convnet');
  } finally {
    run.dispose();
  }
});

async function bookFromRepository(run) {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => new Response(fs.readFileSync(repoFile(new URL(url).pathname.slice(1))));
  try {
    return await run.bookConvNet('ch7');
  } finally {
    globalThis.fetch = realFetch;
  }
}
