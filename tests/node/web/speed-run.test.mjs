// The speed-up panel's run without a DOM (web/src/panels/speed/run.js): the precision
// tables from the core, the float16 file loaded back, float32 against float64 training,
// and the builds' runs (bench.js's inlineWorker: the workers' code in this thread),
// all freed on dispose.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { loadCore, repoFile, wasmFile } from '../load.mjs';
import { loadScratchnet } from '../../../web/lib/scratchnet.js';
import { defaults } from '../../../web/src/state.js';
import { createRun, BUILD_LOSS_TOLERANCE } from '../../../web/src/panels/speed/run.js';
import { inlineWorker } from '../../../web/src/panels/speed/bench.js';

const sn = await loadCore();
const ASSETS = 'http://assets.invalid/';
// url → the file under web/public (data/…) or the repository (models/…)
const fetchBytes = async (url) => {
  const rel = url.slice(ASSETS.length);
  return new Uint8Array(fs.readFileSync(repoFile(rel.startsWith('models/') ? rel : `web/public/${rel}`)));
};
// Until the scalar build is built (scripts/build.sh), its name loads the SIMD module, as web/lib/builds.js does.
const loadBuild = ({ build }) => (fs.existsSync(repoFile(`web/generated/wasm/${wasmFile[build]}`)) ? loadCore({ build })
  : loadScratchnet({ build, wasmBinary: fs.readFileSync(repoFile(`web/generated/wasm/${wasmFile.simd}`)) }));
const newRun = (over = {}) => createRun({ sn, state: { ...defaults(), ...over }, assetBase: ASSETS, fetchBytes, spawnWorker: () => inlineWorker(loadBuild) });

test('measurePrecision: the book\'s network 93.74 % in float64/32/16, a fresh one the same in all three, its float16 file loads back', async () => {
  const live = sn.liveObjects;
  const run = newRun();
  const seen = [];
  run.subscribe((s) => seen.push(s.busy));
  await run.measurePrecision();
  const { precision: p, error } = run.snapshot();
  assert.equal(error, null);
  assert.equal(p.book.n, 10000);
  for (const r of p.book.rows) assert.ok(Math.abs(r.accuracy - 0.9374) <= 0.0001, `${r.dtype} ${r.accuracy}`);
  assert.equal(p.trained.n, 2000);
  const [a64, a32, a16] = p.trained.rows.map((r) => r.accuracy);
  assert.ok(a32 > 0.85, `one epoch: ${a32}`);
  assert.ok(Math.abs(a64 - a32) <= 0.0005 && Math.abs(a16 - a32) <= 0.001, `${a64} ${a32} ${a16}`);
  assert.equal(p.npz.bytes32 - p.npz.bytes16, 2 * 79510);
  assert.equal(p.npz.backAcc, a16, 'the file holds exactly the float16 weights the table measured');
  assert.equal(run.float16Npz().length, p.npz.bytes16);
  assert.ok(seen.includes('precision') && seen.at(-1) === null, 'busy while measuring, then free');
  run.dispose();
  assert.equal(sn.liveObjects, live, 'dispose frees the data sets and the book\'s network');
});

test('trainPrecisions: sp_steps steps in float32 then float64, the same loss curve', async () => {
  const live = sn.liveObjects;
  const run = newRun({ sp_steps: 30, sp_seed: 4 });
  await run.trainPrecisions();
  const tr = run.snapshot().training;
  assert.equal(tr.total, 30);
  assert.equal(tr.float32.losses.length, 30);
  assert.equal(tr.float64.losses.length, 30);
  assert.ok(tr.maxLossDiff < 1e-4, `float32 vs float64: ${tr.maxLossDiff}`);
  assert.ok(tr.float32.losses[29] < tr.float32.losses[0], 'the loss went down');
  assert.ok(tr.ratio > 0 && Number.isFinite(tr.ratio));
  run.dispose();
  assert.equal(sn.liveObjects, live);
});

test('runBuilds: scalar and SIMD train the same curve; threads is unavailable where the page is not isolated', async () => {
  const run = newRun({ sp_steps: 20 });
  await run.runBuilds();
  const b = run.snapshot().builds;
  assert.equal(b.threads.status, 'unavailable');
  for (const name of ['scalar', 'simd']) {
    assert.equal(b[name].status, 'done', `${name}: ${JSON.stringify(b[name].error)}`);
    assert.equal(b[name].build.name, name);
    assert.equal(b[name].losses.length, 20);
    assert.ok(b[name].samplesPerSec > 0);
  }
  assert.ok(b.maxLossDiff <= BUILD_LOSS_TOLERANCE, `scalar vs SIMD: ${b.maxLossDiff}`);
  run.dispose();
});
