// harness.mjs — what every browser test needs: the built site served on
// localhost, Debian's Chromium driven by playwright-core, console errors
// collected, and a screenshot saved when a test fails.
import fs from 'node:fs';
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

/** Serve dist/ (built by scripts/build.sh web) and start Chromium; returns the base URL. */
export async function start() {
  server ??= await preview({
    configFile: path.join(root, 'web/vite.config.js'),
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  browser ??= await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const address = server.httpServer.address();
  return `http://127.0.0.1:${address.port}`;
}

export async function stop() {
  await browser?.close();
  await new Promise((r) => (server ? server.httpServer.close(r) : r()));
  browser = undefined;
  server = undefined;
}

/**
 * Open `urlPath` in a fresh context and run fn(page). Console errors and page
 * errors fail the test; on any failure a screenshot goes to test-results/.
 */
export async function withPage(name, urlPath, fn, { viewport = { width: 1200, height: 900 }, headers } = {}) {
  const base = await start();
  const context = await browser.newContext({ viewport, extraHTTPHeaders: headers });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  try {
    await page.goto(base + urlPath);
    await fn(page, base);
    if (errors.length) throw new Error(`errors on the page:\n${errors.join('\n')}`);
  } catch (e) {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name.replace(/[^\w-]+/g, '_')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    e.message += `\n(screenshot: ${file})`;
    throw e;
  } finally {
    await context.close();
  }
}

/** Wait until the panel inside `scope` has mounted. */
export async function panelReady(page, scope = 'body') {
  await page.waitForSelector(`${scope} .sn-panel[data-ready="true"]`, { timeout: 20000 });
}
