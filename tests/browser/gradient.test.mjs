// The gradient-descent panel (book 4.3–4.4, 6.1): the numbers the book prints,
// read from the rendered page — f′(5) and f′(10) to the book's digits, the
// gradient of x0² + x1² at the book's three points, the three η runs of
// gradient_descent — plus URL state, keyboard, language and phone width.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop, tid, testidText, assertNoOverflow, PHONE, nextFrame } from './harness.mjs';
import { strings } from '../../web/src/panels/gradient/strings.js';

after(stop);

const URL_EN = '/index.html?lang=en#panel=gradient';

const status = (page) => page.$eval(tid('desc-status'), (e) => ({ ...e.dataset }));
/** |a − b| ≤ tol·max(1, |b|): the book prints 9 significant digits. */
const closeRel = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs the book's ${b} (± ${tol} relative)`);

test('f′(5) and f′(10) show the book\'s float64 digits beside the analytic 0.2 and 0.3', async () => {
  await withPage('gradient-derivative', URL_EN, async (page) => {
    await panelReady(page);
    assert.equal(await page.$eval(tid('deriv-numeric'), (e) => e.dataset.value), '0.1999999999990898');
    assert.equal((await testidText(page, 'deriv-numeric')).trim(), '0.1999999999990898');
    assert.ok(Math.abs(Number(await page.$eval(tid('deriv-analytic'), (e) => e.dataset.value)) - 0.2) < 1e-15);
    // the digits that agree are marked: "0.1999999999" of 0.1999999999990898 vs 0.2 → "0."
    assert.equal(await page.textContent(`${tid('deriv-numeric')} strong`), '0.');
    await page.click('button[data-x="10"]');
    await page.waitForSelector(`${tid('deriv-numeric')}[data-value="0.2999999999986347"]`);
    // 0.02 · 10 + 0.1 is 0.30000000000000004 in float64: the page shows what the core computed
    assert.ok(Math.abs(Number(await page.$eval(tid('deriv-analytic'), (e) => e.dataset.value)) - 0.3) < 1e-15);
    assert.match(new URL(page.url()).hash, /gd_x=10(&|$)/);
    // the tangent is drawn through the point: the plot has the curve and the dashed tangent
    assert.ok(await page.locator(`${tid('deriv-plot')} svg [stroke-dasharray="6,4"]`).count() >= 1);
  });
});

test('h = 1e-50 breaks the central difference: float32 gives NaN (or 0), h = 1e-4 does not', async () => {
  await withPage('gradient-h', URL_EN, async (page) => {
    await panelReady(page);
    const cell = (h, p) => page.$eval(`${tid('h-table')} tr[data-h="${h}"] td[data-precision="${p}"]`, (e) => ({ text: e.textContent, bad: e.classList.contains('sn-wrong') }));
    const good = await cell('0.0001', 'double');
    closeRel(Number(good.text), 0.2, 1e-9, 'h = 1e-4 in float64');
    assert.equal(good.bad, false);
    const f32 = await cell('1e-50', 'float');
    assert.ok(f32.text === 'NaN' || Number(f32.text) === 0, `float32 with h = 1e-50 gives ${f32.text}`);
    assert.equal(f32.bad, true, 'the broken value is marked');
    assert.match(await page.textContent(tid('h-table')), /1e-50/);
  });
});

test('the numerical gradient of x0² + x1² at (3, 4), (0, 2), (3, 0) is [6, 8], [0, 4], [6, 0]', async () => {
  await withPage('gradient-field', URL_EN, async (page) => {
    await panelReady(page);
    for (const [p, want] of [['3,4', [6, 8]], ['0,2', [0, 4]], ['3,0', [6, 0]]]) {
      await page.click(`button[data-point="${p}"]`);
      await page.waitForSelector(`${tid('grad-numeric')}[data-point="${p}"]`);
      const got = (await page.$eval(tid('grad-numeric'), (e) => e.dataset.value)).split(',').map(Number);
      got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) < 1e-6, `∇f(${p})[${i}] = ${g}, the book's ${want[i]}`));
    }
    // 17 × 17 arrows of −∇f plus the highlighted one
    assert.ok(await page.locator(`${tid('field-plot')} svg path`).count() >= 17 * 17);
  });
});

test('the book\'s three learning rates land on the book\'s points after 100 steps', async () => {
  const runs = [
    ['good', [-6.11110793e-10, 8.14814391e-10]],
    ['big', [-2.58983747e13, -1.29524862e12]],
    ['small', [-2.99999994, 3.99999992]],
  ];
  await withPage('gradient-presets', URL_EN, async (page) => {
    await panelReady(page);
    for (const [name, [b0, b1]] of runs) {
      await page.click(`button[data-preset="${name}"]`);
      await page.waitForSelector(`button[data-preset="${name}"][aria-pressed="true"]`);
      const s = await status(page);
      assert.equal(s.step, '100');
      // the book prints 9 significant digits: agree to within half a unit of the 9th (5e-9 relative)
      for (const [got, want, axis] of [[Number(s.x0), b0, 'x0'], [Number(s.x1), b1, 'x1']]) {
        assert.ok(Math.abs(got - want) <= 5e-9 * Math.abs(want), `η preset ${name} ${axis}: ${got} vs the book's ${want}`);
      }
      assert.match(await testidText(page, 'desc-book'), /book: \(/);
    }
    assert.match(await testidText(page, 'desc-note'), /hardly moves/);
    const hash = new URL(page.url()).hash;
    assert.match(hash, /gd_lr=1e-10/);
  });
});

test('step, play and reset reveal the path; keyboard operates them; the step is in the URL', async () => {
  await withPage('gradient-steps', `${URL_EN}&gd_step=0`, async (page) => {
    await panelReady(page);
    assert.equal((await status(page)).step, '0');
    assert.deepEqual([Number((await status(page)).x0), Number((await status(page)).x1)], [-3, 4]);
    await page.focus('button[data-action="step"]');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    assert.equal((await status(page)).step, '2');
    // x1 = x0 − 0.1·∇f(x0) = 0.8·x0 for this f: (−3, 4) → (−2.4, 3.2) → (−1.92, 2.56)
    const s = await status(page);
    closeRel(Number(s.x0), -1.92, 1e-9, 'x after 2 steps');
    closeRel(Number(s.x1), 2.56, 1e-9, 'x after 2 steps');
    assert.match(new URL(page.url()).hash, /gd_step=2/);
    await page.focus('button[data-action="play"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${tid('desc-status')}[data-step="100"]`, { timeout: 20000 });
    assert.equal(await page.getAttribute('button[data-action="play"]', 'aria-pressed'), 'false');
    await page.focus('button[data-action="reset"]');
    await page.keyboard.press('Enter');
    assert.equal((await status(page)).step, '0');
    // the start point and the tangent's x move with the arrow keys on their plots
    await page.focus(tid('descent-plot'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowRight');
    assert.deepEqual([Number((await status(page)).x0), Number((await status(page)).x1)], [-2, 4.1]);
    await page.focus(tid('deriv-plot'));
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.$eval(tid('deriv-numeric'), (e) => e.dataset.x), '5.1');
    assert.match(new URL(page.url()).hash, /gd_x=5\.1/);
  });
});

test('a start point clicked on the plot and a typed η come back from the URL', async () => {
  let url;
  let before;
  await withPage('gradient-url-out', URL_EN, async (page) => {
    await panelReady(page);
    const plot = page.locator(`${tid('descent-plot')} svg`);
    await plot.scrollIntoViewIfNeeded();
    const box = await plot.boundingBox();
    await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.3);
    await page.waitForFunction(() => /gd_x0=/.test(location.hash));
    await page.fill('input[type="number"][data-key="gd_lr"]', '0.05');
    await page.press('input[type="number"][data-key="gd_lr"]', 'Enter');
    await page.waitForFunction(() => /gd_lr=0\.05/.test(location.hash));
    before = await status(page);
    assert.ok(Number(before.x0) > 0 && Number(before.x1) > 0, 'the start moved to the upper right');
    url = page.url();
  });
  await withPage('gradient-url-in', url.slice(url.indexOf('/index.html')), async (page) => {
    await panelReady(page);
    assert.deepEqual(await status(page), before);
    assert.equal(await page.inputValue('input[type="number"][data-key="gd_lr"]'), '0.05');
  });
});

test('the six optimizers draw their paths from (−7, 2); SGD zig-zags, all approach the minimum', async () => {
  await withPage('gradient-optimizers', URL_EN, async (page) => {
    await panelReady(page);
    for (const name of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']) {
      assert.equal(await page.locator(`${tid(`opt-${name}`)} svg`).count(), 1, name);
      const end = await page.$eval(tid(`opt-end-${name}`), (e) => [Number(e.dataset.x), Number(e.dataset.y)]);
      assert.ok(Math.hypot(end[0], end[1]) < Math.hypot(-7, 2), `${name} ends closer to (0, 0) than it started: ${end}`);
    }
    await page.fill('input[type="number"][data-key="gd_osteps"]', '0');
    await page.press('input[type="number"][data-key="gd_osteps"]', 'Enter');
    await nextFrame(page);
    const start = await page.$eval(tid('opt-end-sgd'), (e) => [Number(e.dataset.x), Number(e.dataset.y)]);
    assert.deepEqual(start, [-7, 2]);
  });
});

test('switching the language keeps the step; every string exists in both languages', async () => {
  assert.deepEqual(Object.keys(strings.ko).sort(), Object.keys(strings.en).sort());
  await withPage('gradient-lang', `${URL_EN}&gd_step=7&gd_lr=0.2`, async (page) => {
    await panelReady(page);
    const s = await status(page);
    await page.selectOption('#sn-language', 'ko');
    await page.waitForFunction(() => document.querySelector('.sn-panel h2')?.textContent === '경사 하강법');
    await panelReady(page);
    assert.deepEqual(await status(page), s);
    assert.match(await testidText(page, 'desc-status'), /7 \/ 100 단계/);
  });
});

test('at 375 px nothing overflows and the plots fit', async () => {
  await withPage('gradient-375', URL_EN, async (page) => {
    await panelReady(page);
    await nextFrame(page);
    await assertNoOverflow(page);
    const w = await page.$eval(`${tid('descent-plot')} svg`, (s) => s.getBoundingClientRect().width);
    assert.ok(w <= PHONE.width, `descent plot ${w}px wide`);
  }, { viewport: PHONE });
});

test('embedded: the iframe page shows the panel set by its URL', async () => {
  await withPage('gradient-embed', '/embed.html?panel=gradient&gd_x=10&lang=en', async (page) => {
    await panelReady(page);
    assert.equal(await page.$eval(tid('deriv-numeric'), (e) => e.dataset.value), '0.2999999999986347');
  });
});

test('under a strict Content-Security-Policy the plots draw with no violation', async () => {
  await withPage('gradient-csp', URL_EN, async (page, base, { violations }) => {
    await panelReady(page);
    await page.click('button[data-preset="big"]');
    assert.equal(await page.locator(`${tid('opt-adam')} svg`).count(), 1);
    assert.deepEqual(violations, []);
  }, { csp: true });
});
