// Perceptrons and logic gates through the JavaScript API (book ch. 2, seeds 002/003).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';

const sn = await loadCore();

test('the book\'s presets give correct truth tables for AND, NAND and OR', () => {
  const p = sn.gatePresets;
  assert.deepEqual(p.and, { w1: 0.5, w2: 0.5, b: -0.7 });
  assert.deepEqual(p.nand, { w1: -0.5, w2: -0.5, b: 0.7 });
  assert.deepEqual(p.or, { w1: 0.5, w2: 0.5, b: -0.2 });
  for (const gate of ['and', 'nand', 'or']) {
    const rows = sn.truthTable(p[gate], gate);
    assert.deepEqual(rows.map((r) => [r.x1, r.x2]), [[0, 0], [1, 0], [0, 1], [1, 1]]);
    assert.ok(rows.every((r) => r.correct), `${gate}: ${JSON.stringify(rows)}`);
  }
  assert.deepEqual(sn.truthTable(p.and, 'and').map((r) => r.y), [0, 0, 0, 1]);
});

test('AND weights judged against OR mark the two wrong rows', () => {
  const rows = sn.truthTable(sn.gatePresets.and, 'or');
  assert.deepEqual(rows.map((r) => r.correct), [true, false, false, true]);
});

test('XOR = AND(NAND, OR) with the s1, s2 columns of seed 003', () => {
  const rows = sn.xorTwoLayer();
  assert.deepEqual(rows.map((r) => r.s1), [1, 1, 1, 0]);
  assert.deepEqual(rows.map((r) => r.s2), [0, 1, 1, 1]);
  assert.deepEqual(rows.map((r) => r.y), [0, 1, 1, 0]);
});

test('the perceptron rule learns AND step by step and never settles on XOR', () => {
  sn.scope(() => {
    const and = sn.perceptronTrainer({ rule: 'perceptron', gate: 'and' });
    const first = and.step();
    assert.equal(first.epoch, 1);
    assert.equal(first.sample, 0);
    while (!and.finished()) and.step();
    assert.ok(and.converged());
    assert.equal(and.accuracy(), 1);
    const errors = and.epochErrors();
    assert.equal(errors[errors.length - 1], 0);

    const xor = sn.perceptronTrainer({ rule: 'perceptron', gate: 'xor', maxEpochs: 200 });
    xor.run();
    assert.equal(xor.converged(), false);
    assert.equal(xor.epochs(), 200);
    assert.ok(xor.accuracy() < 1);
  });
});

test('the delta rule and Hebb\'s rule learn AND', () => {
  sn.scope(() => {
    const delta = sn.perceptronTrainer({ rule: 'delta', gate: 'and', learningRate: 0.1, maxEpochs: 1000 });
    delta.run();
    assert.equal(delta.accuracy(), 1);
    const errs = delta.epochErrors();
    assert.ok(errs[errs.length - 1] < errs[0], 'the MSE falls');
    const hebb = sn.perceptronTrainer({ rule: 'hebb', gate: 'and', maxEpochs: 1 });
    hebb.run();
    assert.equal(hebb.accuracy(), 1);
  });
});

test('unknown gates and rules are refused with codes', () => {
  assert.throws(() => sn.truthTable({ w1: 1, w2: 1, b: 0 }, 'xnor'), { code: 'gate.unknown' });
  assert.throws(() => sn.perceptronTrainer({ rule: 'magic' }), { code: 'perceptron.unknown_rule' });
  assert.throws(() => sn.perceptronTrainer({ learningRate: NaN }), { code: 'perceptron.bad_lr' });
});

test('a perceptron trainer is wrapped like every core object: delete() frees it and a later call is a ScratchnetError', () => {
  const live = sn.liveObjects;
  const tr = sn.perceptronTrainer({ rule: 'perceptron', gate: 'xor', maxEpochs: 50 });
  assert.equal(sn.liveObjects, live + 1);
  assert.throws(() => { tr.run(); tr.step(); }, (e) => e.name === 'ScratchnetError' && e.code === 'trainer.finished');
  assert.ok(tr.cycleLength() > 0, 'XOR cycles (found by the core)');
  tr.delete();
  assert.equal(sn.liveObjects, live);
  assert.throws(() => tr.step(), (e) => e.name === 'ScratchnetError' && e.code === 'object.deleted');
});
