// scratchnet.js — the JavaScript API of the scratchnet core.
//
// This is the only file that imports the wasm module. It owns three jobs:
//   1. loading the module (in a page, a worker, or Node with `wasmBinary`);
//   2. moving numbers across the boundary in bulk: a typed array is copied
//      into the wasm heap with one `HEAPF32.set`, and results come back as
//      fresh typed arrays (copied once inside C++, so they never go stale when
//      the wasm memory grows);
//   3. object lifetimes: every object made here has `delete()` (and
//      `[Symbol.dispose]`), and `sn.scope(fn)` deletes everything made inside fn.
//
// Errors from the core arrive as `ScratchnetError` with a stable `code`
// (e.g. "idx.bad_magic") that the UI translates, and an English message.
import createScratchnetModule from '../generated/wasm/scratchnet.mjs';
import { BUILD_NAMES, buildAvailable, chooseBuild, loadBuildModule } from './builds.js';

export { BUILD_NAMES, buildAvailable };

export class ScratchnetError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'ScratchnetError';
    this.code = code;
  }
}

// Every error this API throws is a ScratchnetError with a code. Errors thrown
// by C++ are plain JS Errors with a `code`; Embind's own (a wrong argument type,
// a missing argument) and the JS engine's (a non-iterable where numbers were
// expected) have none and become 'argument.invalid'; anything else 'internal'.
function rethrow(e) {
  if (e instanceof ScratchnetError) throw e;
  if (e && typeof e.code === 'string') throw new ScratchnetError(e.code, e.message);
  const argument = e instanceof TypeError || e?.name === 'BindingError' || e instanceof RangeError;
  throw new ScratchnetError(argument ? 'argument.invalid' : 'internal', String(e?.message ?? e));
}

/** fn(), with errors from C++ turned into ScratchnetError. */
function guarded(fn) {
  try { return fn(); } catch (e) { return rethrow(e); }
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** True when bytes start with the gzip magic number 1f 8b. */
export function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/** Gunzip with the platform's DecompressionStream (browser and Node ≥ 18). */
export async function gunzip(bytes, { maxBytes = 1 << 30 } = {}) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        throw new ScratchnetError('size.too_large', `gzip data expands to more than ${maxBytes >> 20} MiB`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ScratchnetError) throw e;
    throw new ScratchnetError('gzip.corrupt', `not valid gzip data: ${e.message}`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/**
 * Load the core. In a page or worker nothing is needed; in Node pass
 * `{ wasmBinary: fs.readFileSync('web/generated/wasm/scratchnet.wasm') }`
 * (the .wasm of the build asked for). `build` picks one of the builds of
 * web/lib/builds.js: 'auto' (threads on a cross-origin-isolated page, else
 * simd), 'simd', 'scalar' or 'threads'. The result's `sn.build` says which runs.
 */
export async function loadScratchnet({ build = 'auto', ...options } = {}) {
  const name = guarded(() => chooseBuild(build));
  let M;
  try {
    M = await loadBuildModule(name, createScratchnetModule, options);
  } catch (e) {
    // 'auto' never fails because of the threads build: the single-thread one always works.
    if (build === 'auto' && name !== 'simd') return loadScratchnet({ ...options, build: 'simd' });
    return rethrow(e);
  }
  return new Scratchnet(M, name);
}

class Scratchnet {
  #M;
  #scopes = [];
  #live = 0;
  #limits = null;

  constructor(M, buildName) {
    this.#M = M;
    this.version = M.version();
    this.buildFlavor = M.buildFlavor();
    // Which build runs: { name: 'simd' | 'scalar' | 'threads', simd, threads (1 = single thread) }.
    this.build = Object.freeze({
      name: buildName,
      simd: this.buildFlavor === 'wasm-simd128',
      threads: typeof M.threadCount === 'function' ? M.threadCount() : 1,
    });
  }

  /** Run fn; every scratchnet object created inside is deleted afterwards. */
  scope(fn) {
    const made = [];
    this.#scopes.push(made);
    try {
      return fn(this);
    } finally {
      this.#scopes.pop();
      for (const o of made) if (!o.isDeleted()) o.delete();
    }
  }

  // Every object handed out is counted until its delete(): a page can check
  // that what it creates it also frees (liveObjects stays flat).
  #track(o) {
    this.#live++;
    const free = o.delete.bind(o);
    o.delete = () => {
      if (!o.isDeleted()) this.#live--;
      free();
    };
    const s = this.#scopes[this.#scopes.length - 1];
    if (s) s.push(o);
    return o;
  }

  /**
   * The core's own limits, read from C++ so the web never keeps a copy:
   * { maxLearningRate, maxAffineLayers, maxRunSteps, maxGradCheckWork, maxRuleLearningRate, maxRuleEpochs }.
   */
  get limits() {
    this.#limits ??= Object.freeze(this.#M.limits());
    return this.#limits;
  }

  /** How many objects made by this core are not deleted yet. */
  get liveObjects() { return this.#live; }

  /** The size of the wasm memory in bytes (it grows, never shrinks). */
  get heapBytes() { return this.#heap(Uint8Array).length; }

  // A view of the wasm memory as `Type`. In the threads build a pool thread may
  // grow the shared memory, and Emscripten refreshes its HEAP views only when its
  // own JavaScript next touches the heap, so views are taken from the memory
  // itself (web/lib/builds.js passes it in); elsewhere the module's views are current.
  #heap(Type) {
    const M = this.#M;
    if (M.wasmMemory) return new Type(M.wasmMemory.buffer);   // only the threads build is given one
    return { Float32Array: M.HEAPF32, Float64Array: M.HEAPF64, Int32Array: M.HEAP32, Uint8Array: M.HEAPU8 }[Type.name];
  }

  /** Bytes allocated inside the wasm memory right now: what a leak would raise. */
  get heapUsed() { return this.#M.heapUsed(); }

  // Copy a typed array (or plain array) into the wasm heap, call fn(ptr), free.
  #withHeap(data, Type, fn) {
    const M = this.#M;
    const arr = guarded(() => {
      if (data === null || typeof data !== 'object') {
        throw new ScratchnetError('argument.invalid', `expected an array of numbers, got ${data === null ? 'null' : typeof data}`);
      }
      return data instanceof Type ? data : Type.from(data);
    });
    const bytes = Math.max(arr.length * Type.BYTES_PER_ELEMENT, 8);
    const ptr = M._malloc(bytes);
    if (!ptr) throw new ScratchnetError('memory.exhausted', `could not reserve ${bytes} bytes in the wasm heap`);
    try {
      const heap = this.#heap(Type);
      heap.set(arr, ptr / Type.BYTES_PER_ELEMENT);
      return fn(ptr, arr.length);
    } catch (e) {
      rethrow(e);
    } finally {
      M._free(ptr);
    }
  }


  // ---- activations (book 3.2) -------------------------------------------
  /** Names of the activation functions the core knows. */
  get activations() { return ['step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'identity']; }

  /** f(x) elementwise, e.g. sn.activate('sigmoid', [0.3, 0.7, 1.1]). */
  activate(name, xs, slope = 0.01) {
    return this.#withHeap(xs, Float64Array, (p, n) => this.#M.activate(name, p, n, slope, false));
  }

  /** f'(x) elementwise. */
  derivative(name, xs, slope = 0.01) {
    return this.#withHeap(xs, Float64Array, (p, n) => this.#M.activate(name, p, n, slope, true));
  }

  /** {x, y, dy} sampled on [from, to] for plotting. */
  sampleActivation(name, { from = -5, to = 5, points = 201, slope = 0.01 } = {}) {
    return guarded(() => this.#M.sampleActivation(name, from, to, points, slope));
  }

  /** Softmax of one vector; stable=false shows the overflow of the naive formula. */
  softmax(xs, { stable = true } = {}) {
    return this.#withHeap(xs, Float64Array, (p, n) => this.#M.softmax(p, n, stable));
  }

  // ---- perceptrons (book ch. 2) -------------------------------------------
  /** The book's gate presets: { and: {w1, w2, b}, nand, or }. */
  get gatePresets() { return guarded(() => this.#M.gatePresets()); }

  /** Four rows {x1, x2, net, y, target, correct} for weights {w1, w2, b} against a gate. */
  truthTable({ w1, w2, b }, gate) {
    return guarded(() => this.#M.truthTable(w1, w2, b, gate));
  }

  /** XOR = AND(NAND, OR): rows {x1, x2, s1, s2, y}. */
  xorTwoLayer() { return guarded(() => this.#M.xorTwoLayer()); }

  /**
   * A perceptron trainer that can be stepped one update at a time:
   * rule 'perceptron' (seed 003), 'delta' (Adaline) or 'hebb' (seed 002).
   */
  perceptronTrainer({ rule = 'perceptron', gate = 'and', learningRate = 1, maxEpochs = 100, threshold = 0 } = {}) {
    return this.#track(new PerceptronTrainer(guarded(() => new this.#M.PerceptronTrainer(rule, gate, learningRate, maxEpochs, threshold))));
  }

  // ---- networks (book ch. 3–6) -------------------------------------------
  /**
   * A multilayer network from a spec:
   * { sizes: [784, 100, 10], hidden: 'relu', output: 'softmax', init: 'he',
   *   initStd: 0.01, leakySlope: 0.01, batchNorm: false, dropout: 0,
   *   weightDecay: 0 (λ: the loss adds ½λΣ‖W‖², the gradients λW) }.
   */
  network(spec, { seed = 42, precision = 'float32' } = {}) {
    if (spec?.kind === 'convnet') return this.convNet(spec, { seed });   // a ConvNet's own spec comes back here
    if (precision !== 'float32') return this.#network64(spec, seed, precision);
    return this.#track(new Network(this, this.#M, guarded(() => new this.#M.Network(normalizeSpec(spec), seed))));
  }

  /**
   * Load a network saved as .npz. A file saved by scratchnet carries its
   * architecture and comes back exactly (weights, BatchNorm statistics,
   * activations) with no spec; for a file without it (the book's W1, b1, …)
   * the spec says the activations and the W shapes the sizes.
   */
  loadNetwork(npzBytes, spec = {}) {
    // A convnet file (architecture kind "convnet") becomes a ConvNet, with no options.
    return this.#withHeap(npzBytes, Uint8Array, (p, n) => (this.#M.npzNetworkKind(p, n) === 'convnet'
      ? this.#track(new ConvNet(this, this.#M.ConvNet.fromNpz(p, n)))
      : this.#track(new Network(this, this.#M, this.#M.Network.fromNpz(p, n, normalizeSpec(spec))))));
  }

  // ---- convolutional networks (book ch. 7–8) ------------------------------
  /**
   * A convolutional network. spec is 'simple' (the book's ch. 7 SimpleConvNet:
   * conv 30×5×5 → relu → pool 2 → affine 100 → relu → affine 10, N(0, 0.01²)),
   * 'deep' (ch. 8 DeepConvNet, He init), or a layer list as saved in an .npz:
   * { input: [C, H, W], layers: [{ type: 'conv', filters, size, stride, pad },
   *   { type: 'relu' }, { type: 'pool', size, stride }, { type: 'affine', out },
   *   { type: 'dropout', ratio }, …], init: 'he' | 'std', initStd }.
   * `net.spec` gives such an object back (kind: 'convnet'), and sn.network(spec)
   * passes a spec of kind 'convnet' here. The object has the MLP Network's surface
   * where it applies (predict, output, loss, accuracy, param…, toNpz; sn.trainer
   * trains it), plus filters() and featureMaps(x).
   */
  convNet(spec = 'simple', { seed = 42 } = {}) {
    const arch = typeof spec === 'string' ? spec : JSON.stringify({
      format: 'scratchnet/1', kind: 'convnet', input: spec?.input ?? [1, 28, 28], layers: spec?.layers ?? [],
      output: spec?.output ?? 'softmax', dropoutConvention: spec?.dropoutConvention ?? 'scale_at_inference',
    });
    const init = typeof spec === 'string' ? '' : spec?.init ?? 'he';
    const initStd = typeof spec === 'string' ? 0 : spec?.initStd ?? 0.01;
    return this.#track(new ConvNet(this, guarded(() => new this.#M.ConvNet(arch, init, initStd, seed))));
  }

  /** The seed's 2-3-2-2 network with the book's fixed weights (book 3.4). */
  bookThreeLayerNetwork() {
    const net = this.network({ sizes: [2, 3, 2, 2], hidden: 'sigmoid', output: 'identity' });
    net.setParam('W1', [0.1, 0.3, 0.5, 0.2, 0.4, 0.6], 2, 3);
    net.setParam('b1', [0.1, 0.2, 0.3], 1, 3);
    net.setParam('W2', [0.1, 0.4, 0.2, 0.5, 0.3, 0.6], 3, 2);
    net.setParam('b2', [0.1, 0.2], 1, 2);
    net.setParam('W3', [0.1, 0.3, 0.2, 0.4], 2, 2);
    net.setParam('b3', [0.1, 0.2], 1, 2);
    return net;
  }

  // ---- data ---------------------------------------------------------------
  /** A labelled dataset from IDX bytes (raw or gzip; gzip is inflated here). */
  async datasetFromIdx(imageBytes, labelBytes, { name = 'idx', classes = 10 } = {}) {
    const images = isGzip(imageBytes) ? await gunzip(imageBytes) : imageBytes;
    const labels = isGzip(labelBytes) ? await gunzip(labelBytes) : labelBytes;
    const raw = this.#withHeap(images, Uint8Array, (pi, ni) =>
      this.#withHeap(labels, Uint8Array, (pl, nl) => this.#M.Dataset.fromIdx(pi, ni, pl, nl, classes, name)));
    return this.#track(new Dataset(this.#M, raw));
  }

  /** The vol. 2 spiral: `pointsPerClass` points in each of `classes` arms. */
  spiral({ pointsPerClass = 100, classes = 3, seed = 1984 } = {}) {
    return this.#track(new Dataset(this.#M, guarded(() => this.#M.Dataset.spiral(pointsPerClass, classes, seed))));
  }

  /** The four XOR rows, with labels and 0/1 targets. */
  xorDataset() { return this.#track(new Dataset(this.#M, guarded(() => this.#M.Dataset.xor()))); }

  /**
   * A labelled dataset from numbers a page made: `x` holds rows of float
   * features one after another, `labels` one class index per row. The row width
   * is `{ features }` or an image's `{ height, width }`; `classes` defaults to
   * the largest label + 1. Synchronous: nothing to inflate.
   */
  datasetFromArrays(x, labels, { features = 0, height = 0, width = 0 } = {}, { classes = 0, name = 'arrays' } = {}) {
    const raw = this.#withHeap(x, Float32Array, (px, nx) =>
      this.#withHeap(labels, Int32Array, (pl, nl) =>
        this.#M.Dataset.fromArrays(px, nx, pl, nl, features, height, width, classes, name)));
    return this.#track(new Dataset(this.#M, raw));
  }

  // ---- the playground's plane (TensorFlow Playground's data, features, maps) ----
  /** Names sn.toyDataset knows: circle, gauss, xor, spiral, spiral3, reg-plane, reg-gauss. */
  get toyDatasetNames() { return guarded(() => this.#M.toyDatasetNames()); }

  /** Names sn.featureMap knows: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2. */
  get featureNames() { return guarded(() => this.#M.featureNames()); }

  /**
   * A seeded 2-D data set on the plane [−6, 6]², split in two:
   * → { train, test } Datasets (the caller deletes both). `points` rows in all
   * (spiral3: points/3 per class), `noise` in [0, 1], `seed` draws the points
   * and the split (the same seed gives the same rows natively and here),
   * `testRatio` in (0, 1) of the rows go to `test`. Classification sets
   * have 2 (spiral3: 3) classes; reg-* sets have targets and no labels.
   * With `features` (e.g. ['x1sq', 'x2sq']) both sets hold those columns
   * instead of x1, x2. The formulas are in cpp/data/toy_datasets.hpp.
   */
  toyDataset(name, { points = 500, noise = 0, seed = 1, testRatio = 0.5, features = null } = {}) {
    const M = this.#M;
    const all = guarded(() => M.Dataset.toy(name, points, noise, seed));
    let mapped = null;
    let train = null;
    try {
      mapped = features ? guarded(() => all.withFeatures(features)) : all;
      train = guarded(() => mapped.splitPart(testRatio, seed, false));
      const test = guarded(() => mapped.splitPart(testRatio, seed, true));
      return { train: this.#track(new Dataset(M, train)), test: this.#track(new Dataset(M, test)) };
    } catch (e) {
      if (train) train.delete();
      throw e;
    } finally {
      if (mapped && mapped !== all) mapped.delete();
      all.delete();
    }
  }

  /**
   * A new Dataset (the caller deletes it) holding the `features` of a 2-D
   * dataset's points (e.g. ['x1sq', 'x2sq']), with its labels and targets.
   */
  datasetWithFeatures(dataset, features) {
    return this.#track(new Dataset(this.#M, dataset._call((r) => r.withFeatures(features))));
  }

  /**
   * Input features of 2-D points: x holds `rows` rows of (x1, x2); → a
   * Float32Array of rows × features.length, row-major, column j = features[j].
   */
  featureMap(x, rows, features) {
    return this.#withHeap(x, Float32Array, (p, n) => this.#M.featureMap(p, n, rows ?? n / 2, features));
  }

  /**
   * size × size pixel centres of the square [from, to]², top row first:
   * a Float32Array of (size², 2) rows, row k = iy·size + ix with
   * x1 = from + (ix + ½)·h, x2 = to − (iy + ½)·h, h = (to − from)/size.
   */
  planeGrid({ from = -6, to = 6, size = 40 } = {}) {
    return guarded(() => this.#M.planeGrid(from, to, size));
  }

  /** The four rows of a logic gate: 'and', 'nand', 'or', 'xor'. */
  gateDataset(gate) { return this.#track(new Dataset(this.#M, guarded(() => this.#M.Dataset.gate(gate)))); }

  // ---- training (vol. 2 ch. 1 Trainer, book ch. 6 optimizers) ---------------
  /**
   * A trainer for `net` on `train` (and `test` for per-epoch accuracy):
   * { optimizer: 'sgd'|'momentum'|'nesterov'|'adagrad'|'rmsprop'|'adam',
   *   learningRate (≤ 0: the book's default), weightDecay (λ of L2), batchSize, seed,
   *   regularization: 'none'|'l1'|'l2' at regularizationRate (TensorFlow Playground's
   *     menu: l2 = weight decay, + ½λΣ‖W‖²; l1 = + λΣ|W|, gradient λ·sign(W); weights only;
   *     with weightDecay ≠ 0 only 'none' is allowed),
   *   evalSamples: per-epoch accuracies on the first k rows only (0 = all),
   *   shuffle: false keeps the rows in their order every epoch }.
   */
  trainer(net, { train, test = null, optimizer = 'sgd', learningRate = 0, weightDecay = 0, regularization = 'none', regularizationRate = 0, batchSize = 100, seed = 0, evalSamples = 0, shuffle = true } = {}) {
    if (net instanceof Network64) return this.#trainer64(net, { train, optimizer, learningRate, batchSize, seed });
    const make = net instanceof ConvNet ? (...a) => this.#M.convTrainer(...a) : (...a) => new this.#M.Trainer(...a);
    const raw = guarded(() => make(net._raw, optimizer, learningRate, weightDecay,
      regularization, regularizationRate, train._raw, (test ?? train)._raw, test !== null, batchSize, seed, evalSamples, shuffle));
    return this.#track(new Trainer(raw));
  }

  // ---- how a network learns: derivatives and gradient descent (book 4.3–4.4, 6.1) ----
  /** The book's functions: 0.01x²+0.1x, x0²+x1², x²/20+y². */
  get bookFunctions() { return guarded(() => this.#M.bookFunctions()); }

  /** f(point); point is a number for function_1, [x0, x1] for the others. */
  functionValue(fn, point) {
    return this.#withHeap(pointArray(point), Float64Array, (p, n) => this.#M.functionValue(fn, p, n));
  }

  /** The hand-derived gradient at point, as a Float64Array. */
  analyticGradient(fn, point) {
    return this.#withHeap(pointArray(point), Float64Array, (p, n) => this.#M.analyticGradient(fn, p, n));
  }

  /**
   * The central difference (f(x+h) − f(x−h)) / 2h (book 4.3.1). precision 'float' does it in
   * float32, h included, so h = 1e-50 is 0 and the answer NaN. For a function of two variables
   * x is a point [x0, x1] and `axis` picks the partial derivative (book 4.3.3).
   */
  numericalDiff(fn, x, { h = 1e-4, precision = 'double', axis = 0 } = {}) {
    if (precision !== 'double' && precision !== 'float') {
      throw new ScratchnetError('calculus.unknown_precision', `precision must be 'double' or 'float', got '${precision}'`);
    }
    return this.#withHeap(pointArray(x), Float64Array, (p, n) =>
      this.#M.numericalDiff(fn, p, n, h, precision === 'float', axis));
  }

  /** Every partial derivative by central differences (book 4.4), as a Float64Array. */
  numericalGradient(fn, point, { h = 1e-4 } = {}) {
    return this.#withHeap(pointArray(point), Float64Array, (p, n) => this.#M.numericalGradient(fn, p, n, h));
  }

  /**
   * `steps` updates of the core's optimizer from `init` (book 4.4.1 gradient_descent; 6.1 for the
   * others). gradient 'numerical' (the book's 4.4.1, default) or 'analytic' (figure 6-8's df).
   * → { dims, path: Float64Array((steps + 1)·dims), values: Float64Array(steps + 1) }
   */
  gradientDescent(fn, { init, lr, steps = 100, optimizer = 'sgd', gradient = 'numerical' } = {}) {
    if (!Number.isInteger(steps)) {
      throw new ScratchnetError('calculus.bad_steps', `steps must be a whole number, got ${steps}`);
    }
    return this.#withHeap(pointArray(init), Float64Array, (p, n) =>
      this.#M.gradientDescent(fn, p, n, lr, steps, optimizer, gradient));
  }

  // ---- computational graphs (book 5.1–5.4, vol. 2 1.3.4–1.3.5) ---------------------
  /** The example graphs by name: 'apple', 'apple_orange', 'chain', 'branch', … */
  get graphExamples() { return guarded(() => this.#M.graphExamples()); }

  /**
   * A computational graph to run one node at a time (see the Graph class below).
   * Unknown names throw graph.unknown_example.
   */
  graph(example) {
    return this.#track(new Graph(this, guarded(() => this.#M.Graph.example(example))));
  }

  // ---- calculation speed-ups: bit precision (book 8.3.4, vol. 2 1.5.1) ----------------
  /**
   * A trained network with its weights in float64, float32 and float16 (rounded to half
   * precision and back, as the book's half_float_network.py), on every row of `dataset`:
   * [{ dtype: 'float64'|'float32'|'float16', bits, accuracy, weightBytes,
   *    maxOutputChange (max |y − y_float64| of the softmax outputs), maxWeightChange }].
   */
  comparePrecisions(net, dataset) {
    return guarded(() => this.#M.comparePrecisions(net._raw, dataset._raw));
  }

  // sn.network(spec, { precision: 'float64' }): the core's Network<double>, the same
  // initial weights as the float32 network of the same seed; it trains with sn.trainer.
  #network64(spec, seed, precision) {
    if (precision !== 'float64') {
      throw new ScratchnetError('net.bad_precision', `precision must be 'float32' or 'float64', got '${precision}'`);
    }
    return this.#track(new Network64(guarded(() => new this.#M.Network64(normalizeSpec(spec), seed))));
  }

  #trainer64(net, { train, optimizer, learningRate, batchSize, seed }) {
    return this.#track(new Trainer(guarded(() => new this.#M.Trainer64(net._raw, optimizer, learningRate, train._raw, batchSize, seed))));
  }

  _networkToNpz(raw, dtype) { return guarded(() => this.#M.networkToNpz(raw, dtype)); }

  // internal, for Network/Dataset
  _withHeap(data, Type, fn) { return this.#withHeap(data, Type, fn); }

  // ---- the plane's ∂L/∂w as the optimizer uses it (Trainer::gradient) ----
  /**
   * ∂/∂θ of what `trainer` minimises, on `rows` rows (x, t) (t as net.gradients takes it):
   * backprop's data-loss gradient plus the trainer's regularization — L1: + λ·sign(W),
   * L2 (loss + ½λ‖W‖²): + λW; biases get none — i.e. the gradient its optimizer's formula
   * uses. { W1: { rows, cols, data: Float32Array }, b1: … } like net.gradients; the weights stay.
   */
  trainerGradients(trainer, x, t, rows) {
    return this.#withHeap(x, Float32Array, (px, nx) =>
      this.#withHeap(t, Float32Array, (pt, nt) => this.#M.trainerGradients(trainer._raw, px, nx, pt, nt, rows)));
  }
}

// A point as an array: a bare number is a point of one coordinate.
function pointArray(point) {
  if (typeof point === 'number') return [point];
  if (point == null || typeof point.length !== 'number') {
    throw new ScratchnetError('calculus.bad_point', 'a point is a number or an array of numbers');
  }
  return point;
}

function normalizeSpec(spec) {
  return {
    sizes: spec.sizes ?? [],
    hidden: spec.hidden ?? 'relu',
    output: spec.output ?? 'softmax',
    init: spec.init ?? 'he',
    initStd: spec.initStd ?? 0.01,
    leakySlope: spec.leakySlope ?? 0.01,
    batchNorm: !!spec.batchNorm,
    dropout: spec.dropout ?? 0,
    weightDecay: spec.weightDecay ?? 0,
  };
}

// A thin owner of an Embind object: forwards delete() and guards use-after-free.
class Owned {
  constructor(raw) { this.raw = raw; }
  delete() { if (this.raw) { this.raw.delete(); this.raw = null; } }
  isDeleted() { return this.raw === null; }
  [Symbol.dispose]() { this.delete(); }
  get _raw() {
    if (!this.raw) throw new ScratchnetError('object.deleted', 'this object was deleted');
    return this.raw;
  }
  /** fn(raw object), every error a ScratchnetError. */
  _call(fn) { return guarded(() => fn(this._raw)); }
}

/** One learning rule on a gate's samples (book ch. 2), stepped one update at a time; each error a ScratchnetError. */
class PerceptronTrainer extends Owned {
  /** One update: { epoch, sample, w1, w2, b, y, target, error, converged, finished }. */
  step() { return this._call((r) => r.step()); }
  /** Epochs until finished; returns the completed epochs. */
  run() { return this._call((r) => r.run()); }
  /** Back to zero weights, epoch 0. */
  reset() { this._call((r) => r.reset()); }
  weights() { return this._call((r) => r.weights()); }
  /** One error per completed epoch (Float64Array). */
  epochErrors() { return this._call((r) => r.epochErrors()); }
  samples() { return this._call((r) => r.samples()); }
  epochs() { return this._call((r) => r.epochs()); }
  nextSample() { return this._call((r) => r.nextSample()); }
  converged() { return this._call((r) => r.converged()); }
  finished() { return this._call((r) => r.finished()); }
  accuracy() { return this._call((r) => r.accuracy()); }
  /** Epochs between two epoch ends with the same weights (the perceptron rule on XOR), 0 if none. */
  cycleLength() { return this._call((r) => r.cycleLength()); }
}

/**
 * What an MLP (Network) and a ConvNet share: rows of float inputs in, scores,
 * probabilities, loss and accuracy out, each one call into wasm.
 */
class ScoringNet extends Owned {
  constructor(sn, raw) { super(raw); this._sn = sn; }

  get inputSize() { return this._call((r) => r.inputSize()); }
  get outputSize() { return this._call((r) => r.outputSize()); }

  _rows(x, rows) { return rows ?? x.length / this.inputSize; }

  /** Scores of the last Affine layer (the book's predict), (rows × outputs) row-major. */
  predict(x, rows) {
    return this._sn._withHeap(x, Float32Array, (p, n) => this._raw.predict(p, n, this._rows(x, rows), false));
  }

  /** Probabilities (softmax) or the regression output. */
  output(x, rows) {
    return this._sn._withHeap(x, Float32Array, (p, n) => this._raw.predict(p, n, this._rows(x, rows), true));
  }

  /**
   * Mean loss over the rows, + ½λΣ‖W‖² when an MLP's spec has weightDecay λ (the
   * book's MultiLayerNet.loss). t is one-hot rows or targets, or one integer
   * label per row (for a network with several outputs), as the book's code takes.
   */
  loss(x, t, rows) {
    return this._sn._withHeap(x, Float32Array, (px, nx) =>
      this._sn._withHeap(t, Float32Array, (pt, nt) => this._raw.loss(px, nx, pt, nt, this._rows(x, rows))));
  }

  /** Share of rows whose arg-max equals the label. */
  accuracy(x, labels) {
    return this._sn._withHeap(x, Float32Array, (px, nx) =>
      this._sn._withHeap(labels, Int32Array, (pl, nl) => this._raw.accuracy(px, nx, pl, nl)));
  }
}

class Network extends ScoringNet {
  constructor(sn, M, raw) { super(sn, raw); }

  /** 'mlp' (a ConvNet says 'convnet'). */
  get kind() { return 'mlp'; }

  /** The spec the network was built from. */
  get spec() { return this._call((r) => r.spec()); }
  get precision() { return 'float32'; }





  /**
   * Outputs (probabilities) for rows [start, start+count) of a Dataset. The
   * rows are read where the dataset lives, inside wasm: nothing is copied in.
   */
  outputOf(dataset, start = 0, count = dataset.size - start) {
    return guarded(() => this._raw.outputOf(dataset._raw, start, count));
  }

  /** Share of a Dataset's rows whose arg-max equals its label (read inside wasm). */
  accuracyOf(dataset) { return this._call((r) => r.accuracyOf(dataset._raw)); }


  /** Names of the parameters in the book's order: W1, b1, W2, … */
  paramNames() { return this._call((r) => r.paramNames()); }

  /** { rows, cols, data: Float32Array } of a parameter. */
  param(name) { return this._call((r) => r.param(name)); }

  /** Every weight from `other` (same sizes), copied inside wasm: a cheap checkpoint. */
  copyParamsFrom(other) { this._call((r) => r.copyParamsFrom(other._raw)); }

  setParam(name, data, rows, cols) {
    this._sn._withHeap(data, Float32Array, (p, n) => this._raw.setParam(name, p, n, rows, cols));
  }

  /** Every intermediate of a forward pass: [{ layer, kind, rows, cols, data }]. */
  trace(x, rows) {
    return this._sn._withHeap(x, Float32Array, (p, n) => this._raw.trace(p, n, this._rows(x, rows)));
  }

  /**
   * Every hidden neuron's map over a grid (TensorFlow Playground's small heat
   * maps), from one traced forward pass of `rows` rows of x (e.g.
   * sn.featureMap(sn.planeGrid(), 1600, features)): [{ layer, kind: 'Z' (hidden)
   * | 'Y' (output), neurons, points, data: Float32Array }], in forward order;
   * neuron j's value at point k is data[j·points + k].
   */
  neuronMaps(x, rows) {
    return this._sn._withHeap(x, Float32Array, (p, n) => this._raw.neuronMaps(p, n, this._rows(x, rows)));
  }

  /**
   * Numerical vs analytic gradient per parameter, in double precision:
   * [{ param, maxAbsDiff, maxRelError, meanAbsDiff, maxError, ok }], where
   * maxError = max |a − n| / max(1, |a| + |n|) and ok = maxError < 1e-6.
   */
  gradientCheck(x, t, rows) {
    return this._sn._withHeap(x, Float32Array, (px, nx) =>
      this._sn._withHeap(t, Float32Array, (pt, nt) => this._raw.gradientCheck(px, nx, pt, nt, this._rows(x, rows))));
  }

  /**
   * One forward (training mode) and one backward, with every layer's input, output, dout, dx and
   * parameter gradients: { loss, layers: [{ layer: 'Affine1', input, output, dout, dx, grads: { W1, b1 } }] }
   * in forward order, the loss layer last (its output is the loss, its dout 1). Every matrix is
   * { rows, cols, data: Float32Array }. Fills the gradients like training's gradient() does; BatchNorm's
   * running statistics stay as they were.
   */
  traceBackward(x, t, rows) {
    return this._sn._withHeap(x, Float32Array, (px, nx) =>
      this._sn._withHeap(t, Float32Array, (pt, nt) => this._raw.traceBackward(px, nx, pt, nt, this._rows(x, rows))));
  }

  /**
   * The book's network.gradient(x, t): backprop's gradient of the loss (training
   * mode) for every parameter, { W1: { rows, cols, data: Float32Array }, b1: …, gamma1: … }.
   */
  gradients(x, t, rows) {
    return this._sn._withHeap(x, Float32Array, (px, nx) =>
      this._sn._withHeap(t, Float32Array, (pt, nt) => this._raw.gradients(px, nx, pt, nt, this._rows(x, rows))));
  }

  /**
   * The book's numerical_gradient: central differences (h = 1e-4) of the loss,
   * in double on a copy of the network; { W1: { rows, cols, data: Float64Array }, … }.
   */
  numericalGradients(x, t, rows) {
    return this._sn._withHeap(x, Float32Array, (px, nx) =>
      this._sn._withHeap(t, Float32Array, (pt, nt) => this._raw.numericalGradients(px, nx, pt, nt, this._rows(x, rows))));
  }

  /**
   * The network as .npz bytes (numpy.load-able): W1, b1, …, BatchNorm statistics, architecture.
   * { dtype: 'float16' } writes the arrays as '<f2' (rounded to half precision); loadNetwork reads both.
   */
  toNpz({ dtype = 'float32' } = {}) {
    return dtype === 'float32' ? this._call((r) => r.toNpz()) : this._sn._networkToNpz(this._raw, dtype);
  }

  /** The same as toNpz: { dtype: 'float16' } writes '<f2' arrays (vol. 2 1.5.1 save_params), half the bytes. */
  save(options) { return this.toNpz(options); }
}

/**
 * A network computing in float64 (sn.network(spec, { precision: 'float64' })): trains with
 * sn.trainer like the float32 one; its parameters come out as Float64Array.
 */
class Network64 extends Owned {
  get precision() { return 'float64'; }
  get spec() { return this._call((r) => r.spec()); }
  paramNames() { return this._call((r) => r.paramNames()); }
  /** { rows, cols, data: Float64Array } of a parameter. */
  param(name) { return this._call((r) => r.param(name)); }
  accuracyOf(dataset) { return this._call((r) => r.accuracyOf(dataset._raw)); }
}

/** A convolutional network (book ch. 7–8); see Scratchnet.convNet. Every error a ScratchnetError. */
class ConvNet extends ScoringNet {
  constructor(sn, raw) { super(sn, raw); }

  get kind() { return 'convnet'; }
  /** { kind: 'convnet', input, layers, output, dropoutConvention, init, initStd }: sn.network(spec) rebuilds it. */
  get spec() {
    return this._call((r) => {
      const { format, ...a } = JSON.parse(r.architecture());
      return { ...a, init: r.init(), initStd: r.initStd() };
    });
  }
  /** 'Convolution1', 'Relu1', 'Pooling1', 'Affine2', … in forward order. */
  layerNames() { return this._call((r) => r.layerNames()); }


  /** Probabilities for rows [start, start+count) of a Dataset, read inside wasm. */
  outputOf(dataset, start = 0, count = dataset.size - start) {
    return guarded(() => this._raw.outputOf(dataset._raw, start, count));
  }
  accuracyOf(dataset) { return this._call((r) => r.accuracyOf(dataset._raw)); }
  /** W1, b1, W2, … — a conv W as (FN, C·FH·FW), the book's W.reshape(FN, -1). */
  paramNames() { return this._call((r) => r.paramNames()); }
  param(name) { return this._call((r) => r.param(name)); }
  setParam(name, data, rows, cols) {
    this._sn._withHeap(data, Float32Array, (p, n) => this._raw.setParam(name, p, n, rows, cols));
  }
  copyParamsFrom(other) { this._call((r) => r.copyParamsFrom(other._raw)); }
  /**
   * The first conv layer's filters (book fig. 7-24): { layer, count, channels, size, data: Float32Array },
   * filter f's channel c at data[(f·channels + c)·size², …) row by row; null for a net without a conv layer.
   */
  filters() { return this._call((r) => r.filters()); }
  /**
   * What the conv, relu and pool layers make of one image (inference mode, up to the first
   * affine): [{ layer, channels, height, width, data: Float32Array }], channel by channel.
   */
  featureMaps(x) {
    return this._sn._withHeap(x, Float32Array, (p, n) => this._raw.featureMaps(p, n));
  }
  /** .npz bytes: W1, b1, … and the architecture; sn.loadNetwork(bytes) rebuilds the net. */
  toNpz() { return this._call((r) => r.toNpz()); }
}

// A matrix argument: a number (1×1) or { rows, cols, data }.
function matrixArg(value, what) {
  if (typeof value === 'number') return { rows: 1, cols: 1, data: [value] };
  if (value && Number.isInteger(value.rows) && Number.isInteger(value.cols) && value.data) return value;
  throw new ScratchnetError('shape.mismatch', `${what} must be a number or { rows, cols, data }`);
}

/**
 * A computational graph (book 5.1–5.4, vol. 2 1.3.4–1.3.5). Edges carry the book's variable names;
 * values and gradients are numbers for 1×1 edges and { rows, cols, data: Float64Array } otherwise,
 * null until computed. dout (the gradient put on the output edges when a backward pass starts) is
 * a number for every element of every output edge, or { edgeName: number | {rows, cols, data} }.
 */
class Graph extends Owned {
  #sn;
  constructor(sn, raw) { super(raw); this.#sn = sn; }

  /** [{ name, op, inputs, outputs, forwardDone, backwardDone }] in topological order. */
  nodes() { return this._raw.nodes(); }
  /** [{ name, rows, cols, value, grad, isInput, isOutput, differentiable }]. */
  edges() { return this._raw.edges(); }

  /** A new value for an input edge (same shape); clears everything computed. */
  setInput(name, value) {
    const m = matrixArg(value, name);
    this.#sn._withHeap(m.data, Float64Array, (p, n) => this._raw.setInput(name, p, n, m.rows, m.cols));
  }

  /** Every node, left to right. */
  forward() { guarded(() => this._raw.forward()); }
  /** Every node, right to left, starting from dout (forward must have run: graph.forward_first). */
  backward(dout = 1) { this.#setDout(dout); guarded(() => this._raw.backward()); }
  /** The next node forward: its index, or −1 when all are done. */
  stepForward() { return guarded(() => this._raw.stepForward()); }
  /** The next node backward: its index, or −1 when all are done. dout is used by the first step. */
  stepBackward(dout = 1) {
    if (!this._raw.nodes().some((n) => n.backwardDone)) this.#setDout(dout);
    return guarded(() => this._raw.stepBackward());
  }
  /** Forget every computed value and gradient (inputs stay). */
  reset() { this._raw.reset(); }
  /**
   * ∂L/∂(input) for every input edge by central differences in double (h = 1e-4), where L is
   * Σ dout ⊙ outputs with the dout of the last backward (1 before any): { x: number | {rows, cols, data} }.
   * The labels t of softmax_with_loss are constants and have none.
   */
  numericalGradient() { return guarded(() => this._raw.numericalGradient()); }

  #setDout(dout) {
    if (typeof dout === 'number') { guarded(() => this._raw.setDout(dout)); return; }
    if (dout === null || typeof dout !== 'object') {
      throw new ScratchnetError('shape.mismatch', 'dout must be a number or { edgeName: value }');
    }
    guarded(() => this._raw.setDout(1));
    for (const [name, value] of Object.entries(dout)) {
      if (typeof value === 'number') { guarded(() => this._raw.setEdgeDoutFill(name, value)); continue; }
      const m = matrixArg(value, `dout.${name}`);
      this.#sn._withHeap(m.data, Float64Array, (p, n) => this._raw.setEdgeDout(name, p, n, m.rows, m.cols));
    }
  }
}

class Dataset extends Owned {
  constructor(M, raw) { super(raw); }
  get size() { return this._call((r) => r.size()); }
  get features() { return this._call((r) => r.features()); }
  get classes() { return this._call((r) => r.classes()); }
  get name() { return this._call((r) => r.name()); }
  /** Image height and width from the IDX header (0 when the rows are not images). */
  get height() { return this._call((r) => r.height()); }
  get width() { return this._call((r) => r.width()); }
  /** Features of rows [start, start+count) as a Float32Array. */
  x(start = 0, count = this.size - start) { return this._call((r) => r.x(start, count)); }
  /** Labels of rows [start, start+count) as an Int32Array. */
  labels(start = 0, count = this.size - start) { return this._call((r) => r.labels(start, count)); }
  /** Regression targets (XOR), or an empty array. */
  targets() { return this._call((r) => r.targets()); }
}

class Trainer extends Owned {
  /** One minibatch: { step, epoch, loss, epochEnd, trainAcc, testAcc, diverged }. */
  step() { return this._call((r) => r.step()); }
  /** n steps; returns { losses: Float32Array, last: step result, epochs: [...] }. */
  run(n) { return this._call((r) => r.run(n)); }
  get learningRate() { return this._call((r) => r.learningRate()); }
  /** Takes effect on the next step. */
  set learningRate(lr) { this._call((r) => r.setLearningRate(lr)); }
  /** Forget the optimizer's memory (momentum, Adam's moments), e.g. after restoring weights. */
  resetOptimizer() { this._call((r) => r.resetOptimizer()); }
  get stepCount() { return this._call((r) => r.stepCount()); }
  get epoch() { return this._call((r) => r.epoch()); }
  /** ceil(training rows / batch size): the steps that make one epoch. */
  get stepsPerEpoch() { return this._call((r) => r.stepsPerEpoch()); }
  /** Every step's loss so far (weight decay included), as a Float64Array. */
  get lossHistory() { return this._call((r) => r.lossHistory()); }
  /** Each finished epoch's mean step loss, as a Float64Array. */
  get epochLossHistory() { return this._call((r) => r.epochLossHistory()); }
  /** Accuracy of the network on a Dataset now (argmax == label; NaN without labels). */
  evaluate(dataset) { return this._call((r) => r.evaluate(dataset._raw)); }
}
