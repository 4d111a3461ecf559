// Embedding: a tutorial page shows single panels through <scratchnet-panel>
// (one script tag) or an iframe; bad attributes get a note, never a broken panel.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop } from './harness.mjs';

after(stop);

test('the demo page renders every embedded panel alone, in running prose, with no notes and no errors', async () => {
  await withPage('embed-demo', '/demo.html', async (page) => {
    for (const id of ['demo-perceptron', 'demo-activation', 'demo-backprop']) {
      await panelReady(page, `#${id}`);
      assert.equal(await page.$$eval(`#${id} .sn-panel`, (p) => p.length), 1, `${id} holds one panel`);
      assert.equal(await page.$eval(`#${id} .sn-notes`, (n) => n.hidden), true, `${id}: id/class attributes are not settings`);
    }
    assert.equal(await page.getAttribute('#demo-perceptron .sn-panel', 'data-panel'), 'perceptron');
    assert.equal(await page.getAttribute('#demo-activation .sn-panel', 'data-panel'), 'activation');
    // data="xor" keeps meaning the book's four XOR points (not the plane's quadrant cloud)
    assert.equal(await page.$$eval('#demo-backprop [data-testid="heatmap"] circle.sn-dot', (c) => c.length), 4);
    assert.equal(await page.$$eval('#demo-backprop [data-testid="gate-note"]', (n) => n.length), 1);
    // the iframe embed
    const frame = page.frameLocator('#demo-forward');
    await frame.locator('.sn-panel[data-ready="true"]').waitFor({ timeout: 20000 });
    assert.equal(await frame.locator('.sn-panel').getAttribute('data-panel'), 'forward');
    // the host page's own text and URL are left alone
    assert.match(await page.textContent('h1'), /From perceptrons to networks/);
    assert.equal(new URL(page.url()).hash, '');
  });
});

test('the iframe page shows each panel alone, configured by its URL', async () => {
  for (const panel of ['perceptron', 'activation', 'forward', 'backprop']) {
    await withPage(`embed-iframe-${panel}`, `/embed.html?panel=${panel}&lang=en`, async (page) => {
      await panelReady(page);
      assert.equal(await page.$$eval('.sn-panel', (p) => p.length), 1);
      assert.equal(await page.getAttribute('.sn-panel', 'data-panel'), panel);
      assert.equal(await page.$$eval('nav', (n) => n.length), 0, 'no playground navigation around it');
    });
  }
});

test('a custom element with bad attributes shows a note and a working panel', async () => {
  await withPage('embed-bad-attributes', '/demo.html', async (page) => {
    await page.evaluate(() => {
      const el = document.createElement('scratchnet-panel');
      el.id = 'injected';
      el.setAttribute('panel', 'activation');
      el.setAttribute('fn', 'softplus');
      el.setAttribute('xmin', '-999');
      el.setAttribute('onclick', 'alert(1)');
      el.setAttribute('lang', 'en');
      document.body.append(el);
    });
    await panelReady(page, '#injected');
    const note = await page.textContent('#injected .sn-notes');
    assert.match(note, /fn=softplus: not an allowed value/);
    assert.match(note, /xmin=-999: out of range, set to -50/);
    assert.match(note, /onclick: unknown setting/);
    assert.equal(await page.getAttribute('#injected .sn-panel', 'data-panel'), 'activation');
  });
});
