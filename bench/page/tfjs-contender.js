// tfjs-contender.js — TensorFlow.js (global `tf` from its UMD bundles) on one backend.
//
// The same network written with tfjs ops and variables (no Layers API, which
// adds per-call bookkeeping): x·W + b, ReLU, softmax cross-entropy, SGD 0.1,
// weights drawn from N(0, 2/n_in), zero biases. optimizer.minimize computes
// gradients for the variables only (no gradient for the input data), like
// scratchnet's first layer. Each repetition ends with one dataSync() of the
// loss, so asynchronous work cannot escape the timer. Batches are taken in
// order from the same images scratchnet shuffles through.
import { LEARNING_RATE } from './workloads.js';

// threads: for the wasm backend, the thread pool size to ask for (it only
// exists when the page is cross-origin isolated; tfjs then defaults to fewer).
export async function tfjsContender(backend, { threads } = {}) {
  const tf = globalThis.tf;
  if (backend === 'wasm') {
    tf.wasm.setWasmPaths('/tfjs-wasm/');
    if (threads !== undefined) tf.wasm.setThreadsCount(threads);
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not initialise`);
  let detail = `tfjs ${tf.version.tfjs}, backend ${backend}`;
  if (backend === 'wasm') {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const mt = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    const n = mt ? tf.wasm.getThreadsCount() : 1;
    detail += `, SIMD ${simd ? 'on' : 'off'}, threads ${mt ? `on (${n})` : 'off (1)'}`;
  }
  const use = () => tf.setBackend(backend);  // the bench interleaves backends

  return {
    name: `tfjs-${backend}`,
    detail,
    use,
    training({ sizes, batch }, x, labels) {
      // The minibatches are cut once, before timing: slicing inside the loss
      // function is several times slower in tfjs (the tape keeps the slice of
      // the whole pool), so this is tfjs's best case, not ours.
      const batches = [];
      for (let at = 0; at + batch <= labels.length; at += batch) {
        batches.push([tf.tensor2d(x.subarray(at * 784, (at + batch) * 784), [batch, 784]),
                      tf.oneHot(tf.tensor1d(labels.subarray(at, at + batch), 'int32'), 10).toFloat()]);
      }
      const params = [];
      for (let l = 0; l + 1 < sizes.length; ++l) {
        const std = Math.sqrt(2 / sizes[l]);
        params.push(tf.variable(tf.randomNormal([sizes[l], sizes[l + 1]], 0, std, 'float32', 1 + l)));
        params.push(tf.variable(tf.zeros([sizes[l + 1]])));
      }
      const opt = tf.train.sgd(LEARNING_RATE);
      let next = 0;
      const step = () => {
        const [xb, yb] = batches[next];
        next = (next + 1) % batches.length;
        return opt.minimize(() => {
          let h = xb;
          for (let l = 0; l < params.length; l += 2) {
            h = h.matMul(params[l]).add(params[l + 1]);
            if (l + 2 < params.length) h = h.relu();
          }
          return tf.losses.softmaxCrossEntropy(yb, h);
        }, true, params);
      };
      return {
        run(steps) {
          let loss = null;
          for (let i = 0; i < steps; ++i) { loss?.dispose(); loss = step(); }
          const value = loss.dataSync()[0];
          loss.dispose();
          return value;
        },
        dispose() { tf.dispose([...batches.flat(), ...params]); opt.dispose(); },
      };
    },
    inference({ batch, hidden }, x, weights) {
      const w = weights.map(({ rows, cols, data }) => tf.tensor2d(data, [rows, cols]));
      const input = x.subarray(0, batch * 784);
      return {
        // Float32Array in, Float32Array out — what scratchnet's API does too.
        call: () => tf.tidy(() => {
          let h = tf.tensor2d(input, [batch, 784]);
          for (let l = 0; l < w.length; l += 2) {
            h = h.matMul(w[l]).add(w[l + 1]);
            h = l + 2 < w.length ? h[hidden]() : h.softmax();  // h.sigmoid() or h.relu()
          }
          return h.dataSync()[0];
        }),
        dispose: () => tf.dispose(w),
      };
    },
  };
}
