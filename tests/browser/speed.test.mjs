// The speed-up panel (vol. 2 1.5, vol. 1 8.3.4) in Chromium: the book's ch. 3 network
// in float64/float32/float16 with NumPy's numbers (scripts/precision-reference.py),
// the float16 .npz loaded back, float64 against float32 training, the builds in
// workers with loss curves that match, the threads bar marked unavailable on a page
// that is not cross-origin isolated, the GPU paragraph; URL state, keyboard, 375 px.
// No absolute times are asserted: only ratios and the numbers the core computes.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop, tid, dataValue, assertNoOverflow, PHONE } from './harness.mjs';

after(stop);

const URL_EN = '/index.html?lang=en#panel=speed&sp_steps=40&sp_seed=3';
const attr = (page, id, name) => page.$eval(tid(id), (e, n) => e.getAttribute(n), name);

test('bit precision: the book\'s network scores 93.74 % in all three precisions; float16 halves the bytes and the file', async () => {
  await withPage('speed-precision', URL_EN, async (page) => {
    await panelReady(page);
    // keyboard: the measure button is reached and pressed without a mouse
    await page.focus(tid('sp-measure'));
    await page.keyboard.press('Enter');
    await page.waitForSelector(tid('sp-npz'), { timeout: 60000 });
    for (const d of ['float64', 'float32', 'float16']) {
      assert.ok(Math.abs(await dataValue(page, `sp-book-acc-${d}`) - 0.9374) <= 0.0001, d);
    }
    assert.equal(await page.textContent(tid('sp-book-acc-float16')), '93.74 %');
    assert.deepEqual(await Promise.all(['float64', 'float32', 'float16'].map((d) => dataValue(page, `sp-book-bytes-${d}`))), [362880, 181440, 90720]);
    assert.equal(await dataValue(page, 'sp-book-dy-float64'), 0);
    const dy16 = await dataValue(page, 'sp-book-dy-float16');
    assert.ok(Math.abs(dy16 - 3.9206e-4) < 3.92e-5, `float16 |Δy| ${dy16} (NumPy 3.92e-4)`);
    // the freshly trained network: float16 keeps its accuracy to within 0.1 point; the file loads back with it
    const a32 = await dataValue(page, 'sp-trained-acc-float32');
    const a16 = await dataValue(page, 'sp-trained-acc-float16');
    assert.ok(a32 > 0.85, `one epoch of Adam: ${a32}`);
    assert.ok(Math.abs(a16 - a32) <= 0.001, `float16 ${a16} vs float32 ${a32}`);
    assert.equal(await dataValue(page, 'sp-npz-back'), a16, 'the loaded-back float16 file scores what the float16 row says');
    const b32 = Number(await attr(page, 'sp-npz', 'data-bytes32'));
    const b16 = Number(await attr(page, 'sp-npz', 'data-bytes16'));
    assert.equal(b32 - b16, 2 * 79510, 'two bytes fewer for each of 784-100-10\'s 79,510 parameters');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('sp-download'))]);
    assert.match(download.suggestedFilename(), /float16\.npz$/);
  });
});

test('float64 against float32 training: the same loss curve, float32 faster; steps and seed in the URL', async () => {
  await withPage('speed-training', URL_EN, async (page) => {
    await panelReady(page);
    assert.equal(await page.inputValue(tid('sp_steps')), '40');
    await page.fill(tid('sp_steps'), '50');
    await page.press(tid('sp_steps'), 'Enter');
    await page.waitForFunction(() => /sp_steps=50/.test(location.hash));
    await page.click(tid('sp-train'));
    await page.waitForSelector(tid('sp-ratio'), { timeout: 120000 });
    const d = await dataValue(page, 'sp-train-match');
    assert.ok(d < 1e-4, `float32 and float64 losses differ by ${d}`);
    const ratio = await dataValue(page, 'sp-ratio');
    assert.ok(ratio > 1, `float32 / float64 samples/s = ${ratio}`);
    assert.equal(await page.locator(`${tid('sp-training')} svg[aria-label="Loss per training step"]`).count(), 1, 'one plot with both curves');
  });
});

// What a page that is not cross-origin isolated sees (a tutorial page's iframe, a host without
// COOP + COEP): the preview server isolates the page, so the flag is turned off before any script runs.
const notIsolated = () => Object.defineProperty(globalThis, 'crossOriginIsolated', { value: false });

async function runBuilds(page) {
  await panelReady(page);
  await page.click(tid('sp-builds'));
  await page.waitForSelector(tid('sp-builds-match'), { timeout: 240000 });
  assert.equal(await attr(page, 'sp-builds-match', 'data-ok'), 'true', await page.textContent(tid('sp-builds-match')));
}

async function assertBuildRan(page, b) {
  assert.equal(await attr(page, `sp-build-${b}`, 'data-status'), 'done', b);
  const build = JSON.parse(await attr(page, `sp-build-${b}`, 'data-build'));
  assert.equal(build.name, b, `${b}: the worker loaded that build`);
  assert.equal(build.simd, b !== 'scalar', `${b}: SIMD ${build.simd}`);
  assert.equal(await attr(page, `sp-build-${b}`, 'data-losses'), '40', `${b}: one loss per step`);
  assert.ok(await dataValue(page, `sp-build-${b}`) > 0);
  return build;
}

test('acceleration, isolated page: scalar, SIMD and SIMD on every core each in a worker, as bars, with the same loss curve', async () => {
  await withPage('speed-builds', URL_EN, async (page) => {
    assert.equal(await page.evaluate(() => globalThis.crossOriginIsolated), true, 'the preview server sends COOP + COEP');
    await runBuilds(page);
    // 'auto' takes threads on an isolated page with two cores or more, else simd
    assert.match(await page.textContent(tid('sp-page-build')), /This page runs the (threads|simd) build/);
    for (const b of ['scalar', 'simd']) await assertBuildRan(page, b);
    const threads = await assertBuildRan(page, 'threads');
    assert.ok(threads.threads >= 1, `threads: ${threads.threads}`);
    assert.equal(await page.locator(`${tid('sp-bars')} svg [aria-label="bar"] rect`).count(), 3, 'three bars');
    const gpu = await page.textContent(tid('sp-gpu'));
    assert.match(gpu, /CPU only/);
    assert.match(gpu, /WebGPU/);
  });
});

test('acceleration, a page that is not cross-origin isolated: the threads row says it is not available', async () => {
  await withPage('speed-builds-not-isolated', URL_EN, async (page) => {
    await runBuilds(page);
    assert.match(await page.textContent(tid('sp-page-build')), /simd build/);
    assert.equal(await attr(page, 'sp-build-threads', 'data-status'), 'unavailable');
    assert.match(await page.textContent(tid('sp-build-threads')), /not available on this page \(not cross-origin isolated/);
    for (const b of ['scalar', 'simd']) await assertBuildRan(page, b);
    assert.equal(await page.locator(`${tid('sp-bars')} svg [aria-label="bar"] rect`).count(), 2, 'two bars: scalar and SIMD');
    assert.match(await page.textContent(tid('sp-bars')), /not available on this page/, 'the threads row says why it has no bar');
  }, { init: notIsolated });
});

test('Korean, and a phone\'s 375 px without sideways scrolling', async () => {
  await withPage('speed-phone', '/index.html?lang=ko#panel=speed&sp_steps=20', async (page) => {
    await panelReady(page);
    assert.match(await page.textContent('.sn-panel h2'), /계산 고속화/);
    await page.click(tid('sp-measure'));
    await page.waitForSelector(tid('sp-trained'), { timeout: 60000 });
    await assertNoOverflow(page);
    assert.match(await page.textContent(tid('sp-gpu')), /CPU만/);
  }, { viewport: PHONE });
});

test('embedded (embed.html): compact, no introduction, the same sections', async () => {
  await withPage('speed-embed', '/embed.html?panel=speed&lang=en', async (page) => {
    await panelReady(page);
    assert.equal(await page.locator('.sn-panel .sn-lead').count(), 0, 'no introduction when embedded');
    assert.equal(await page.locator('.sn-panel [data-section]').count(), 3);
    assert.match(await page.textContent(tid('sp-gpu')), /WebGPU/);
  });
});
