// The activation-functions panel (book 3.2, 3.5): numbers read from the
// rendered page, the URL round trip, keyboard use, a phone-sized layout, and
// the panel under a strict Content-Security-Policy.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop, tid, testidText, assertNoOverflow, PHONE, waitShown, waitAttr, nextFrame } from './harness.mjs';
import { loadCore } from '../node/load.mjs';

after(stop);

const PAGE = '/index.html?lang=en#panel=activation';
const hashParams = async (page) => Object.fromEntries(new URLSearchParams(await page.evaluate(() => location.hash.slice(1))));
const readout = (page) => page.$eval(tid('cursor-readout'), (o) => ({ text: o.textContent, ...o.dataset }));

/** Type into the cursor's number field and commit it (change event). */
async function setCursor(page, x) {
  await page.fill(tid('cursor-x-number'), String(x));
  await page.press(tid('cursor-x-number'), 'Enter');
}

test('the default softmax output in the page is the book\'s [0.3, 2.9, 4.0] example', async () => {
  await withPage('activation-softmax-default', PAGE, async (page) => {
    await panelReady(page);
    assert.equal(await page.inputValue(tid('softmax-input')), '0.3, 2.9, 4.0');
    assert.equal(await testidText(page, 'softmax-out'), '0.01821127, 0.24519181, 0.73659691');
    assert.equal(await testidText(page, 'softmax-sum'), '1.00000000');
    // one bar per output in the Plot bar chart
    assert.equal(await page.$$eval(`${tid('softmax-chart')} svg g[aria-label="bar"] rect`, (r) => r.length), 3);
    // both formulas agree for small inputs
    assert.equal(await testidText(page, 'softmax-naive'), '0.01821127, 0.24519181, 0.73659691');
  });
});

test('the overflow demo shows NaN for the naive formula and finite values for the stable one', async () => {
  await withPage('activation-softmax-overflow', PAGE, async (page) => {
    await panelReady(page);
    await page.click(tid('softmax-overflow'));
    assert.equal(await page.inputValue(tid('softmax-input')), '1010, 1000, 990');
    assert.equal(await testidText(page, 'softmax-naive'), 'NaN, NaN, NaN');
    const stable = (await testidText(page, 'softmax-stable')).split(', ').map(Number);
    assert.equal(stable.length, 3);
    assert.ok(stable.every(Number.isFinite), `stable: ${stable}`);
    assert.equal(await testidText(page, 'softmax-stable'), '0.99995460, 0.00004540, 0.00000000');
    assert.equal(await testidText(page, 'softmax-sum'), '1.00000000');
    assert.match(await testidText(page, 'softmax-explain'), /C′ = max a_i = 1010/);
    assert.equal((await hashParams(page)).softmax, '1010,1000,990');
  });
});

test('the cursor reads the core: sigmoid at x = 0 is 0.5 / 0.25, ReLU at x = −1 has slope 0', async () => {
  await withPage('activation-cursor', PAGE, async (page) => {
    await panelReady(page);
    let r = await readout(page);
    assert.equal(r.x, '0.000000');
    assert.equal(r.f, '0.500000');
    assert.equal(r.df, '0.250000');
    assert.match(r.text, /h\(x\) = 0\.500000/);
    assert.match(r.text, /h'\(x\) = 0\.250000/);

    await page.selectOption(tid('fn'), 'relu');
    await setCursor(page, -1);
    r = await readout(page);
    assert.equal(r.x, '-1.000000');
    assert.equal(r.f, '0.000000');
    assert.equal(r.df, '0.000000');
    await setCursor(page, 2);
    r = await readout(page);
    assert.equal(r.f, '2.000000');
    assert.equal(r.df, '1.000000');

    // leaky ReLU: the slope control appears and sets h'(x) for x < 0
    await page.selectOption(tid('fn'), 'leaky_relu');
    await waitShown(page, 'slope');
    await page.fill(`${tid('slope')} ~ input[type=number]`, '0.2');
    await page.press(`${tid('slope')} ~ input[type=number]`, 'Enter');
    await setCursor(page, -1);
    r = await readout(page);
    assert.equal(r.f, '-0.200000');
    assert.equal(r.df, '0.200000');
    assert.equal((await hashParams(page)).slope, '0.2');
  });
});

test('moving the pointer over the plot moves the cursor', async () => {
  await withPage('activation-pointer', PAGE, async (page) => {
    await panelReady(page);
    await setCursor(page, 3);
    assert.equal((await readout(page)).x, '3.000000');
    // the vertical rule Plot draws at x = 0, in page coordinates
    const at = await page.$eval(`${tid('activation-plot')} svg`, (svg) => {
      const rules = [...svg.querySelectorAll('g[aria-label="rule"] line')].filter((l) => l.getAttribute('x1') === l.getAttribute('x2'));
      const r = svg.getBoundingClientRect();
      const k = r.width / Number(svg.getAttribute('width'));
      const line = rules[0];
      return { x: r.left + Number(line.getAttribute('x1')) * k, y: r.top + r.height / 2 };
    });
    // On a loaded machine the first move can land while the plot is still being
    // redrawn for x = 3; move again (from one pixel off) until the readout follows.
    for (let attempt = 0; ; attempt++) {
      await page.mouse.move(at.x + 1, at.y);
      await page.mouse.move(at.x, at.y);
      const ok = await page.waitForFunction((sel) => document.querySelector(sel).dataset.x === '0.000000',
        tid('cursor-readout'), { timeout: 3000 }).then(() => true, () => false);
      if (ok) break;
      assert.ok(attempt < 4, `the cursor did not follow the pointer: ${JSON.stringify(await readout(page))}`);
    }
    const r = await readout(page);
    assert.equal(r.f, '0.500000');
  });
});

test('the x slider works with the keyboard and its values come from the core', async () => {
  const sn = await loadCore();
  await withPage('activation-keyboard', PAGE, async (page) => {
    await panelReady(page);
    await page.focus(tid('cursor-x'));
    await page.keyboard.press('ArrowRight');
    let r = await readout(page);
    assert.equal(r.x, '0.050000');
    assert.equal(r.f, sn.activate('sigmoid', [0.05])[0].toFixed(6));
    assert.equal(r.df, sn.derivative('sigmoid', [0.05])[0].toFixed(6));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    r = await readout(page);
    assert.equal(r.x, '-0.050000');
    assert.equal(await page.inputValue(tid('cursor-x-number')), '-0.05');
    await page.keyboard.press('End');
    assert.equal((await readout(page)).x, '5.000000');
    // the plot's cursor dot follows
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="activation-plot"] svg g[aria-label="dot"] circle').length === 2);
  });
});

test('zoom buttons (mouse and keyboard) change xmin/xmax in the URL; a bad range is refused with a message', async () => {
  await withPage('activation-zoom', PAGE, async (page) => {
    await panelReady(page);
    await page.click(tid('zoom-in'));
    let h = await hashParams(page);
    assert.equal(h.xmin, '-2.5');
    assert.equal(h.xmax, '2.5');
    await waitAttr(page, 'activation-plot', 'data-xmin', '-2.5');
    assert.equal(await page.inputValue(tid('xmin')), '-2.5');

    await page.focus(tid('zoom-out'));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    h = await hashParams(page);
    assert.equal(h.xmin, '-10');
    assert.equal(h.xmax, '10');

    await page.click(tid('zoom-reset'));
    h = await hashParams(page);
    assert.equal(h.xmin, undefined, 'the default range is not written to the URL');
    await waitAttr(page, 'activation-plot', 'data-xmax', '5');

    // typed bounds
    await page.fill(tid('xmax'), '20');
    await page.press(tid('xmax'), 'Enter');
    assert.equal((await hashParams(page)).xmax, '20');
    // xmin ≥ xmax: the core refuses the range, the panel says why and keeps the plot
    await page.fill(tid('xmin'), '30');
    await page.press(tid('xmin'), 'Enter');
    await waitShown(page, 'range-error');
    assert.match(await testidText(page, 'range-error'), /The plot range is not valid/);
    assert.equal(await page.inputValue(tid('xmin')), '-5');
    assert.equal((await hashParams(page)).xmin, undefined);
  });
});

test('URL round trip: choosing tanh without the derivative reopens as tanh without the derivative', async () => {
  let url;
  await withPage('activation-url-write', PAGE, async (page, base) => {
    await panelReady(page);
    await waitAttr(page, 'activation-plot', 'data-deriv', 'true');
    await page.selectOption(tid('fn'), 'tanh');
    await page.uncheck(tid('deriv'));
    const h = await hashParams(page);
    assert.equal(h.fn, 'tanh');
    assert.equal(h.deriv, '0');
    url = (await page.evaluate(() => location.href)).slice(base.length);
  });
  await withPage('activation-url-read', url, async (page) => {
    await panelReady(page);
    assert.equal(await page.inputValue(tid('fn')), 'tanh');
    assert.equal(await page.isChecked(tid('deriv')), false);
    await waitAttr(page, 'activation-plot', 'data-fn', 'tanh');
    await waitAttr(page, 'activation-plot', 'data-deriv', 'false');
    // one curve, no dashed derivative line
    assert.equal(await page.$$eval(`${tid('activation-plot')} svg g[aria-label="line"]`, (g) => g.length), 1);
    assert.equal(await page.$$eval(`${tid('activation-plot')} svg [stroke-dasharray="6,4"]`, (g) => g.length), 0);
    // the readout is tanh's: tanh(0) = 0, tanh'(0) = 1
    const r = await readout(page);
    assert.equal(r.f, '0.000000');
    assert.equal(r.df, '1.000000');
  });
  // and the short form written by hand
  await withPage('activation-url-hand', '/index.html?lang=en#panel=activation&fn=tanh&deriv=0', async (page) => {
    await panelReady(page);
    assert.equal(await page.inputValue(tid('fn')), 'tanh');
    assert.equal(await page.isChecked(tid('deriv')), false);
  });
});

test('sigmoid and tanh shade where h\'(x) < 0.01 and explain the vanishing gradient; ReLU does not', async () => {
  await withPage('activation-vanishing', PAGE, async (page) => {
    await panelReady(page);
    await waitAttr(page, 'activation-plot', 'data-bands', '2');
    assert.equal(await page.$$eval(`${tid('activation-plot')} svg g[aria-label="rect"] rect`, (r) => r.length), 2);
    const note = await testidText(page, 'gradient-note');
    assert.match(note, /h'\(0\) = 0\.25/);
    assert.match(note, /vanishing gradient/);
    assert.match(note, /Why ReLU helps/);
    await page.click(tid('zoom-in'));  // −2.5 … 2.5: the sigmoid is not flat enough there
    await waitAttr(page, 'activation-plot', 'data-bands', '0');
    assert.match(await testidText(page, 'gradient-note'), /No region/);
    await page.click(tid('zoom-reset'));
    await page.selectOption(tid('fn'), 'relu');
    await waitAttr(page, 'activation-plot', 'data-fn', 'relu');
    assert.equal(await page.getAttribute(tid('activation-plot'), 'data-bands'), '0');
    assert.match(await testidText(page, 'gradient-note'), /dying ReLU/);
  });
  await withPage('activation-vanishing-ko', '/index.html?lang=ko#panel=activation&fn=tanh', async (page) => {
    await panelReady(page);
    assert.match(await testidText(page, 'gradient-note'), /기울기 소실/);
    assert.match(await testidText(page, 'gradient-note'), /h'\(0\) = 1/);
    // switching the language re-mounts the panel with the same settings
    await page.selectOption('#sn-language', 'en');
    await page.waitForFunction(() => /vanishes/.test(document.querySelector('[data-testid="gradient-note"]')?.textContent ?? ''));
    assert.equal(await page.inputValue(tid('fn')), 'tanh');
  });
});

test('invalid softmax text shows a translated error and keeps the last good result', async () => {
  await withPage('activation-softmax-invalid', PAGE, async (page) => {
    await panelReady(page);
    await page.fill(tid('softmax-input'), '1, abc');
    await waitShown(page, 'softmax-error');
    assert.match(await testidText(page, 'softmax-error'), /"abc" is not a number/);
    assert.equal(await page.getAttribute(tid('softmax-input'), 'aria-invalid'), 'true');
    assert.equal(await testidText(page, 'softmax-out'), '0.01821127, 0.24519181, 0.73659691');
    assert.equal(await page.$$eval(`${tid('softmax-chart')} svg g[aria-label="bar"] rect`, (r) => r.length), 3);
    assert.equal((await hashParams(page)).softmax, undefined);

    await page.fill(tid('softmax-input'), '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11');
    assert.match(await testidText(page, 'softmax-error'), /At most 10 numbers/);
    await page.fill(tid('softmax-input'), '5000');
    assert.match(await testidText(page, 'softmax-error'), /between -2000 and 2000/);

    // a valid vector clears the error and updates everything
    await page.fill(tid('softmax-input'), '0, 0');
    await waitShown(page, 'softmax-error', false);
    assert.equal(await testidText(page, 'softmax-out'), '0.50000000, 0.50000000');
    assert.equal((await hashParams(page)).softmax, '0,0');
  });
  await withPage('activation-softmax-invalid-ko', '/index.html?lang=ko#panel=activation', async (page) => {
    await panelReady(page);
    await page.fill(tid('softmax-input'), '1, x');
    assert.match(await testidText(page, 'softmax-error'), /"x"은\(는\) 숫자가 아닙니다/);
    assert.equal(await testidText(page, 'softmax-out'), '0.01821127, 0.24519181, 0.73659691');
  });
});

test('at 375 px wide nothing overflows horizontally', async () => {
  await withPage('activation-375', '/index.html?lang=en#panel=activation&fn=leaky_relu&slope=0.1', async (page) => {
    await panelReady(page);
    await page.check(tid('compare'));
    await page.click(tid('softmax-overflow'));
    await page.fill(tid('softmax-input'), '-1500.25, 1999.5, 0.001, 3, 4, 5, 6, 7, 8, 9');
    await nextFrame(page);
    await assertNoOverflow(page);
    const plot = await page.$eval(`${tid('activation-plot')} svg`, (svg) => svg.getBoundingClientRect().right);
    assert.ok(plot <= 375, `plot right edge ${plot}`);
  }, { viewport: PHONE });
});

test('embedded under a strict Content-Security-Policy: compact, working, no violations', async () => {
  await withPage('activation-embed-csp', '/embed.html?panel=activation&fn=sigmoid&lang=en', async (page, base, { violations }) => {
    await panelReady(page);
    assert.equal(await page.$$eval('.sn-panel h2', (h) => h.length), 0, 'no page heading when embedded');
    assert.equal((await readout(page)).df, '0.250000');
    assert.equal(await testidText(page, 'softmax-out'), '0.01821127, 0.24519181, 0.73659691');
    assert.ok(await page.$(`${tid('activation-plot')} svg`));
    assert.equal(await page.$$eval(`${tid('activation-plot')} svg style`, (s) => s.length), 0);
    await page.click(tid('softmax-overflow'));
    assert.equal(await testidText(page, 'softmax-naive'), 'NaN, NaN, NaN');
    assert.deepEqual(violations, []);
  }, { csp: true });
});

test('a typed x min of −1000 is clamped to −50 with the same visible note a link gets (English and Korean)', async () => {
  await withPage('activation-typed-clamp', PAGE, async (page) => {
    await panelReady(page);
    await waitShown(page, 'notes', false);   // a clean link: no note
    await page.fill(tid('xmin'), '-1000');
    await page.press(tid('xmin'), 'Enter');
    await waitAttr(page, 'activation-plot', 'data-xmin', '-50');
    assert.equal(await page.inputValue(tid('xmin')), '-50');
    assert.equal((await hashParams(page)).xmin, '-50');
    await waitShown(page, 'notes');
    assert.equal(await page.getAttribute(tid('notes'), 'role'), 'status');
    assert.match(await testidText(page, 'notes'), /A value you entered was changed.*x min.*-1000 is out of range, set to -50/s);
    // a value that needs no clamping clears the note
    await page.fill(tid('xmin'), '-8');
    await page.press(tid('xmin'), 'Enter');
    await waitShown(page, 'notes', false);
  });
  await withPage('activation-typed-clamp-ko', '/index.html?lang=ko#panel=activation', async (page) => {
    await panelReady(page);
    await page.fill(tid('xmax'), '999');
    await page.press(tid('xmax'), 'Enter');
    await waitShown(page, 'notes');
    assert.match(await testidText(page, 'notes'), /입력한 값을 바꿨습니다.*999은\(는\) 범위를 벗어나 50\(으\)로 맞췄습니다/s);
  });
});
