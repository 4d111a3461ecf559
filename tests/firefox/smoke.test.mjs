// Firefox smoke suite: every panel mounts with no console error and shows the
// book's numbers, MNIST trains one epoch past 85 %, and the embeds work —
// in Gecko, the engine the Chromium tests never see.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withFirefox, panelReady, tid, text, stop } from './harness.mjs';

after(stop);

// The core computes in float32 (the page says so): the book's float64 printout within 1e-6, as in tests/browser/forward.
const BOOK_Y = [0.31682708, 0.69627909];
function assertBookY(shown) {
  const y = shown.split(',').map(Number);
  assert.equal(y.length, 2, shown);
  y.forEach((v, i) => assert.ok(Math.abs(v - BOOK_Y[i]) <= 1e-6, `Y = ${shown}, the book's ${BOOK_Y}`));
}

test('forward: x = [1.0, 0.5] gives the book\'s Y = [0.31682708, 0.69627909]', async () => {
  await withFirefox('forward', '/index.html?lang=en#panel=forward', async (page) => {
    await panelReady(page);
    assertBookY(await text(page, 'Y'));
  });
});

test('perceptron: the AND weights (0.5, 0.5, −0.7) give y = 0, 0, 0, 1, all four rows right', async () => {
  await withFirefox('perceptron', '/index.html?lang=en#panel=perceptron&gate=and&w1=0.5&w2=0.5&b=-0.7', async (page) => {
    await panelReady(page);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="truth-table"] [data-testid^="y-"]')]
      .map((c) => c.textContent.trim()).join() === '0,0,0,1', { timeout: 10000 });
    assert.equal(await page.$$eval(`${tid('truth-table')} tbody tr.sn-right`, (r) => r.length), 4);
    assert.ok(await page.$('.katex'), 'the formula is rendered');
  });
});

test('activation: softmax([0.3, 2.9, 4.0]) = [0.01821127, 0.24519181, 0.73659691]', async () => {
  await withFirefox('activation', '/index.html?lang=en#panel=activation', async (page) => {
    await panelReady(page);
    assert.equal(await text(page, 'softmax-out'), '0.01821127, 0.24519181, 0.73659691');
    assert.equal(await text(page, 'softmax-sum'), '1.00000000');
  });
});

test('backprop: the two Gaussians train (the loss falls below a tenth of where it started, ~160 steps)', async () => {
  await withFirefox('backprop', '/index.html?lang=en#panel=backprop&data=gauss', async (page) => {
    await panelReady(page);
    const loss = () => page.$eval(tid('loss'), (e) => Number(e.dataset.value));
    const initial = await loss();
    assert.ok(initial > 0.05, `an untrained net has a large loss, got ${initial}`);
    await page.click(tid('play'));
    await page.waitForFunction((sel, l0) => Number(document.querySelector(sel)?.dataset.value) < l0 / 10, { timeout: 60000 }, tid('loss'), initial);
    await page.click(tid('play'));
  });
});

test('MNIST: one epoch of the default network passes 85 % test accuracy', async () => {
  await withFirefox('mnist', '/index.html?lang=en#panel=mnist&m_epochs=1', async (page) => {
    await panelReady(page);
    await page.waitForSelector(`${tid('status')}[data-value="ready"]`, { timeout: 60000 });
    await page.click(tid('train'));
    await page.waitForSelector(`${tid('status')}[data-value="done"]`, { timeout: 120000 });
    const acc = await page.$eval(tid('test-acc'), (e) => Number(e.dataset.value));
    assert.ok(acc > 0.85, `test accuracy after one epoch: ${acc}`);
    assert.equal(await page.$eval('.sn-panel', (p) => p.dataset.session), 'worker', 'Firefox runs the module worker');
    // vite preview sends COOP + COEP: the worker trains with the threads build (web/lib/builds.js)
    assert.equal(await page.$eval(tid('core-build'), (e) => e.dataset.build), 'threads', 'Firefox runs the threads build');
  });
});

test('embeds: the demo page\'s custom elements and iframe mount, and the iframe reports its height', async () => {
  await withFirefox('embed-demo', '/demo.html', async (page) => {
    for (const id of ['demo-perceptron', 'demo-activation', 'demo-backprop']) await panelReady(page, `#${id}`);
    // the README's sizing script has set the iframe's height from scratchnet:resize
    await page.waitForFunction(() => Number(document.querySelector('#demo-forward').height) !== 1100, { timeout: 30000 });
    const frame = page.frames().find((f) => f.url().includes('embed.html'));
    assertBookY(await frame.$eval('[data-testid="Y"]', (e) => e.textContent.trim()));
    const h = await page.$eval('#demo-forward', (f) => Number(f.height));
    const inner = await frame.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(Math.abs(h - inner) <= 2, `iframe ${h} px for ${inner} px of panel`);
  });
});
