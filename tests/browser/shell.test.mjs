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

// At 375 px the panel links are one row that scrolls sideways: where the learner is must be in sight.
const PHONE = { width: 375, height: 800 };
const navState = (page) => page.evaluate(() => {
  const nav = document.querySelector('nav');
  const n = nav.getBoundingClientRect();
  const a = document.querySelector('nav a[aria-current="page"]').getBoundingClientRect();
  return {
    inside: a.left >= n.left - 0.5 && a.right <= n.right + 0.5, link: [a.left, a.right], row: [n.left, n.right],
    scrolls: nav.scrollWidth > nav.clientWidth, scrollY: window.scrollY, active: document.activeElement?.tagName,
    left: nav.classList.contains('sn-more-left'), right: nav.classList.contains('sn-more-right'),
  };
});

test('phone (375 px): the current panel\'s link is scrolled into the row, on load and on a panel change, without moving the page', async () => {
  for (const panel of ['speed', 'backprop', 'mnist']) {
    await withPage(`shell-nav-${panel}`, `/index.html?lang=en#panel=${panel}`, async (page) => {
      await panelReady(page);
      const s = await navState(page);
      assert.ok(s.scrolls, 'the row scrolls sideways at 375 px');
      assert.ok(s.inside, `${panel}: the link ${s.link} inside the row ${s.row}`);
      assert.equal(s.scrollY, 0);
      // the row says which side has more links: the last panel's row has more on the left only
      assert.equal(s.left, true);
      if (panel === 'speed') assert.equal(s.right, false);
    }, { viewport: PHONE });
  }
  await withPage('shell-nav-change', '/index.html?lang=en#panel=perceptron', async (page) => {
    await panelReady(page);
    const first = await navState(page);
    assert.ok(first.inside);
    assert.deepEqual([first.left, first.right], [false, true], 'the first panel: more links on the right');
    // the page scrolled down, a panel chosen by the URL (back/forward, a pasted link): the row follows, the page does not
    // (main keeps a height: while the next panel loads the page is short, and the browser clamps
    // its scroll to the top; that is the shell's, not the row's, doing)
    await page.evaluate(() => { document.querySelector('main').style.minHeight = '4000px'; window.scrollTo(0, 120); });
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 0);
    await page.evaluate(() => { location.hash = '#panel=speed'; });
    await page.waitForSelector('.sn-panel[data-panel="speed"][data-ready="true"]');
    const s = await navState(page);
    assert.ok(s.inside, `speed: the link ${s.link} inside the row ${s.row}`);
    assert.equal(s.scrollY, y, 'the page did not move');
    assert.equal(s.active, 'BODY', 'no focus taken');
    // Tab along the row: every link it reaches is wholly inside the row, not half under its fade
    await page.focus('nav a[data-panel="perceptron"]');
    for (let i = 1; i < 8; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const n = document.querySelector('nav').getBoundingClientRect();
        const r = document.activeElement.getBoundingClientRect();
        return { name: document.activeElement.dataset.panel, inside: r.left >= n.left - 0.5 && r.right <= n.right + 0.5 };
      });
      assert.ok(f.inside, `${f.name}: focused, inside the row`);
    }
    // a tap on a link back at the row's start brings it in too
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('nav a[data-panel="perceptron"]');
    await page.waitForSelector('.sn-panel[data-panel="perceptron"][data-ready="true"]');
    assert.ok((await navState(page)).inside);
  }, { viewport: PHONE });
});
