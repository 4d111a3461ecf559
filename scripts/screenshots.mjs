#!/usr/bin/env node
// screenshots.mjs — the pictures in docs/screenshots/, taken from the built
// site in headless Chromium (run `npm run build` first). Not part of `npm test`.
//   node scripts/screenshots.mjs
import fs from 'node:fs';
import { withPage, panelReady, stop } from '../tests/browser/harness.mjs';

const out = new URL('../docs/screenshots/', import.meta.url);
fs.mkdirSync(out, { recursive: true });

const shots = [
  ['perceptron', '/index.html?lang=en#panel=perceptron'],
  ['activation', '/index.html?lang=en#panel=activation&fn=sigmoid'],
  ['forward', '/index.html?lang=en#panel=forward'],
  ['backprop', '/index.html?lang=en#panel=backprop&data=spiral&hidden=10&act=sigmoid&optimizer=sgd&init=std&lr=1'],
  ['mnist', '/index.html?lang=en#panel=mnist&m_epochs=3'],
  ['demo', '/demo.html'],
];

for (const [name, url] of shots) {
  await withPage(`shot-${name}`, url, async (page) => {
    await panelReady(page);
    if (name === 'backprop') {
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
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`${name}.png`, out).pathname });
    console.log(`docs/screenshots/${name}.png`);
  });
}
await stop();
