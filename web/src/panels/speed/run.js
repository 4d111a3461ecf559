// run.js — the speed-up panel's run (agreement B): no DOM. It owns the bundled
// MNIST, the book's ch. 3 network, the float16 .npz, and the timed training
// runs; every number in its snapshot comes from the core.
//
//   measurePrecision()  the book's network and a freshly trained one in float64/32/16
//                       (sn.comparePrecisions), and the float16 .npz saved and loaded back
//   trainPrecisions()   the same training in float32 and float64 (bench.js), one after the other
//   runBuilds()         the same training in the scalar, SIMD and threads builds, each in a worker
import { benchTraining } from './bench.js';
import { buildAvailable } from '../../../lib/builds.js';

export const BOOK_MODEL = 'models/book-ch03.npz';
export const BUILDS = ['scalar', 'simd', 'threads'];
// Largest |Δloss| between two builds' curves that still counts as "the same run": the
// builds do the same float32 arithmetic, only in another order (SIMD lanes, GEMM blocking).
export const BUILD_LOSS_TOLERANCE = 1e-3;
const FILES = { trainImages: 'train-images-idx3-ubyte.gz', trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 'test-images-idx3-ubyte.gz', testLabels: 'test-labels-idx1-ubyte.gz' };

async function fetchFromNetwork(url) {
  const res = await fetch(url);
  if (!res.ok) throw Object.assign(new Error(`${url}: HTTP ${res.status}`), { code: 'data.fetch_failed' });
  return new Uint8Array(await res.arrayBuffer());
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

const maxAbsDiff = (a, b) => {
  let d = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};

/**
 * createRun({ sn, state, assetBase, spawnWorker }) → the run.
 *   state        the shell's settings, read when an action starts (sp_steps, sp_seed)
 *   assetBase    where data/ and models/ are (a URL)
 *   spawnWorker  () → a Worker running worker.js (null: no workers, the build section says so)
 *   fetchBytes   url → Promise<Uint8Array> (the Node tests read the files from disk)
 */
export function createRun({ sn, state, assetBase, spawnWorker = () => null, fetchBytes = fetchFromNetwork }) {
  const listeners = new Set();
  let snap = {
    busy: null,            // 'precision' | 'training' | 'builds' | null
    error: null,
    pageBuild: sn.build ?? { name: 'simd', simd: true, threads: 1 },
    precision: null,       // { book: { rows, n }, trained: { rows, n }, npz: { bytes32, bytes16, backAcc } }
    training: null,        // { float32: { losses, steps, seconds, samplesPerSec }, float64: {…}, total, maxLossDiff }
    builds: null,          // { scalar: { status, losses, steps, samplesPerSec, build, error }, … , total, maxLossDiff }
  };
  let data = null;         // { bytes, train, test, all, book }
  let npz16 = null;        // the float16 file, for a download
  let disposed = false;
  let worker = null;

  const emit = (patch) => {
    snap = { ...snap, ...patch };
    for (const fn of listeners) fn(snap);
  };

  async function loadData() {
    if (data) return data;
    const url = (f) => new URL(`data/mnist/${f}`, assetBase).href;
    const keys = Object.keys(FILES);
    const got = await Promise.all([...keys.map((k) => fetchBytes(url(FILES[k]))), fetchBytes(new URL(BOOK_MODEL, assetBase).href)]);
    const bytes = Object.fromEntries(keys.map((k, i) => [k, got[i]]));
    const train = await sn.datasetFromIdx(bytes.trainImages, bytes.trainLabels, { name: 'mnist-train' });
    const test = await sn.datasetFromIdx(bytes.testImages, bytes.testLabels, { name: 'mnist-test' });
    // all 10,000 bundled digits in one set, as the book's ch. 3 check and scripts/precision-reference.py use them
    const x = new Float32Array((train.size + test.size) * train.features);
    x.set(train.x(), 0);
    x.set(test.x(), train.size * train.features);
    const labels = new Int32Array(train.size + test.size);
    labels.set(train.labels(), 0);
    labels.set(test.labels(), train.size);
    const all = sn.datasetFromArrays(x, labels, { height: 28, width: 28 }, { classes: 10, name: 'mnist-all' });
    const book = sn.loadNetwork(got[keys.length], { hidden: 'sigmoid', output: 'softmax' });
    if (disposed) { for (const o of [train, test, all, book]) o.delete(); throw new Error('disposed'); }
    data = { bytes, train, test, all, book };
    return data;
  }

  async function guardedAction(name, fn) {
    if (snap.busy) return;
    emit({ busy: name, error: null });
    try {
      await fn();
    } catch (e) {
      if (!disposed) emit({ error: e });
    } finally {
      if (!disposed) emit({ busy: null });
    }
  }

  // Each call into the core below takes up to ~0.5 s on a phone-class CPU: the page gets a
  // frame between them (the book's table shows while the fresh network trains).
  function measurePrecision() {
    return guardedAction('precision', async () => {
      const d = await loadData();
      await pause();
      const book = { rows: sn.comparePrecisions(d.book, d.all), n: d.all.size };
      emit({ precision: { book, trained: null, npz: null } });
      await pause();
      // a fresh network: one epoch of Adam on the 8,000 training digits, judged on the 2,000 test digits
      const seed = state.sp_seed;
      const net = sn.network({ sizes: [784, 100, 10], hidden: 'relu', init: 'he' }, { seed });
      try {
        const tr = sn.trainer(net, { train: d.train, optimizer: 'adam', learningRate: 0.001, batchSize: 100, seed });
        try {
          for (let left = tr.stepsPerEpoch; left > 0 && !disposed; left -= 10) {
            tr.run(Math.min(10, left));
            await pause();
          }
        } finally { tr.delete(); }
        if (disposed) return;
        const trained = { rows: sn.comparePrecisions(net, d.test), n: d.test.size };
        const bytes32 = net.toNpz().length;
        npz16 = net.save({ dtype: 'float16' });
        const back = sn.loadNetwork(npz16);
        let backAcc;
        try { backAcc = back.accuracyOf(d.test); } finally { back.delete(); }
        emit({ precision: { book, trained, npz: { bytes32, bytes16: npz16.length, backAcc } } });
      } finally {
        net.delete();
      }
    });
  }

  function trainPrecisions() {
    return guardedAction('training', async () => {
      const d = await loadData();
      const total = state.sp_steps;
      const seed = state.sp_seed;
      const training = { total, float32: null, float64: null, maxLossDiff: null };
      for (const precision of ['float32', 'float64']) {
        const row = { losses: [], steps: 0, seconds: 0, samplesPerSec: null };
        training[precision] = row;
        emit({ training: { ...training } });
        const result = await benchTraining(sn, d.train, {
          steps: total, seed, precision, cancelled: () => disposed,
          onProgress: (p) => {
            row.losses.push(...p.losses);
            row.steps = p.steps;
            row.seconds = p.seconds;
            emit({ training: { ...training } });
          },
        });
        if (!result) return;
        row.samplesPerSec = result.samplesPerSec;
      }
      training.maxLossDiff = maxAbsDiff(training.float32.losses, training.float64.losses);
      training.ratio = training.float32.samplesPerSec / training.float64.samplesPerSec;
      emit({ training: { ...training } });
    });
  }

  // One build in its own worker: resolves when it is done or failed.
  function runBuild(name, builds, d, total, seed) {
    const row = builds[name];
    return new Promise((resolve) => {
      worker = spawnWorker();
      if (!worker) {
        Object.assign(row, { status: 'failed', error: { code: 'internal', message: 'no Web Worker on this page' } });
        resolve();
        return;
      }
      const w = worker;
      const finish = () => { w.terminate(); if (worker === w) worker = null; resolve(); };
      w.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'ready') row.build = m.build;
        else if (m.type === 'progress') { row.losses.push(...m.losses); row.steps = m.steps; row.seconds = m.seconds; }
        else if (m.type === 'done') { row.status = 'done'; row.samplesPerSec = m.result?.samplesPerSec ?? null; }
        else if (m.type === 'failed') { row.status = 'failed'; row.error = m.error; }
        if (!disposed) emit({ builds: { ...builds } });
        if (m.type === 'done' || m.type === 'failed') finish();
      };
      w.onerror = (e) => {
        e.preventDefault?.();
        Object.assign(row, { status: 'failed', error: { code: 'internal', message: e.message || 'the worker stopped' } });
        finish();
      };
      row.status = 'running';
      emit({ builds: { ...builds } });
      // copies: each worker owns (and may transfer away) its own bytes
      w.postMessage({ build: name, images: d.bytes.trainImages.slice(), labels: d.bytes.trainLabels.slice(), steps: total, seed });
    });
  }

  function runBuilds() {
    return guardedAction('builds', async () => {
      const d = await loadData();
      const total = state.sp_steps;
      const seed = state.sp_seed;
      const builds = { total, maxLossDiff: null };
      for (const name of BUILDS) {
        builds[name] = { status: buildAvailable(name) ? 'waiting' : 'unavailable', losses: [], steps: 0, seconds: 0, samplesPerSec: null, build: null, error: null };
      }
      emit({ builds: { ...builds } });
      for (const name of BUILDS) {
        if (disposed) return;
        if (builds[name].status === 'unavailable') continue;
        await runBuild(name, builds, d, total, seed);
      }
      const ref = builds.simd.status === 'done' ? builds.simd.losses : null;
      if (ref) {
        const others = BUILDS.filter((b) => b !== 'simd' && builds[b].status === 'done');
        builds.maxLossDiff = others.length ? Math.max(...others.map((b) => maxAbsDiff(ref, builds[b].losses))) : null;
      }
      emit({ builds: { ...builds } });
    });
  }

  return {
    snapshot: () => snap,
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    measurePrecision,
    trainPrecisions,
    runBuilds,
    /** The float16 .npz of the last measurement (null before one). */
    float16Npz: () => npz16,
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = null;
      if (data) for (const o of [data.train, data.test, data.all, data.book]) o.delete();
      data = null;
      listeners.clear();
    },
  };
}
