// The backprop playground: training in the page, the learning rate changed
// mid-run, divergence, the gradient check, the spiral, URL state, keyboard, 375px.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop, tid, testidText, assertNoOverflow, PHONE, dataValue as value, waitValue, waitShown } from './harness.mjs';

after(stop);


test('XOR with the defaults (2-2-1 tanh, momentum η = 0.1) reaches loss < 0.01', async () => {
  await withPage('backprop-xor', '/index.html?lang=en#panel=backprop', async (page) => {
    await panelReady(page);
    assert.equal(await value(page, 'step'), 0);
    assert.equal(await value(page, 'lr-current'), 0.1);
    assert.match(await testidText(page, 'architecture'), /2 inputs → 2 hidden \(tanh\) → 1 output \(tanh/);
    assert.equal(await page.inputValue(tid('data')), 'xor');
    assert.equal(await page.inputValue(tid('optimizer')), 'momentum');
    const initialLoss = await value(page, 'loss');
    assert.ok(initialLoss > 0.05, `an untrained net has a large loss, got ${initialLoss}`);

    await page.click(tid('play'));
    assert.equal(await page.getAttribute(tid('play'), 'aria-pressed'), 'true');
    await waitValue(page, 'loss', '<', 0.01, 30000);
    await waitValue(page, 'accuracy', '===', 1, 10000);
    await page.click(tid('play'));  // pause
    assert.equal(await page.getAttribute(tid('play'), 'aria-pressed'), 'false');
    const step = await value(page, 'step');
    assert.ok(step > 0);
    assert.equal(await value(page, 'epoch'), step, 'XOR is full batch: one step per epoch');
    await page.waitForTimeout(300);
    assert.equal(await value(page, 'step'), step, 'paused: no more steps');

    // the decision regions are a raster image plus the four data points, and the loss curve has a line
    await page.waitForSelector(`${tid('heatmap')} svg g[aria-label="raster"] image`);
    assert.equal(await page.locator(`${tid('heatmap')} svg g[aria-label="dot"]`).first().locator('circle').count(), 4);
    assert.ok(await page.locator(`${tid('loss-plot')} svg g[aria-label="line"] path`).count() >= 1);
    // the step button does exactly one step
    await page.click(tid('step-once'));
    assert.equal(await value(page, 'step'), step + 1);
    // reset gives the same untrained network again (same seed)
    await page.click(tid('reset'));
    assert.equal(await value(page, 'step'), 0);
    assert.equal(await value(page, 'loss'), initialLoss);
  });
});

test('the learning rate changes while training runs: the next steps use it, nothing is rebuilt, the curve marks it', async () => {
  await withPage('backprop-lr', '/index.html?lang=en#panel=backprop', async (page) => {
    await panelReady(page);
    await page.selectOption(tid('speed'), '1');
    await page.click(tid('play'));
    await waitValue(page, 'step', '>=', 20, 10000);
    await page.fill(tid('lr-number'), '0.05');
    await waitValue(page, 'lr-current', '===', 0.05, 5000);
    const atChange = await value(page, 'step');
    assert.ok(atChange >= 20, 'the step counter was not reset: the network was not rebuilt');
    await waitValue(page, 'step', '>=', atChange + 15, 10000);
    assert.equal(await page.getAttribute(tid('play'), 'aria-pressed'), 'true', 'still training');
    const slider = Number(await page.inputValue(tid('lr-range')));
    assert.ok(Math.abs(slider - Math.log10(0.05)) <= 0.025, `the log slider follows: ${slider}`);
    await page.click(tid('play'));
    assert.match(page.url(), /[#&]lr=0\.05(&|$)/);
    // one dashed rule on the loss curve, at (about) the step of the change, labelled with the new η
    const rules = page.locator(`${tid('loss-plot')} svg g.sn-lr-change line`);
    assert.equal(await rules.count(), 1);
    assert.match(await page.textContent(`${tid('loss-plot')} svg g.sn-lr-change-label`), /η=0\.05/);
    assert.equal(await value(page, 'lr-current'), 0.05);
  });
});

const DIVERGING = '#panel=backprop&data=spiral&hidden=32&act=leaky_relu&optimizer=nesterov&lr=10';

test('a learning rate that is too high diverges: training pauses with a message; a lower rate applies, play resumes, Reset trains again', async () => {
  await withPage('backprop-diverge', `/index.html?lang=en${DIVERGING}`, async (page) => {
    await panelReady(page);
    assert.equal(await value(page, 'lr-current'), 10);
    await page.selectOption(tid('speed'), '100');
    await page.click(tid('play'));
    await page.waitForSelector(`${tid('diverged')}:not([hidden])`, { timeout: 30000 });
    const msg = await testidText(page, 'diverged');
    assert.match(msg, /learning rate η = 10 is too high/);
    assert.match(msg, /rolled back to the last finite step/);
    assert.equal(await page.getAttribute(tid('play'), 'aria-pressed'), 'false', 'paused');
    const step = await value(page, 'step');
    await page.waitForTimeout(300);
    assert.equal(await value(page, 'step'), step, 'no steps after the divergence');
    assert.equal(await page.locator(`${tid('loss-plot')} svg g.sn-diverged line`).count(), 1);
    assert.ok(Number.isFinite(await value(page, 'accuracy')), 'the rolled-back weights are finite');

    // lower the rate: it applies to the same trainer, and play resumes from the rolled-back weights
    await page.fill(tid('lr-number'), '0.01');
    await waitValue(page, 'lr-current', '===', 0.01, 5000);
    assert.equal(await value(page, 'step'), step, 'changing η does not rebuild the network');
    await page.click(tid('play'));
    await waitValue(page, 'step', '>=', step + 1, 5000);
    // these weights had already grown to a loss of ~1e36 before the NaN, so they diverge again at
    // once whatever the rate (the message says so); Reset starts over with the lower rate
    await page.click(tid('reset'));
    assert.equal(await value(page, 'step'), 0);
    assert.equal(await value(page, 'lr-current'), 0.01);
    assert.equal(await page.isHidden(tid('diverged')), true);
    if (await page.getAttribute(tid('play'), 'aria-pressed') === 'false') await page.click(tid('play'));
    await waitValue(page, 'step', '>=', 300, 20000);
    assert.equal(await page.isHidden(tid('diverged')), true, 'η = 0.01 trains without diverging');
    await page.click(tid('play'));
    assert.equal(await page.locator(`${tid('loss-plot')} svg g.sn-diverged line`).count(), 0);
  });
  await withPage('backprop-diverge-ko', `/index.html?lang=ko${DIVERGING}`, async (page) => {
    await panelReady(page);
    await page.selectOption(tid('speed'), '100');
    await page.click(tid('play'));
    await page.waitForSelector(`${tid('diverged')}:not([hidden])`, { timeout: 30000 });
    assert.match(await testidText(page, 'diverged'), /학습률 η = 10이 너무 큽니다.*되돌렸/);
  });
});

test('the gradient check table shows every parameter below 1e-6 (XOR and spiral)', async () => {
  await withPage('backprop-gradcheck', '/index.html?lang=en#panel=backprop', async (page) => {
    await panelReady(page);
    const check = async (rows) => {
      await page.click(tid('gradcheck'));
      await page.waitForSelector(tid('gradcheck-table'));
      const got = await page.$$eval(`${tid('gradcheck-table')} tbody tr`, (trs) => trs.map((tr) => ({
        param: tr.dataset.param, rel: Number(tr.dataset.rel), ok: tr.classList.contains('sn-right'), text: tr.textContent,
      })));
      assert.deepEqual(got.map((r) => r.param), ['W1', 'b1', 'W2', 'b2']);
      for (const r of got) {
        assert.ok(r.rel < 1e-6, `${r.param}: relative error ${r.rel}`);
        assert.ok(r.ok && /OK/.test(r.text), `${r.param} marked OK`);
      }
      assert.match(await page.textContent(`${tid('gradcheck-table')} caption`), new RegExp(`${rows} rows`));
    };
    await check(4);
    // after some training too
    await page.click(tid('step-once'));
    await page.click(tid('step-once'));
    await check(4);
    assert.match(await page.textContent(`${tid('gradcheck-table')} tr[data-param="W1"]`), /2×2/);

    await page.selectOption(tid('data'), 'spiral');
    await waitShown(page, 'gradcheck-section', false);   // a new network hides the old table
    await check(30);
    assert.match(await page.textContent(`${tid('gradcheck-table')} tr[data-param="W2"]`), /10×3/);
  });
});

test('the spiral (vol. 2 preset: 10 sigmoid, SGD η = 1) reaches ≥ 90 % accuracy within 30 s', async () => {
  await withPage('backprop-spiral', '/index.html?lang=en#panel=backprop', async (page) => {
    await panelReady(page);
    await page.selectOption(tid('data'), 'spiral');
    assert.equal(await page.inputValue(tid('hidden')), '10');
    assert.equal(await page.inputValue(tid('act')), 'sigmoid');
    assert.equal(await page.inputValue(tid('optimizer')), 'sgd');
    assert.equal(await value(page, 'lr-current'), 1);
    assert.match(await testidText(page, 'architecture'), /3 outputs \(softmax/);
    // 300 points, softmax over 3 classes, colored by class on the map
    assert.equal(await page.locator(`${tid('heatmap')} svg g[aria-label="dot"]`).first().locator('circle').count(), 300);
    await page.selectOption(tid('speed'), '100');
    await page.click(tid('play'));
    await waitValue(page, 'accuracy', '>=', 0.9, 30000);
    await page.click(tid('play'));
    const epoch = await value(page, 'epoch');
    const step = await value(page, 'step');
    assert.ok(epoch >= 1 && Math.abs(epoch - Math.floor(step / 10)) <= 1, `batch 30 of 300: 10 steps per epoch (step ${step}, epoch ${epoch})`);
  });
});

test('URL round trip: data=spiral&hidden=12&optimizer=adam reopens as the same view', async () => {
  let url;
  let loss;
  await withPage('backprop-url', '/index.html?lang=en#panel=backprop', async (page) => {
    await panelReady(page);
    await page.selectOption(tid('data'), 'spiral');
    await page.fill(tid('hidden'), '12');
    await page.press(tid('hidden'), 'Enter');
    await page.locator(tid('hidden')).blur();
    await page.selectOption(tid('optimizer'), 'adam');
    url = page.url();
    const hash = new URLSearchParams(new URL(url).hash.slice(1));
    assert.equal(hash.get('data'), 'spiral');
    assert.equal(hash.get('hidden'), '12');
    assert.equal(hash.get('optimizer'), 'adam');
    assert.match(await testidText(page, 'architecture'), /12 hidden/);
    loss = await value(page, 'loss');
  });
  await withPage('backprop-url-reopen', new URL(url).pathname + new URL(url).search + new URL(url).hash, async (page) => {
    await panelReady(page);
    assert.equal(await page.inputValue(tid('data')), 'spiral');
    assert.equal(await page.inputValue(tid('hidden')), '12');
    assert.equal(await page.inputValue(tid('hidden-range')), '12');
    assert.equal(await page.inputValue(tid('optimizer')), 'adam');
    assert.equal(await page.inputValue(tid('act')), 'sigmoid');
    assert.equal(await value(page, 'lr-current'), 1);
    assert.match(await testidText(page, 'architecture'), /12 hidden \(sigmoid\) → 3 outputs/);
    assert.equal(await value(page, 'loss'), loss, 'same seed, same initial network, same loss');
  });
});

test('keyboard: arrows move the sliders, space plays', async () => {
  await withPage('backprop-keyboard', '/index.html?lang=en#panel=backprop', async (page) => {
    await panelReady(page);
    await page.focus(tid('hidden-range'));
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.inputValue(tid('hidden')), '3');
    assert.match(await testidText(page, 'architecture'), /3 hidden/);
    assert.match(page.url(), /[#&]hidden=3(&|$)/);

    await page.focus(tid('lr-range'));
    await page.keyboard.press('ArrowRight');
    const lr = await value(page, 'lr-current');
    assert.ok(lr > 0.1 && lr < 0.13, `one step up the log slider: ${lr}`);
    assert.equal(await page.inputValue(tid('lr-number')), String(lr));

    await page.focus(tid('play'));
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute(tid('play'), 'aria-pressed'), 'true');
    await waitValue(page, 'step', '>=', 1, 5000);
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute(tid('play'), 'aria-pressed'), 'false');
    // every control has an accessible name
    const unnamed = await page.$$eval('.sn-panel input, .sn-panel select, .sn-panel button', (els) => els
      .filter((e) => !(e.getAttribute('aria-label') || e.labels?.length || e.textContent.trim()))
      .map((e) => e.outerHTML));
    assert.deepEqual(unnamed, []);
  });
});

test('375px wide: no horizontal page overflow, before and while training', async () => {
  await withPage('backprop-375', '/index.html?lang=en#panel=backprop&data=spiral&hidden=10&act=sigmoid&optimizer=sgd&lr=1&init=std', async (page) => {
    await panelReady(page);
    await assertNoOverflow(page);
    await page.click(tid('play'));
    await waitValue(page, 'step', '>=', 50, 10000);
    await page.click(tid('gradcheck'));
    await page.waitForSelector(tid('gradcheck-table'));
    await assertNoOverflow(page);
    const heat = await page.$eval(`${tid('heatmap')} svg[aria-label]`, (s) => s.getBoundingClientRect().right);
    assert.ok(heat <= 375, `the decision map fits: right edge ${heat}`);
  }, { viewport: PHONE });
});

test('switching the language while training rebuilds the view only: the run goes on (KO texts, no errors)', async () => {
  await withPage('backprop-language', '/index.html?lang=en#panel=backprop', async (page) => {
    await panelReady(page);
    await page.click(tid('play'));
    await waitValue(page, 'step', '>=', 10, 10000);
    await page.selectOption('#sn-language', 'ko');
    await page.waitForFunction(() => /오차역전파 놀이터/.test(document.querySelector('.sn-panel h2')?.textContent ?? ''));
    await panelReady(page);
    assert.equal(await testidText(page, 'play'), '일시정지', 'still playing after the switch');
    const after = await value(page, 'step');
    assert.ok(after >= 10, `the same run goes on: step ${after}`);
    await waitValue(page, 'step', '>', after, 10000);
    await page.click(tid('gradcheck'));
    await page.waitForSelector(tid('gradcheck-table'));
    assert.match(await page.textContent(`${tid('gradcheck-table')} thead`), /매개변수.*최대 오차/);
    await page.waitForTimeout(200);  // any frame of the old view would have thrown by now
  });
});
