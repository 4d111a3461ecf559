// Soak: thousands of training steps with the learning rate turned at random,
// and the panels switched back and forth many times. The wasm memory (the
// page's core and the worker's) and the number of live core objects must stay
// flat: every panel frees what it made, every run frees what it allocated.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, stop, tid, dataValue, waitValue, coreStats } from './harness.mjs';

after(stop);

// A seeded generator, so a failure can be replayed.
function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const worker = (page) => page.$eval('.sn-stats', (s) => ({ heap: Number(s.dataset.workerHeap), live: Number(s.dataset.workerLive) }));

test('4,000 MNIST steps with random learning rates: the worker\'s memory and objects stay flat', async () => {
  await withPage('soak-mnist', '/index.html?lang=en#panel=mnist&m_epochs=100&m_lr=0.001', async (page) => {
    await page.waitForSelector(`${tid('status')}[data-value="ready"]`, { timeout: 30000 });
    const random = lcg(7);
    await page.click(tid('train'));
    await waitValue(page, 'step', '>', 400, 30000);
    const warm = await worker(page);
    assert.ok(warm.heap > 0 && warm.live > 0, `worker stats after warm-up: ${JSON.stringify(warm)}`);
    // At least 4,000 steps and at least 24 changes, whichever takes longer: on a
    // fast machine 4,000 steps alone can pass in a few seconds, with too few changes.
    let changes = 0;
    while (changes < 24 || (await dataValue(page, 'step')) < 4000) {
      const lr = Number((10 ** (-4 + 2 * random())).toPrecision(3));   // 1e-4 … 1e-2
      await page.fill(tid('lr-number'), String(lr));
      await page.dispatchEvent(tid('lr-number'), 'change');
      changes++;
      if (changes % 10 === 0) {   // pause and resume now and then
        await page.click(tid('train'));
        await page.waitForSelector(`${tid('status')}[data-value="paused"]`);
        await page.click(tid('train'));
      }
      await page.waitForTimeout(150 + 300 * random());
    }
    // still mid-run (100 epochs of 160 steps), so the pause below catches a live worker
    assert.equal(await page.getAttribute(tid('status'), 'data-value'), 'running');
    await page.click(tid('train'));
    await page.waitForSelector(`${tid('status')}[data-value="paused"]`);
    const end = await worker(page);
    assert.equal(end.live, warm.live, 'live core objects in the worker');
    assert.equal(end.heap, warm.heap, 'wasm memory of the worker');
  });
});

test('panels switched 40 times: the page core\'s memory, its live objects and the JS heap stay flat', async () => {
  await withPage('soak-panels', '/index.html?lang=en#panel=perceptron', async (page) => {
    const random = lcg(11);
    const panels = ['perceptron', 'activation', 'forward', 'backprop', 'mnist'];
    const visit = async (name) => {
      await page.click(`nav a[data-panel="${name}"]`);
      await page.waitForSelector(`.sn-panel[data-panel="${name}"][data-ready="true"]`, { timeout: 20000 });
      if (name === 'backprop') {   // train a little, so the panel has a network and a trainer to free
        await page.click(tid('play'));
        await page.waitForTimeout(200);
      }
      if (name === 'mnist') await page.waitForSelector(`${tid('status')}[data-value="ready"]`, { timeout: 30000 });
    };
    for (const name of panels) await visit(name);   // warm-up: every panel once
    await visit('perceptron');
    const warm = await coreStats(page);
    const heapJs = async () => { await page.requestGC?.(); return page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0); };
    const jsWarm = await heapJs();
    for (let i = 0; i < 40; i++) await visit(panels[Math.floor(random() * panels.length)]);
    await visit('perceptron');
    const end = await coreStats(page);
    assert.equal(end.live, warm.live, 'live core objects of the page');
    assert.equal(end.heap, warm.heap, 'wasm memory of the page');
    const jsEnd = await heapJs();
    // JS heap: generous, since the garbage collector runs when it likes; a leak of
    // 40 panels' plots and workers would be far above this
    if (jsWarm > 0) assert.ok(jsEnd < jsWarm * 1.5 + 8e6, `JS heap ${jsWarm} → ${jsEnd}`);
  });
});
