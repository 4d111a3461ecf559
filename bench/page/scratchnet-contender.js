// scratchnet-contender.js — one scratchnet wasm flavour through its public
// JavaScript API (web/lib/scratchnet.js), exactly as the playground uses it.
//
// The bench server maps /flavor/<name>/lib/scratchnet.js to web/lib/scratchnet.js
// and /flavor/<name>/generated/wasm/ to that flavour's build directory, so the
// library's own relative import picks the flavour: no copy of the API.
import { LEARNING_RATE } from './workloads.js';

export async function scratchnetContender(flavor, { imageBytes, labelBytes }) {
  const { loadScratchnet } = await import(`/flavor/${flavor}/lib/scratchnet.js`);
  const sn = await loadScratchnet({ build: 'simd' });  // the flavour's single-thread module, isolated page or not
  const train = await sn.datasetFromIdx(imageBytes, labelBytes);
  return {
    sn,
    train,
    name: `scratchnet wasm ${flavor}`,
    detail: sn.buildFlavor,
    // One call into wasm runs all `steps` minibatch steps (Trainer.run).
    training({ sizes, batch }) {
      const net = sn.network({ sizes, hidden: 'relu', output: 'softmax', init: 'he' }, { seed: 1 });
      const tr = sn.trainer(net, { train, optimizer: 'sgd', learningRate: LEARNING_RATE, batchSize: batch, seed: 1 });
      return { run: (steps) => tr.run(steps).last.loss, dispose: () => { tr.delete(); net.delete(); } };
    },
    // weights: [{ rows, cols, data }] in the book's order W1, b1, W2, … (run.js).
    inference({ batch, sizes, hidden }, x, weights) {
      const net = sn.network({ sizes, hidden, output: 'softmax' }, { seed: 1 });
      net.paramNames().forEach((name, i) => net.setParam(name, weights[i].data, weights[i].rows, weights[i].cols));
      const input = x.subarray(0, batch * 784);
      return { call: () => net.output(input, batch)[0], dispose: () => net.delete() };
    },
  };
}
