// Embedding safety: panels inside somebody else's page run under a strict
// Content-Security-Policy, take settings by postMessage only in the schema
// of web/src/embed-messages.js (and ignore everything else), and survive
// hostile URL parameters. embed.test.mjs covers the plain embedding;
// activation/perceptron tests cover their own panel under the CSP.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { withPage, panelReady, stop, STRICT_CSP } from './harness.mjs';

after(stop);

// Records, in every frame from its first script on, what the browser's CSP
// refused (the console line can be missed; the event cannot), every message
// the top page receives, and every dialog (alert) a payload might open.
async function instrument(page) {
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    if (window === window.top) {
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push(e.data));
    }
  });
  return dialogs;
}

async function violationsIn(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...await frame.evaluate(() => window.__violations ?? []));
  return all;
}

test('the demo page (custom elements and an iframe) works under a strict CSP: no violation, no console error', async () => {
  await withPage('safety-demo-csp', '/embed.html?panel=forward&lang=en', async (page, base, { violations }) => {
    await instrument(page);
    await page.goto(`${base}/demo.html`);   // served with the strict CSP too (csp: true covers every page)
    for (const id of ['demo-perceptron', 'demo-activation', 'demo-backprop']) await panelReady(page, `#${id}`);
    await page.frameLocator('#demo-forward').locator('.sn-panel[data-ready="true"]').waitFor({ timeout: 20000 });
    assert.equal(await page.$eval('article', (a) => getComputedStyle(a).maxWidth), '736px', 'demo.css applies (46rem)');
    assert.deepEqual(violations, []);
    assert.deepEqual(await violationsIn(page), []);
  }, { csp: true });
  await withPage('safety-embed-csp-forward', '/embed.html?panel=forward&lang=en', async (page, base, { violations }) => {
    await panelReady(page);
    assert.deepEqual(violations, []);
  }, { csp: true });
});

test('the backprop and MNIST panels under a strict CSP: the decision map legend and the training worker', async () => {
  await withPage('safety-embed-csp-backprop', '/embed.html?panel=backprop&lang=en', async (page, base, { violations }) => {
    await panelReady(page);
    await page.waitForSelector('[data-testid="heatmap"] svg');
    assert.deepEqual(violations, []);
  }, { csp: true });
  await withPage('safety-embed-csp-mnist', '/embed.html?panel=mnist&lang=en&m_epochs=1', async (page, base, { violations }) => {
    await page.waitForSelector('[data-testid="status"][data-value="ready"]', { timeout: 30000 });
    await page.click('[data-testid="train"]');
    await page.waitForSelector('[data-testid="status"][data-value="done"]', { timeout: 60000 });
    await page.waitForSelector('[data-testid="confusion"] svg');
    assert.equal(await page.getAttribute('.sn-panel', 'data-session'), 'worker');
    assert.deepEqual(violations, []);
  }, { csp: true });
});

test('postMessage: the documented schema changes a setting, garbage changes nothing and throws nothing', async () => {
  await withPage('safety-postmessage', '/embed.html?panel=forward&lang=en', async (page, base, { violations }) => {
    const dialogs = await instrument(page);
    // A host page of our own under the strict CSP: just the iframe, as a tutorial would embed it.
    await page.route(`${base}/host.html`, (route) => route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': STRICT_CSP },
      body: '<!doctype html><title>host</title><iframe id="demo-forward" title="forward" src="/embed.html?panel=forward&amp;lang=en"></iframe>',
    }));
    await page.goto(`${base}/host.html`);
    const frame = page.frameLocator('#demo-forward');
    const inFrame = () => page.frames().find((f) => f.url().includes('embed.html'));
    await page.waitForFunction(() => window.__messages.some((m) => m?.type === 'scratchnet:ready'), null, { timeout: 20000 });
    const ready = await page.evaluate(() => window.__messages.find((m) => m.type === 'scratchnet:ready'));
    assert.equal(ready.version, 1);
    assert.equal(ready.panel, 'forward');
    assert.equal(ready.state.x1, 1);

    const post = (message) => page.evaluate((m) => {
      // JSON round trip so that '__proto__' arrives as an own key, as from a hostile JSON payload
      document.getElementById('demo-forward').contentWindow.postMessage(typeof m === 'string' && m.startsWith('{') ? JSON.parse(m) : m, '*');
    }, message);
    const replies = () => page.evaluate(() => window.__messages.filter((m) => m?.type === 'scratchnet:state'));

    // Not the schema: each of these must be ignored without a reply or an error.
    const garbage = [
      'alert(1)', 'x1=0', '', 42, null, true, [], ['scratchnet:set', { x1: 0 }],
      '{"type":"scratchnet:set"}',
      '{"type":"scratchnet:set","settings":"x1=0"}',
      '{"type":"scratchnet:set","settings":[0]}',
      '{"type":"scratchnet:set","settings":null}',
      '{"type":"scratchnet:set","settings":{"x1":0},"then":"alert(1)"}',
      '{"type":"SCRATCHNET:SET","settings":{"x1":0}}',
      '{"type":"eval","code":"alert(1)"}',
      '{"__proto__":{"polluted":1},"type":"scratchnet:set"}',
      '{"type":{"toString":"scratchnet:set"},"settings":{"x1":0}}',
    ];
    for (const g of garbage) await post(g);
    // Schema-shaped, but nothing in it is a setting value: accepted, changes nothing.
    await post('{"type":"scratchnet:set","settings":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"x1":{"valueOf":"alert(1)"},"x2":"' + '9'.repeat(10000) + '"}}');
    await page.waitForFunction(() => window.__messages.filter((m) => m?.type === 'scratchnet:state').length >= 1, null, { timeout: 20000 });
    let got = await replies();
    assert.equal(got.length, 1, 'only the schema-shaped message is answered');
    assert.equal(got[0].state.x1, 1);
    assert.equal(got[0].state.x2, 0.5);
    for (const f of page.frames()) {
      assert.equal(await f.evaluate(() => ({}).polluted ?? Object.prototype.polluted ?? null), null, `no prototype pollution in ${f.url()}`);
    }

    // A valid change: x1 = 0.25 reaches the panel (its input and its state).
    await post({ type: 'scratchnet:set', settings: { x1: 0.25 } });
    await page.waitForFunction(() => window.__messages.filter((m) => m?.type === 'scratchnet:state').length >= 2, null, { timeout: 20000 });
    got = await replies();
    assert.equal(got[1].state.x1, 0.25);
    assert.deepEqual(got[1].notes, []);
    await frame.locator('.sn-panel[data-ready="true"]').waitFor();
    assert.equal(Number(await frame.locator('input[type="number"][data-key="x1"]').inputValue()), 0.25);

    // Hostile values in the schema: clamped or ignored like URL values, with the note.
    await post({ type: 'scratchnet:set', settings: { x1: 1e308, x2: 'javascript:alert(1)', panel: '<img src=x onerror=alert(1)>' } });
    await page.waitForFunction(() => window.__messages.filter((m) => m?.type === 'scratchnet:state').length >= 3, null, { timeout: 20000 });
    got = await replies();
    assert.equal(got[2].state.x1, 10);
    assert.equal(got[2].state.x2, 0.5);
    assert.equal(got[2].panel, 'forward');
    assert.deepEqual(got[2].notes.map((n) => `${n.key}:${n.why}`).sort(), ['panel:not_allowed', 'x1:clamped', 'x2:not_a_number']);
    await frame.locator('.sn-panel[data-ready="true"]').waitFor();
    const note = await frame.locator('.sn-notes').textContent();
    assert.match(note, /x1=1e\+308: out of range, set to 10/);
    assert.match(note, /x2=javascript:alert\(1\): not a number/);
    assert.equal(await inFrame().evaluate(() => document.querySelectorAll('#panel img, #panel script').length), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(violations, []);
    assert.deepEqual(await violationsIn(page), []);
  }, { csp: true });
});

test('hostile URL parameters are clamped or ignored with a visible note, never run', async () => {
  const long = '9'.repeat(10000);  // a 10k-character value (a URL much longer than this is refused by the server itself)
  const params = new URLSearchParams({
    panel: 'activation', lang: 'en', fn: 'javascript:alert(1)', xmin: '<script>alert(1)</script>',
    xmax: '1e400', slope: '99999999999999999999', softmax: long, deriv: '"><img src=x onerror=alert(1)>',
    onload: 'alert(1)', ['x'.repeat(1000)]: '1',
  });
  await withPage('safety-hostile-url', `/embed.html?${params}`, async (page, base, { violations }) => {
    const dialogs = await instrument(page);
    await page.reload();
    await panelReady(page);
    assert.equal(await page.getAttribute('.sn-panel', 'data-panel'), 'activation');
    const note = await page.textContent('.sn-notes');
    assert.match(note, /fn=javascript:alert\(1\): not an allowed value/);
    assert.match(note, /xmin=<script>alert\(1\)<\/script>: not a number/);
    assert.match(note, /xmax=1e400: not a number/);
    assert.match(note, /slope=99999999999999999999: out of range, set to 1/);
    assert.match(note, /softmax=9{60}…: not a number/, 'a 10k-character value is shortened in the note');
    assert.match(note, /x{60}…: unknown setting/);
    assert.match(note, /onload: unknown setting/);
    assert.ok(note.length < 2000, `the note stays short (${note.length} characters)`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('#panel script, #panel img').length), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(violations, []);
    assert.deepEqual(await violationsIn(page), []);
  }, { csp: true });
});
