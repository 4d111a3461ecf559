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
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`${name}.png`, out).pathname });
    console.log(`docs/screenshots/${name}.png`);
  });
}
await stop();
