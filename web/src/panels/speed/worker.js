// worker.js — one build of the core in its own thread (README "Performance": simd,
// scalar, threads), timing the speed panel's MNIST run (bench.js). The page starts one
// worker per build, one after another, so the builds never compete for the cores.
import { loadScratchnet } from '../../../lib/scratchnet.js';
import { benchTraining } from './bench.js';

let stop = false;
self.onmessage = async (e) => {
  if (e.data?.type === 'stop') { stop = true; return; }
  const { build, images, labels, steps, seed } = e.data;
  const post = (m) => self.postMessage(m);
  try {
    const sn = await loadScratchnet({ build });
    post({ type: 'ready', build: sn.build });
    const train = await sn.datasetFromIdx(images, labels, { name: 'mnist-train' });
    const result = await benchTraining(sn, train, {
      steps, seed, cancelled: () => stop,
      onProgress: (p) => post({ type: 'progress', ...p }),
    });
    train.delete();
    post({ type: 'done', result, live: sn.liveObjects });
  } catch (err) {
    post({ type: 'failed', error: { code: err.code ?? 'internal', message: String(err.message ?? err) } });
  }
};
