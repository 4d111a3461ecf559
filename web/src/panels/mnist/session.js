// session.js — everything the MNIST panel computes, behind messages.
//
// Training a 784-100-10 network for a few seconds would freeze a page if it
// ran between the page's clicks and repaints, so this session normally lives
// in a Web Worker (worker.js) and the page only draws what it reports. When a
// page cannot start a worker (a tutorial page on another origin), client.js
// runs the very same session in the page with a smaller time slice.
//
// The session owns the core objects (data sets, network, trainer) and frees
// them itself; the page never holds one. Requests are { id, type, ...args }
// and get { id, ok, result } or { id, ok: false, error: { code, message } };
// while training it also sends events { event: 'progress' | 'diverged' | 'done' }.
import { loadScratchnet, ScratchnetError } from '../../../lib/scratchnet.js';
import { argmax } from './argmax.js';

// Per-epoch accuracies are measured on at most this many rows of each set, so
// that the end of a Fashion-MNIST epoch (60,000 images) does not stall the curve.
const EVAL_SAMPLES = 10000;
const GRID_IMAGES = 60;       // test images shown with their predictions
// A convnet runs its test outputs 100 images at a time: im2col copies every
// pixel 25 times, and the wasm heap grows but never shrinks.
const CONV_SLICE = 100;
const WEIGHT_IMAGES = 64;     // first-layer units drawn as 28×28 pictures

/**
 * The book's SimpleConvNet (ch. 7 simple_convnet.py) for the data's image size
 * and classes: conv 30×5×5 → ReLU → pool 2×2 → Affine 100 → ReLU → Affine classes.
 * init 'std' is the book's N(0, 0.01²); 'he' (the default here) √(2/fan-in).
 */
function simpleConvNetSpec(dataset, init) {
  return {
    input: [1, dataset.height, dataset.width], init: init === 'std' ? 'std' : 'he', initStd: 0.01,
    layers: [{ type: 'conv', filters: 30, size: 5, stride: 1, pad: 0 }, { type: 'relu' }, { type: 'pool', size: 2, stride: 2 },
      { type: 'affine', out: 100 }, { type: 'relu' }, { type: 'affine', out: dataset.classes }],
  };
}

async function fetchBytes(url, onProgress) {
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new ScratchnetError('data.fetch_failed', `${url}: ${e.message}`);
  }
  if (!res.ok) throw new ScratchnetError('data.fetch_failed', `${url}: HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length')) || 0;
  let loaded = 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.length;
      onProgress(loaded, total);
      controller.enqueue(chunk);
    },
  });
  return new Uint8Array(await new Response(res.body.pipeThrough(counter)).arrayBuffer());
}

/**
 * A new session. `post(message, transfer)` sends to the page; `sliceMs` is how
 * long one uninterrupted run of training steps may take before the session
 * looks at its messages again (pause, a new learning rate). `loadCore` loads
 * the wasm core (Node passes the .wasm bytes it read itself).
 */
export function createSession(post, { sliceMs = 40, loadCore = loadScratchnet } = {}) {
  let sn = null;
  let data = null;       // { name, train, test, trainX?, ... }
  let net = null;
  let trainer = null;
  let config = null;     // the last build request: what the trainer was made with
  let running = false;
  let run = null;        // { steps, ms } measured since the last start, for samples/s and ETA
  // The core's guard keeps the weights of the last *finite* step; but a loss
  // that overflows got there through steps of 1e10, 1e20, … whose weights are
  // useless. So we also keep the last weights whose loss still looked like
  // learning, and go back to those when training diverges.
  let healthyNet = null; // a second network in wasm holding those weights
  let healthyStep = null; // the step they are from, null when there are none
  let bestLoss = Infinity;
  let initialFilters = null; // a convnet's first-layer filters before any training (book fig. 7-24)

  // A macrotask that is not clamped like setTimeout(0): lets queued messages in.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const yieldToMessages = () => new Promise((r) => { waiting.push(r); channel.port2.postMessage(null); });

  function requireData() {
    if (!data) throw new ScratchnetError('mnist.no_data', 'no data set is loaded');
  }
  function requireNet() {
    if (!net || !trainer) throw new ScratchnetError('mnist.no_network', 'no network is built');
  }

  function forgetHealthy() {
    healthyNet?.delete();
    healthyNet = null;
    healthyStep = null;
    bestLoss = Infinity;
  }

  function freeNet() {
    running = false;
    forgetHealthy();
    trainer?.delete();
    net?.delete();
    trainer = null;
    net = null;
  }

  /** Losses of a slice of steps: keep a copy of the weights if they look healthy. */
  function checkpoint(losses, step) {
    let sum = 0;
    for (const l of losses) { if (!Number.isFinite(l)) return; sum += l; }
    const mean = sum / Math.max(losses.length, 1);
    // healthy: under twice an untrained network's loss ln(k), or under 3× the best so far
    if (mean > Math.max(2 * Math.log(data.train.classes), 3 * bestLoss)) return;
    bestLoss = Math.min(bestLoss, mean);
    // The copy stays inside wasm (buffer to buffer, nothing allocated after the
    // first), so keeping the newest healthy weights after every slice is cheap.
    healthyNet ??= sn.network(net.spec);
    healthyNet.copyParamsFrom(net);
    healthyStep = step;
  }

  /** Put the healthy weights back; returns their step, or null when there are none. */
  function restoreHealthy() {
    if (healthyStep === null) return null;
    net.copyParamsFrom(healthyNet);
    trainer.resetOptimizer();   // momentum gathered on the way up would throw them out again
    return healthyStep;
  }

  function makeTrainer() {
    forgetHealthy();
    trainer?.delete();
    trainer = null;
    trainer = sn.trainer(net, {
      train: data.train, test: data.test, optimizer: config.optimizer, learningRate: config.lr,
      weightDecay: config.wd, batchSize: config.batch, seed: config.seed, evalSamples: evalSamples(),
    });
  }

  // A convnet's inference costs ~40× an MLP's: its epoch-end accuracies use as many
  // rows of each set as the test set has (all 2,000 bundled test digits; 10,000 for
  // Fashion-MNIST), so that measuring does not take a third of the training time.
  function evalSamples() {
    return net.kind === 'convnet' ? Math.min(EVAL_SAMPLES, data.test.size) : EVAL_SAMPLES;
  }

  function dataInfo() {
    const { height, width } = data.train;
    return {
      name: data.name, trainSize: data.train.size, testSize: data.test.size, testIsTrain: data.testIsTrain,
      features: data.train.features, classes: data.train.classes,
      side: height === width ? height : 0,   // square images are drawn; other shapes are not
    };
  }

  function netInfo() {
    const base = { kind: net.kind, stepsPerEpoch: trainer.stepsPerEpoch, lr: trainer.learningRate };
    if (net.kind !== 'convnet') return { ...base, sizes: Array.from(net.spec.sizes) };
    // a convnet: its layer list, and input → classes as the sizes a file name or a check wants
    return { ...base, sizes: [net.inputSize, net.outputSize], layers: net.spec.layers };
  }

  /** Make data sets from IDX bytes; the old ones stay until the new ones are good. */
  async function adoptIdx(name, bytes, testIsTrain) {
    const train = await sn.datasetFromIdx(bytes.trainImages, bytes.trainLabels, { name });
    let test;
    try {
      test = testIsTrain ? await sn.datasetFromIdx(bytes.trainImages, bytes.trainLabels, { name })
        : await sn.datasetFromIdx(bytes.testImages, bytes.testLabels, { name });
      if (test.features !== train.features) {
        throw new ScratchnetError('mnist.test_shape', `test images have ${test.features} pixels, training images ${train.features}`);
      }
    } catch (e) {
      train.delete();
      test?.delete();
      throw e;
    }
    const old = data;
    data = { name, train, test, testIsTrain };
    // A network for other image sizes or classes cannot go on; anything else keeps its weights.
    if (net && (net.inputSize !== train.features || net.outputSize !== train.classes)) freeNet();
    else if (net) makeTrainer();
    old?.train.delete();
    old?.test.delete();
    return dataInfo();
  }

  async function trainLoop() {
    const totalSteps = config.epochs * trainer.stepsPerEpoch;
    let chunk = 1;
    while (running) {
      const left = totalSteps - trainer.stepCount;
      if (left <= 0) break;
      const t0 = performance.now();
      const r = trainer.run(Math.min(chunk, left));
      const ms = performance.now() - t0;
      const steps = r.losses.length;
      run.steps += steps;
      run.ms += ms;
      // Grow or shrink the slice towards sliceMs, judged on slices without an
      // epoch end (those also measure accuracy and are slower on purpose).
      if (r.epochs.length === 0 && steps > 0) chunk = Math.max(1, Math.min(5000, Math.round(chunk * sliceMs / Math.max(ms, 1))));
      if (!r.last.diverged) checkpoint(r.losses, r.last.step);   // before r.losses is sent away
      const perStep = run.ms / Math.max(run.steps, 1);
      const event = {
        event: 'progress', step: r.last.step, losses: r.losses,
        epochs: r.epochs.map((e) => ({ epoch: e.epoch, step: e.step, trainAcc: e.trainAcc, testAcc: e.testAcc })),
        lr: trainer.learningRate, samplesPerSec: (1000 / perStep) * config.batch,
        etaMs: perStep * (totalSteps - trainer.stepCount),
        heapBytes: sn.heapBytes, liveObjects: sn.liveObjects,   // the soak test watches these stay flat
      };
      // A copy of the weights at every epoch end: if this worker dies, the page restarts it from here.
      if (r.epochs.length > 0) event.snapshot = net.toNpz();
      post(event, event.snapshot ? [r.losses.buffer, event.snapshot.buffer] : [r.losses.buffer]);
      if (r.last.diverged) {
        running = false;
        post({ event: 'diverged', step: r.last.step, lr: trainer.learningRate, restoredStep: restoreHealthy() });
        return;
      }
      await yieldToMessages();
    }
    if (running) {
      running = false;
      post({ event: 'done' });
    }
  }

  /** Outputs of the network for every test row, computed in slices of 1000 rows. */
  function testOutputs() {
    const n = data.test.size;
    const k = data.test.classes;
    const out = new Float32Array(n * k);
    const slice = net.kind === 'convnet' ? CONV_SLICE : 1000;
    for (let s = 0; s < n; s += slice) {
      const rows = Math.min(slice, n - s);
      out.set(net.outputOf(data.test, s, rows), s * k);
    }
    return out;
  }

  // Book 3.6.3's point: the same predictions, computed one image at a time or a
  // hundred at a time. Returns the milliseconds and the accuracy of the batched run.
  function timeBatches(x, labels, batch) {
    const n = labels.length;
    const f = data.test.features;
    const k = data.test.classes;
    let correct = 0;
    const t0 = performance.now();
    for (let s = 0; s < n; s += batch) {
      const rows = Math.min(batch, n - s);
      const y = net.output(x.subarray(s * f, (s + rows) * f), rows);
      for (let i = 0; i < rows; i++) if (argmax(y, i * k, k) === labels[s + i]) correct++;
    }
    return { ms: performance.now() - t0, accuracy: correct / n };
  }

  const handlers = {
    /** Load the core; answers which build runs here ({ name, simd, threads }, web/lib/builds.js). */
    async init() {
      sn ??= await loadCore();
      return { build: sn.build };
    },

    /** Fetch the four IDX files of a bundled set, reporting progress, and load them. */
    async loadUrls({ name, urls }) {
      const keys = ['trainImages', 'trainLabels', 'testImages', 'testLabels'];
      const loaded = Object.fromEntries(keys.map((k) => [k, 0]));
      const totals = Object.fromEntries(keys.map((k) => [k, 0]));
      const bytes = {};
      await Promise.all(keys.map(async (key) => {
        bytes[key] = await fetchBytes(urls[key], (l, t) => {
          loaded[key] = l;
          totals[key] = t;
          const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
          post({ event: 'loading', loaded: sum(loaded), total: sum(totals) });
        });
      }));
      post({ event: 'loading', phase: 'decoding' });
      return adoptIdx(name, bytes, false);
    },

    /** IDX files the learner picked: ArrayBuffers; test files are optional. */
    async loadFiles({ name, files }) {
      const u8 = (b) => (b ? new Uint8Array(b) : null);
      const bytes = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, u8(v)]));
      return adoptIdx(name, bytes, !bytes.testImages);
    },

    /** A fresh network and trainer: { spec, hiddenSizes, optimizer, lr, wd, batch, seed, epochs }. */
    build(request) {
      requireData();
      freeNet();
      config = request;
      net = request.arch === 'simplecnn'
        ? sn.convNet(simpleConvNetSpec(data.train, request.spec.init), { seed: request.seed })
        : sn.network({ ...request.spec, sizes: [data.train.features, ...request.hiddenSizes, data.train.classes] },
          { seed: request.seed });
      initialFilters = net.kind === 'convnet' ? net.filters() : null;
      makeTrainer();
      return netInfo();
    },

    /** Start or resume; resolves at once — progress arrives as events. */
    start({ epochs }) {
      requireNet();
      if (epochs) config.epochs = epochs;
      if (running) return { step: trainer.stepCount };
      running = true;
      run = { steps: 0, ms: 0 };
      trainLoop().catch((e) => {
        running = false;
        post({ event: 'failed', error: { code: e.code ?? 'internal', message: e.message } });
      });
      return { step: trainer.stepCount };
    },

    pause() {
      running = false;
      return { step: trainer?.stepCount ?? 0 };
    },

    /** Takes effect on the next minibatch; returns that step's number. */
    setLr({ lr }) {
      requireNet();
      config.lr = lr;
      trainer.learningRate = lr;
      return { step: trainer.stepCount + 1, lr: trainer.learningRate };
    },

    /** Confusion matrix, a grid of test images with predictions, first-layer weights. */
    evaluate() {
      requireNet();
      const n = data.test.size;
      const k = data.test.classes;
      const labels = data.test.labels();
      const out = testOutputs();
      const confusion = new Int32Array(k * k);   // row = true class, column = predicted
      for (let i = 0; i < n; i++) confusion[labels[i] * k + argmax(out, i * k, k)]++;
      const g = Math.min(GRID_IMAGES, n);
      const grid = { images: data.test.x(0, g), labels: labels.slice(0, g), probs: out.slice(0, g * k) };
      if (net.kind === 'convnet') {
        // the first conv layer's filters now, and before training (null for loaded weights)
        const filters = { now: net.filters(), before: initialFilters };
        const result = { classes: k, confusion, grid, filters };
        return { result, transfer: [confusion.buffer, grid.images.buffer, grid.probs.buffer] };
      }
      const W1 = net.param('W1');   // (features, hidden): column j is what unit j looks for
      const units = Math.min(WEIGHT_IMAGES, W1.cols);
      const weights = new Float32Array(W1.rows * units);
      for (let j = 0; j < units; j++) for (let i = 0; i < W1.rows; i++) weights[j * W1.rows + i] = W1.data[i * W1.cols + j];
      const result = { classes: k, confusion, grid, weights: { units, features: W1.rows, data: weights } };
      return { result, transfer: [confusion.buffer, result.grid.images.buffer, result.grid.probs.buffer, weights.buffer] };
    },

    /** Class probabilities for one image (the drawing canvas). */
    predict({ pixels }) {
      requireNet();
      return net.output(pixels, 1);
    },

    /** A convnet's feature maps of one image (the drawing): [{ layer, channels, height, width, data }]. */
    featureMaps({ pixels }) {
      requireNet();
      return net.kind === 'convnet' ? net.featureMaps(pixels) : [];
    },

    saveNpz() {
      requireNet();
      const bytes = net.toNpz();
      return { result: bytes, transfer: [bytes.buffer] };
    },

    /** Weights from an .npz; the file holds numbers only, so `spec` names the activations. */
    loadNpz({ bytes, spec }) {
      requireData();
      requireNet();   // its training settings are kept for the loaded weights
      const loaded = sn.loadNetwork(new Uint8Array(bytes), { output: 'softmax', ...spec });
      if (loaded.inputSize !== data.train.features || loaded.outputSize !== data.train.classes) {
        const got = `${loaded.inputSize} → ${loaded.outputSize}`;
        loaded.delete();
        throw new ScratchnetError('mnist.model_mismatch',
          `the model maps ${got}, the data needs ${data.train.features} → ${data.train.classes}`);
      }
      freeNet();
      net = loaded;
      config = { ...config, spec: { ...config?.spec, ...spec }, arch: loaded.kind === 'convnet' ? 'simplecnn' : 'mlp' };
      makeTrainer();
      return netInfo();
    },

    /**
     * The book's pretrained ch. 3 network (784-50-100-10, sigmoid): its accuracy
     * on the test set, inferred image by image and 100 at a time (book 3.6.2–3.6.3).
     */
    async book({ url }) {
      requireData();
      const bytes = await fetchBytes(url, () => {});
      const result = handlers.loadNpz({ bytes: bytes.buffer, spec: { hidden: 'sigmoid', init: 'std', batchNorm: false, dropout: 0 } });
      // like the book's loop, the images are handed to the network from outside, a batch at a time
      const x = data.test.x();
      const labels = data.test.labels();
      const one = timeBatches(x, labels, 1);
      const hundred = timeBatches(x, labels, 100);
      const r = { ...result, testAcc: hundred.accuracy, batch1Ms: one.ms, batch100Ms: hundred.ms, testSize: data.test.size };
      // The bundled set is one collection of 10,000 digits split 8,000/2,000: also score all of it.
      if (!data.testIsTrain) {
        const a = net.accuracyOf(data.train);
        r.allAcc = (a * data.train.size + hundred.accuracy * data.test.size) / (data.train.size + data.test.size);
        r.allSize = data.train.size + data.test.size;
      }
      return r;
    },

    /**
     * The book's trained convnets (ch. 7 SimpleConvNet, ch. 8 DeepConvNet): the
     * .npz carries its layers, so it loads with no options; accuracy on the test
     * split and on all bundled digits, inferred 100 images at a time.
     */
    async bookConvNet({ url }) {
      requireData();
      const bytes = await fetchBytes(url, () => {});
      const result = handlers.loadNpz({ bytes: bytes.buffer, spec: {} });
      const t0 = performance.now();
      const testAcc = net.accuracyOf(data.test);
      const r = { ...result, testAcc, testSize: data.test.size, batch100Ms: performance.now() - t0 };
      if (!data.testIsTrain) {
        const a = net.accuracyOf(data.train);
        r.allAcc = (a * data.train.size + testAcc * data.test.size) / (data.train.size + data.test.size);
        r.allSize = data.train.size + data.test.size;
      }
      return r;
    },

    /** The end of an in-page session: the loop stops, every core object is freed, the channel closes. */
    close() {
      freeNet();
      data?.train.delete();
      data?.test.delete();
      data = null;
      channel.port1.close();
      return null;
    },

    /** Fault injection for the tests: an uncaught error, as a crashing worker would have. */
    crash() {
      setTimeout(() => { throw new Error('simulated crash'); });
      return {};
    },
  };

  return async function handle(msg) {
    const { id, type, ...args } = msg ?? {};
    const h = Object.hasOwn(handlers, type) ? handlers[type] : null;
    try {
      if (!h) throw new ScratchnetError('mnist.bad_request', `unknown request ${String(type).slice(0, 40)}`);
      const value = await h(args);
      const { result, transfer = [] } = value && 'transfer' in value ? value : { result: value };
      post({ id, ok: true, result }, transfer);
    } catch (e) {
      post({ id, ok: false, error: { code: e?.code ?? 'internal', message: e?.message ?? String(e) } });
    }
  };
}
