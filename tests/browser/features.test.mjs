// Feature detection: a browser whose WebAssembly lacks what the core is built
// with (SIMD, exception handling) gets a plain, translated sentence in place of
// each panel, before the core is fetched, and no console error. Tested by
// stubbing WebAssembly.validate, which is what the check asks.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, stop, tid } from './harness.mjs';

after(stop);

const noWasmFeatures = () => { WebAssembly.validate = () => false; };

async function unsupportedText(page, scope = 'body') {
  await page.waitForSelector(`${scope} .sn-panel[data-unsupported]`, { timeout: 20000 });
  return page.textContent(`${scope} ${tid('unsupported')}`);
}

test('the playground says which WebAssembly features are missing, in English and Korean, and does not load the core', async () => {
  await withPage('features-en', '/index.html?lang=en#panel=forward', async (page) => {
    assert.equal(await unsupportedText(page),
      'scratchnet cannot run in this browser: it lacks WebAssembly SIMD, WebAssembly exception handling. '
      + 'Please open this page in a recent Chrome, Edge, Firefox or Safari.');
    assert.equal(await page.getAttribute('.sn-panel', 'data-unsupported'), 'wasm-simd wasm-exceptions');
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length);
    assert.equal(wasm, 0, 'the core is not even fetched');
  }, { init: noWasmFeatures });
  await withPage('features-ko', '/index.html?lang=ko#panel=mnist', async (page) => {
    assert.match(await unsupportedText(page), /이 브라우저에서는 scratchnet을 실행할 수 없습니다. 다음 기능이 없습니다: WebAssembly SIMD, WebAssembly 예외 처리/);
  }, { init: noWasmFeatures });
});

test('embedded panels (custom elements and the iframe) say it too, each in its own language', async () => {
  await withPage('features-embed', '/demo.html', async (page) => {
    assert.match(await unsupportedText(page, '#demo-perceptron'), /cannot run in this browser/);
    assert.match(await unsupportedText(page, '#demo-backprop'), /cannot run in this browser/);
    const frame = page.frameLocator('#demo-forward');
    await frame.locator('.sn-panel[data-unsupported]').waitFor({ timeout: 20000 });
    assert.match(await frame.locator(tid('unsupported')).textContent(), /lacks WebAssembly SIMD/);
  }, { init: noWasmFeatures });
});

test('a browser with no WebAssembly at all is told so', async () => {
  await withPage('features-no-wasm', '/index.html?lang=en#panel=perceptron', async (page) => {
    assert.match(await unsupportedText(page), /it lacks WebAssembly\. Please open/);
  }, { init: () => { delete globalThis.WebAssembly; } });
});
