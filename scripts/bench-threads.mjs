#!/usr/bin/env node
// bench-threads.mjs — part of `npm run bench`: the shipped wasm builds side by
// side in one cross-origin-isolated headless Chromium page (web/lib/builds.js):
//   simd          the single-thread default
//   threads ×1    the threads build with one thread (what the pool costs)
//   threads ×2    the threads build with two threads (this machine's cores)
//   scalar        the build without SIMD
// Training as in scripts/bench.mjs (Fashion-MNIST, He init, SGD 0.1, softmax
// cross-entropy, `trainer.run(steps)`), contenders interleaved within every
// repetition; median samples/s of the repetitions, and the ratios to compare.
// Also the gzipped size of every shipped file. Writes bench-results/threads.{md,json}.
// Options: --steps N --reps N --quick; --threads-only (just threads ×1 and
// threads ×2: the ratio of issue #14's bar, in under a minute); --no-build.
// Never part of npm test. Run it with nothing else busy on the machine:
//   node scripts/bench-threads.mjs --threads-only
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/browser/harness.mjs';
import { DEFAULTS } from '../bench/page/workloads.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const arg = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const quick = argv.includes('--quick');
const opt = { steps: Number(arg('steps', quick ? 10 : 40)), reps: Number(arg('reps', quick ? 3 : 7)), warmup: DEFAULTS.warmupSteps };
const say = (m) => console.log(`bench-threads: ${m}`);

const WORKLOADS = [
  { id: 'train 784-256-128-10/128', sizes: [784, 256, 128, 10], batch: 128 },
  { id: 'train 784-100-10/100', sizes: [784, 100, 10], batch: 100 },
];
const ALL_CONTENDERS = {
  simd: { build: 'simd' },
  'threads ×1': { build: 'threads', threads: 1 },
  'threads ×2': { build: 'threads', threads: 2 },
  scalar: { build: 'scalar' },
};
const threadsOnly = argv.includes('--threads-only');
const CONTENDERS = threadsOnly
  ? { 'threads ×1': ALL_CONTENDERS['threads ×1'], 'threads ×2': ALL_CONTENDERS['threads ×2'] }
  : ALL_CONTENDERS;

if (!argv.includes('--no-build')) say('building the wasm builds (scripts/build.sh wasm)');
if (!argv.includes('--no-build')) execFileSync('bash', ['scripts/build.sh', 'wasm'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'],
  env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CMAKE_CXX_COMPILER_LAUNCHER')) });

// In the page: every contender trains every workload; interleaved repetitions.
async function measure({ contenders, workloads, steps, reps, warmup }) {
  const { loadScratchnet } = await import('/lib/scratchnet.js');
  const bytes = async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer());
  const [images, labels] = await Promise.all([bytes('/data/fashion-mnist/train-images-idx3-ubyte.gz'),
    bytes('/data/fashion-mnist/train-labels-idx1-ubyte.gz')]);
  const cores = {};
  for (const [name, options] of Object.entries(contenders)) {
    const sn = await loadScratchnet(options);
    cores[name] = { sn, data: await sn.datasetFromIdx(images, labels) };
  }
  const rows = [];
  for (const w of workloads) {
    const runs = Object.fromEntries(Object.entries(cores).map(([name, { sn, data }]) => {
      const net = sn.network({ sizes: w.sizes, hidden: 'relu', output: 'softmax', init: 'he' }, { seed: 1 });
      const tr = sn.trainer(net, { train: data, optimizer: 'sgd', learningRate: 0.1, batchSize: w.batch, seed: 1 });
      tr.run(warmup);
      return [name, { net, tr, rates: [], loss: NaN, build: sn.build }];
    }));
    for (let r = 0; r < reps; r++) {
      for (const run of Object.values(runs)) {
        const t0 = performance.now();
        run.loss = run.tr.run(steps).last.loss;
        run.rates.push((steps * w.batch) / ((performance.now() - t0) / 1000));
      }
    }
    for (const [name, run] of Object.entries(runs)) {
      const sorted = [...run.rates].sort((a, b) => a - b);
      rows.push({ workload: w.id, contender: name, build: run.build, samplesPerSecond: sorted[Math.floor(sorted.length / 2)], loss: run.loss });
      run.tr.delete();
      run.net.delete();
    }
  }
  return { isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency, userAgent: navigator.userAgent, rows };
}

const dev = await createServer({ configFile: path.join(root, 'web/vite.config.js'),
  server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false }, logLevel: 'error' });
await dev.listen();
const base = `http://127.0.0.1:${dev.httpServer.address().port}`;
// Linux schedules CPU time per autogroup (roughly: per session), and Chromium
// runs its renderers in sessions of their own, so on a machine busy with other
// work a renderer gets one group's share however many threads it runs: a
// second thread could never show. Where allowed (root), the bench's own
// Chromium processes get autogroup nice −15 while it runs, so that a free
// core, when there is one, goes to the page being measured. Printed either way.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-threads-'));
function raisePriority() {
  let raised = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      fs.writeFileSync(`/proc/${pid}/autogroup`, '-15');
      raised++;
    } catch { /* not ours, gone, or not allowed */ }
  }
  return raised;
}
const browser = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
const loadBefore = os.loadavg()[0];
let result;
let raised = 0;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => say(`page error: ${e.message}`));
  // An empty page with the dev server's own headers (COOP + COEP), so nothing else runs beside the bench.
  await page.route(`${base}/bench-threads.html`, (route) => route.fulfill({
    status: 200, contentType: 'text/html',
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
    body: '<!doctype html><title>bench-threads</title>',
  }));
  await page.goto(`${base}/bench-threads.html`);
  raised = raisePriority();
  say(raised ? `${raised} Chromium processes: autogroup nice −15 while measuring` : 'Chromium priority unchanged (not allowed here)');
  say(`Chromium, cross-origin isolated: ${opt.reps} × ${opt.steps} steps per contender and workload (after ${opt.warmup} warm-up steps)`);
  result = await page.evaluate(measure, { contenders: CONTENDERS, workloads: WORKLOADS, ...opt });
} finally {
  await browser.close();
  await dev.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
const loadAfter = os.loadavg()[0];
if (!result.isolated) throw new Error('the bench page was not cross-origin isolated');

const rate = (workload, contender) => result.rows.find((r) => r.workload === workload && r.contender === contender)?.samplesPerSecond ?? NaN;
const ratios = WORKLOADS.map((w) => ({
  workload: w.id,
  twoVsSimd: rate(w.id, 'threads ×2') / rate(w.id, 'simd'),
  twoVsOne: rate(w.id, 'threads ×2') / rate(w.id, 'threads ×1'),
  oneVsSimd: rate(w.id, 'threads ×1') / rate(w.id, 'simd'),
  simdVsScalar: rate(w.id, 'simd') / rate(w.id, 'scalar'),
}));
const wasmDir = path.join(root, 'web/generated/wasm');
const sizes = fs.readdirSync(wasmDir).filter((f) => /^scratchnet/.test(f)).sort().map((f) => ({
  file: f, bytes: fs.statSync(path.join(wasmDir, f)).size,
  gzipBytes: zlib.gzipSync(fs.readFileSync(path.join(wasmDir, f)), { level: 9 }).length,
}));

const k = (n) => (n >= 1000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0));
const names = Object.keys(CONTENDERS);
const md = [
  `| workload | ${names.join(' | ')} | threads ×2 ÷ SIMD | threads ×2 ÷ threads ×1 | SIMD ÷ scalar |`,
  `|---|${names.map(() => '--:').join('|')}|--:|--:|--:|`,
  ...WORKLOADS.map((w, i) => `| ${w.id} | ${names.map((n) => k(rate(w.id, n))).join(' | ')} | ${ratios[i].twoVsSimd.toFixed(2)}× | ${ratios[i].twoVsOne.toFixed(2)}× | ${ratios[i].simdVsScalar.toFixed(2)}× |`),
  '',
  `Samples per second, median of ${opt.reps} repetitions of ${opt.steps} steps (after ${opt.warmup} warm-up steps); ${result.cores} logical cores; load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; ${raised ? 'Chromium at autogroup nice −15 (see the script)' : 'Chromium at normal priority'}; final losses ${WORKLOADS.map((w) => `${w.id.replace('train ', '')}: ${names.map((n) => result.rows.find((r) => r.workload === w.id && r.contender === n).loss.toFixed(4)).join(' / ')}`).join('; ')}.`,
  '',
  '| file | bytes | gzipped (-9) |',
  '|---|--:|--:|',
  ...sizes.map((s) => `| ${s.file} | ${(s.bytes / 1024).toFixed(1)} kB | ${(s.gzipBytes / 1024).toFixed(1)} kB |`),
].join('\n');

fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results/threads.json'),
  JSON.stringify({ date: new Date().toISOString(), options: opt, loadAverage: [loadBefore, loadAfter], chromiumAutogroupNice: raised ? -15 : 0, ...result, ratios, sizes }, null, 2));
fs.writeFileSync(path.join(root, 'bench-results/threads.md'), `${md}\n`);
console.log(`\n${md}\n`);
say('wrote bench-results/threads.md and threads.json');
// The bar of issue #14, on one line: 2 threads ÷ 1 thread of the threads build.
say(`2 threads ÷ 1 thread: ${ratios.map((r) => `${r.twoVsOne.toFixed(2)}× (${r.workload.replace('train ', '')})`).join(', ')}; load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}`);
