// Embedding from another origin, the way a tutorial site does it: the host
// page is served by a second server (http://localhost:<port>, while the
// panels come from http://127.0.0.1:<other port>) with a strict CSP of its
// own, and it is made of the README's snippets, verbatim except for YOUR-HOST.
// Counted on the host page: console errors, HTTP errors (404s), CSP
// violations (all must be 0); KaTeX's fonts must come from the panels' origin
// and load; each <scratchnet-panel lang="…"> speaks its own language; the
// iframe reports its height and the README's script sizes it to fit.
// Run against the built site (dist/) and against the dev server (`npm start`).
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { withPage, panelReady, start, stop } from './harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const servers = [];
after(async () => {
  await stop();
  for (const s of servers) await s.close();
});

/** The ```html blocks of the README's "Embedding a panel in your own page" section. */
function readmeSnippets() {
  const readme = fs.readFileSync(`${root}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('### Embedding a panel in your own page'));
  const blocks = [...section.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length >= 2, 'the README shows the custom element and the iframe');
  return blocks.slice(0, 2);
}

const HANGUL = /[\uac00-\ud7a3]/;

/** A tutorial page on its own origin, strict CSP, made of the README snippets pointing at `embedOrigin`. */
async function hostPage(embedOrigin) {
  const body = readmeSnippets().map((b) => b.replaceAll('https://YOUR-HOST', embedOrigin)).join('\n');
  // The strict policy a careful host sets: nothing inline except the one script it hashes, the
  // panels' origin allowed for exactly what the README says it needs.
  const inline = [...body.matchAll(/<script>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`);
  const csp = [`default-src 'none'`, `script-src ${embedOrigin} 'wasm-unsafe-eval' ${inline.join(' ')}`,
    `connect-src ${embedOrigin}`, `font-src ${embedOrigin}`, `img-src data:`, `style-src 'self'`,
    `frame-src ${embedOrigin}`].join('; ');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A tutorial</title></head>
<body><h1>A tutorial on another site</h1>\n${body}</body></html>`;
  const server = http.createServer((req, res) => {
    if (req.url === '/favicon.ico') { res.writeHead(204).end(); return; }  // the browser asks; not ours to count
    if (req.url !== '/') { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(html);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  servers.push({ close: () => new Promise((r) => server.close(r)) });
  return `http://localhost:${server.address().port}/`;
}

async function checkHost(name, embedOrigin) {
  const hostUrl = await hostPage(embedOrigin);
  await withPage(name, null, async (page) => {
    const failed = [];
    const fonts = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      if (/KaTeX_.*\.(woff2?|ttf)/.test(r.url())) fonts.push(`${r.status()} ${new URL(r.url()).origin}`);
    });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      window.__resizes = [];
      if (window === window.top) window.addEventListener('message', (e) => { if (e.data?.type === 'scratchnet:resize') window.__resizes.push(e.data.height); });
    });
    await page.goto(hostUrl);
    const [ko, en] = ['scratchnet-panel[lang="ko"]', 'scratchnet-panel[lang="en"]'];
    await panelReady(page, ko);
    await panelReady(page, en);
    const iframe = page.frames().find((f) => f.url().includes('/embed.html'));
    await iframe.waitForSelector('.sn-panel[data-ready="true"]', { timeout: 20000 });
    await page.evaluate(() => document.fonts.ready);

    // per-element language; the host page's own is untouched
    assert.ok(HANGUL.test(await page.textContent(ko)), 'the lang="ko" panel speaks Korean');
    assert.ok(!HANGUL.test(await page.textContent(en)), 'the lang="en" panel speaks English');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');

    // KaTeX's fonts: asked from the panels' origin, all 200, and loaded
    assert.ok(await page.$(`${ko} .katex`), 'the perceptron panel shows a formula');
    assert.ok(fonts.length > 0, 'KaTeX fonts were requested');
    assert.deepEqual([...new Set(fonts)], [`200 ${embedOrigin}`], 'every KaTeX font from the panels\' origin, status 200');
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
    for (const family of ['KaTeX_Main', 'KaTeX_Math']) assert.ok(loaded.includes(family), `${family} loaded (have: ${loaded})`);

    // the iframe tells its height and the README's script sizes it: nothing cut, no inner scrollbar
    await page.waitForFunction(() => {
      const f = document.querySelector('iframe');
      const last = window.__resizes.at(-1);
      return last > 0 && Number(f.height) === last;
    }, null, { timeout: 20000 });
    const reported = await page.evaluate(() => window.__resizes.at(-1));
    assert.ok(reported > 640, `the forward pass is ${reported} px tall: more than the old fixed 640 px`);
    const inner = await iframe.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: innerHeight }));
    assert.ok(inner.scroll <= inner.view + 1, `the iframe shows all of the panel (${inner.scroll} px in ${inner.view} px)`);

    // no 404, no CSP violation anywhere (the host's policy covers the custom elements; the iframe has its own page)
    assert.deepEqual(failed, []);
    const violations = [];
    for (const f of page.frames()) violations.push(...await f.evaluate(() => window.__violations ?? []));
    assert.deepEqual(violations, []);
  }, { viewport: { width: 900, height: 800 } });
}

test('the README snippets on a second origin with a strict CSP, against the built site', async () => {
  await checkHost('cross-origin-dist', await start());
});

test('the same README snippets, verbatim, against the dev server (npm start)', async () => {
  const dev = await createServer({
    configFile: `${root}web/vite.config.js`,
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false },
    logLevel: 'error',
  });
  await dev.listen();
  servers.push({ close: () => dev.close() });
  await checkHost('cross-origin-dev', `http://127.0.0.1:${dev.httpServer.address().port}`);
});
