// harness.mjs — what every browser test needs: the built site served on
// localhost, Debian's Chromium driven by playwright-core, console errors
// collected, and a screenshot saved when a test fails; plus the helpers
// several test files share (data-testid selectors, the strict-CSP page,
// the phone-width overflow check).
import fs from 'node:fs';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const screenshotDir = path.join(root, 'test-results');

// The flags this machine needs: no sandbox as root, no GPU, no calls home.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let server;
let browser;

/** Serve dist/ (built by scripts/build.sh web) on 127.0.0.1; returns the base URL (also used by tests/firefox). */
export async function serve() {
  server ??= await preview({
    configFile: path.join(root, 'web/vite.config.js'),
    // SCRATCHNET_DIST=build/my-dist serves another build than dist/ (a private one while developing)
    ...(process.env.SCRATCHNET_DIST ? { build: { outDir: path.resolve(root, process.env.SCRATCHNET_DIST) } } : {}),
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  return `http://127.0.0.1:${server.httpServer.address().port}`;
}

/** Serve dist/ and start Chromium; returns the base URL. */
export async function start() {
  const base = await serve();
  browser ??= await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  return base;
}

export async function stop() {
  await browser?.close();
  await new Promise((r) => (server ? server.httpServer.close(r) : r()));
  browser = undefined;
  server = undefined;
}

/** The policy a strict embedding page sets: no inline styles or scripts, wasm allowed. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self' data:";

/**
 * Serve every HTML page `page` loads from now on with the STRICT_CSP header.
 * Returns the list that collects the CSP violations the browser reports.
 */
export async function withStrictCsp(page) {
  await page.route((url) => url.pathname.endsWith('.html') || url.pathname.endsWith('/'), async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
  });
  const violations = [];
  page.on('console', (m) => { if (/Content.Security.Policy|Refused/i.test(m.text())) violations.push(m.text()); });
  return violations;
}

/**
 * Console and page errors of `page` (a Playwright or a puppeteer page: both
 * have these events) as they happen: the list a test fails on when not empty.
 */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** A failed test's error, after a full-page screenshot test-results/<name>.png that it names. */
export async function withScreenshot(page, name, e) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^\w-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  e.message += `\n(screenshot: ${file})`;
  return e;
}

/** A phone: the width every panel must fit without horizontal scrolling. */
export const PHONE = { width: 375, height: 800 };

/**
 * Open `urlPath` in a fresh context and run fn(page, base, { violations }).
 * Console errors and page errors fail the test; on any failure a screenshot
 * goes to test-results/. With `csp: true` the page is served under STRICT_CSP
 * from the first load on, and `violations` collects what the browser refused.
 */
// init: a function run in the page before its own scripts (page.addInitScript).
export async function withPage(name, urlPath, fn, { viewport = { width: 1200, height: 900 }, headers, csp = false, init } = {}) {
  const base = await start();
  const context = await browser.newContext({ viewport, extraHTTPHeaders: headers });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const errors = collectErrors(page);
  try {
    const violations = csp ? await withStrictCsp(page) : [];
    if (urlPath !== null) await page.goto(base + urlPath);  // null: fn navigates (e.g. to another origin)
    await fn(page, base, { violations });
    if (errors.length) throw new Error(`errors on the page:\n${errors.join('\n')}`);
  } catch (e) {
    throw await withScreenshot(page, name, e);
  } finally {
    await context.close();
  }
}

/** Wait until the panel inside `scope` has mounted. */
export async function panelReady(page, scope = 'body') {
  await page.waitForSelector(`${scope} .sn-panel[data-ready="true"]`, { timeout: 20000 });
}

/** The selector of the element with data-testid="id". */
export const tid = (id) => `[data-testid="${id}"]`;

/** The number in data-value of the element with data-testid="id". */
export const dataValue = (page, id) => page.$eval(tid(id), (e) => Number(e.dataset.value));

/**
 * Wait until the element with data-testid="id" is shown (or hidden). Panels
 * redraw on the next animation frame, so a check right after a click or a
 * select would race the redraw on a busy machine.
 */
export async function waitShown(page, id, shown = true, timeout = 10000) {
  await page.waitForSelector(tid(id), { state: shown ? 'visible' : 'hidden', timeout });
}

/** Wait until the element with data-testid="id" has attribute `name` equal to `value` (redrawn on the next frame). */
export async function waitAttr(page, id, name, value, timeout = 10000) {
  await page.waitForSelector(`${tid(id)}[${name}="${value}"]`, { state: 'attached', timeout });
}

/** Wait for two animation frames: whatever a panel scheduled for the next frame has been drawn. */
export const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Wait until the number in data-value of `id` compares (op: <, >, >=, ===) with x. */
export async function waitValue(page, id, op, x, timeout = 30000) {
  await page.waitForFunction(([sel, o, y]) => {
    const e = document.querySelector(sel);
    const v = e ? Number(e.dataset.value) : NaN;
    return o === '<' ? v < y : o === '>' ? v > y : o === '>=' ? v >= y : v === y;
  }, [tid(id), op, x], { timeout });
}

/**
 * The page footer's reading of its core ({ heap, live }: wasm bytes, live core
 * objects) once it has updated (every second) after this call: not a stale one.
 */
export async function coreStats(page) {
  const seen = await page.$eval(tid('core-stats'), (f) => Number(f.dataset.updates));
  await page.waitForFunction(([sel, n]) => Number(document.querySelector(sel).dataset.updates) > n, [tid('core-stats'), seen], { timeout: 10000 });
  return page.$eval(tid('core-stats'), (f) => ({ heap: Number(f.dataset.heap), live: Number(f.dataset.live) }));
}

/** The text of the element with data-testid="id". */
export const testidText = (page, id) => page.textContent(tid(id));

/** A "7"-ish stroke on the MNIST panel's drawing canvas (the MLP and CNN tests draw the same one). */
export async function drawSeven(page) {
  await page.locator(tid('draw-canvas')).scrollIntoViewIfNeeded();
  const box = await page.locator(tid('draw-canvas')).boundingBox();
  const at = (fx, fy) => [box.x + fx * box.width, box.y + fy * box.height];
  await page.mouse.move(...at(0.25, 0.2));
  await page.mouse.down();
  for (const [fx, fy] of [[0.5, 0.2], [0.75, 0.2], [0.6, 0.5], [0.5, 0.8]]) await page.mouse.move(...at(fx, fy), { steps: 6 });
  await page.mouse.up();
}

/** Assert the page does not scroll sideways at its width (1px of rounding allowed). */
export async function assertNoOverflow(page, width = PHONE.width) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width + 1, `scrollWidth ${scroll} > ${width + 1}`);
}
