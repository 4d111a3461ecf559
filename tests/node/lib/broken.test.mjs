// Every hand-broken file of the fuzz corpus (tests/fuzz/corpus/broken.tsv)
// through the JavaScript API: each is a ScratchnetError with the wasm
// build's code and a message — never a wasm abort, never a crash of the
// module (it keeps working afterwards). The native table tests
// (tests/cpp/data/idx_broken_test.cpp, tests/cpp/io/npz_broken_test.cpp)
// check the same files against the native codes.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ScratchnetError } from '../../../web/lib/scratchnet.js';
import { loadCore, repoFile } from '../load.mjs';

const sn = await loadCore();
const corpus = (target, file) => new Uint8Array(fs.readFileSync(repoFile(`tests/fuzz/corpus/${target}/${file}`)));
const rows = fs.readFileSync(repoFile('tests/fuzz/corpus/broken.tsv'), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => { const [target, file, role, code, wasmCode] = l.split('\t'); return { target, file, role, code, wasmCode }; });

// The error `fn` throws or rejects with, or null.
async function refusal(fn) {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  return null;
}

test('every broken IDX file is a ScratchnetError with its code', async () => {
  const images = corpus('idx', 'good-images-3.idx.gz');
  const labels = corpus('idx', 'good-labels-3.idx');
  const idx = rows.filter((r) => r.target === 'idx');
  assert.ok(idx.length >= 25);
  for (const r of idx) {
    const bytes = corpus('idx', r.file);
    const e = await refusal(() => (r.role === 'labels' ? sn.datasetFromIdx(images, bytes) : sn.datasetFromIdx(bytes, labels)));
    assert.ok(e instanceof ScratchnetError, `${r.file}: ${e}`);
    assert.equal(e.code, r.wasmCode, `${r.file}: ${e.message}`);
    assert.ok(e.message.length > 10, `${r.file} has a message`);
  }
  // still alive: the good pair loads
  const d = await sn.datasetFromIdx(images, labels);
  assert.deepEqual([...d.labels()], [3, 5, 8]);
  d.delete();
});

test('every broken .npz model is a ScratchnetError with its code', async () => {
  const npz = rows.filter((r) => r.target === 'npz');
  assert.ok(npz.length >= 30);
  for (const r of npz) {
    const e = await refusal(() => sn.loadNetwork(corpus('npz', r.file), { hidden: 'sigmoid' }).delete());
    assert.ok(e instanceof ScratchnetError, `${r.file}: ${e}`);
    assert.equal(e.code, r.wasmCode, `${r.file}: ${e.message}`);
    assert.ok(e.message.length > 10, `${r.file} has a message`);
  }
  const net = sn.loadNetwork(corpus('npz', 'good-2-3-2.npz'), { hidden: 'sigmoid' });
  assert.deepEqual(net.spec.sizes, [2, 3, 2]);
  net.delete();
});
