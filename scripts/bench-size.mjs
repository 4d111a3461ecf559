#!/usr/bin/env node
// bench-size.mjs — did a smaller wasm module cost speed? Two checkouts' SIMD
// builds side by side in one Node process, interleaved (ABAB…), median
// samples/s of each workload and the ratio B / A:
//   mlp-train   784-100-10 ReLU, SGD, batch 100 (trainer.run on the bundled MNIST)
//   mlp-infer   the same network's output() on 100 rows
//   cnn-train   the book's SimpleConvNet, Adam, batch 100
//   cnn-infer   SimpleConvNet output() on 100 rows
// and each checkout's web/generated/wasm/*.wasm gzipped (-9).
// Usage: node scripts/bench-size.mjs --baseline DIR [--candidate DIR] [--reps 15]
//   DIR: another checkout (e.g. a git worktree of main) with its wasm built;
//   B is this checkout unless --candidate names another. Run it with nothing else busy on the machine:
//   node scripts/bench-size.mjs --baseline ../main
// Never part of npm test (timings are not asserted anywhere).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const arg = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const baseline = arg('baseline');
if (!baseline) { console.error('usage: node scripts/bench-size.mjs --baseline DIR [--reps N]'); process.exit(2); }
const reps = Number(arg('reps', 15));
const candidate = arg('candidate', root);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quartiles = (xs) => { const s = [...xs].sort((a, b) => a - b); return [s[Math.floor(s.length / 4)], s[Math.floor(3 * s.length / 4)]].map((v) => v.toFixed(3)).join('–'); };
const say = (m) => console.log(`bench-size: ${m}`);

// Each checkout's own JS API and wasm (separate module graphs).
async function load(dir) {
  const { loadCore } = await import(pathToFileURL(path.resolve(dir, 'tests/node/load.mjs')).href);
  const sn = await loadCore({ build: 'simd' });
  const read = (f) => fs.readFileSync(path.join(root, 'web/public/data/mnist', f));
  const train = await sn.datasetFromIdx(read('train-images-idx3-ubyte.gz'), read('train-labels-idx1-ubyte.gz'));
  const x = train.x(0, 100);
  const mlp = sn.network({ sizes: [784, 100, 10], hidden: 'relu', init: 'he' }, { seed: 1 });
  const mlpTrainer = sn.trainer(mlp, { train, optimizer: 'sgd', learningRate: 0.1, batchSize: 100, seed: 1 });
  const cnn = sn.convNet('simple', { seed: 1 });
  const cnnTrainer = sn.trainer(cnn, { train, optimizer: 'adam', learningRate: 0.001, batchSize: 100, seed: 1 });
  return {
    dir,
    // samples per second of `fn`, which handles `samples` samples per call, over ≥ `ms` milliseconds
    workloads: {
      'mlp-train': [() => mlpTrainer.run(5), 500, 300],
      'mlp-infer': [() => mlp.output(x, 100), 100, 300],
      'cnn-train': [() => cnnTrainer.run(1), 100, 600],
      'cnn-infer': [() => cnn.output(x, 100), 100, 400],
    },
  };
}

function rate([fn, samples, ms]) {
  fn();  // warm-up
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) { fn(); n += samples; }
  return n / ((performance.now() - t0) / 1000);
}

const gz = (dir) => Object.fromEntries(fs.readdirSync(path.join(dir, 'web/generated/wasm')).filter((f) => f.endsWith('.wasm'))
  .map((f) => [f, zlib.gzipSync(fs.readFileSync(path.join(dir, 'web/generated/wasm', f)), { level: 9 }).length]));

say(`load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; A = ${path.resolve(baseline)}, B = ${path.resolve(candidate)}`);
const contenders = [await load(baseline), await load(candidate)];
const results = contenders.map(() => ({}));
for (let r = 0; r < reps; ++r) {
  for (const name of Object.keys(contenders[0].workloads)) {
    // A B, then B A in the next repetition: neither always runs first
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) (results[i][name] ??= []).push(rate(contenders[i].workloads[name]));
  }
}
// B/A: the median of the ratios of each repetition's adjacent pair (the load
// of a shared machine changes between repetitions more than within a pair).
for (const name of Object.keys(results[0])) {
  const a = results[0][name], b = results[1][name];
  const ratio = median(b.map((x, i) => x / a[i]));
  say(`${name.padEnd(10)} A ${median(a).toFixed(0).padStart(7)}  B ${median(b).toFixed(0).padStart(7)} samples/s  ` +
      `B/A ${ratio.toFixed(3)} (quartiles ${quartiles(b.map((x, i) => x / a[i]))})`);
}
const [ga, gb] = [gz(baseline), gz(candidate)];
for (const f of Object.keys(gb)) say(`${f.padEnd(26)} gzip -9 A ${((ga[f] ?? NaN) / 1000).toFixed(1)} kB  B ${(gb[f] / 1000).toFixed(1)} kB`);
say(`load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
