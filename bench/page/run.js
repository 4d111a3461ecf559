// run.js — the browser half of `npm run bench`: every contender, every
// workload, interleaved, in this one page. scripts/bench.mjs opens the page
// with ?contenders=…&steps=…, waits for window.benchDone and reads
// window.benchResult.
//
// Interleaving: for each workload every contender gets its state built and
// warmed up, then repetition r of every contender runs before repetition
// r + 1 of any, so a slow phase of the machine (another process, thermal
// drift) hits all of them alike. The reported number is the median.
import { DEFAULTS, INFERENCE, TRAINING } from './workloads.js';
import { scratchnetContender } from './scratchnet-contender.js';
import { tfjsContender } from './tfjs-contender.js';
import { runCoreGemm } from './core-gemm.js';

const params = new URLSearchParams(location.search);
const opt = Object.fromEntries(Object.entries(DEFAULTS).map(([k, v]) => [k, Number(params.get(k) ?? v)]));
const wanted = (params.get('contenders') ?? 'sn-simd,sn-nosimd,tfjs-wasm,tfjs-cpu').split(',');
const log = (m) => { console.log(m); document.querySelector('#log').textContent += `${m}\n`; };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());

async function main() {
  const inputs = {
    imageBytes: await bytes('/data/train-images-idx3-ubyte.gz'),
    labelBytes: await bytes('/data/train-labels-idx1-ubyte.gz'),
    npzBytes: await bytes('/models/book-ch03.npz'),
  };
  const contenders = [];
  for (const c of wanted) {
    if (c.startsWith('sn-')) contenders.push(await scratchnetContender(c.slice(3), inputs));
    else if (c === 'tfjs-wasm') contenders.push(await tfjsContender('wasm', { threads: crossOriginIsolated ? navigator.hardwareConcurrency : undefined }));
    else if (c === 'tfjs-cpu') contenders.push(await tfjsContender('cpu'));
    else throw new Error(`unknown contender ${c}`);
  }
  // Same data for everyone: the first rows of the training set, decoded once by scratchnet.
  const reference = contenders.find((c) => c.sn) ?? (await scratchnetContender('simd', inputs));
  const poolRows = Math.min(reference.train.size, 128 * (opt.warmupSteps + opt.reps * opt.steps));
  const x = reference.train.x(0, poolRows);
  const labels = reference.train.labels(0, poolRows);
  // Inference weights, the same for every contender: the book's ch. 3 network, or He-initialised (seed 1).
  const weightsOf = ({ sizes, hidden, weights }) => {
    const net = weights === 'book' ? reference.sn.loadNetwork(inputs.npzBytes, { hidden })
      : reference.sn.network({ sizes, hidden, init: 'he' }, { seed: 1 });
    const values = net.paramNames().map((n) => net.param(n));
    net.delete();
    return values;
  };
  // ?only=infer (or train): only the workloads whose id starts with it (scripts/bench-infer.mjs).
  const only = (w) => !params.get('only') || w.id.startsWith(params.get('only'));

  const rows = [];
  const measure = async (workload, make, samplesPerRep, timed) => {
    const states = [];
    for (const c of contenders) { await c.use?.(); states.push(make(c)); }
    const times = contenders.map(() => []);
    const finals = contenders.map(() => null);
    for (let i = 0; i < contenders.length; ++i) { await contenders[i].use?.(); timed(states[i], true); }
    for (let r = 0; r < opt.reps; ++r) {
      for (let i = 0; i < contenders.length; ++i) {
        await contenders[i].use?.();
        const t0 = performance.now();
        finals[i] = timed(states[i], false);
        times[i].push(performance.now() - t0);
      }
      await new Promise((res) => setTimeout(res, 0));  // let the page breathe between rounds
    }
    contenders.forEach((c, i) => {
      const ms = median(times[i]);
      rows.push({ workload: workload.id, contender: c.name, samplesPerSecond: samplesPerRep / (ms / 1000),
                  medianMs: ms, value: finals[i], reps: times[i] });
      log(`${workload.id.padEnd(26)} ${c.name.padEnd(26)} ${(samplesPerRep / (ms / 1000)).toFixed(0).padStart(8)} samples/s  final ${finals[i].toFixed(5)}`);
    });
    for (let i = 0; i < contenders.length; ++i) { await contenders[i].use?.(); states[i].dispose(); }
  };

  for (const w of TRAINING.filter(only)) {
    await measure(w, (c) => c.training(w, x, labels), opt.steps * w.batch,
      (s, warm) => s.run(warm ? opt.warmupSteps : opt.steps));
  }
  for (const w of INFERENCE.filter(only)) {
    const calls = Math.max(1, Math.round(opt.inferSamples / w.batch));
    const weights = weightsOf(w);
    await measure(w, (c) => c.inference(w, x, weights), calls * w.batch, (s, warm) => {
      let v = 0;
      for (let i = 0; i < (warm ? Math.ceil(calls / 10) : calls); ++i) v = s.call();
      return v;
    });
  }

  const extra = {};
  // One epoch of Fashion-MNIST's 60,000 images (600 steps of 100) on 784-100-10,
  // including the trainer's end-of-epoch accuracy pass over the 60,000.
  const simd = contenders.find((c) => c.name === 'scratchnet wasm simd');
  if (simd && params.get('epoch') !== '0' && !params.get('only')) {
    const net = simd.sn.network({ sizes: [784, 100, 10] }, { seed: 1 });
    const tr = simd.sn.trainer(net, { train: simd.train, optimizer: 'sgd', learningRate: 0.1, batchSize: 100, seed: 1 });
    const t0 = performance.now();
    const r = tr.run(600);
    extra.epoch = { seconds: (performance.now() - t0) / 1000, steps: 600, loss: r.last.loss, trainAcc: r.epochs[0]?.trainAcc };
    log(`one Fashion-MNIST epoch (60,000 images, 784-100-10, batch 100): ${extra.epoch.seconds.toFixed(2)} s, train accuracy ${extra.epoch.trainAcc}`);
    tr.delete(); net.delete();
  }
  if (params.get('gemm') !== '0') {
    extra.gemm = {};
    for (const flavor of wanted.filter((c) => ['sn-simd', 'sn-nosimd'].includes(c)).map((c) => c.slice(3))) {
      extra.gemm[flavor] = await runCoreGemm(flavor, opt.reps);
      log(`gemm ${flavor}: ${extra.gemm[flavor].gemm.map((g) => `${g.name} ${g.gflops.toFixed(1)}`).join(', ')} GFLOP/s`);
    }
  }
  return {
    userAgent: navigator.userAgent, crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency,
    options: opt, contenders: contenders.map((c) => ({ name: c.name, detail: c.detail })), rows, ...extra,
  };
}

main().then((r) => { window.benchResult = r; }, (e) => { window.benchError = `${e.message}\n${e.stack}`; log(`error: ${e.message}`); })
  .finally(() => { window.benchDone = true; });
