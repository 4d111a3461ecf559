#!/usr/bin/env node
// screenshots.mjs — the pictures in docs/screenshots/, taken from the built
// site in headless Chromium (run `npm run build` first). Not part of `npm test`.
//   node scripts/screenshots.mjs [name…]    (names: only those shots)
import fs from 'node:fs';
import { withPage, panelReady, stop, PHONE } from '../tests/browser/harness.mjs';

const out = new URL('../docs/screenshots/', import.meta.url);
fs.mkdirSync(out, { recursive: true });

const shots = [
  ['perceptron', '/index.html?lang=en#panel=perceptron'],
  ['activation', '/index.html?lang=en#panel=activation&fn=sigmoid'],
  ['forward', '/index.html?lang=en#panel=forward'],
  ['backprop', '/index.html?lang=en#panel=backprop&data=spiral', { viewport: { width: 1280, height: 900 } }],
  ['mnist', '/index.html?lang=en#panel=mnist&m_epochs=3'],
  ['gradient', '/index.html?lang=en#panel=gradient&gd_step=100', { fullPage: true, viewport: { width: 1280, height: 900 } }],
  ['graph', '/index.html?lang=en#panel=graph&cg_ex=apple_orange&cg_step=7', { fullPage: true, viewport: { width: 1280, height: 900 } }],
  // phones: the part a learner scrolls to, at 375 px
  ['gradient-phone', '/index.html?lang=en#panel=gradient&gd_lr=0.3&gd_step=12', { viewport: PHONE, scrollTo: '[data-section="descent"] .sn-figure' }],
  ['backprop-phone', '/index.html?lang=en#panel=backprop&layers=3&neurons=6,4,2&features=x1,x2,x1sq,x2sq', { viewport: PHONE }],
  ['graph-phone', '/index.html?lang=en#panel=graph&cg_ex=apple_orange&cg_step=7', { viewport: PHONE, scrollTo: '.sn-stage' }],
  ['demo', '/demo.html'],
];
const only = process.argv.slice(2);

for (const [name, url, opts = {}] of shots.filter(([n]) => only.length === 0 || only.includes(n))) {
  await withPage(`shot-${name}`, url, async (page) => {
    await panelReady(page);
    if (name.startsWith('backprop')) {
      // let it learn for a few seconds so the picture shows decision regions
      await page.getByRole('button', { name: /^Play$/ }).click();
      await page.waitForTimeout(6000);
      await page.getByRole('button', { name: /^Pause$/ }).click();
    }
    if (name === 'mnist') {
      // three epochs, then a drawn "7", so the picture shows every result
      await page.waitForSelector('[data-testid="status"][data-value="ready"]', { timeout: 60000 });
      await page.getByTestId('train').click();
      await page.waitForSelector('[data-testid="status"][data-value="done"]', { timeout: 60000 });
      await page.getByTestId('test-image').nth(8).click();
      const canvas = page.getByTestId('draw-canvas');
      await canvas.scrollIntoViewIfNeeded();
      const b = await canvas.boundingBox();
      await page.mouse.move(b.x + 0.25 * b.width, b.y + 0.2 * b.height);
      await page.mouse.down();
      for (const [fx, fy] of [[0.75, 0.2], [0.5, 0.8]]) await page.mouse.move(b.x + fx * b.width, b.y + fy * b.height, { steps: 8 });
      await page.mouse.up();
      await page.waitForTimeout(1000);
    }
    if (name.startsWith('graph')) await page.click('button[data-action="check"]');
    if (opts.scrollTo) await page.locator(opts.scrollTo).evaluate((e) => e.scrollIntoView());
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`${name}.png`, out).pathname, fullPage: !!opts.fullPage });
    console.log(`docs/screenshots/${name}.png`);
  }, opts.viewport ? { viewport: opts.viewport } : undefined);
}
await stop();
