// The page shell: panels by URL, the language switch, notes for bad parameters.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop } from './harness.mjs';

after(stop);

test('each panel opens from its URL and the tab is marked current', async () => {
  for (const panel of ['perceptron', 'activation', 'forward', 'backprop']) {
    await withPage(`shell-${panel}`, `/index.html#panel=${panel}`, async (page) => {
      await panelReady(page);
      assert.equal(await page.getAttribute('.sn-panel', 'data-panel'), panel);
      assert.equal(await page.getAttribute(`nav a[data-panel="${panel}"]`, 'aria-current'), 'page');
    });
  }
});

test('the language switch changes the texts and is remembered', async () => {
  await withPage('shell-language', '/index.html?lang=en#panel=perceptron', async (page) => {
    await panelReady(page);
    assert.match(await page.textContent('h1'), /neural networks from scratch/);
    await page.selectOption('#sn-language', 'ko');
    await panelReady(page);
    assert.match(await page.textContent('h1'), /밑바닥부터/);
    assert.equal(await page.evaluate(() => localStorage.getItem('scratchnet.lang')), 'ko');
  });
});

test('bad URL parameters are clamped or ignored with a visible note, and the panel still works', async () => {
  await withPage('shell-bad-params', '/index.html?lang=en#panel=perceptron&w1=99&gate=xnor&bogus=1', async (page) => {
    await panelReady(page);
    const note = await page.textContent('.sn-notes');
    assert.match(note, /w1=99: out of range, set to 5/);
    assert.match(note, /gate=xnor: not an allowed value/);
    assert.match(note, /bogus: unknown setting/);
  });
});
