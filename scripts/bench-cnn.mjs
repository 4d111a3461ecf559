#!/usr/bin/env node
// bench-cnn.mjs — the convnet part of `npm run bench` (book ch. 7): the book's
// SimpleConvNet trained by scratchnet's wasm SIMD core against TensorFlow.js
// in headless Chromium (tfjs-wasm, or tfjs-cpu where tfjs-wasm lacks a
// training kernel — the page says which), and the convolution path's
// GFLOP/s (im2col + GEMM). Serves bench/page/cnn.html with bench/server.mjs;
// builds build/bench-wasm-simd like bench.mjs (incremental; --no-build skips it).
// Also SimpleConvNet inference (batch 100) against tfjs-wasm, which can run the
// forward pass although it lacks the training kernel Conv2DBackpropFilter.
// Writes bench-results/cnn-latest.{json,md} and prints the table with ratios.
// Options: --steps N (minibatch steps per repetition) --reps N. Never part of npm test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildFlavor, root } from '../bench/build.mjs';
import { serve } from '../bench/server.mjs';
import { CHROMIUM_ARGS } from '../tests/browser/harness.mjs';

const argv = process.argv.slice(2);
const arg = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const steps = Number(arg('steps', 10));
const reps = Number(arg('reps', 5));
const say = (m) => console.log(`bench-cnn: ${m}`);

if (!argv.includes('--no-build')) { say('building build/bench-wasm-simd'); buildFlavor('wasm-simd'); }
const server = await serve();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
let r;
try {
  const page = await browser.newPage();
  page.on('console', (m) => say(`  page: ${m.text()}`));
  await page.goto(`${server.url}/bench/cnn.html?steps=${steps}&reps=${reps}`);
  await page.waitForFunction(() => window.benchDone === true, null, { timeout: 30 * 60 * 1000, polling: 1000 });
  const { result, error } = await page.evaluate(() => ({ result: window.benchResult, error: window.benchError }));
  if (error) throw new Error(`bench page failed: ${error}`);
  r = result;
} finally {
  await browser.close();
  await server.close();
}

const sn = r.contenders[0];
const fmt = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)}k` : v.toFixed(0));
const lines = [
  '### SimpleConvNet (book ch. 7) training, batch 100, Adam 0.001',
  '',
  '| contender | samples/s | scratchnet ÷ contender | loss after the last repetition |',
  '|---|--:|--:|--:|',
  ...r.contenders.map((c) => `| ${c.name} | ${fmt(c.samplesPerSecond)} | ${(sn.samplesPerSecond / c.samplesPerSecond).toFixed(2)}× | ${c.loss.toFixed(4)} |`),
  '',
  `- tfjs-wasm: ${r.tfjs.wasm}${r.tfjs.missingKernel ? ` (missing kernel: ${r.tfjs.missingKernel}; compared with tfjs-cpu instead)` : ''}.`,
  `- Convolution forward path (conv 30×5×5 on 100 images: im2col + GEMM + layout, then pool and a 10-way affine): ${r.convForward.ms.toFixed(2)} ms, ${r.convForward.gflops.toFixed(1)} GFLOP/s.`,
  `- Whole SimpleConvNet forward on 100 images: ${r.inference.ms.toFixed(2)} ms, ${r.inference.gflops.toFixed(1)} GFLOP/s.`,
  r.tfjsWasmInference?.error
    ? `- SimpleConvNet inference vs tfjs-wasm: failed (${r.tfjsWasmInference.error}).`
    : `- SimpleConvNet inference (forward, batch 100) vs tfjs-wasm (${r.tfjsWasmInference.tfjsFeatures}): scratchnet ${r.tfjsWasmInference.scratchnetMs.toFixed(2)} ms, tfjs-wasm ${r.tfjsWasmInference.tfjsWasmMs.toFixed(2)} ms, **${r.tfjsWasmInference.ratio.toFixed(2)}×** (interleaved, median of ${4 * r.reps}).`,
  `- Median of ${r.reps} repetitions of ${r.steps} steps (after 3 warm-up steps), interleaved; ${os.cpus()[0]?.model}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
];
const md = lines.join('\n');
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results/cnn-latest.json'), JSON.stringify({ date: new Date().toISOString(), ...r }, null, 2));
fs.writeFileSync(path.join(root, 'bench-results/cnn-latest.md'), `${md}\n`);
console.log(`\n${md}\n`);
