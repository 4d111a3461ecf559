// The backprop playground (issue 11): the network at the centre with a heat map in every
// neuron, edges to hover and edit, features and layers on the picture, seeded data from
// the link, the book's spiral preset, the output map's dots and legend, the learning-rate
// marker and hint, keyboard and 375 px.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop, tid, testidText, assertNoOverflow, PHONE, dataValue as value, waitValue, waitAttr, nextFrame } from './harness.mjs';

after(stop);

const BP = '/index.html?lang=en#panel=backprop';

// The panel's colour scale (web/src/panels/backprop/colors.js): t = 0 rgb(232,119,34), ½ white,
// 1 rgb(17,102,204), linear in RGB. A pixel back to t: blue channel on the lower half, red on the upper.
const NEG = [232, 119, 34];
const POS = [17, 102, 204];
function tOfPixel([r, , b]) {
  return b < r ? 0.5 * (b - NEG[2]) / (255 - NEG[2]) : 0.5 + 0.5 * (255 - r) / (255 - POS[0]);
}

/**
 * Pixels (ix, iy) of the 40 × 40 map under `selector` — a canvas, or a neuron, whose map is its
 * rows of the picture's atlas (data-atlas-row) — and the core's trace of the network at those grid points.
 */
const readPixels = (page, selector, cells) => page.evaluate(([sel, cs]) => {
  const target = document.querySelector(sel);
  const canvas = target.tagName === 'CANVAS' ? target : target.closest('[data-testid="network"]').querySelector('[data-testid="neuron-atlas"]');
  const ctx = canvas.getContext('2d');
  const run = document.querySelector('.sn-panel').snRun;
  const n = canvas.width;
  const y0 = target === canvas ? 0 : n * Number(target.dataset.atlasRow);
  const h = 12 / n;
  return cs.map(([ix, iy]) => {
    const x1 = -6 + (ix + 0.5) * h;
    const x2 = 6 - (iy + 0.5) * h;
    return { rgb: [...ctx.getImageData(ix, y0 + iy, 1, 1).data], trace: run.probe(x1, x2).map((e) => ({ layer: e.layer, data: [...e.data] })) };
  });
}, [selector, cells]);
const CELLS = [[0, 0], [5, 33], [20, 20], [31, 7], [39, 39], [12, 27]];

test('the default circle: play trains to ≥ 90 % test accuracy; every neuron has a map; step, pause and reset', async () => {
  await withPage('backprop-circle', BP, async (page) => {
    await panelReady(page);
    assert.equal(await value(page, 'step'), 0);
    assert.equal(await page.inputValue(tid('data')), 'circle');
    assert.match(await testidText(page, 'architecture'), /inputs \(x₁, x₂\) → hidden 4 → 2 \(tanh\) → 2 outputs \(softmax/);
    // 2 inputs + 4 + 2 hidden + 2 outputs, each a 40 × 40 map; 2·4 + 4·2 + 2·2 = 20 edges
    assert.equal(await page.locator(`${tid('network')} .sn-net-node.sn-net-mapped`).count(), 10);
    assert.equal(await page.locator(`${tid('network')} path.sn-edge-hit`).count(), 20);
    // the maps are rows of one atlas, drawn on one canvas over the edges' (and the lens' own):
    // no canvas per neuron for the browser to hand to its compositor every frame
    assert.equal(await page.$eval(tid('neuron-atlas'), (c) => `${c.width}×${c.height}`), '40×400');
    assert.equal(await page.locator(`${tid('network')} canvas`).count(), 4);
    const initialLoss = await value(page, 'loss');
    await page.click(tid('play'));
    assert.equal(await page.getAttribute(tid('play'), 'aria-pressed'), 'true');
    await waitValue(page, 'test-accuracy', '>=', 0.9, 40000);
    await page.click(tid('play'));
    await waitAttr(page, 'play', 'aria-pressed', 'false');   // a paused run redraws on the next frame
    const step = await value(page, 'step');
    await page.waitForTimeout(300);
    assert.equal(await value(page, 'step'), step, 'paused: no more steps');
    await page.click(tid('step-once'));
    assert.equal(await value(page, 'step'), step + 1);
    // the loss chart has the training and the test curve
    await page.waitForSelector(`${tid('loss-plot')} svg g.sn-test-loss path`);
    await page.click(tid('reset'));
    assert.equal(await value(page, 'step'), 0);
    assert.equal(await value(page, 'loss'), initialLoss, 'same seed, same untrained network');
  });
});

test('a neuron\'s heat-map pixels are the core\'s trace of that neuron at those grid points (hidden and output)', async () => {
  await withPage('backprop-pixels', `${BP}&layers=2&neurons=3,2&features=x1,x2,x1x2`, async (page) => {
    await panelReady(page);
    for (let i = 0; i < 15; i++) await page.click(tid('step-once'));
    await nextFrame(page);
    let checked = 0;
    for (const [testid, layer, j, domain] of [['neuron-1-2', 'Tanh1', 2, [-1, 1]], ['neuron-2-1', 'Tanh2', 1, [-1, 1]], ['neuron-3-1', 'SoftmaxWithLoss', 1, [0, 1]]]) {
      for (const { rgb, trace } of await readPixels(page, tid(testid), CELLS)) {
        const want = trace.find((e) => e.layer === layer).data[j];
        const t = (want - domain[0]) / (domain[1] - domain[0]);
        if (t < 0.01 || t > 0.99) continue;   // clamped at the scale's ends: no value to read back
        const got = domain[0] + tOfPixel(rgb) * (domain[1] - domain[0]);
        assert.ok(Math.abs(got - want) < 0.012 * (domain[1] - domain[0]), `${testid} pixel ${rgb}: ${got} vs the core's ${want}`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `${checked} pixels compared`);
    // the picture shows each neuron's atlas rows inside its box: the middle of the box on the
    // network's canvas is the map's middle (bilinear scaling 40 → 38 px: within a few levels)
    const shown = await page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="map-canvas"]');
      const atlas = document.querySelector('[data-testid="neuron-atlas"]');
      const k = canvas.width / canvas.getBoundingClientRect().width;
      return ['neuron-1-2', 'neuron-2-1', 'neuron-3-1'].map((id) => {
        const host = document.querySelector(`[data-testid="${id}"]`);
        const box = host.getBoundingClientRect();
        const c = canvas.getBoundingClientRect();
        const x = Math.round((box.left + box.width / 2 - c.left) * k);
        const y = Math.round((box.top + box.height / 2 - c.top) * k);
        const a = [...atlas.getContext('2d').getImageData(20, 40 * Number(host.dataset.atlasRow) + 20, 1, 1).data];
        return { id, got: [...canvas.getContext('2d').getImageData(x, y, 1, 1).data], want: a };
      });
    });
    for (const { id, got, want } of shown) assert.ok(got.every((v, i) => Math.abs(v - want[i]) <= 24), `${id}: the picture ${got}, the atlas ${want}`);
    // the big output map is the same output neuron's map
    for (const { rgb, trace } of await readPixels(page, tid('output-map'), CELLS)) {
      const want = trace.at(-1).data[1];
      if (want > 0.01 && want < 0.99) assert.ok(Math.abs(tOfPixel(rgb) - want) < 0.012, `output ${tOfPixel(rgb)} vs ${want}`);
    }
    // hovering (or focusing) a neuron enlarges its map
    await page.hover(tid('neuron-1-2'));
    await page.waitForSelector(`${tid('lens')}:not([hidden])`);
    assert.match(await testidText(page, 'lens'), /hidden layer 1, neuron 3/);
  });
});

test('an edge: hover shows w and ∂L/∂w; a click selects it; a new w changes the output by what the core computes', async () => {
  await withPage('backprop-edge', BP, async (page) => {
    await panelReady(page);
    for (let i = 0; i < 10; i++) await page.click(tid('step-once'));
    await page.hover(tid('edge-2-1-0'));
    await page.waitForSelector(`${tid('edge-tip')}:not([hidden])`);
    assert.match(await testidText(page, 'edge-tip'), /^W2\[2→1\]: w = -?[\d.e-]+, ∂L\/∂w = -?[\d.e-]+$/);
    await page.click(tid('edge-2-1-0'));
    assert.equal(await page.inputValue(tid('edge-layer')), '2');
    assert.equal(await page.inputValue(tid('edge-from')), '1');
    assert.equal(await page.inputValue(tid('edge-to')), '0');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'edge-weight', 'the value field has the focus');
    const [before] = await readPixels(page, tid('output-map'), [[20, 20]]);
    await page.fill(tid('edge-weight'), '-3');
    await page.press(tid('edge-weight'), 'Enter');
    await nextFrame(page);
    const w = await page.evaluate(() => document.querySelector('.sn-panel').snRun.weights()[1]);
    assert.equal(w.data[1 * w.cols + 0], -3, 'W2[1][0] is the typed value');
    assert.equal(Number(await page.getAttribute(tid('edge-info'), 'data-w')), -3);
    const [got] = await readPixels(page, tid('output-map'), [[20, 20]]);
    const want = got.trace.at(-1).data[1];
    assert.notDeepEqual(got.rgb, before.rgb, 'the output map followed the edit at once');
    assert.ok(Math.abs(tOfPixel(got.rgb) - want) < 0.012, `the pixel is the core's output after the edit: ${tOfPixel(got.rgb)} vs ${want}`);
    assert.equal(await value(page, 'step'), 10, 'an edit is not a training step');
  });
});

// 모두의 딥러닝 ch. 3 / book 2.5: data=xor is still the four points the panel always trained
test('data=xor: the four XOR points on [−0.5, 1.5]², no split or noise sliders; play learns them (each output on its side of 0.5)', async () => {
  await withPage('backprop-xor', `${BP}&data=xor`, async (page) => {
    await panelReady(page);
    const dots = await page.$$eval(`${tid('heatmap')} circle.sn-dot`, (cs) => cs.map((c) => [Number(c.getAttribute('cx')), 0 - Number(c.getAttribute('cy')), Number(c.dataset.label)]));
    assert.deepEqual(dots, [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]);
    assert.match(await testidText(page, 'architecture'), /inputs \(x₁, x₂\) → hidden 2 \(tanh\) → 1 output \(tanh, mean squared error/);
    assert.match(await testidText(page, 'gate-note'), /both the training and the test data/);
    for (const gone of ['noise', 'ratio', 'test-loss', 'test-accuracy', 'show-test']) assert.equal(await page.locator(tid(gone)).count(), 0, `${gone} is not shown`);
    assert.equal(await page.inputValue(tid('optimizer')), 'momentum');
    assert.equal(await page.inputValue(tid('lr-number')), '0.1');
    await page.click(tid('play'));
    await waitValue(page, 'accuracy', '>=', 1, 30000);
    await waitValue(page, 'loss', '<', 0.01, 30000);
    await page.click(tid('play'));
    await nextFrame(page);
    // the output map's pixel nearest each point (40 px over [−0.5, 1.5]: 0.05 each) is on its side of ½
    const px = await page.evaluate(() => {
      const ctx = document.querySelector('[data-testid="output-map"]').getContext('2d');
      return [[10, 29], [10, 9], [30, 29], [30, 9]].map(([ix, iy]) => [...ctx.getImageData(ix, iy, 1, 1).data]);
    });
    [0, 1, 1, 0].forEach((label, k) => assert.ok(label ? tOfPixel(px[k]) > 0.5 : tOfPixel(px[k]) < 0.5, `point ${k}: pixel ${px[k]}`));
    assert.match(page.url(), /#panel=backprop&data=xor$/, 'the link names nothing but the data set');
  });
});

test('an edge near w = 0 is light grey, not white; with L2 on, ∂L′/∂w says it carries the L2 term', async () => {
  await withPage('backprop-edge-grey', `${BP}&data=xor&reg=l2&rate=0.1`, async (page) => {
    await panelReady(page);
    // the editor starts on the last layer's first edge, W2[1→1] (a straight line: hidden 1 and the output share a row)
    assert.deepEqual(await Promise.all(['edge-layer', 'edge-from', 'edge-to'].map((k) => page.inputValue(tid(k)))), ['2', '0', '0']);
    await page.fill(tid('edge-weight'), '0');
    await page.press(tid('edge-weight'), 'Enter');
    assert.equal(Number(await page.getAttribute(tid('edge-info'), 'data-w')), 0);
    assert.match(await testidText(page, 'edge-info'), /∂L′\/∂w = .*the L2 \(weight decay\) term/);
    await page.selectOption(tid('edge-from'), '1');   // the dashed selection mark moves off the edge under test
    await nextFrame(page);
    // the most opaque pixel around the middle of W2[1→1] on the edges' canvas
    const rgba = await page.evaluate(() => {
      const path = document.querySelector('[data-testid="edge-2-0-0"]');
      const mid = path.getPointAtLength(path.getTotalLength() / 2);
      const canvas = document.querySelector('canvas.sn-net-edges');
      const k = canvas.width / canvas.getBoundingClientRect().width;
      const data = canvas.getContext('2d').getImageData(Math.round(mid.x * k) - 2, Math.round(mid.y * k) - 2, 5, 5).data;
      let best = [0, 0, 0, 0];
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > best[3]) best = [...data.slice(i, i + 4)];
      return best;
    });
    assert.ok(rgba[3] > 60, `the line is drawn: ${rgba}`);
    for (const [c, want] of [[0, 232], [1, 234], [2, 235]]) assert.ok(Math.abs(rgba[c] - want) <= 4, `grey #e8eaeb, got ${rgba}`);
    assert.match(await page.textContent(tid('legend')), /grey w ≈ 0/);
  });
});

test('features and layers change on the picture; the link reproduces them', async () => {
  await withPage('backprop-features', BP, async (page) => {
    await panelReady(page);
    assert.equal(await page.getAttribute(tid('feature-x1sq'), 'aria-pressed'), 'false');
    await page.click(tid('feature-x1sq'));
    await page.waitForSelector(`${tid('feature-x1sq')}[aria-pressed="true"]`);
    assert.match(page.url(), /features=x1%2Cx2%2Cx1sq/);
    assert.equal(await page.locator(`${tid('network')} .sn-net-node.sn-net-mapped`).count(), 11);
    await page.click(tid('add-layer'));
    await page.waitForSelector(tid('neuron-3-0'));
    assert.match(page.url(), /layers=3/);
    await page.click(tid('add-neuron-3'));
    await page.waitForSelector(tid('neuron-3-2'));
    assert.match(await testidText(page, 'architecture'), /hidden 4 → 2 → 3 \(tanh\)/);
    for (let i = 0; i < 3; i++) await page.click(tid('remove-layer'));
    await page.waitForFunction(() => /layers=0/.test(location.hash));
    await page.waitForSelector(`${tid('architecture')}:text-matches("hidden none")`);
    assert.equal(await page.isDisabled(tid('remove-layer')), true);
  });
});

test('every data set is seeded: the same link draws the same points, another seed others', async () => {
  const dots = (page) => page.$$eval(`${tid('heatmap')} circle.sn-dot`, (cs) => cs.map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')},${c.dataset.label}`));
  const open = (hash) => new Promise((resolve, reject) => withPage('backprop-seeded', `${BP}${hash}`, async (page) => {
    await panelReady(page);
    resolve({ dots: await dots(page), url: page.url() });
  }).catch(reject));
  for (const data of ['gauss', 'spiral2', 'reg-gauss']) {
    const a = await open(`&data=${data}&noise=0.3&ratio=60&seed=7`);
    const b = await open(new URL(a.url).hash.replace(/^#panel=backprop/, ''));
    const c = await open(`&data=${data}&noise=0.3&ratio=60&seed=8`);
    assert.equal(a.dots.length, 300, `${data}: 60 % of 500 training points drawn`);
    assert.deepEqual(b.dots, a.dots, `${data}: the page's own link draws the same points`);
    assert.notDeepEqual(c.dots, a.dots, `${data}: another seed`);
  }
});

test('data=spiral (a link and an embed attribute) loads the book\'s preset and reaches ≥ 90 % training accuracy', async () => {
  await withPage('backprop-spiral', `${BP}&data=spiral`, async (page) => {
    await panelReady(page);
    assert.equal(await page.inputValue(tid('data')), 'spiral');
    assert.equal(await page.inputValue(tid('neurons')), '10');
    assert.equal(await page.inputValue(tid('act')), 'sigmoid');
    assert.equal(await page.inputValue(tid('optimizer')), 'sgd');
    assert.equal(await page.inputValue(tid('init')), 'std');
    assert.equal(await page.inputValue(tid('batch')), '30');
    assert.equal(await value(page, 'lr-current'), 1);
    assert.match(await testidText(page, 'architecture'), /hidden 10 \(sigmoid\) → 3 outputs/);
    await page.selectOption(tid('speed'), '100');
    await page.click(tid('play'));
    await waitValue(page, 'accuracy', '>=', 0.9, 40000);
    await page.click(tid('play'));
  });
  await withPage('backprop-spiral-embed', '/demo.html', async (page) => {
    await page.evaluate(() => {
      const e = document.createElement('scratchnet-panel');
      e.id = 'spiral-embed';
      for (const [k, v] of [['panel', 'backprop'], ['data', 'spiral'], ['lang', 'en']]) e.setAttribute(k, v);
      document.body.append(e);
    });
    await panelReady(page, '#spiral-embed');
    const inside = (id) => `#spiral-embed ${tid(id)}`;
    assert.equal(await page.inputValue(inside('neurons')), '10');
    assert.equal(await page.inputValue(inside('act')), 'sigmoid');
    assert.equal(await page.$eval(inside('lr-current'), (e) => Number(e.dataset.value)), 1);
  });
});

test('the output map: dots keep a contrasting ring and fill, test points on demand; the legend\'s "0" tick is whole', async () => {
  await withPage('backprop-dots', `${BP}&data=gauss`, async (page) => {
    await panelReady(page);
    await page.selectOption(tid('speed'), '100');
    await page.click(tid('play'));
    await waitValue(page, 'accuracy', '===', 1, 20000);
    await page.click(tid('play'));
    const dots = await page.$$eval(`${tid('heatmap')} circle.sn-dot`, (cs) => cs.map((c) => [c.getAttribute('fill'), c.getAttribute('stroke')]));
    assert.equal(dots.length, 250);
    for (const [fill, stroke] of dots) {
      assert.match(fill, /^rgb\(/);
      assert.equal(stroke, '#fff');
    }
    assert.equal(await page.locator(`${tid('heatmap')} .sn-dot-halos circle`).count(), 250, 'a dark halo under every dot');
    assert.equal(await page.locator(`${tid('heatmap')} circle.sn-dot-test`).count(), 0);
    await page.check(tid('show-test'));
    await page.waitForSelector(`${tid('heatmap')} circle.sn-dot-test`);
    assert.equal(await page.locator(`${tid('heatmap')} circle.sn-dot-test`).count(), 250);
    assert.match(page.url(), /showTest=1/);
    // the legend's ticks are whole words inside the legend
    const ticks = await page.$$eval(`${tid('legend')} > .sn-scale-ticks .sn-scale-tick`, (ts) => ts.map((e) => {
      const r = e.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(e);
      const tr = range.getBoundingClientRect();
      const box = e.closest('.sn-plane-out').getBoundingClientRect();
      return { text: e.textContent, inside: tr.left >= box.left - 0.5 && tr.right <= box.right + 0.5 && r.width >= tr.width - 0.5 };
    }));
    assert.deepEqual(ticks.map((t) => t.text), ['0', '0.5', '1']);
    assert.ok(ticks.every((t) => t.inside), JSON.stringify(ticks));
  });
});

test('dragging the learning-rate slider while training adds one marker; a high rate gets the hint', async () => {
  await withPage('backprop-lr', BP, async (page) => {
    await panelReady(page);
    await page.selectOption(tid('speed'), '1');
    await page.click(tid('play'));
    await waitValue(page, 'step', '>=', 20, 10000);
    await page.locator(tid('lr-range')).scrollIntoViewIfNeeded();
    const box = await page.locator(tid('lr-range')).boundingBox();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height / 2);
    await page.mouse.down();
    for (let k = 1; k <= 12; k++) {
      await page.mouse.move(box.x + box.width * (0.55 + 0.03 * k), box.y + box.height / 2);
      await page.waitForTimeout(60);   // steps go on between the moves
    }
    await page.mouse.up();
    const lr = await value(page, 'lr-current');
    assert.ok(lr > 0.3, `the slider moved η to ${lr}`);
    await page.click(tid('play'));
    await page.waitForSelector(`${tid('loss-plot')} svg g.sn-lr-change line`, { state: 'attached' });
    assert.equal(await page.locator(`${tid('loss-plot')} svg g.sn-lr-change line`).count(), 1, 'one marker per drag');
    assert.match(await page.textContent(`${tid('loss-plot')} svg g.sn-lr-change-label`), new RegExp(`η=${String(lr).replace('.', '\\.')}`));
  });
  await withPage('backprop-hint', `${BP}&lr=3`, async (page) => {
    await panelReady(page);
    assert.equal(await page.isHidden(tid('lr-hint')), true);
    await page.selectOption(tid('speed'), '5');
    await page.click(tid('play'));
    await page.waitForSelector(`${tid('lr-hint')}:not([hidden])`, { timeout: 30000 });
    assert.match(await testidText(page, 'lr-hint'), /learning rate η = 3 looks too large/);
    await page.click(tid('play'));
  });
});

test('keyboard: neurons are focusable and enlarge, features toggle with Enter, the weight editor reaches every edge', async () => {
  await withPage('backprop-keyboard', BP, async (page) => {
    await panelReady(page);
    await page.focus(tid('neuron-2-1'));
    await page.waitForSelector(`${tid('lens')}:not([hidden])`);
    await page.focus(tid('feature-sinx1'));
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${tid('feature-sinx1')}[aria-pressed="true"]`);
    await page.selectOption(tid('edge-layer'), '1');
    await page.selectOption(tid('edge-from'), '2');
    await page.selectOption(tid('edge-to'), '3');
    assert.match(await testidText(page, 'edge-info'), /w = .*∂L\/∂w = /);
    await page.fill(tid('edge-weight'), '0.75');
    await page.press(tid('edge-weight'), 'Enter');
    const w = await page.evaluate(() => document.querySelector('.sn-panel').snRun.weights()[0]);
    assert.equal(w.data[2 * w.cols + 3], 0.75, 'W1[sin x1 → neuron 4]');
    await page.focus(tid('play'));
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute(tid('play'), 'aria-pressed'), 'true');
    await page.keyboard.press('Space');
    const unnamed = await page.$$eval('.sn-panel input, .sn-panel select, .sn-panel button, .sn-panel [tabindex="0"]', (els) => els
      .filter((e) => !(e.getAttribute('aria-label') || e.labels?.length || e.textContent.trim()))
      .map((e) => e.outerHTML.slice(0, 120)));
    assert.deepEqual(unnamed, []);
  });
});

test('375 px: the picture and the play cluster on the first screen, the settings folded under them, no overflow', async () => {
  await withPage('backprop-375', `${BP}&layers=6&neurons=8,8,8,8,8,8`, async (page) => {
    await panelReady(page);
    await assertNoOverflow(page);
    const bottom = (id) => page.$eval(tid(id), (e) => e.getBoundingClientRect().bottom);
    assert.ok(await bottom('play') <= PHONE.height, 'play on the first screen');
    assert.ok(await bottom('network') <= PHONE.height, `the network on the first screen: bottom ${await bottom('network')}`);
    assert.equal(await page.getAttribute(tid('settings'), 'open'), null, 'settings folded');
    assert.ok(await page.$eval(tid('settings'), (e) => e.getBoundingClientRect().top) > await bottom('network'));
    await page.click(`${tid('settings')} summary`);
    await page.selectOption(tid('data'), 'xor');
    await page.waitForFunction(() => /data=xor/.test(location.hash));
    await page.click(tid('play'));
    await waitValue(page, 'step', '>=', 30, 10000);
    await assertNoOverflow(page);
  }, { viewport: PHONE });
});

test('switching the language while training rebuilds the view only: the run goes on (KO texts, no errors)', async () => {
  await withPage('backprop-language', BP, async (page) => {
    await panelReady(page);
    await page.click(tid('play'));
    await waitValue(page, 'step', '>=', 10, 10000);
    await page.selectOption('#sn-language', 'ko');
    await page.waitForFunction(() => /오차역전파 놀이터/.test(document.querySelector('.sn-panel h2')?.textContent ?? ''));
    await panelReady(page);
    assert.match(await testidText(page, 'play'), /일시정지/, 'still playing after the switch');
    const after = await value(page, 'step');
    assert.ok(after >= 10, `the same run goes on: step ${after}`);
    await waitValue(page, 'step', '>', after, 10000);
    await page.click(tid('gradcheck'));
    await page.waitForSelector(tid('gradcheck-table'));
    assert.match(await page.textContent(`${tid('gradcheck-table')} thead`), /매개변수.*최대 오차/);
    for (const r of await page.$$eval(`${tid('gradcheck-table')} tbody tr`, (trs) => trs.map((tr) => tr.dataset.ok))) assert.equal(r, 'true');
  });
});
