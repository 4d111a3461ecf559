// The runs of the gradient and graph panels (agreement B: no DOM) against the
// real core in Node: stepping back replays the core's steps, dispose() frees
// every core object, and the network example's update is W − η·dW as the
// core's Trainer made it (checked here, in the test, in plain float64).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';
import { defaults } from '../../../web/src/state.js';
import { createRun as createGradientRun } from '../../../web/src/panels/gradient/run.js';
import { createGraphRun } from '../../../web/src/panels/graph/run.js';
import { createNetworkRun } from '../../../web/src/panels/graph/network-run.js';

const sn = await loadCore();
const state = (extra) => ({ ...defaults(), ...extra });
const edge = (s, name) => s.edges.find((e) => e.name === name);

test('every graph example: forward then backward to the end, back one step, and dispose frees the graph', () => {
  for (const ex of sn.graphExamples) {
    const live = sn.liveObjects;
    const run = createGraphRun({ sn, state: { ...state(), cg_ex: ex } });
    assert.equal(sn.liveObjects, live + 1, `${ex}: one core graph`);
    const { total, nodeCount } = run.snapshot();
    assert.equal(total, 2 * nodeCount);
    run.setStep(total);
    const end = run.snapshot();
    assert.equal(end.error, null, ex);
    for (const e of end.edges) if (e.isInput && e.differentiable !== false) assert.notEqual(e.grad, null, `${ex}: ∂L/∂${e.name}`);
    run.prev();
    assert.equal(run.snapshot().step, total - 1);
    // one node short of the end: still backward, unless the graph has a single node (then forward is all)
    assert.equal(run.snapshot().current.phase, nodeCount > 1 ? 'backward' : 'forward', ex);
    run.dispose();
    assert.equal(sn.liveObjects, live, `${ex}: dispose frees it`);
  }
});

test('apple_orange replayed to a step gives the book\'s gradients; inputs from the URL list are applied', () => {
  const run = createGraphRun({ sn, state: state({ cg_ex: 'apple_orange', cg_step: 8 }) });
  const s = run.snapshot();
  const want = { apple: 2.2, apple_num: 110, orange: 3.3, orange_num: 165, tax: 650 };
  for (const [n, g] of Object.entries(want)) assert.ok(Math.abs(edge(s, n).grad - g) < 1e-9, `∂L/∂${n} = ${edge(s, n).grad}`);
  run.dispose();
  // apple, apple_num, orange, orange_num, tax
  const edited = createGraphRun({ sn, state: state({ cg_ex: 'apple_orange', cg_step: 4, cg_in: [100, 3, 150, 3, 1.1] }) });
  assert.ok(Math.abs(edge(edited.snapshot(), 'price').value - 825) < 1e-9, '(300 + 450) × 1.1');
  assert.equal(edited.snapshot().customInputs, true);
  edited.resetInputs();
  assert.ok(Math.abs(edge(edited.snapshot(), 'price').value - 715) < 1e-9);
  edited.dispose();
});

test('the network example: the update is W − η·dW of the traced gradient, the loss falls, dispose frees all', () => {
  const live = sn.liveObjects;
  const run = createNetworkRun({ sn, state: state({ cg_ex: 'network', cg_lr: 0.5 }) });
  run.setStep(run.snapshot().total);
  const s = run.snapshot();
  assert.equal(s.current.phase, 'update');
  assert.ok(s.update.lossAfter < s.update.loss, `loss ${s.update.loss} → ${s.update.lossAfter}`);
  assert.ok(Math.abs(s.update.loss - s.trace.loss) < 1e-6, 'the trainer\'s loss before the step is the traced loss');
  const grads = Object.assign({}, ...s.trace.layers.map((l) => l.grads));
  for (const name of ['W1', 'b1', 'W2', 'b2']) {
    const before = s.before[name].data;
    const after = s.update.after[name].data;
    const g = grads[name].data;
    for (let i = 0; i < before.length; i++) {
      assert.ok(Math.abs(after[i] - (before[i] - 0.5 * g[i])) < 1e-6, `${name}[${i}]: ${after[i]} vs ${before[i]} − 0.5·${g[i]}`);
    }
  }
  // stepping back from the update puts the weights back
  run.prev();
  assert.equal(run.snapshot().update, null);
  run.dispose();
  assert.equal(sn.liveObjects, live);
});

test('the gradient run: the η = 0.1 preset ends at the book\'s point; play stops when hidden', async () => {
  const run = createGradientRun({ sn, state: state() });
  run.preset('good');
  const { descent, step } = run.snapshot();
  assert.equal(step, 100);
  assert.ok(Math.abs(descent.path[200] - -6.11110793e-10) < 5e-9 * 6.11110793e-10);
  run.setStep(0);
  run.play();
  assert.equal(run.snapshot().playing, true);
  run.setVisible(false);
  assert.equal(run.snapshot().playing, false);
  run.dispose();
});
