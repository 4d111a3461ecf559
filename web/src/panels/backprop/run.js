// run.js — the backprop playground's model (book ch. 5–6, vol. 2 ch. 1; TensorFlow
// Playground's plane, issue 11): a seeded 2-D data set split into train and test, its
// input features, a network of 0–6 hidden layers, the trainer with its regularization,
// and the play loop. No DOM: the view (view.js) draws snapshots and may be rebuilt at
// any time (language, tab, resize) while this runs on.
//
// data=xor is the book's XOR gate itself, not a cloud: its four points (0,0)→0, (0,1)→1,
// (1,0)→1, (1,1)→0 (모두의 딥러닝 ch. 3, book 2.5: no single perceptron separates them, a
// 2-layer network learns them) on the plane [−0.5, 1.5]², trained and measured on all four
// (no train/test split) by a network with one tanh output and the squared error on 0/1, as
// the panel always trained it; the TensorFlow Playground quadrant cloud is data=xor-cloud.
//
// Every number comes from the core: the points (sn.toyDataset, sn.xorDataset), the features
// (sn.featureMap), every neuron's map over the plane (net.neuronMaps, one traced forward
// pass of the GRID² pixel centres), the losses and accuracies, the gradients an edge
// shows (sn.trainerGradients: regularization included) and the gradient check.
import { LossHistory } from '../../shared/loss-history.js';
import { nextFrame } from '../../shared/next-frame.js';
import { timed } from '../../shared/profile.js';

export const GRID = 40;                       // every neuron's map: 40 × 40 pixel centres of the plane
export const PLANE = { from: -6, to: 6 };     // the core's toy data sets live on [−6, 6]²
const GATE_PLANE = { from: -0.5, to: 1.5 };   // the XOR gate's four corners of the unit square, with a margin
export const SPEEDS = [1, 5, 20, 100, 500];
const DEFAULT_SPEED = 5;
const FRAME_BUDGET_MS = 12;                   // core training work per frame
const GC_ROWS = 30;                           // gradient check: 30 rows spread over the training set
// the panel's data names → the core's (sn.toyDatasetNames) and how many points they have
const TOY = { circle: 'circle', gauss: 'gauss', 'xor-cloud': 'xor', spiral2: 'spiral', spiral: 'spiral3', 'reg-plane': 'reg-plane', 'reg-gauss': 'reg-gauss' };
const POINTS = { spiral: 300 };               // the book's spiral: 100 per class; the others 500 (TensorFlow Playground's)

// an idle moment of the page (a short timer where there is none: Node); returns its canceller
const idle = globalThis.requestIdleCallback
  ? (f) => { const id = requestIdleCallback(f, { timeout: 1000 }); return () => cancelIdleCallback(id); }
  : (f) => { const id = setTimeout(f, 50); return () => clearTimeout(id); };
const WARM = new WeakMap();   // per core module: the kinds of training step already run once (createRun's warm-up)

// The settings that make a new network (and so a new run); lr and the speed change the live run.
export const NET_KEYS = ['data', 'layers', 'neurons', 'act', 'optimizer', 'init', 'batch', 'noise', 'ratio', 'features', 'reg', 'rate', 'seed'];

/** The hidden layers' sizes: the first `layers` entries of `neurons` (the last one repeated if short). */
export function hiddenSizes(state) {
  const n = state.neurons.length ? state.neurons : [4];
  return Array.from({ length: state.layers }, (_, i) => n[Math.min(i, n.length - 1)]);
}

export const runKey = (state) => NET_KEYS.map((k) => `${k}=${k === 'neurons' ? hiddenSizes(state).join(',') : String(state[k])}`).join('&');

export const isRegression = (data) => data.startsWith('reg-');
/** data=xor: the four points of the XOR gate, both the training and the test data. */
export const isGate = (data) => data === 'xor';
/** The square of the plane a data set is drawn on (and its maps computed over). */
export const planeOf = (data) => (isGate(data) ? GATE_PLANE : PLANE);

/**
 * The learning-rate hint: over the last `WINDOW` measurements since η last changed, the
 * training loss either goes up about as often as down (it oscillates) or has not moved
 * below what it was while far from solved (it stalls) — with an η large enough to blame.
 */
const WINDOW = 24;
export function lrHint(points, lr, since) {
  const pts = points.filter((p) => p.step > since);
  if (pts.length < WINDOW || lr < 0.1) return null;
  const w = pts.slice(-WINDOW);
  let ups = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < w.length; i++) {
    lo = Math.min(lo, w[i].loss);
    hi = Math.max(hi, w[i].loss);
    if (i > 0 && w[i].loss > w[i - 1].loss) ups++;
  }
  const mean = w.reduce((s, p) => s + p.loss, 0) / w.length;
  const first = pts[0].loss;
  // measured on the circle (tanh 4-2, SGD, batch 10): η = 0.1 goes up 5 times in 23 with a spread of
  // 17 % of the mean; η = 1 goes up 12 times with 88 %, η = 10 ends above the untrained loss
  if (!Number.isFinite(mean) || mean > first) return 'oscillates';
  if (ups >= 0.4 * (w.length - 1) && (hi - lo) > 0.5 * mean) return 'oscillates';
  if (lr >= 0.3 && mean > 0.5 * first && (hi - lo) < 0.01 * mean) return 'stalls';
  return null;
}

/** A run for the settings in `state` (read once: a change of a NET_KEYS setting makes a new run). */
export function createRun({ sn, state }) {
  const config = Object.fromEntries(NET_KEYS.map((k) => [k, structuredClone(state[k])]));
  config.hidden = hiddenSizes(state);
  const regression = isRegression(config.data);
  const gate = isGate(config.data);
  const plane = planeOf(config.data);
  const features = config.features;
  const listeners = new Set();
  let train = null;
  let test = null;
  let net = null;
  let trainer = null;
  let trainX = null;
  let trainT = null;
  let testX = null;
  let testT = null;
  let classes = 1;
  let points = [];           // { x, y, label | target, test }
  let gridX = null;          // the GRID² pixel centres as rows of the chosen features
  let inputMaps = [];        // per feature: its GRID² values (the core's featureMap, one column each)
  const trainHist = new LossHistory(600);
  const testHist = new LossHistory(600);
  let markers = [];          // [{ step, lr, open }] learning-rate changes; open while a slider drag goes on
  let divergences = [];
  let diverged = null;
  let last = { step: 0, epoch: 0, loss: NaN, trainLoss: NaN, testLoss: NaN, acc: NaN, testAcc: NaN };
  let lr = state.lr;
  let speed = DEFAULT_SPEED;
  let playing = false;
  let resumeOnShow = false;
  let cancelFrame = null;
  let cap = Infinity;
  let error = null;
  let gradCheck = null;
  let version = 0;           // bumped on every change
  let weightsVersion = 0;    // bumped when a weight changes (training or an edit): maps and gradients follow
  let cache = { maps: -1, weights: -1, grads: -1 };
  let disposed = false;

  function notify() {
    version++;
    const s = snapshot();
    for (const f of listeners) f(s);
  }

  function snapshot() {
    const since = markers.length ? markers[markers.length - 1].step : 0;
    return {
      version, weightsVersion, config, lr, speed, playing, error, diverged, gradCheck, regression, gate, classes,
      step: last.step, epoch: last.epoch, loss: last.trainLoss, trainLoss: last.trainLoss, testLoss: last.testLoss,
      acc: last.acc, testAcc: last.testAcc,
      losses: trainHist.points, testLosses: testHist.points, markers, divergences,
      hint: playing || last.step > 0 ? lrHint(trainHist.points, lr, since) : null,
      points, gridN: GRID, plane, batch: config.batch, features, hidden: config.hidden,
      trainSize: train ? train.size : 0, testSize: test ? test.size : 0,
      stepsPerEpoch: trainer ? trainer.stepsPerEpoch : 0,
      ready: trainer !== null,
    };
  }

  function free() {
    trainer?.delete();
    net?.delete();
    train?.delete();
    test?.delete();
    trainer = net = train = test = null;
  }

  /** Loss and accuracy of the whole train and test sets now (the core's net.loss, accuracyOf). */
  function measure() {
    last.trainLoss = net.loss(trainX, trainT, train.size);
    last.testLoss = test?.size ? net.loss(testX, testT, test.size) : NaN;
    // accuracyOf: the arg-max, or for the gate's single output y > 0.5, against the label
    last.acc = regression ? NaN : net.accuracyOf(train);
    last.testAcc = regression || !test?.size ? NaN : net.accuracyOf(test);
    trainHist.push(last.step, last.trainLoss);
    if (test) testHist.push(last.step, last.testLoss);
  }

  /** The network and trainer the settings describe (the same seed: the same first weights). */
  function makeNet() {
    const n = sn.network({
      sizes: [features.length, ...config.hidden, classes], hidden: config.act,
      // the gate: one tanh output and the squared error on its 0/1 targets
      output: gate ? 'tanh' : regression ? 'identity' : 'softmax', init: config.init, initStd: 0.01,
    }, { seed: config.seed });
    try {
      const tr = sn.trainer(n, {
        train, test, optimizer: config.optimizer, learningRate: lr, batchSize: config.batch, seed: config.seed,
        regularization: config.reg, regularizationRate: config.reg === 'none' ? 0 : config.rate,
      });
      return { net: n, trainer: tr };
    } catch (e) {
      n.delete();
      throw e;
    }
  }

  // The first training step in a page runs WebAssembly the page has not run before (the
  // minibatch draw, the optimizer's update, the regularization): the browser compiles it
  // lazily, on its first call, and the first frame after Play took 30–90 ms longer than the
  // others (scripts/bench-plane.mjs: 'train' in the first frame's long task). So once the run is
  // built, an idle moment gives one step to a twin of the network (same settings and seed) and
  // deletes it: the code is ready before the learner presses Play, and the run has not moved.
  // Once per kind of step in a page: a later run of the same kind finds its code compiled.
  let warmId = null;
  function warmUpLater() {
    const kind = [config.act, config.optimizer, config.reg, gate, regression].join('|');
    const done = (WARM.get(sn) ?? WARM.set(sn, new Set()).get(sn));
    if (done.has(kind) || warmId) return;
    warmId = idle(() => {
      warmId = null;
      if (disposed || done.has(kind)) return;
      done.add(kind);
      let twin = null;
      try {
        twin = timed('warm-up', makeNet);
        timed('warm-up', () => twin.trainer.run(1));
      } catch {
        // only a head start: the real run reports its own errors
      } finally {
        twin?.trainer.delete();
        twin?.net.delete();
      }
    });
  }

  /** A fresh network and trainer (the old ones are freed), measured untrained. */
  function build() {
    trainer?.delete();
    net?.delete();
    trainer = net = null;
    trainHist.clear();
    testHist.clear();
    markers = [];
    divergences = [];
    diverged = null;
    gradCheck = null;
    error = null;
    weightsVersion++;
    last = { step: 0, epoch: 0, loss: NaN, trainLoss: NaN, testLoss: NaN, acc: NaN, testAcc: NaN };
    try {
      ({ net, trainer } = makeNet());
      measure();
      warmUpLater();
    } catch (e) {
      trainer?.delete();
      net?.delete();
      trainer = net = null;
      error = e;
      playing = false;
    }
  }

  function consume(r) {
    if (!r || !r.last) return;
    last.step = r.last.step;
    last.epoch = trainer.epoch;
    weightsVersion++;
    if (r.last.diverged) {
      divergences.push({ step: r.last.step });
      diverged = { step: r.last.step, lr: trainer.learningRate };
      setPlaying(false);
    }
  }

  function trainSteps(k) {
    if (!trainer) return;
    try {
      consume(trainer.run(k));
      measure();
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
    timed('train', () => trainSteps(k));
    const dt = performance.now() - t0;
    // keep each frame's core work inside the budget, so no task grows past a frame
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

  const wName = (layer) => `W${layer}`;

  // ---- start ----------------------------------------------------------------
  /** The gate's four rows in the chosen features (sn.xorDataset: labels and 0/1 targets); no test set. */
  function gateData() {
    const four = sn.xorDataset();
    try {
      const x = four.x();
      points = Array.from(four.labels(), (label, i) => ({ x: x[2 * i], y: x[2 * i + 1], label, test: false }));
      train = sn.datasetWithFeatures(four, features);
    } finally {
      four.delete();
    }
    classes = 1;
    trainX = train.x();
    trainT = train.targets().data;
  }

  /** A seeded TensorFlow Playground set, split into train and test by the ratio. */
  function toyData() {
    const opts = { points: POINTS[config.data] ?? 500, noise: config.noise, seed: config.seed, testRatio: 1 - config.ratio / 100 };
    ({ train, test } = sn.toyDataset(TOY[config.data], { ...opts, features }));
    // the same seed gives the same split: the raw (x1, x2) of the same rows, to draw the points
    const raw = sn.toyDataset(TOY[config.data], opts);
    try {
      const part = (d, isTest) => {
        const x = d.x();
        const values = regression ? d.targets().data : d.labels();
        return Array.from(values, (v, i) => ({ x: x[2 * i], y: x[2 * i + 1], [regression ? 'target' : 'label']: v, test: isTest }));
      };
      points = [...part(raw.train, false), ...part(raw.test, true)];
    } finally {
      raw.train.delete();
      raw.test.delete();
    }
    classes = regression ? 1 : train.classes;
    trainX = train.x();
    testX = test.x();
    trainT = regression ? train.targets().data : Float32Array.from(train.labels());
    testT = regression ? test.targets().data : Float32Array.from(test.labels());
  }

  try {
    if (gate) gateData();
    else toyData();
    const grid = sn.planeGrid({ ...plane, size: GRID });
    gridX = sn.featureMap(grid, GRID * GRID, features);
    // one map per input feature: column j of the featured grid
    inputMaps = features.map((_, j) => Float32Array.from({ length: GRID * GRID }, (__, k) => gridX[k * features.length + j]));
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
    step() { setPlaying(false); diverged = null; trainSteps(1); notify(); },
    /** A fresh network with the same settings (the same seed: the same first weights). */
    reset() { const was = playing; setPlaying(false); timed('build', build); setPlaying(was); notify(); },
    setSpeed(n) { speed = Number(n); cap = Infinity; notify(); },

    /**
     * The learning rate changes on the trainer itself: the next step uses it. The core
     * checks its range (0 < η ≤ 10) and throws a ScratchnetError, returned to the caller.
     * drag: true while a slider is being dragged — the whole drag makes one marker on
     * the loss curve (at the step it began, labelled with the last rate); endDrag closes it.
     */
    setLr(value, { drag = false } = {}) {
      const v = Number(value);
      if (trainer) trainer.learningRate = v;   // throws on a bad rate: nothing changes
      if (v === lr) return;
      lr = v;
      if (last.step > 0) {
        const top = markers[markers.length - 1];
        if (top && (top.open || top.step === last.step)) markers[markers.length - 1] = { ...top, lr: v, open: drag };
        else markers.push({ step: last.step, lr: v, open: drag });
        markers = [...markers];
      }
      notify();
    },
    endDrag() {
      const top = markers[markers.length - 1];
      if (top?.open) { markers = [...markers.slice(0, -1), { ...top, open: false }]; notify(); }
    },

    /**
     * Every neuron's map over the plane for the current weights, computed once per
     * weight change: { inputs: [GRID² values per feature], layers: net.neuronMaps(…) }.
     */
    maps() {
      if (!net) return null;
      if (cache.maps !== weightsVersion) {
        cache.maps = weightsVersion;
        cache.mapsValue = { inputs: inputMaps, layers: timed('maps', () => net.neuronMaps(gridX, GRID * GRID)) };
      }
      return cache.mapsValue;
    },

    /** The weight matrices W1 … W(L+1) as { rows, cols, data } (data row-major: W[i][j] = data[i·cols + j]). */
    weights() {
      if (!net) return null;
      if (cache.weights !== weightsVersion) {
        cache.weights = weightsVersion;
        cache.weightsValue = config.hidden.concat([classes]).map((_, l) => net.param(wName(l + 1)));
      }
      return cache.weightsValue;
    },

    /**
     * ∂L/∂W on the whole training set at the current weights, as the optimizer uses it: the
     * core's backprop of the data loss plus the L1 (λ·sign W) or L2 (λW) term when one is on
     * (sn.trainerGradients, the trainer's own regularization).
     */
    gradients() {
      if (!trainer) return null;
      if (cache.grads !== weightsVersion) {
        cache.grads = weightsVersion;
        const g = timed('gradients', () => sn.trainerGradients(trainer, trainX, trainT, train.size));
        cache.gradsValue = config.hidden.concat([classes]).map((_, l) => g[wName(l + 1)]);
      }
      return cache.gradsValue;
    },

    /** Set one weight W_layer[i][j] (layer from 1): the maps, the output and the losses follow at once. */
    setWeight(layer, i, j, w) {
      if (!net) return;
      const p = net.param(wName(layer));
      if (!(i >= 0 && i < p.rows && j >= 0 && j < p.cols)) return;
      const data = Float32Array.from(p.data);
      data[i * p.cols + j] = Number(w);
      net.setParam(wName(layer), data, p.rows, p.cols);   // the core checks the value's shape
      weightsVersion++;
      measure();   // the losses of the edited network join the curves at this step
      notify();
    },

    /** Every intermediate of the core's forward pass (net.trace) at one point (x1, x2) of the plane. */
    probe(x1, x2) {
      if (!net) return null;
      return net.trace(sn.featureMap([x1, x2], 1, features), 1);
    },

    /** Compare backprop's gradients with central differences (the core's check), on rows spread over the training set. */
    gradientCheck() {
      if (!net) return;
      try {
        const rows = Math.min(GC_ROWS, train.size);
        const stride = Math.floor(train.size / rows);
        const F = features.length;
        const x = new Float32Array(rows * F);
        const t = new Float32Array(rows);   // one label (or regression target) per row
        for (let r = 0; r < rows; r++) {
          for (let f = 0; f < F; f++) x[r * F + f] = trainX[r * stride * F + f];
          t[r] = trainT[r * stride];
        }
        const results = net.gradientCheck(x, t, rows).map((r) => {
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
      warmId?.();
      warmId = null;
      setPlaying(false);
      listeners.clear();
      free();
    },
  };
  return run;
}
