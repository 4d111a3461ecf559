// bench.js — one timed MNIST training run, the same in the page and in a worker:
// the core's Trainer (vol. 2 1.4.4) on a fixed network, seed and number of steps,
// run in short slices so the thread it runs on can answer in between.
//
// The clock runs only inside trainer.run(): loading, the slices' pauses and
// drawing are not counted, so samples/s is the core's own speed.

/** The run every build and both precisions repeat: 784-100-10 ReLU, He, SGD 0.1, batch 100. */
export const BENCH = Object.freeze({ sizes: [784, 100, 10], hidden: 'relu', init: 'he', optimizer: 'sgd', learningRate: 0.1, batchSize: 100 });

const now = () => globalThis.performance.now();
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Train BENCH on `train` for `steps` steps in the given precision ('float32' | 'float64').
 * onProgress({ steps, losses (this slice's, numbers), seconds (trainer time so far) }) after each slice;
 * `cancelled()` is asked between slices. Resolves to { steps, seconds, samplesPerSec }.
 */
export async function benchTraining(sn, train, { steps, seed, precision = 'float32', sliceMs = 30, onProgress = () => {}, cancelled = () => false }) {
  const net = sn.network({ sizes: BENCH.sizes, hidden: BENCH.hidden, init: BENCH.init }, { seed, precision });
  const trainer = sn.trainer(net, { train, optimizer: BENCH.optimizer, learningRate: BENCH.learningRate, batchSize: BENCH.batchSize, seed });
  try {
    let done = 0;
    let seconds = 0;
    let chunk = 1;  // grows until a slice takes about sliceMs
    while (done < steps) {
      if (cancelled()) return null;
      const n = Math.min(chunk, steps - done);
      const t0 = now();
      const r = trainer.run(n);
      const ms = now() - t0;
      seconds += ms / 1000;
      done += n;
      onProgress({ steps: done, losses: Array.from(r.losses), seconds });
      if (ms < sliceMs / 2) chunk = Math.min(chunk * 2, 64);
      await pause();
    }
    const samplesPerSec = (steps * BENCH.batchSize) / seconds;
    return { steps, seconds, samplesPerSec };
  } finally {
    trainer.delete();
    net.delete();
  }
}

/**
 * What a build's worker does with one request { build, images, labels, steps, seed }: load that
 * build, train BENCH on the IDX bytes, and post { type: 'ready', build }, { type: 'progress', … }
 * and { type: 'done', result } (or { type: 'failed', error }). worker.js runs it in a Worker;
 * the Node tests run it in their own thread with their loadCore.
 */
export async function benchBuild({ build, images, labels, steps, seed }, post, { load, cancelled = () => false }) {
  try {
    const sn = await load({ build });
    post({ type: 'ready', build: sn.build });
    const train = await sn.datasetFromIdx(images, labels, { name: 'mnist-train' });
    try {
      const result = await benchTraining(sn, train, { steps, seed, cancelled, onProgress: (p) => post({ type: 'progress', ...p }) });
      post({ type: 'done', result });
    } finally {
      train.delete();
    }
  } catch (err) {
    post({ type: 'failed', error: { code: err.code ?? 'internal', message: String(err.message ?? err) } });
  }
}

/**
 * A Worker's surface (postMessage, onmessage, terminate) running benchBuild in this thread:
 * for a page that cannot start workers (an embed on another origin) and for the Node tests.
 */
export function inlineWorker(load) {
  let stopped = false;
  const w = {
    onmessage: null,
    onerror: null,
    terminate() { stopped = true; },
    postMessage(request) {
      benchBuild(request, (m) => setTimeout(() => { if (!stopped) w.onmessage?.({ data: m }); }), { load, cancelled: () => stopped });
    },
  };
  return w;
}
