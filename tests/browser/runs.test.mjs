// Runs outlive their views (issue 15, issue 12 "nothing is lost"): a language
// switch or a tab switch rebuilds the panel's view and the training run goes
// on; focus stays where it was; ?lang= follows the switch; a setting that
// needs a new network says the trained weights will be discarded.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop, tid, dataValue, waitValue, coreStats } from './harness.mjs';

after(stop);

const liveObjects = async (page) => (await coreStats(page)).live;

/** Record every step count the panel shows from now on (a reset to 0 would show). */
const watchSteps = (page) => page.evaluate(() => {
  window.__steps = [];
  const watch = () => {
    const e = document.querySelector('[data-testid="step"]');
    if (e) window.__steps.push(Number(e.dataset.value));
  };
  new MutationObserver(watch).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value'] });
});
const stepsSeen = (page) => page.evaluate(() => window.__steps);

async function switchLanguage(page, lang, title) {
  await page.selectOption('#sn-language', lang);
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('.sn-panel h2')?.textContent ?? ''), title);
  await panelReady(page);
}

test('MNIST: two language switches while training keep the run going and the page core\'s objects unchanged', async () => {
  await withPage('runs-mnist-language', '/index.html?lang=en#panel=mnist&m_epochs=100', async (page) => {
    await panelReady(page);
    await page.waitForSelector(`${tid('status')}[data-value="ready"]`, { timeout: 30000 });
    const live = await liveObjects(page);
    await page.click(tid('train'));
    await waitValue(page, 'step', '>', 30, 30000);
    const before = await dataValue(page, 'step');
    await watchSteps(page);
    await switchLanguage(page, 'ko', 'MNIST 손글씨');
    await switchLanguage(page, 'en', 'Train MNIST');
    await waitValue(page, 'step', '>', before + 50, 30000);
    const seen = await stepsSeen(page);
    assert.ok(seen.length > 0 && Math.min(...seen) >= before, `never back to 0: from ${before}, saw ${Math.min(...seen)}…${Math.max(...seen)}`);
    assert.equal(await page.getAttribute(tid('status'), 'data-value'), 'running');
    assert.equal(await liveObjects(page), live, 'live core objects of the page');
    await page.click(tid('train'));
  });
});

test('backprop: a language switch while playing keeps the run and the page core\'s live objects', async () => {
  await withPage('runs-backprop-language', '/index.html?lang=en#panel=backprop', async (page) => {
    await panelReady(page);
    const live = await liveObjects(page);
    await page.click(tid('play'));
    await waitValue(page, 'step', '>=', 20, 10000);
    const before = await dataValue(page, 'step');
    await switchLanguage(page, 'ko', '오차역전파');
    await switchLanguage(page, 'en', 'Backprop');
    assert.ok(await dataValue(page, 'step') >= before);
    await waitValue(page, 'step', '>', before + 20, 10000);
    assert.equal(await liveObjects(page), live, 'four core objects (train and test data, network, trainer), not eight');
  });
});

test('a tab switch and back keeps the MNIST and backprop runs', async () => {
  await withPage('runs-tabs', '/index.html?lang=en#panel=backprop', async (page) => {
    await panelReady(page);
    await page.click(tid('play'));
    await waitValue(page, 'step', '>=', 20, 10000);
    await page.click(tid('play'));   // pause backprop at a known step
    const bp = await dataValue(page, 'step');
    await page.click('nav a[data-panel="mnist"]');
    await page.waitForSelector(`.sn-panel[data-panel="mnist"][data-ready="true"]`);
    await page.waitForSelector(`${tid('status')}[data-value="ready"]`, { timeout: 30000 });
    await page.click(tid('train'));
    await waitValue(page, 'step', '>', 30, 30000);
    const mn = await dataValue(page, 'step');
    await page.click('nav a[data-panel="perceptron"]');
    await page.waitForSelector(`.sn-panel[data-panel="perceptron"][data-ready="true"]`);
    await page.waitForTimeout(500);
    await page.click('nav a[data-panel="backprop"]');
    await page.waitForSelector(`.sn-panel[data-panel="backprop"][data-ready="true"]`);
    assert.equal(await dataValue(page, 'step'), bp, 'backprop: the same paused run');
    await page.click('nav a[data-panel="mnist"]');
    await page.waitForSelector(`.sn-panel[data-panel="mnist"][data-ready="true"]`);
    // MNIST trains in its worker while hidden: it is further on, not back at 0
    await waitValue(page, 'step', '>', mn, 30000);
    assert.equal(await page.getAttribute(tid('status'), 'data-value'), 'running');
    await page.click(tid('train'));
  });
});

test('the language select keeps focus, arrow keys do not switch at each step, and ?lang= follows', async () => {
  await withPage('runs-language-focus', '/index.html?lang=en#panel=perceptron', async (page) => {
    await panelReady(page);
    await page.focus('#sn-language');
    await page.keyboard.press('ArrowUp');     // ko is above en
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'an arrow key alone does not switch');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await panelReady(page);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sn-language', 'focus stays on the select');
    assert.match(page.url(), /[?&]lang=ko/);
    assert.match(page.url(), /#panel=perceptron/);
    await page.selectOption('#sn-language', 'en');   // a pick with the mouse applies at once
    await page.waitForFunction(() => /[?&]lang=en/.test(location.search));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sn-language');
  });
});

test('a tab switch keeps focus on the tab', async () => {
  await withPage('runs-tab-focus', '/index.html?lang=en#panel=perceptron', async (page) => {
    await panelReady(page);
    await page.focus('nav a[data-panel="activation"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.sn-panel[data-panel="activation"][data-ready="true"]');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.panel), 'activation');
    assert.equal(await page.getAttribute('nav a[data-panel="activation"]', 'aria-current'), 'page');
  });
});

test('MNIST: a setting that needs a new network while paused says the trained weights will be discarded', async () => {
  await withPage('runs-mnist-discard', '/index.html?lang=en#panel=mnist', async (page) => {
    await panelReady(page);
    await page.waitForSelector(`${tid('status')}[data-value="ready"]`, { timeout: 30000 });
    await page.click(tid('train'));
    await waitValue(page, 'step', '>', 30, 30000);
    await page.click(tid('train'));
    await page.waitForSelector(`${tid('status')}[data-value="paused"]`);
    const paused = await dataValue(page, 'step');
    await page.selectOption(tid('m_act'), 'tanh');
    await page.waitForSelector(`${tid('discard-note')}:not([hidden])`);
    assert.match(await page.textContent(tid('discard-note')), new RegExp(`weights trained for ${paused} steps will be discarded`));
    assert.equal(await dataValue(page, 'step'), paused, 'nothing dropped yet');
    assert.match(await page.textContent(tid('architecture')), /784-100-10/);
    // the download is offered right there
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('discard-download'))]);
    assert.match(download.suggestedFilename(), /\.npz$/);
    await page.click(tid('discard-confirm'));
    await waitValue(page, 'step', '===', 0);
    await page.waitForSelector(`${tid('discard-note')}[hidden]`, { state: 'attached' });
    assert.equal(await page.getAttribute(tid('status'), 'data-value'), 'ready');
  });
});

test('backprop: a setting that needs a new network says the trained weights were discarded', async () => {
  await withPage('runs-backprop-discard', '/index.html?lang=en#panel=backprop', async (page) => {
    await panelReady(page);
    await page.click(tid('play'));
    await waitValue(page, 'step', '>=', 20, 10000);
    await page.click(tid('play'));
    const trained = await dataValue(page, 'step');
    await page.fill(tid('neurons'), '5');
    await page.dispatchEvent(tid('neurons'), 'change');
    await page.waitForSelector(tid('discarded'));
    assert.match(await page.textContent(tid('discarded')), new RegExp(`weights trained for ${trained} steps were discarded`));
    assert.equal(await dataValue(page, 'step'), 0);
    assert.match(await page.textContent(tid('architecture')), /hidden 5 \(/);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'neurons', 'focus stays on the field');
  });
});
