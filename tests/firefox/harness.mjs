// harness.mjs — the Firefox smoke tests: Debian's firefox-esr, headless,
// driven over WebDriver BiDi by puppeteer-core, on the same served dist/ as
// the Chromium tests (tests/browser/harness.mjs serve()). Console errors and
// page errors fail a test; a failing test leaves a screenshot in test-results/.
import puppeteer from 'puppeteer-core';
import { serve, stop as stopServer, collectErrors, withScreenshot } from '../browser/harness.mjs';

export const FIREFOX = '/usr/bin/firefox-esr';
let browser;

export async function stop() {
  await browser?.close();
  browser = undefined;
  await stopServer();
}

/** Open base + urlPath in a fresh Firefox page and run fn(page, base); console errors fail the test. */
export async function withFirefox(name, urlPath, fn, { viewport = { width: 1200, height: 900 } } = {}) {
  const base = await serve();
  browser ??= await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, protocol: 'webDriverBiDi', headless: true });
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  const errors = collectErrors(page);
  try {
    await page.goto(base + urlPath);
    await fn(page, base);
    if (errors.length) throw new Error(`errors on the page:\n${errors.join('\n')}`);
  } catch (e) {
    throw await withScreenshot(page, `firefox-${name}`, e);
  } finally {
    await context.close();
  }
}

/** Wait until the panel inside `scope` has mounted (or said it cannot run here). */
export async function panelReady(page, scope = 'body') {
  await page.waitForSelector(`${scope} .sn-panel[data-ready="true"], ${scope} .sn-panel[data-unsupported]`, { timeout: 30000 });
  const unsupported = await page.$eval(`${scope} .sn-panel`, (p) => p.dataset.unsupported ?? null);
  if (unsupported) throw new Error(`the page says this browser lacks: ${unsupported}`);
}

export const tid = (id) => `[data-testid="${id}"]`;
export const text = (page, id) => page.$eval(tid(id), (e) => e.textContent.trim());
