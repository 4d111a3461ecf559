#!/usr/bin/env node
// bench-plane.mjs — how smoothly the backprop playground plays its largest network:
// 6 hidden layers × 8 neurons on all 7 input features, every neuron's 40 × 40 map redrawn
// each frame (net.neuronMaps) in headless Chromium. Prints frames per second and the
// longest main-thread task (PerformanceObserver 'longtask', tasks ≥ 50 ms), a benchmark,
// not a test: timings on a shared machine vary. Needs the built site (`bash scripts/build.sh web`).
//   node scripts/bench-plane.mjs [seconds=8] [steps per frame=5]
import os from 'node:os';
import { withPage, panelReady, stop } from '../tests/browser/harness.mjs';

const seconds = Number(process.argv[2] ?? 8);
const speed = String(process.argv[3] ?? 5);
const URL = '/index.html?lang=en#panel=backprop&layers=6&neurons=8,8,8,8,8,8'
  + '&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2';

await withPage('bench-plane', URL, async (page) => {
  await panelReady(page);
  await page.selectOption('[data-testid="speed"]', speed);
  await page.evaluate(() => {
    window.__bench = { longest: 0, long: 0, frames: 0, redraws: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { window.__bench.long++; window.__bench.longest = Math.max(window.__bench.longest, e.duration); }
    }).observe({ type: 'longtask', buffered: false });
    const net = document.querySelector('[data-testid="network"]').parentElement.parentElement;
    new MutationObserver(() => { window.__bench.redraws++; }).observe(net, { attributes: true, attributeFilter: ['data-version'] });
  });
  await page.click('[data-testid="play"]');
  await page.evaluate(() => {
    const b = window.__bench;
    b.start = performance.now();
    b.step0 = Number(document.querySelector('[data-testid="step"]').dataset.value);
    const tick = () => { b.frames++; if (!b.stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.waitForTimeout(seconds * 1000);
  const r = await page.evaluate(() => {
    const b = window.__bench;
    b.stop = true;
    const ms = performance.now() - b.start;
    const steps = Number(document.querySelector('[data-testid="step"]').dataset.value) - b.step0;
    return { ms, frames: b.frames, redraws: b.redraws, steps, longest: b.longest, long: b.long };
  });
  await page.click('[data-testid="play"]');
  const fps = (1000 * r.frames) / r.ms;
  console.log(`plane 6×8 tanh, 7 features, 40×40 maps, ${speed} steps/frame, ${(r.ms / 1000).toFixed(1)} s:`);
  console.log(`  ${fps.toFixed(1)} frames/s, ${((1000 * r.redraws) / r.ms).toFixed(1)} network redraws/s, ${((1000 * r.steps) / r.ms).toFixed(0)} training steps/s`);
  // the machine's load beside the numbers: on 2 shared cores they mean little without it
  console.log(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  console.log(`  longest main-thread task: ${r.long ? `${r.longest.toFixed(0)} ms (${r.long} tasks ≥ 50 ms)` : 'none ≥ 50 ms'}`);
}, { viewport: { width: 1280, height: 900 } });
await stop();
