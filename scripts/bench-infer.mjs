#!/usr/bin/env node
// bench-infer.mjs — the inference rows of `npm run bench`, alone and quick:
// scratchnet's shipped SIMD build (web/generated/wasm, from `scripts/build.sh
// wasm`) against tfjs-wasm, and optionally against another build of scratchnet
// (--baseline DIR holding its scratchnet.{mjs,wasm}, e.g. a copy of main's),
// in one headless Chromium page with bench/page/run.js (same workloads, same
// weights, same interleaving: repetition r of every contender before r + 1 of
// any). Prints per workload each contender's median samples/s and the ratios
// new ÷ tfjs-wasm (and new ÷ baseline): the ratio of the medians, and the
// range of the per-repetition ratios (each repetition's contenders ran back
// to back, so a busy moment of the machine hits them alike).
//   --reps N      timed repetitions per page (default 15)
//   --runs N      fresh pages, one after the other (default 1)
//   --only P      workloads whose id starts with P (default "infer"; "train", or "" for all)
//   --baseline D  also run the build in directory D
//   --samples N   inference samples per repetition (default 10000)
// Never part of npm test. Run it with nothing else busy on the machine:
//   node scripts/bench-infer.mjs --baseline /tmp/main-wasm
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root } from '../bench/build.mjs';
import { serve } from '../bench/server.mjs';
import { CHROMIUM_ARGS } from '../tests/browser/harness.mjs';

const argv = process.argv.slice(2);
const arg = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const reps = Number(arg('reps', 15));
const runs = Number(arg('runs', 1));
const only = arg('only', 'infer');
const samples = Number(arg('samples', 10000));
const baseline = arg('baseline');
const say = (m) => console.log(`bench-infer: ${m}`);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

const shipped = path.join(root, 'web/generated/wasm');
for (const dir of [shipped, baseline].filter(Boolean)) {
  if (!fs.existsSync(path.join(dir, 'scratchnet.wasm'))) throw new Error(`no scratchnet.wasm in ${dir} (scripts/build.sh wasm)`);
}
const flavors = { new: shipped, ...(baseline ? { base: path.resolve(baseline) } : {}) };
const contenders = ['sn-new', ...(baseline ? ['sn-base'] : []), 'tfjs-wasm'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve({ flavors });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
const results = [];
try {
  for (let run = 0; run < runs; ++run) {
    say(`run ${run + 1}/${runs}, load average ${load()}`);
    const page = await browser.newPage();
    page.on('pageerror', (e) => say(`page error: ${e.message}`));
    const query = new URLSearchParams({ contenders: contenders.join(','), only, reps, inferSamples: samples, gemm: 0, epoch: 0 });
    await page.goto(`${server.url}/bench/index.html?${query}`);
    await page.waitForFunction(() => window.benchDone === true, null, { timeout: 10 * 60 * 1000, polling: 500 });
    const { result, error } = await page.evaluate(() => ({ result: window.benchResult, error: window.benchError }));
    await page.close();
    if (error) throw new Error(`bench page failed: ${error}`);
    results.push({ load: os.loadavg()[0], rows: result.rows });
  }
} finally {
  await browser.close();
  await server.close();
}

// rows: { workload, contender, samplesPerSecond, reps: [ms per repetition] }
const name = (c) => (c.startsWith('sn-') ? `scratchnet wasm ${c.slice(3)}` : c);
const ratio = (rows, w, a, b) => {
  const ra = rows.find((r) => r.workload === w && r.contender === name(a));
  const rb = rows.find((r) => r.workload === w && r.contender === name(b));
  const per = ra.reps.map((ms, i) => rb.reps[i] / ms);  // same samples per repetition: speed ratio = time ratio
  return { median: ra.samplesPerSecond / rb.samplesPerSecond, min: Math.min(...per), max: Math.max(...per) };
};
const f2 = (v) => `${v.toFixed(2)}×`;
const kps = (v) => `${(v / 1000).toFixed(1)}k`;
const lines = [];
const workloads = [...new Set(results[0].rows.map((r) => r.workload))];
const pairs = [['sn-new', 'tfjs-wasm'], ...(baseline ? [['sn-new', 'sn-base'], ['sn-base', 'tfjs-wasm']] : [])];
lines.push(`| workload | run | load | ${contenders.map(name).join(' | ')} | ${pairs.map(([a, b]) => `${a.replace('sn-', '')} ÷ ${b.replace('sn-', '')} (range)`).join(' | ')} |`);
lines.push(`|---|--:|--:|${contenders.map(() => '--:').join('|')}|${pairs.map(() => '--:').join('|')}|`);
for (const w of workloads) {
  results.forEach(({ load: l, rows }, i) => {
    const speeds = contenders.map((c) => kps(rows.find((r) => r.workload === w && r.contender === name(c)).samplesPerSecond));
    const rs = pairs.map(([a, b]) => { const r = ratio(rows, w, a, b); return `${f2(r.median)} (${f2(r.min)}–${f2(r.max)})`; });
    lines.push(`| ${w} | ${i + 1} | ${l.toFixed(1)} | ${speeds.join(' | ')} | ${rs.join(' | ')} |`);
  });
  if (runs > 1) {
    const m = pairs.map(([a, b]) => f2(median(results.map(({ rows }) => ratio(rows, w, a, b).median))));
    lines.push(`| ${w} | median | | ${contenders.map(() => '').join(' | ')} | ${m.join(' | ')} |`);
  }
}
console.log(`\n${lines.join('\n')}\n`);
say(`${reps} repetitions per run, ${samples} inference samples per repetition; load average at the end ${load()}`);
say(`Chromium ${execFileSync('/usr/bin/chromium', ['--version']).toString().trim()}`);
