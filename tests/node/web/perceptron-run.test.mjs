// The perceptron panel's run without a DOM (web/src/panels/perceptron/run.js):
// the perceptron rule learns AND from zero weights in 6 epochs (η = 1), never
// settles on XOR and reports the core's cycle, and frees its trainer.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';
import { defaults } from '../../../web/src/state.js';
import { createRun } from '../../../web/src/panels/perceptron/run.js';

const sn = await loadCore();

function stepToEnd(run, limit = 1000) {
  for (let i = 0; i < limit && !run.snapshot().info.finished; i++) run.step();
  return run.snapshot();
}

test('the perceptron rule learns AND in 6 epochs to w = (1, 2), b = −2; dispose frees the trainer', () => {
  const live = sn.liveObjects;
  const run = createRun({ sn, state: defaults() });
  assert.equal(sn.liveObjects, live + 1);
  const s = stepToEnd(run);
  assert.equal(s.info.converged, true);
  assert.equal(s.info.epochs, 6);
  assert.deepEqual([s.info.weights.w1, s.info.weights.w2, s.info.weights.b], [1, 2, -2]);
  assert.equal(s.cycle, null);
  run.dispose();
  assert.equal(sn.liveObjects, live);
});

test('on XOR it never settles and the core finds the cycle; a reset starts again from zero', () => {
  const run = createRun({ sn, state: { ...defaults(), gate: 'xor' } });
  const s = stepToEnd(run);
  assert.equal(s.info.converged, false);
  assert.equal(s.info.epochs, 50, 'the epoch limit');
  assert.ok(s.cycle && s.cycle.epoch > s.cycle.prev && s.cycle.prev >= 0, JSON.stringify(s.cycle));
  run.reset();
  assert.equal(run.snapshot().info.epochs, 0);
  assert.equal(run.snapshot().cycle, null);
  run.setTask({ rule: 'delta', gate: 'xor' });
  assert.equal(run.snapshot().rule, 'delta');
  assert.equal(run.snapshot().cycle, null, 'only the perceptron rule cycles');
  run.dispose();
});
