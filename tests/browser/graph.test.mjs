// The computational-graph panel (book 5.3–5.7, vol. 2 1.3.4–1.3.6): the book's
// apple graphs stepped forward and backward in the page, the numbers read off
// the drawn edges; the local rule with the numbers put in; the numerical
// check; editable inputs; the real network's update; URL, keyboard, language
// and phone width.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop, tid, testidText, assertNoOverflow, PHONE } from './harness.mjs';
import { strings } from '../../web/src/panels/graph/strings.js';

after(stop);

const URL_EN = '/index.html?lang=en#panel=graph';

/** What the diagram shows on edge `name`: its value (above) and gradient (below) as text. */
const edge = (page, name) => page.$eval(`${tid('graph-diagram')} [data-edge-label="${name}"]`, (e) => ({ value: e.dataset.value, grad: e.dataset.grad }));
const step = (page) => page.$eval('.sn-panel', (e) => Number(e.dataset.step));
async function pressNext(page, n) {
  await page.focus('button[data-action="next"]');
  for (let i = 0; i < n; i++) await page.keyboard.press('Enter');
}

test('apple and orange: stepping backward in the page reads 2.2, 110, 3.3, 165, 650 off the edges (fig. 5-17)', async () => {
  await withPage('graph-apple-orange', `${URL_EN}&cg_ex=apple_orange`, async (page) => {
    await panelReady(page);
    assert.equal(await step(page), 0);
    assert.equal((await edge(page, 'price')).value, '');
    await pressNext(page, 4);   // forward: four nodes
    assert.equal(await page.$eval(tid('graph-status'), (e) => e.dataset.phase), 'forward');
    assert.equal((await edge(page, 'apple_price')).value, '200');
    assert.equal((await edge(page, 'orange_price')).value, '450');
    assert.equal((await edge(page, 'all_price')).value, '650');
    assert.equal((await edge(page, 'price')).value, '715');
    assert.equal((await edge(page, 'apple')).grad, '', 'no gradient before backward');
    await pressNext(page, 4);   // backward: four nodes
    assert.equal(await step(page), 8);
    const want = { apple: '2.2', apple_num: '110', orange: '3.3', orange_num: '165', tax: '650', all_price: '1.1', price: '1' };
    for (const [name, grad] of Object.entries(want)) assert.equal((await edge(page, name)).grad, grad, `∂L/∂${name}`);
    // the last node computed is mul_apple_layer (or mul_orange_layer): its rule carries the numbers
    const tex = await page.textContent(`${tid('rule-numbers')} annotation`);
    assert.match(tex, /1\.1 \\times (2|3|100|150) = (2\.2|3\.3|110|165)/);
    assert.equal(await page.getAttribute('button[data-action="next"]', 'aria-disabled'), 'true');
    assert.match(new URL(page.url()).hash, /cg_step=8/);
  });
});

test('apple: 220, then dapple 2.2, dapple_num 110, dtax 200 with the rule spelled out (fig. 5-16)', async () => {
  await withPage('graph-apple', `${URL_EN}&cg_ex=apple`, async (page) => {
    await panelReady(page);
    await pressNext(page, 2);
    assert.equal((await edge(page, 'price')).value, '220');
    assert.match(await page.textContent(`${tid('rule-numbers')} annotation`), /220/);
    await pressNext(page, 1);   // backward through mul_tax_layer: dtax = dprice · apple_price = 1 × 200
    assert.equal((await edge(page, 'tax')).grad, '200');
    assert.equal((await edge(page, 'apple_price')).grad, '1.1');
    assert.match(await page.textContent(`${tid('rule-numbers')} annotation`), /1 \\times 200 = 200/);
    await pressNext(page, 1);
    assert.equal((await edge(page, 'apple')).grad, '2.2');
    assert.equal((await edge(page, 'apple_num')).grad, '110');
    assert.match(await page.textContent(`${tid('rule-numbers')} annotation`), /1\.1 \\times 2 = 2\.2/);
    // the drawing itself steps with the arrow keys
    await page.focus(tid('graph-diagram'));
    await page.keyboard.press('ArrowLeft');
    assert.equal(await step(page), 3);
    await page.keyboard.press('ArrowRight');
    assert.equal(await step(page), 4);
    // the current node is highlighted in the drawing
    assert.equal(await page.getAttribute(`${tid('graph-diagram')} g[data-node="mul_apple_layer"]`, 'aria-current'), 'step');

    // check numerically: the central differences sit beside backprop's gradients
    await page.click('button[data-action="check"]');
    await page.waitForSelector(`${tid('edge-table')} tr[data-edge="apple"] td[data-part="numeric"]:not(:empty)`);
    for (const [name, want] of [['apple', 2.2], ['apple_num', 110], ['tax', 200]]) {
      const num = Number(await page.textContent(`${tid('edge-table')} tr[data-edge="${name}"] td[data-part="numeric"]`));
      assert.ok(Math.abs(num - want) < 1e-6 * Math.max(1, want), `numerical ∂L/∂${name} = ${num}`);
    }

    // step back: the gradient of apple goes away again (the core replays the steps)
    await page.click('button[data-action="prev"]');
    assert.equal(await step(page), 3);
    assert.equal((await edge(page, 'apple')).grad, '');
    assert.equal((await edge(page, 'tax')).grad, '200');
  });
});

test('an edited input recomputes the graph and survives the URL; the book\'s values come back', async () => {
  let url;
  await withPage('graph-inputs-out', `${URL_EN}&cg_ex=apple&cg_step=4`, async (page) => {
    await panelReady(page);
    assert.equal((await edge(page, 'apple_num')).grad, '110');
    await page.fill('input[data-edge="apple_num"]', '3');
    await page.press('input[data-edge="apple_num"]', 'Enter');
    await page.waitForFunction(() => /cg_in=100%2C3%2C1\.1|cg_in=100,3,1\.1/.test(location.hash));
    assert.equal((await edge(page, 'price')).value, '330');
    assert.equal((await edge(page, 'apple')).grad, '3.3');
    url = page.url();
  });
  await withPage('graph-inputs-in', url.slice(url.indexOf('/index.html')), async (page) => {
    await panelReady(page);
    assert.equal(await step(page), 4);
    assert.equal((await edge(page, 'price')).value, '330');
    assert.equal(await page.inputValue('input[data-edge="apple_num"]'), '3');
    await page.click('button[data-action="book-inputs"]');
    assert.equal((await edge(page, 'price')).value, '220');
  });
});

test('matrix nodes: MatMul shows shapes and dW = xᵀ·dout has W\'s shape; Repeat sums back', async () => {
  await withPage('graph-matmul', `${URL_EN}&cg_ex=matmul&cg_step=2`, async (page) => {
    await panelReady(page);
    const label = await page.textContent(`${tid('graph-diagram')} [data-edge-label="W"] [data-part="name"]`);
    assert.equal(label, 'W (3×2)');
    assert.match(await page.textContent(`${tid('edge-table')} tr[data-edge="W"]`), /3×2/);
    assert.notEqual((await edge(page, 'W')).grad, '');
    // x (2,3) = [[1,2,3],[4,5,6]], dout = ones(2,2): dW = xᵀ·1 → rows 5, 7, 9
    assert.equal((await edge(page, 'W')).grad, '5, 5; 7, 7; 9, 9');
  });
  await withPage('graph-repeat', `${URL_EN}&cg_ex=repeat&cg_step=2`, async (page) => {
    await panelReady(page);
    // y = repeat(x, 2): dout = ones(2, 3) → dx = sum over the rows = [2, 2, 2]
    assert.equal((await edge(page, 'x')).grad, '2, 2, 2');
  });
});

test('the real network: every layer\'s gradients, then one update lowers the loss', async () => {
  await withPage('graph-network', `${URL_EN}&cg_ex=network`, async (page) => {
    await panelReady(page);
    // forward through every layer, backward through every layer, then the update
    await page.focus('button[data-action="next"]');
    while (await page.getAttribute('button[data-action="next"]', 'aria-disabled') !== 'true') await page.keyboard.press('Enter');
    assert.equal(await step(page), 9, 'Affine, Sigmoid, Affine, Softmax-with-Loss: 4 forward + 4 backward + 1 update');
    assert.equal(await page.$eval(tid('graph-status'), (e) => e.dataset.phase), 'update');
    const { before, after: lossAfter } = await page.$eval(tid('net-loss'), (e) => ({ ...e.dataset }));
    assert.ok(Number(lossAfter) < Number(before), `loss ${before} → ${lossAfter}`);
    assert.equal(await page.locator(`${tid('net-update')} [data-param]`).count(), 4, 'W1, b1, W2, b2');
    assert.equal(await page.textContent(`${tid("graph-diagram")} [data-edge-label="W1"] [data-part="name"]`), "W1");
    assert.equal(await page.textContent(`${tid("graph-diagram")} [data-edge-label="W1"] [data-part="value"]`), "2×3");
    assert.notEqual((await edge(page, 'W1')).grad, '');
  });
});

test('language switch keeps the example and the step; all strings in both languages', async () => {
  assert.deepEqual(Object.keys(strings.ko).sort(), Object.keys(strings.en).sort());
  await withPage('graph-lang', `${URL_EN}&cg_ex=apple_orange&cg_step=6`, async (page) => {
    await panelReady(page);
    assert.equal((await edge(page, 'tax')).grad, '650');
    await page.selectOption('#sn-language', 'ko');
    await page.waitForFunction(() => document.querySelector('.sn-panel h2')?.textContent === '계산 그래프와 오차역전파');
    await panelReady(page);
    assert.equal(await step(page), 6);
    assert.equal((await edge(page, 'tax')).grad, '650');
    assert.match(await testidText(page, 'graph-status'), /역전파 2\/4/);
  });
});

test('an example chosen by button writes the URL; at 375 px nothing overflows', async () => {
  await withPage('graph-375', URL_EN, async (page) => {
    await panelReady(page);
    await page.click('button[data-example="softmax_with_loss"]');
    await page.waitForSelector('.sn-stage[data-example="softmax_with_loss"]');
    assert.match(new URL(page.url()).hash, /cg_ex=softmax_with_loss/);
    await pressNext(page, 2);
    await assertNoOverflow(page);
    for (const ex of ['apple_orange', 'affine', 'network']) {
      await page.click(`button[data-example="${ex}"]`);
      await page.waitForSelector(`.sn-stage[data-example="${ex}"]`);
      await assertNoOverflow(page);
    }
  }, { viewport: PHONE });
});

test('embedded: as <scratchnet-panel> and as an iframe, set by attributes / URL, the host URL untouched', async () => {
  await withPage('graph-embed-element', '/demo.html', async (page) => {
    await page.evaluate(() => {
      const el = document.createElement('scratchnet-panel');
      el.id = 'cg';
      for (const [k, v] of Object.entries({ panel: 'graph', cg_ex: 'apple', cg_step: '4', lang: 'en' })) el.setAttribute(k, v);
      document.body.append(el);
    });
    await panelReady(page, '#cg');
    assert.equal(await page.$eval('#cg .sn-notes', (n) => n.hidden), true);
    assert.equal(await page.$eval('#cg [data-edge-label="apple"]', (e) => e.dataset.grad), '2.2');
    await page.click('#cg button[data-action="prev"]');
    assert.equal(await page.$eval('#cg [data-edge-label="apple"]', (e) => e.dataset.grad), '');
    assert.equal(new URL(page.url()).hash, '');
  });
  await withPage('graph-embed-iframe', '/embed.html?panel=graph&cg_ex=apple_orange&cg_step=8&lang=en', async (page) => {
    await panelReady(page);
    assert.equal((await edge(page, 'tax')).grad, '650');
    assert.equal(await page.$$eval('nav[aria-label="Panels"]', (n) => n.length), 0);
  });
});

test('under a strict Content-Security-Policy the graph draws with no violation', async () => {
  await withPage('graph-csp', `${URL_EN}&cg_ex=affine&cg_step=2`, async (page, base, { violations }) => {
    await panelReady(page);
    assert.equal((await edge(page, 'W')).grad !== '', true);
    await page.click('button[data-action="check"]');
    await page.click('button[data-example="network"]');
    await page.waitForSelector('.sn-stage[data-example="network"]');
    assert.deepEqual(violations, []);
  }, { csp: true });
});
