// run.js — the backprop playground's model: data set, network, trainer and the
// play loop (book ch. 5–6, vol. 2 ch. 1). No DOM: the view (view.js) draws
// snapshots and may be rebuilt at any time (language, tab) while this runs on.
//
// A run is made for one network (runKey: data, hidden size, activation,
// optimizer, initialisation, seed); the learning rate and the speed change on
// the live run. Every number — losses, accuracies, the decision grid's
// outputs, the divergence guard, the gradient check — comes from the core.
import { LossHistory } from '../../shared/loss-history.js';
import { nextFrame } from '../../shared/next-frame.js';

export const BATCH = { xor: 4, spiral: 30 };
export const GRID = 60;             // decision grid: 60 × 60 = 3600 rows, one net.output call
export const SPEEDS = [1, 5, 20, 100, 500];
const DEFAULT_SPEED = 5;
const FRAME_BUDGET_MS = 12;         // core work per frame
const GC_ROWS_SPIRAL = 30;          // gradient check: every 10th of the 300 spiral points

// The settings that make a new network (and so a new run).
export const NET_KEYS = ['data', 'hidden', 'act', 'optimizer', 'init', 'seed'];
export const runKey = (state) => NET_KEYS.map((k) => `${k}=${state[k]}`).join('&');


function oneHot(labels, k) {
  const t = new Float32Array(labels.length * k);
  labels.forEach((l, i) => { t[i * k + l] = 1; });
  return t;
}

/** The decision grid's extent around the data, and its cell centres as rows of (x, y). */
function gridOver(X, xor) {
  let extent = { x0: -0.5, x1: 1.5, y0: -0.5, y1: 1.5 };
  if (!xor) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of X) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const pad = 0.1 * (hi - lo);
    extent = { x0: lo - pad, x1: hi + pad, y0: lo - pad, y1: hi + pad };
  }
  const grid = new Float32Array(GRID * GRID * 2);
  const dx = (extent.x1 - extent.x0) / GRID;
  const dy = (extent.y1 - extent.y0) / GRID;
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const i = (r * GRID + c) * 2;
      grid[i] = extent.x0 + (c + 0.5) * dx;
      grid[i + 1] = extent.y0 + (r + 0.5) * dy;
    }
  }
  return { extent, grid };
}

/** A run for the settings in `state` (read once: a change of a NET_KEYS setting makes a new run). */
export function createRun({ sn, state }) {
  const config = Object.fromEntries(NET_KEYS.map((k) => [k, state[k]]));
  const xor = config.data === 'xor';
  const listeners = new Set();
  let dataset = null;
  let net = null;
  let trainer = null;
  let X = null;
  let labels = null;
  let points = [];
  let extent = null;
  let grid = null;
  const history = new LossHistory();
  let markers = [];          // [{ step, lr }] learning-rate changes
  let divergences = [];      // [{ step }]
  let diverged = null;       // { step, lr } while the last step diverged
  let last = { step: 0, epoch: 0, loss: NaN, acc: NaN };
  let lr = state.lr;
  let speed = DEFAULT_SPEED;
  let playing = false;
  let resumeOnShow = false;
  let cancelFrame = null;
  let cap = Infinity;        // steps per frame the time budget allows
  let error = null;          // the last error from the core (the view translates it)
  let gradCheck = null;      // { rows, results: [{ param, rows, cols, maxAbsDiff, maxRelError }] }
  let version = 0;           // bumped on every change: views compare it to skip work
  let disposed = false;

  function notify() {
    version++;
    const s = snapshot();
    for (const f of listeners) f(s);
  }

  function snapshot() {
    return {
      version, config, lr, speed, playing, error, diverged, gradCheck,
      step: last.step, epoch: last.epoch, loss: last.loss, acc: last.acc,
      losses: history.points, markers, divergences,
      points, extent, gridN: GRID, batch: BATCH[config.data],
      stepsPerEpoch: dataset ? Math.ceil(dataset.size / BATCH[config.data]) : 0,
      ready: trainer !== null,
    };
  }

  function free() {
    trainer?.delete();
    net?.delete();
    dataset?.delete();
    trainer = null;
    net = null;
    dataset = null;
  }

  /** A fresh network and trainer (the old ones are freed) and the loss of the untrained net. */
  function build() {
    trainer?.delete();
    net?.delete();
    trainer = null;
    net = null;
    history.clear();
    markers = [];
    divergences = [];
    diverged = null;
    gradCheck = null;
    error = null;
    last = { step: 0, epoch: 0, loss: NaN, acc: NaN };
    try {
      net = sn.network({
        sizes: [2, config.hidden, xor ? 1 : 3], hidden: config.act, output: xor ? 'tanh' : 'softmax',
        init: config.init, initStd: 0.01,
      }, { seed: config.seed });
      trainer = sn.trainer(net, {
        train: dataset, optimizer: config.optimizer, learningRate: lr, batchSize: BATCH[config.data], seed: config.seed,
      });
      // the starting point of the curve: the loss of the untrained network on all the data
      const target = xor ? dataset.targets().data : oneHot(labels, 3);
      last.loss = net.loss(X, target, dataset.size);
      last.acc = trainer.evaluate(dataset);
      history.push(0, last.loss);
    } catch (e) {
      trainer?.delete();
      net?.delete();
      trainer = null;
      net = null;
      error = e;
      playing = false;
    }
  }

  function consume(r) {
    if (!r || !r.last) return;
    history.pushMany(r.losses, r.last.step);
    last.step = r.last.step;
    last.epoch = trainer.epoch;
    last.loss = r.last.loss;
    if (r.epochs.length) {
      const acc = r.epochs[r.epochs.length - 1].trainAcc;
      if (Number.isFinite(acc)) last.acc = acc;
    }
    if (r.last.diverged) {
      divergences.push({ step: r.last.step });
      diverged = { step: r.last.step, lr: trainer.learningRate };
      setPlaying(false);
    }
  }

  function train(k) {
    if (!trainer) return;
    try {
      consume(trainer.run(k));
    } catch (e) {
      setPlaying(false);
      error = e;
    }
  }

  function frame() {
    cancelFrame = null;
    if (!playing || disposed) return;
    const k = Math.max(1, Math.min(speed, cap));
    const t0 = performance.now();
    train(k);
    const dt = performance.now() - t0;
    // keep each frame's core work inside the budget
    if (dt > FRAME_BUDGET_MS) cap = Math.max(1, Math.floor((k * FRAME_BUDGET_MS) / dt));
    else if (k === cap && dt < FRAME_BUDGET_MS / 2) cap *= 2;
    if (playing) cancelFrame = nextFrame(frame);
    notify();
  }

  function setPlaying(on) {
    playing = on && trainer !== null && !disposed;
    if (playing && !cancelFrame) {
      cap = Infinity;
      cancelFrame = nextFrame(frame);
    }
    if (!playing && cancelFrame) {
      cancelFrame();
      cancelFrame = null;
    }
  }

  // ---- start ----------------------------------------------------------------
  try {
    dataset = xor ? sn.xorDataset() : sn.spiral();
    X = dataset.x();
    labels = dataset.labels();
    points = Array.from(labels, (label, i) => ({ x: X[2 * i], y: X[2 * i + 1], label }));
    ({ extent, grid } = gridOver(X, xor));
    build();
  } catch (e) {
    error = e;
  }

  const run = {
    snapshot,
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },

    start() { diverged = null; error = null; setPlaying(true); notify(); },
    pause() { setPlaying(false); notify(); },
    /** One minibatch step (pauses a playing run first). */
    step() { setPlaying(false); diverged = null; train(1); notify(); },
    /** A fresh network with the same settings. */
    reset() { const was = playing; setPlaying(false); build(); setPlaying(was); notify(); },
    setSpeed(n) { speed = Number(n); cap = Infinity; notify(); },

    /**
     * The learning rate changes on the trainer itself: the next step uses it and
     * nothing is rebuilt. The core checks its range (0 < η ≤ 10) and throws a
     * ScratchnetError otherwise, which is returned to the caller.
     */
    setLr(value) {
      const v = Number(value);
      if (trainer) trainer.learningRate = v;   // throws on a bad rate: nothing changes
      if (v === lr) return;
      lr = v;
      if (last.step > 0) {
        const m = { step: last.step, lr: v };
        if (markers.length && markers[markers.length - 1].step === last.step) markers[markers.length - 1] = m;
        else markers.push(m);
      }
      notify();
    },

    /** The network's outputs over the decision grid (GRID² rows), from the core. */
    decision() {
      if (!net || !grid) return null;
      return { out: net.output(grid, GRID * GRID), classes: net.outputSize };
    },

    /** Compare backprop's gradients with central differences (the core's check). */
    gradientCheck() {
      if (!net) return;
      try {
        let x = X;
        let target;
        let rows = dataset.size;
        if (xor) {
          target = dataset.targets().data;
        } else {
          // rows spread over all three arms
          rows = GC_ROWS_SPIRAL;
          const stride = Math.floor(dataset.size / rows);
          x = new Float32Array(rows * 2);
          const ls = new Int32Array(rows);
          for (let i = 0; i < rows; i++) {
            x[2 * i] = X[2 * i * stride];
            x[2 * i + 1] = X[2 * i * stride + 1];
            ls[i] = labels[i * stride];
          }
          target = oneHot(ls, 3);
        }
        const results = net.gradientCheck(x, target, rows).map((r) => {
          const p = net.param(r.param);
          return { param: r.param, rows: p.rows, cols: p.cols, maxAbsDiff: r.maxAbsDiff, maxRelError: r.maxRelError, maxError: r.maxError, ok: r.ok };
        });
        gradCheck = { rows, results };
        error = null;
      } catch (e) {
        error = e;
      }
      notify();
    },

    /** Hidden behind another tab: stop using the CPU, and go on when shown again. */
    setVisible(visible) {
      if (!visible) { resumeOnShow = playing; setPlaying(false); }
      else if (resumeOnShow) { resumeOnShow = false; setPlaying(true); }
    },

    dispose() {
      disposed = true;
      setPlaying(false);
      listeners.clear();
      free();
    },
  };
  return run;
}
