#!/usr/bin/env node
// bench-plane.mjs — how smoothly the backprop playground plays its largest network:
// 6 hidden layers × 8 neurons on all 7 input features, every neuron's 40 × 40 map redrawn
// each frame (net.neuronMaps) in headless Chromium. Prints frames per second and the
// main-thread tasks ≥ 50 ms (PerformanceObserver 'longtask') while playing, then in the
// first 2 s after Reset and after a layer is removed and added again (a learner does both
// often). A benchmark, not a test: timings on a shared machine vary.
//
// Attribution: the page runs with globalThis.snProfile = true, so the panel's pieces leave
// User Timing measures (web/src/shared/profile.js: train, maps, gradients, picture, loss
// chart, new run, view, build); the browser's 'long-animation-frame' entries add the
// frame's other scripts and its style/layout/paint. For the longest task of each phase the
// script prints how many ms each piece took inside it; what is left is the browser's work
// after the frame or time the page was descheduled. A Chrome trace (2026-11-29) showed what
// that work is: the commit (LayerTreeHost::DoUpdateLayers) rasterizing the canvases drawn in
// the frame — mostly the 392 thick anti-aliased edge curves, 9–25 ms a redraw on this machine
// under load, which is why the edges are redrawn only when a weight moved visibly — and
// V8's GC (a major GC of ~11 ms about once per 10 s).
// Needs the built site (`bash scripts/build.sh web`).
//   node scripts/bench-plane.mjs [seconds=8] [steps per frame=5]
import os from 'node:os';
import { withPage, panelReady, stop, tid } from '../tests/browser/harness.mjs';

const seconds = Number(process.argv[2] ?? 8);
const speed = String(process.argv[3] ?? 5);
const AFTER_MS = 2000;   // how long the Reset and layer-change phases watch
const URL = '/index.html?lang=en#panel=backprop&layers=6&neurons=8,8,8,8,8,8'
  + '&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2';

// in the page, before the panel: profiling on, and every long task and long frame kept
const INIT = () => {
  globalThis.snProfile = true;
  const b = (window.__bench = { tasks: [], frames: [], ticks: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) b.tasks.push({ start: e.startTime, dur: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) b.frames.push(e.toJSON()); })
    .observe({ type: 'long-animation-frame', buffered: true });
};

/** The phase [from, to] (page ms) in the page: its long tasks, each with what ran inside it. */
const collect = (page, from, to) => page.evaluate(([from, to]) => {
  const b = window.__bench;
  const measures = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('sn:'));
  const overlap = (s, e, a, z) => Math.max(0, Math.min(e, z) - Math.max(s, a));
  return b.tasks.filter((t) => t.start >= from && t.start < to).map((t) => {
    const end = t.start + t.dur;
    const parts = {};
    const add = (name, ms) => { if (ms > 0.05) parts[name] = (parts[name] ?? 0) + ms; };
    // a piece's own time: the measures inside it (the first picture inside the view) count for themselves
    for (const m of measures) {
      const mEnd = m.startTime + m.duration;
      const inner = measures.filter((n) => n !== m && n.startTime >= m.startTime && n.startTime + n.duration <= mEnd);
      add(m.name.slice(3), overlap(m.startTime, mEnd, t.start, end) - inner.reduce((a, n) => a + overlap(n.startTime, n.startTime + n.duration, t.start, end), 0));
    }
    const ours = Object.values(parts).reduce((a, v) => a + v, 0);
    let scripts = 0;
    let top = null;   // the frame's longest script: who called it (the browser's attribution)
    for (const f of b.frames) {
      if (!overlap(f.startTime, f.startTime + f.duration, t.start, end)) continue;
      for (const s of f.scripts) {
        scripts += overlap(s.startTime, s.startTime + s.duration, t.start, end);
        if (!top || s.duration > top.duration) top = s;
      }
      // the frame's rendering: style, layout, paint (after its scripts and rAF callbacks)
      if (f.styleAndLayoutStart) add('style/layout/paint', overlap(f.styleAndLayoutStart, f.startTime + f.duration, t.start, end));
    }
    add('other script', scripts - ours);
    const known = Object.values(parts).reduce((a, v) => a + v, 0);
    add('browser after the frame (commit: canvas raster; GC) or descheduled', t.dur - known);
    const script = top && `${top.invoker}${top.sourceFunctionName ? ` ${top.sourceFunctionName}` : ''} ${top.duration.toFixed(0)} ms`;
    return { at: t.start - from, dur: t.dur, parts, script };
  });
}, [from, to]);

const describe = (t) => {
  const parts = Object.entries(t.parts).sort((a, b) => b[1] - a[1]);
  return `${t.dur.toFixed(0)} ms at +${t.at.toFixed(0)} ms: ${parts.map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}`
    + ` — mostly ${parts[0]?.[0] ?? '?'}${t.script ? ` (longest script: ${t.script})` : ''}`;
};
const report = (name, tasks) => {
  if (!tasks.length) { console.log(`  ${name}: no task ≥ 50 ms`); return; }
  const longest = tasks.reduce((a, t) => (t.dur > a.dur ? t : a));
  console.log(`  ${name}: ${tasks.length} task${tasks.length > 1 ? 's' : ''} ≥ 50 ms; the longest ${describe(longest)}`);
};
const now = (page) => page.evaluate(() => performance.now());
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

await withPage('bench-plane', URL, async (page) => {
  await panelReady(page);
  await page.selectOption(tid('speed'), speed);
  const loadBefore = load();

  // 1. playing, from the press of Play
  const netBox = await page.$(`${tid('network')}`);
  await page.evaluate((box) => {
    const b = window.__bench;
    b.redraws = 0;
    new MutationObserver(() => { b.redraws++; }).observe(box.parentElement.parentElement, { attributes: true, attributeFilter: ['data-version'] });
  }, netBox);
  const t0 = await now(page);
  await page.click(tid('play'));
  await page.evaluate(() => {
    const b = window.__bench;
    b.start = performance.now();
    b.step0 = Number(document.querySelector('[data-testid="step"]').dataset.value);
    const tick = () => { b.ticks++; if (!b.stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.waitForTimeout(seconds * 1000);
  const r = await page.evaluate(() => {
    const b = window.__bench;
    b.stop = true;
    const ms = performance.now() - b.start;
    const steps = Number(document.querySelector('[data-testid="step"]').dataset.value) - b.step0;
    return { ms, frames: b.ticks, redraws: b.redraws, steps, end: performance.now() };
  });
  const playing = await collect(page, t0, r.end);

  // 2. Reset while playing (a new network, the same settings)
  const t1 = await now(page);
  await page.click(tid('reset'));
  await page.waitForTimeout(AFTER_MS);
  const reset = await collect(page, t1, await now(page));
  await page.click(tid('play'));   // pause

  // 3. a layer removed and added again (each a new run and a new view), then Play
  const t2 = await now(page);
  await page.click(tid('remove-layer'));
  await page.waitForSelector(tid('neuron-7-0'), { state: 'detached' });   // the output moved left
  await page.click(tid('add-layer'));
  await page.waitForSelector(tid('neuron-7-0'));
  await panelReady(page);
  await page.click(tid('play'));
  await page.waitForTimeout(AFTER_MS);
  await page.click(tid('play'));
  const layers = await collect(page, t2, await now(page));

  const fps = (1000 * r.frames) / r.ms;
  console.log(`plane 6×8 tanh, 7 features, 40×40 maps, ${speed} steps/frame, ${(r.ms / 1000).toFixed(1)} s:`);
  console.log(`  ${fps.toFixed(1)} frames/s, ${((1000 * r.redraws) / r.ms).toFixed(1)} network redraws/s, ${((1000 * r.steps) / r.ms).toFixed(0)} training steps/s`);
  // the machine's load beside the numbers: on 2 shared cores they mean little without it
  console.log(`  load average ${loadBefore} before, ${load()} after, on ${os.cpus().length} cores`);
  console.log('main-thread tasks ≥ 50 ms (ms inside the task per piece; + ms since the phase began):');
  report(`playing ${(r.ms / 1000).toFixed(0)} s from Play`, playing);
  report(`${AFTER_MS / 1000} s after Reset (playing)`, reset);
  report(`− layer, + layer, ${AFTER_MS / 1000} s of Play`, layers);
}, { viewport: { width: 1280, height: 900 }, init: INIT });
await stop();
