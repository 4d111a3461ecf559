// The "Perceptron & logic gates" panel (book ch. 2; seeds 002, 003): the numbers
// in the rendered page — truth table, learning rule, XOR from two layers — plus
// the URL round trip, keyboard use and the 375px layout.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop, tid, testidText, assertNoOverflow, PHONE, waitShown, nextFrame } from './harness.mjs';

after(stop);

const PAGE = '/index.html?lang=en#panel=perceptron';

const yColumn = (page) => page.$$eval(`${tid('truth-table')} tbody tr`, (rows) => rows.map((r) => Number(r.querySelector('[data-testid^="y-"]').textContent)));
const correctColumn = (page) => page.$$eval(`${tid('truth-table')} tbody tr`, (rows) => rows.map((r) => r.dataset.correct));

// Wait until the truth table's y column reads `ys` (it is redrawn on the next animation frame).
async function waitForY(page, ys) {
  await page.waitForFunction((want) => {
    const cells = [...document.querySelectorAll('[data-testid="truth-table"] [data-testid^="y-"]')];
    return cells.map((c) => c.textContent).join(',') === want;
  }, ys.join(','), { timeout: 5000 });
}

test('the AND preset gets all four rows right with y = 0, 0, 0, 1', async () => {
  // start from something else so the click visibly changes the view
  await withPage('perceptron-and-preset', '/index.html?lang=en#panel=perceptron&gate=or&w1=-1', async (page) => {
    await panelReady(page);
    assert.equal(await page.inputValue(tid('gate-select')), 'or');
    await page.click(tid('preset-and'));
    await waitForY(page, [0, 0, 0, 1]);
    assert.deepEqual(await yColumn(page), [0, 0, 0, 1]);
    assert.deepEqual(await correctColumn(page), ['true', 'true', 'true', 'true']);
    assert.equal(await page.getAttribute(tid('truth-table'), 'data-gate'), 'and');
    assert.equal(await testidText(page, 'tt-summary'), '4/4 correct');
    assert.equal(await page.inputValue(tid('gate-select')), 'and');
    assert.equal(await page.inputValue(tid('num-w1')), '0.5');
    assert.equal(await page.inputValue(tid('num-w2')), '0.5');
    assert.equal(await page.inputValue(tid('num-b')), '-0.7');
    // the net input column comes from the core: 0.5 + 0.5 − 0.7 = 0.3 for (1, 1)
    assert.equal(await testidText(page, 'net-3'), '0.3');
    assert.equal(await testidText(page, 'net-0'), '\u22120.7');
    // rows are marked right/wrong with a class and a ✓/✗ text
    assert.equal(await page.$$eval(`${tid('truth-table')} tbody tr.sn-right`, (r) => r.length), 4);
    assert.match(await testidText(page, 'check-0'), /✓/);
    // the decision plot is drawn by Observable Plot
    assert.ok(await page.$(`${tid('decision-plot')} svg`));
  });
});

test('raising b to −0.2 with the AND weights gives OR: y = 0, 1, 1, 1 and two rows wrong against AND', async () => {
  await withPage('perceptron-bias', PAGE, async (page) => {
    await panelReady(page);
    await waitForY(page, [0, 0, 0, 1]);
    await page.fill(tid('num-b'), '-0.2');
    await waitForY(page, [0, 1, 1, 1]);
    assert.deepEqual(await correctColumn(page), ['true', 'false', 'false', 'true']);
    assert.equal(await testidText(page, 'tt-summary'), '2/4 correct');
    assert.equal(await page.$$eval(`${tid('truth-table')} tbody tr.sn-wrong`, (r) => r.length), 2);
    assert.match(await testidText(page, 'check-1'), /✗/);
    // the slider moved with the number field
    assert.equal(Number(await page.inputValue(tid('slider-b'))), -0.2);
    // against the OR gate the same weights are all right
    await page.selectOption(tid('gate-select'), 'or');
    await page.waitForFunction(() => document.querySelector('[data-testid="tt-summary"]').textContent === '4/4 correct');
    assert.deepEqual(await correctColumn(page), ['true', 'true', 'true', 'true']);
  });
});

test('keyboard: ArrowRight on the w1 slider moves w1 by 0.05 and the table follows', async () => {
  await withPage('perceptron-keyboard', PAGE, async (page) => {
    await panelReady(page);
    await page.focus(tid('slider-w1'));
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    assert.equal(Number(await page.inputValue(tid('slider-w1'))), 0.65);
    await page.waitForFunction(() => document.querySelector('[data-testid="num-w1"]').value === '0.65');
    // (1, 1): 0.65 + 0.5 − 0.7 = 0.45; (1, 0): 0.65 − 0.7 = −0.05
    await page.waitForFunction(() => document.querySelector('[data-testid="net-3"]').textContent === '0.45');
    assert.equal(await testidText(page, 'net-1'), '\u22120.05');
    // four more steps: w1 = 0.85 > 0.7, so (1, 0) now fires and AND is wrong there
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    await waitForY(page, [0, 1, 0, 1]);
    assert.deepEqual(await correctColumn(page), ['true', 'false', 'true', 'true']);
    // the buttons work from the keyboard too
    await page.focus(tid('preset-and'));
    await page.keyboard.press('Enter');
    await waitForY(page, [0, 0, 0, 1]);
  });
});

test('the URL round trip keeps w1, w2, b, the gate and the θ view', async () => {
  let url;
  let table;
  await withPage('perceptron-url', PAGE, async (page) => {
    await panelReady(page);
    await page.fill(tid('num-w1'), '-0.35');
    await page.press(tid('num-w1'), 'Tab');
    await page.selectOption(tid('gate-select'), 'nand');
    await page.check(tid('theta-toggle'));
    await page.waitForFunction(() => /w1=-0\.35/.test(location.hash) && /gate=nand/.test(location.hash) && /theta=1/.test(location.hash));
    url = new URL(page.url());
    table = await testidText(page, 'truth-table');
    // θ view: the third control is θ = −b = 0.7
    assert.equal(await page.inputValue(tid('num-b')), '0.7');
    assert.match(await page.textContent(`label[for="${await page.getAttribute(tid('slider-b'), 'id')}"]`), /θ/);
  });
  await withPage('perceptron-url-reopen', `${url.pathname}${url.search}${url.hash}`, async (page) => {
    await panelReady(page);
    assert.equal(await page.inputValue(tid('num-w1')), '-0.35');
    assert.equal(Number(await page.inputValue(tid('slider-w1'))), -0.35);
    assert.equal(await page.inputValue(tid('gate-select')), 'nand');
    assert.equal(await page.isChecked(tid('theta-toggle')), true);
    assert.equal(await page.inputValue(tid('num-b')), '0.7');
    assert.equal(await page.getAttribute(tid('truth-table'), 'data-gate'), 'nand');
    assert.equal(await testidText(page, 'truth-table'), table);
  });
});

test('the perceptron rule learns AND from zero weights in 6 epochs (η = 1), moving the sliders', async () => {
  await withPage('perceptron-learn-and', PAGE, async (page) => {
    await panelReady(page);
    assert.equal(await page.getAttribute(tid('learn-status'), 'data-state'), 'ready');
    // one step: sample 1 of epoch 1 is shown
    await page.click(tid('learn-step'));
    assert.match(await testidText(page, 'learn-sample'), /Epoch 1 · sample 1\/4: x = \(0, 0\)/);
    // 6 epochs × 4 samples = 24 steps; the 25th is refused (the button is disabled)
    for (let i = 1; i < 24; i += 1) await page.click(tid('learn-step'));
    const status = tid('learn-status');
    assert.equal(await page.getAttribute(status, 'data-state'), 'converged');
    assert.equal(await page.getAttribute(status, 'data-epochs'), '6');
    assert.match(await page.textContent(status), /Converged after 6 epochs/);
    assert.equal(await page.isDisabled(tid('learn-step')), true);
    // the learned weights (1, 2, −2) are on the sliders, and they compute AND
    await page.waitForFunction(() => document.querySelector('[data-testid="num-w2"]').value === '2');
    assert.equal(await page.inputValue(tid('num-w1')), '1');
    assert.equal(await page.inputValue(tid('num-b')), '-2');
    await waitForY(page, [0, 0, 0, 1]);
    assert.equal(await testidText(page, 'tt-summary'), '4/4 correct');
    assert.match(await testidText(page, 'learn-weights'), /w₁ = 1, w₂ = 2, b = −2/);
    // the error history: one point per epoch, ending at 0
    assert.ok(await page.$(`${tid('error-chart')} svg`));
    assert.equal(await page.isHidden(tid('learn-why')), true);
    // the URL follows the learned weights
    await page.waitForFunction(() => /w1=1&w2=2&b=-2/.test(location.hash));
    // reset: back to the start
    await page.click(tid('learn-reset'));
    assert.equal(await page.getAttribute(status, 'data-state'), 'ready');
    assert.equal(await page.isDisabled(tid('learn-step')), false);
  });
});

test('played on XOR, the perceptron rule never settles, detects cycling and says why', async () => {
  await withPage('perceptron-learn-xor', PAGE, async (page) => {
    await panelReady(page);
    await page.selectOption(tid('gate-select'), 'xor');
    await waitShown(page, 'xor-note');
    await page.selectOption(tid('speed-select'), '1024');
    await page.click(tid('learn-play'));
    const status = tid('learn-status');
    await page.waitForSelector(`${status}[data-state="failed"]`, { timeout: 30000 });
    assert.equal(await page.getAttribute(status, 'data-epochs'), '50');
    assert.match(await page.textContent(status), /Never settles: after 50 epochs \(the limit\) only [0-3]\/4 are right/);
    const why = await testidText(page, 'learn-why');
    assert.match(why, /one straight line/);
    assert.match(why, /linearly separable/);
    assert.match(await testidText(page, 'learn-cycle'), /Cycling detected: the weights at the end of epoch \d+ are exactly those at the end of epoch \d+/);
    assert.equal(await page.isDisabled(tid('learn-play')), true);
    assert.equal(await page.isDisabled(tid('learn-pause')), true);
    // the table never reaches 4/4 for XOR
    assert.notEqual(await testidText(page, 'tt-summary'), '4/4 correct');
  });
});

test('the delta rule also settles on XOR, but on a line that is still wrong', async () => {
  await withPage('perceptron-learn-delta-xor', '/index.html?lang=en#panel=perceptron&gate=xor&rule=delta', async (page) => {
    await panelReady(page);
    assert.equal(await page.inputValue(tid('rule-select')), 'delta');
    await page.selectOption(tid('speed-select'), '1024');
    await page.click(tid('learn-play'));
    await page.waitForSelector(`${tid('learn-status')}[data-state="failed"]`, { timeout: 15000 });
    assert.match(await testidText(page, 'learn-status'), /the MSE stopped changing, but only [0-3]\/4 are right — it never settles/);
    assert.match(await testidText(page, 'learn-why'), /smallest squared error/);
  });
});

test('XOR from NAND + OR → AND: the table of seed 003 and the two-line plot', async () => {
  await withPage('perceptron-xor-table', PAGE, async (page) => {
    await panelReady(page);
    const rows = await page.$$eval(`${tid('xor-table')} tbody tr`, (trs) => trs.map((tr) =>
      Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.col, Number(td.textContent)]))));
    assert.deepEqual(rows.map((r) => [r.x1, r.x2]), [[0, 0], [1, 0], [0, 1], [1, 1]]);
    assert.deepEqual(rows.map((r) => r.s1), [1, 1, 1, 0]);
    assert.deepEqual(rows.map((r) => r.s2), [0, 1, 1, 1]);
    assert.deepEqual(rows.map((r) => r.y), [0, 1, 1, 0]);
    const heads = await page.$$eval(`${tid('xor-table')} thead tr:first-child th`, (ths) => ths.map((th) => th.textContent));
    assert.deepEqual(heads, ['x₁', 'x₂', 's₁', 's₂', 'y']);
    assert.ok(await page.$(`${tid('xor-plot')} svg`));
  });
});

test('w1 = w2 = 0 leaves no line: b alone decides, and the panel keeps working', async () => {
  await withPage('perceptron-no-line', PAGE, async (page) => {
    await panelReady(page);
    await page.fill(tid('num-w1'), '0');
    await page.fill(tid('num-w2'), '0');
    await page.fill(tid('num-b'), '0.3');
    await waitForY(page, [1, 1, 1, 1]);
    assert.match(await testidText(page, 'no-line'), /no line/);
    assert.ok(await page.$(`${tid('decision-plot')} svg`));
    // a vertical line (w2 = 0): x1 > 0.5 fires
    await page.fill(tid('num-w1'), '1');
    await page.fill(tid('num-b'), '-0.5');
    await waitForY(page, [0, 1, 0, 1]);
    await waitShown(page, 'no-line', false);
    // out-of-range numbers are clamped like URL values
    await page.fill(tid('num-w1'), '12');
    await page.press(tid('num-w1'), 'Tab');
    await page.waitForFunction(() => document.querySelector('[data-testid="num-w1"]').value === '5');
  });
});

test('at 375px wide the panel does not overflow the page, also after learning', async () => {
  await withPage('perceptron-375', PAGE, async (page) => {
    await panelReady(page);
    for (let i = 0; i < 6; i += 1) await page.click(tid('learn-step'));
    await nextFrame(page);
    await assertNoOverflow(page);
  }, { viewport: PHONE });
});

test('the panel speaks Korean too', async () => {
  await withPage('perceptron-ko', '/index.html?lang=ko#panel=perceptron', async (page) => {
    await panelReady(page);
    assert.match(await page.textContent('.sn-panel h2'), /퍼셉트론과 논리 게이트/);
    assert.match(await testidText(page, 'tt-summary'), /4\/4 정답/);
    assert.match(await page.textContent('.sn-panel'), /뉴런이 얼마나 쉽게 활성화하느냐/);
  });
});

test('embedded under a strict Content-Security-Policy: compact, working, no violations', async () => {
  await withPage('perceptron-embed-csp', '/embed.html?panel=perceptron&gate=nand&w1=-0.5&w2=-0.5&b=0.7&lang=en', async (page, base, { violations }) => {
    await panelReady(page);
    assert.deepEqual(await yColumn(page), [1, 1, 1, 0]);
    assert.equal(await testidText(page, 'tt-summary'), '4/4 correct');
    // compact: the learning and XOR parts start folded
    assert.equal(await page.isVisible(tid('learn-step')), false);
    await page.click('summary:has-text("Learn it")');
    for (let i = 0; i < 24; i += 1) await page.click(tid('learn-step'));
    assert.match(await testidText(page, 'learn-status'), /Converged after 6 epochs/);
    await page.click('summary:has-text("XOR")');
    assert.ok(await page.$(`${tid('xor-plot')} svg`));
    assert.equal(await page.$$eval('.sn-panel svg style', (s) => s.length), 0);
    assert.deepEqual(violations, []);
  }, { csp: true });
});
