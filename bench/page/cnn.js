// cnn.js — the browser half of the convnet bench (scripts/bench-cnn.mjs):
// the book's SimpleConvNet (ch. 7: conv 30×5×5 → ReLU → pool 2 → Affine 100 →
// ReLU → Affine 10, Adam 0.001, batch 100) trained by scratchnet's wasm core
// and by TensorFlow.js on the same images, and the throughput of scratchnet's
// convolution forward path (im2col + the SIMD GEMM).
//
// TensorFlow.js gets the same network written with its ops (NHWC, conv2d
// 'valid', maxPool 2, matMul), He-initialised, trained with tf.train.adam via
// optimizer.minimize on minibatch tensors cut before timing (its fastest way).
// If the wasm backend lacks a kernel the gradient needs, the page records
// which (the error names it) and measures tfjs-cpu instead.
//
// Timing: each contender warms up, then repetitions interleave (scratchnet,
// tfjs, scratchnet, …); the median of the repetitions is reported.
const params = new URLSearchParams(location.search);
const STEPS = Number(params.get('steps') ?? 10);
const REPS = Number(params.get('reps') ?? 5);
const WARMUP = 3;
const BATCH = 100;
const log = (m) => { console.log(m); document.querySelector('#log').textContent += `${m}\n`; };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());

// SimpleConvNet's forward FLOPs per image (multiply + add = 2): conv 24·24·30·25, affine 4320·100 and 100·10.
const CONV_FLOPS = 2 * 24 * 24 * 30 * 25;
const FORWARD_FLOPS = CONV_FLOPS + 2 * (4320 * 100 + 100 * 10);

function scratchnetContender(sn, train) {
  // the book's layers with He initial weights, like the tfjs contender (the book's own init is N(0, 0.01²))
  const net = sn.convNet({ input: [1, 28, 28], init: 'he', layers: [{ type: 'conv', filters: 30, size: 5, stride: 1, pad: 0 },
    { type: 'relu' }, { type: 'pool', size: 2, stride: 2 }, { type: 'affine', out: 100 }, { type: 'relu' }, { type: 'affine', out: 10 }] }, { seed: 1 });
  const tr = sn.trainer(net, { train, optimizer: 'adam', learningRate: 0.001, batchSize: BATCH, seed: 1 });
  return { name: 'scratchnet wasm SIMD', run: (steps) => tr.run(steps).last.loss, dispose: () => { tr.delete(); net.delete(); } };
}

async function tfjsContender(backend, x, labels) {
  const tf = globalThis.tf;
  if (backend === 'wasm') tf.wasm.setWasmPaths('/tfjs-wasm/');
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not initialise`);
  const batches = [];
  for (let at = 0; at + BATCH <= labels.length; at += BATCH) {
    batches.push([tf.tensor4d(x.subarray(at * 784, (at + BATCH) * 784), [BATCH, 28, 28, 1]),
      tf.oneHot(tf.tensor1d(labels.subarray(at, at + BATCH), 'int32'), 10).toFloat()]);
  }
  const he = (shape, fanIn, seed) => tf.variable(tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn), 'float32', seed));
  const params = [he([5, 5, 1, 30], 25, 1), tf.variable(tf.zeros([30])), he([4320, 100], 4320, 2), tf.variable(tf.zeros([100])),
    he([100, 10], 100, 3), tf.variable(tf.zeros([10]))];
  const [W1, b1, W2, b2, W3, b3] = params;
  const opt = tf.train.adam(0.001);
  let next = 0;
  const step = () => {
    const [xb, yb] = batches[next];
    next = (next + 1) % batches.length;
    return opt.minimize(() => {
      const c = tf.relu(tf.add(tf.conv2d(xb, W1, 1, 'valid'), b1));
      const p = tf.maxPool(c, 2, 2, 'valid').reshape([BATCH, 4320]);
      const h = tf.relu(tf.add(tf.matMul(p, W2), b2));
      return tf.losses.softmaxCrossEntropy(yb, tf.add(tf.matMul(h, W3), b3));
    }, true, params);
  };
  return {
    name: `tfjs-${backend}`,
    use: () => tf.setBackend(backend),
    run(steps) {
      let loss = null;
      for (let i = 0; i < steps; ++i) { loss?.dispose(); loss = step(); }
      const v = loss.dataSync()[0];
      loss.dispose();
      return v;
    },
    dispose() { tf.dispose([...batches.flat(), ...params]); opt.dispose(); },
  };
}

// SimpleConvNet forward on one batch of 100 (inference: no dropout, no grads), scratchnet's
// ConvNet.predict against the same layers written with tfjs ops on its wasm backend; both
// read back their scores (dataSync) so tfjs cannot defer the work.
async function inferenceVsTfjsWasm(sn, xb) {
  const tf = globalThis.tf;
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs backend wasm did not initialise');
  const simple = sn.convNet('simple', { seed: 1 });
  const xt = tf.tensor4d(xb, [BATCH, 28, 28, 1]);
  const he = (shape, fanIn, seed) => tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn), 'float32', seed);
  const [W1, b1, W2, b2, W3, b3] = [he([5, 5, 1, 30], 25, 1), tf.zeros([30]), he([4320, 100], 4320, 2), tf.zeros([100]),
    he([100, 10], 100, 3), tf.zeros([10])];
  const tfjsPredict = () => {
    const y = tf.tidy(() => {
      const c = tf.relu(tf.add(tf.conv2d(xt, W1, 1, 'valid'), b1));
      const p = tf.maxPool(c, 2, 2, 'valid').reshape([BATCH, 4320]);
      return tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(p, W2), b2)), W3), b3);
    });
    y.dataSync();
    y.dispose();
  };
  const snPredict = () => simple.predict(xb, BATCH);
  for (let i = 0; i < 5; ++i) { snPredict(); tfjsPredict(); }
  const tSn = [], tTf = [];
  for (let r = 0; r < REPS * 4; ++r) {
    let t0 = performance.now(); snPredict(); tSn.push(performance.now() - t0);
    t0 = performance.now(); tfjsPredict(); tTf.push(performance.now() - t0);
  }
  simple.delete();
  tf.dispose([xt, W1, b1, W2, b2, W3, b3]);
  const env = tf.env();
  const features = `SIMD ${env.getBool('WASM_HAS_SIMD_SUPPORT')}, threads ${env.getBool('WASM_HAS_MULTITHREAD_SUPPORT')}`;
  return { scratchnetMs: median(tSn), tfjsWasmMs: median(tTf), ratio: median(tTf) / median(tSn), tfjsFeatures: features };
}

async function main() {
  const { loadScratchnet } = await import('/flavor/simd/lib/scratchnet.js');
  const sn = await loadScratchnet();
  const train = await sn.datasetFromIdx(await bytes('/data/train-images-idx3-ubyte.gz'), await bytes('/data/train-labels-idx1-ubyte.gz'));
  const rows = (WARMUP + REPS * STEPS + 1) * BATCH;
  const x = train.x(0, rows);
  const labels = train.labels(0, rows);
  const result = { steps: STEPS, reps: REPS, batch: BATCH, tfjs: {}, contenders: [] };

  const contenders = [scratchnetContender(sn, train)];
  // tfjs-wasm: one step tells whether its kernels cover the convnet's gradient
  try {
    const c = await tfjsContender('wasm', x, labels);
    c.run(1);
    contenders.push(c);
    result.tfjs.wasm = 'trains';
  } catch (e) {
    result.tfjs.wasm = `fails: ${e.message}`;
    result.tfjs.missingKernel = /Kernel '(\w+)'/.exec(e.message)?.[1] ?? null;
    log(`tfjs-wasm cannot train SimpleConvNet: ${e.message}`);
  }
  contenders.push(await tfjsContender('cpu', x, labels));

  for (const c of contenders) { await c.use?.(); c.run(WARMUP); }
  const times = contenders.map(() => []);
  const losses = contenders.map(() => NaN);
  for (let r = 0; r < REPS; ++r) {
    for (let i = 0; i < contenders.length; ++i) {
      await contenders[i].use?.();
      const t0 = performance.now();
      losses[i] = contenders[i].run(STEPS);
      times[i].push(performance.now() - t0);
    }
    log(`rep ${r + 1}/${REPS}: ${contenders.map((c, i) => `${c.name} ${times[i][r].toFixed(0)} ms`).join(', ')}`);
    await new Promise((res) => setTimeout(res, 0));
  }
  result.contenders = contenders.map((c, i) => ({
    name: c.name, samplesPerSecond: (STEPS * BATCH * 1000) / median(times[i]), loss: losses[i],
  }));
  for (const c of contenders) c.dispose();

  // The convolution path alone: conv 30×5×5 → pool 2 → affine 10 forward on 100 images,
  // i.e. im2col, the GEMM col·Wᵀ, the (n, p, f) → (n, f, p) layout and the bias; pooling and
  // the small affine are a few % of the work. GFLOP/s counts the conv and affine products.
  const probe = sn.convNet({ input: [1, 28, 28], layers: [{ type: 'conv', filters: 30, size: 5, stride: 1, pad: 0 },
    { type: 'pool', size: 2, stride: 2 }, { type: 'affine', out: 10 }] }, { seed: 1 });
  const xb = x.subarray(0, BATCH * 784);
  for (let i = 0; i < 5; ++i) probe.predict(xb, BATCH);
  const convTimes = [];
  for (let r = 0; r < REPS * 4; ++r) { const t0 = performance.now(); probe.predict(xb, BATCH); convTimes.push(performance.now() - t0); }
  probe.delete();
  const convFlops = BATCH * (CONV_FLOPS + 2 * 4320 * 10);
  result.convForward = { ms: median(convTimes), gflops: convFlops / (median(convTimes) * 1e6) };
  // the whole SimpleConvNet forward (inference) for scale
  const simple = sn.convNet('simple', { seed: 1 });
  const inferTimes = [];
  for (let r = 0; r < REPS * 4; ++r) { const t0 = performance.now(); simple.predict(xb, BATCH); inferTimes.push(performance.now() - t0); }
  simple.delete();
  result.inference = { ms: median(inferTimes), gflops: (BATCH * FORWARD_FLOPS) / (median(inferTimes) * 1e6) };
  // Inference against tfjs-wasm, which has every forward kernel (Conv2D, MaxPool, MatMul)
  // even though it cannot train the net: interleaved, median of REPS·4 each.
  try {
    result.tfjsWasmInference = await inferenceVsTfjsWasm(sn, xb);
  } catch (e) {
    result.tfjsWasmInference = { error: String(e?.message ?? e) };
    log(`tfjs-wasm inference failed: ${e?.message ?? e}`);
  }
  train.delete();
  window.benchResult = result;
}

main().catch((e) => { window.benchError = String(e?.stack ?? e); }).finally(() => { window.benchDone = true; });
