// The settings table (web/src/state.js): enum values in any case (issue: gate=XOR
// was refused with a "not an allowed value" note), still refusing unknown names.
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseSetting, readState } from '../../web/src/state.js';

test('an enum value is accepted in any case, without a note', () => {
  assert.deepEqual(parseSetting('gate', 'XOR'), { value: 'xor' });
  assert.deepEqual(parseSetting('fn', 'ReLU'), { value: 'relu' });
  assert.deepEqual(parseSetting('optimizer', ' Adam '), { value: 'adam' });
  const { state, notes } = readState({ search: '', hash: '#panel=Perceptron&gate=Nand' });
  assert.equal(state.panel, 'perceptron');
  assert.equal(state.gate, 'nand');
  assert.deepEqual(notes, []);
});

test('an unknown enum value is still refused with a note and the default kept', () => {
  assert.deepEqual(parseSetting('gate', 'XNOR'), { note: { key: 'gate', raw: 'XNOR', why: 'not_allowed' } });
  assert.deepEqual(parseSetting('gate', '__proto__'), { note: { key: 'gate', raw: '__proto__', why: 'not_allowed' } });
});
