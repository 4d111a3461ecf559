// Each limit in one place: the core's limits reach JavaScript as sn.limits,
// and the settings table's clamps (web/src/state.js) stay inside them, so a
// value from a link is never one the core refuses.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';
import { SETTINGS } from '../../../web/src/state.js';

const sn = await loadCore();

test('sn.limits carries the core\'s numbers: η ≤ 10, 32 Affine layers, 1,000,000 steps per run', () => {
  const l = sn.limits;
  assert.equal(l.maxLearningRate, 10);
  assert.equal(l.maxAffineLayers, 32);
  assert.equal(l.maxRunSteps, 1000000);
  assert.equal(l.maxGradCheckWork, 20000000);
  assert.equal(l.maxRuleLearningRate, 100);
  assert.equal(l.maxRuleEpochs, 100000);
  assert.ok(Object.isFrozen(l));
});

test('the URL clamps of the learning rates and the depth stay inside the core\'s limits', () => {
  for (const key of ['lr', 'm_lr']) {
    assert.ok(SETTINGS[key].min > 0 && SETTINGS[key].max <= sn.limits.maxLearningRate, key);
  }
  // m_hidden: input + hidden layers + output sizes
  assert.ok(SETTINGS.m_hidden.maxLength + 1 <= sn.limits.maxAffineLayers);
});

test('a network spec with more sizes than the core allows is refused by the core\'s code and number', () => {
  const sizes = Array.from({ length: sn.limits.maxAffineLayers + 2 }, () => 2);
  assert.throws(() => sn.network({ sizes }), (e) => e.code === 'net.too_deep' && /at most 33 \(32 layers\)/.test(e.message));
  const ok = sn.network({ sizes: sizes.slice(1) });
  ok.delete();
});
