// When the wasm memory cannot grow any more (2 GB), the allocation that fails
// becomes a ScratchnetError 'memory.exhausted', not an abort: the module keeps
// working, and freeing the networks gives the memory back to later ones.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore } from '../load.mjs';

test('filling the 2 GB wasm heap gives memory.exhausted and the core goes on', async () => {
  const sn = await loadCore();
  const nets = [];
  let error = null;
  try {
    // each is 8000×8000 float weights + gradients ≈ 512 MB: under every size
    // limit on its own, so only the heap itself can refuse the fifth
    for (let i = 0; i < 8; i++) nets.push(sn.network({ sizes: [8000, 8000] }, { seed: 1 }));
  } catch (e) {
    error = e;
  }
  assert.ok(error, 'some network must not fit');
  assert.equal(error.name, 'ScratchnetError');
  assert.equal(error.code, 'memory.exhausted');
  assert.ok(nets.length >= 2 && nets.length < 8, `${nets.length} networks fitted`);
  assert.equal(sn.heapBytes, 2 ** 31);
  for (const n of nets) n.delete();
  const again = sn.network({ sizes: [8000, 8000] }, { seed: 1 });   // freed memory is reused
  const tiny = sn.network({ sizes: [2, 3, 1], hidden: 'tanh', output: 'tanh' });
  assert.equal(tiny.output([1, 2]).length, 1);
  again.delete();
  tiny.delete();
  assert.equal(sn.liveObjects, 0);
});
