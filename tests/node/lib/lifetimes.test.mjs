// Object lifetimes: everything sn makes is counted until deleted, scope()
// deletes what was made inside it, and repeating the same work leaves the bytes
// allocated in wasm (sn.heapUsed) exactly where they were: nothing leaks in C++.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';

const sn = await loadCore();

test('liveObjects counts what is made and not yet deleted; delete twice counts once', () => {
  const before = sn.liveObjects;
  const net = sn.network({ sizes: [2, 3, 1], hidden: 'tanh', output: 'tanh' });
  const data = sn.xorDataset();
  const p = sn.perceptronTrainer({ gate: 'and' });
  assert.equal(sn.liveObjects, before + 3);
  net.delete();
  net.delete();
  p.delete();
  assert.equal(sn.liveObjects, before + 1);
  data.delete();
  assert.equal(sn.liveObjects, before);
});

test('scope() deletes everything made inside it, also when it throws', () => {
  const before = sn.liveObjects;
  sn.scope(() => { sn.network({ sizes: [4, 4, 2] }); sn.spiral(); });
  assert.equal(sn.liveObjects, before);
  assert.throws(() => sn.scope(() => { sn.xorDataset(); sn.network({ sizes: [2, 0, 1] }); }), { code: 'net.layer_size' });
  assert.equal(sn.liveObjects, before);
});

test('training the same network 30 times leaves the wasm memory where the first time left it', () => {
  const once = () => sn.scope(() => {
    const data = sn.spiral();
    const net = sn.network({ sizes: [2, 64, 3], hidden: 'relu' }, { seed: 3 });
    const tr = sn.trainer(net, { train: data, optimizer: 'adam', learningRate: 0.01, batchSize: 30 });
    return tr.run(50).last.loss;
  });
  const first = once();
  const [heap, used] = [sn.heapBytes, sn.heapUsed];
  for (let i = 0; i < 30; i++) assert.equal(once(), first, 'same seed, same loss');
  assert.equal(sn.heapBytes, heap, 'the wasm memory did not grow');
  assert.equal(sn.heapUsed, used, 'every byte allocated by a run was freed');
  // and the measure can see a leak: a network that is not deleted
  const kept = sn.network({ sizes: [2, 64, 3] });
  assert.ok(sn.heapUsed > used, 'an undeleted network is counted');
  kept.delete();
  assert.equal(sn.heapUsed, used);
});
