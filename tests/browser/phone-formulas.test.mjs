// Phones: at 375 px every worked formula fits its box — scaled down (KaTeX
// sizes in em) instead of clipped in a box that scrolls sideways, which is
// how it was found: the backprop and activation formulas cut at the right edge.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, nextFrame, stop, PHONE } from './harness.mjs';

after(stop);

async function formulaWidths(page) {
  await page.evaluate(() => document.fonts.ready);
  await nextFrame(page);
  return page.$$eval('.sn-formula', (boxes) => boxes.filter((b) => b.offsetParent !== null).map((b) => ({
    scroll: b.scrollWidth, client: b.clientWidth, scale: parseFloat(getComputedStyle(b).fontSize) / parseFloat(getComputedStyle(b.parentElement).fontSize),
  })));
}

for (const [panel, extra] of [['activation', ''], ['backprop', ''], ['mnist', ''], ['perceptron', '']]) {
  test(`${panel} ${extra}: every formula fits 375 px without a sideways scroll`, async () => {
    await withPage(`phone-formulas-${panel}`, `/#panel=${panel}&lang=en&${extra}`, async (page) => {
      await panelReady(page);
      const boxes = await formulaWidths(page);
      assert.ok(boxes.length > 0, 'the panel shows formulas');
      for (const b of boxes) assert.ok(b.scroll <= b.client + 1, `formula ${b.scroll} px wide in a ${b.client} px box (scale ${b.scale})`);
      for (const b of boxes) assert.ok(b.scale >= 0.5, `not shrunk below half size (${b.scale})`);
    }, { viewport: PHONE });
  });
}

test('a formula scaled for a phone grows back when the window is wide', async () => {
  await withPage('phone-formulas-regrow', '/#panel=backprop&lang=en', async (page) => {
    await panelReady(page);
    const narrow = await formulaWidths(page);
    assert.ok(narrow.some((b) => b.scale < 0.99), 'at least one formula had to be scaled at 375 px');
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.waitForFunction(() => [...document.querySelectorAll('.sn-formula')].every((b) => b.scrollWidth <= b.clientWidth + 1));
    const wide = await formulaWidths(page);
    assert.ok(Math.min(...wide.map((b) => b.scale)) > Math.min(...narrow.map((b) => b.scale)), 'the smallest formula is larger on a wide window');
  }, { viewport: PHONE });
});
