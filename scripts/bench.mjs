#!/usr/bin/env node
// bench.mjs — `npm run bench`: scratchnet vs TensorFlow.js in one headless
// Chromium, plus the native builds of the same core for reference.
//   1. builds the four flavours (bench/build.mjs) into build/bench-*;
//   2. runs the native core_bench (SSE2 and -march=native) three times,
//      before, between and after the browser pages;
//   3. serves bench/page on 127.0.0.1 and runs it in Debian's Chromium:
//      a page without cross-origin isolation (all contenders, interleaved),
//      then an isolated one (COOP/COEP) where tfjs-wasm may use threads;
//   4. times the built playground (dist/) until its first panel is ready;
//   5. writes bench-results/latest.{json,md} (+ a timestamped JSON) and prints the table.
// Options: --steps N --reps N --quick (fewer steps, for a smoke run). Never part of npm test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildFlavor, root } from '../bench/build.mjs';
import { serve } from '../bench/server.mjs';
import { markdown } from '../bench/report.mjs';
import { DEFAULTS } from '../bench/page/workloads.js';
import { CHROMIUM_ARGS } from '../tests/browser/harness.mjs';

const argv = process.argv.slice(2);
const arg = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const quick = argv.includes('--quick');
const opt = { steps: Number(arg('steps', quick ? 5 : 30)), reps: Number(arg('reps', quick ? 3 : 5)) };
const PAGE_TIMEOUT_MS = 20 * 60 * 1000;
const say = (m) => console.log(`bench: ${m}`);

say('building flavours (build/bench-*)');
const built = {};
for (const f of ['wasm-simd', 'wasm-nosimd', 'native-sse2', 'native-march']) built[f] = buildFlavor(f);

// The native runs are spread over the whole bench (before, between and after
// the browser pages) so that a busy phase of the machine touches them too.
const nativeRuns = { sse2: [], march: [] };
function runNative() {
  say('native core_bench, SSE2 then -march=native');
  for (const f of ['sse2', 'march']) {
    const out = execFileSync(built[`native-${f}`].exe, ['--data', path.join(root, 'web/public/data/fashion-mnist'),
      '--model', path.join(root, 'models/book-ch03.npz'), '--steps', String(opt.steps), '--reps', String(opt.reps),
      '--warmup', String(DEFAULTS.warmupSteps)]);
    nativeRuns[f].push(JSON.parse(out));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
async function runPage(query) {
  const page = await browser.newPage();
  page.on('console', (m) => { if (!m.text().startsWith('[')) say(`  page: ${m.text()}`); });
  page.on('pageerror', (e) => say(`  page error: ${e.message}`));
  await page.goto(`${server.url}/bench/index.html?${query}&steps=${opt.steps}&reps=${opt.reps}`);
  await page.waitForFunction(() => window.benchDone === true, null, { timeout: PAGE_TIMEOUT_MS, polling: 1000 });
  const { result, error } = await page.evaluate(() => ({ result: window.benchResult, error: window.benchError }));
  await page.close();
  if (error) throw new Error(`bench page failed: ${error}`);
  return result;
}
let plain, isolated, loadMs;
try {
  runNative();
  say('browser, no cross-origin isolation: scratchnet SIMD / no-SIMD, tfjs-wasm, tfjs-cpu (interleaved)');
  plain = await runPage('contenders=sn-simd,sn-nosimd,tfjs-wasm,tfjs-cpu');
  runNative();
  say('browser, cross-origin isolated (tfjs-wasm may use threads): scratchnet SIMD, tfjs-wasm');
  isolated = await runPage('isolated=1&contenders=sn-simd,tfjs-wasm&gemm=0&epoch=0');
  if (fs.existsSync(path.join(root, 'dist/index.html'))) {
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForSelector('.sn-panel[data-ready="true"]', { timeout: 30000 });
    loadMs = await page.evaluate(() => performance.now());
    await page.close();
  }
  runNative();
} finally {
  await browser.close();
  await server.close();
}

const nativeRows = [];
const gemm = {};
for (const [f, runs] of Object.entries(nativeRuns)) {
  const name = f === 'sse2' ? 'native sse2' : 'native march';
  for (const [i, row] of runs[0].rows.entries()) {
    nativeRows.push({ workload: row.workload, contender: name, samplesPerSecond: median(runs.map((r) => r.rows[i].samplesPerSecond)),
                      value: row.loss ?? row.y00 });
  }
  gemm[`native ${f === 'sse2' ? 'SSE2' : '-march=native'}`] = {
    gemm: runs[0].gemm.map((g, i) => ({ ...g, gflops: median(runs.map((r) => r.gemm[i].gflops)) })) };
}

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const tfWasm = plain.contenders.find((c) => c.name === 'tfjs-wasm');
const tfWasmIso = isolated.contenders.find((c) => c.name === 'tfjs-wasm');
const results = {
  date: new Date().toISOString(),
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, chromium: await browserVersion(), node: process.version },
  options: plain.options,
  columns: [
    { key: 'scratchnet wasm simd', header: 'scratchnet wasm SIMD' },
    { key: 'scratchnet wasm nosimd', header: 'scratchnet wasm no-SIMD' },
    { key: 'tfjs-wasm', header: 'tfjs-wasm' },
    { key: 'isolated: tfjs-wasm', header: 'tfjs-wasm, isolated' },
    { key: 'tfjs-cpu', header: 'tfjs-cpu' },
    { key: 'native sse2', header: 'native SSE2' },
    { key: 'native march', header: 'native -march=native' },
  ],
  rows: [...plain.rows, ...isolated.rows.map((r) => ({ ...r, contender: `isolated: ${r.contender}` })), ...nativeRows],
  gemm: { 'wasm SIMD (packed kernel)': plain.gemm.simd, 'wasm no-SIMD (Eigen)': plain.gemm.nosimd, ...gemm },
  epoch: plain.epoch,
  wasmGzipBytes: gz(built['wasm-simd'].wasm),
  glueGzipBytes: gz(built['wasm-simd'].module),
  playgroundReadyMs: loadMs,
  pages: { plain: { crossOriginIsolated: plain.crossOriginIsolated, contenders: plain.contenders },
           isolated: { crossOriginIsolated: isolated.crossOriginIsolated, contenders: isolated.contenders } },
};
results.notes = [
  `${results.machine.cpu}, ${results.machine.cores} cores; ${results.machine.chromium} headless; Node ${process.version}; ${results.date.slice(0, 10)}.`,
  `tfjs-wasm: ${tfWasm.detail} (page not cross-origin isolated). tfjs-wasm, isolated: ${tfWasmIso.detail}; its ratio uses the scratchnet SIMD number measured in that same isolated page.`,
  `One Fashion-MNIST epoch (60,000 images, 784-100-10, batch 100, SGD) in the browser: ${plain.epoch.seconds.toFixed(2)} s including the end-of-epoch accuracy pass over all 60,000 (train accuracy ${(plain.epoch.trainAcc * 100).toFixed(1)} %).`,
  `scratchnet.wasm (SIMD): ${(results.wasmGzipBytes / 1024).toFixed(1)} kB gzipped (-9); its JavaScript glue ${(results.glueGzipBytes / 1024).toFixed(1)} kB.`,
  loadMs === undefined ? 'Playground load time: not measured (no dist/; run npm run build).'
    : `Playground (dist/, served on localhost): first panel ready ${loadMs.toFixed(0)} ms after navigation start.`,
  'scratchnet trains through `trainer.run(steps)`: one call into wasm per repetition, with shuffling and the divergence guard on; tfjs gets the same images as minibatch tensors cut before timing (its fastest way). Native rows are `Trainer<float>::step()` in C++.',
];

fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
const md = markdown(results);
const stamp = results.date.replace(/[:.]/g, '-');
fs.writeFileSync(path.join(root, `bench-results/bench-${stamp}.json`), JSON.stringify(results, null, 2));
fs.writeFileSync(path.join(root, 'bench-results/latest.json'), JSON.stringify(results, null, 2));
fs.writeFileSync(path.join(root, 'bench-results/latest.md'), `${md}\n`);
console.log(`\n${md}\n`);
say('wrote bench-results/latest.md and latest.json');

async function browserVersion() {
  try { return `Chromium ${execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim().replace(/^Chromium\s*/, '')}`; } catch { return 'Chromium'; }
}
