// WebKit smoke suite (WebKitGTK's JavaScriptCore, the engine of Safari): the
// feature check passes (its wasm has SIMD and exception handling), panels show
// the book's numbers, MNIST trains one epoch past 85 % in a worker, and the
// demo's iframe is sized from scratchnet:resize (WebKit is where observing the
// root element failed to report growth). Skipped when WebKitWebDriver or Xvfb
// is not installed (scripts/setup.sh installs them).
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import { available, openWebKit, waitFor, stop } from './harness.mjs';

after(stop);
const opts = { skip: !available && 'WebKitWebDriver, Xvfb or MiniBrowser not installed' };

const READY = `const p = document.querySelector('.sn-panel'); return p && (p.dataset.ready || p.dataset.unsupported ? { ready: p.dataset.ready, unsupported: p.dataset.unsupported ?? null, error: [...document.querySelectorAll('.sn-error')].map((e) => e.textContent.trim()).filter(Boolean).join(' ') || null } : null);`;

async function panel(urlPath) {
  const page = await openWebKit(urlPath);
  const state = await waitFor(page.run, READY);
  assert.deepEqual(state, { ready: 'true', unsupported: null, error: null }, `WebKit ${page.version} runs the panel`);
  return page;
}

test('forward and activation: the book\'s Y and softmax in WebKit', opts, async () => {
  let { run } = await panel('/index.html?lang=en#panel=forward');
  const y = (await run(`return document.querySelector('[data-testid="Y"]').textContent`)).split(',').map(Number);
  [0.31682708, 0.69627909].forEach((want, i) => assert.ok(Math.abs(y[i] - want) <= 1e-6, `Y = ${y}`));
  ({ run } = await panel('/index.html?lang=en#panel=activation'));
  assert.equal(await run(`return document.querySelector('[data-testid="softmax-out"]').textContent.trim()`), '0.01821127, 0.24519181, 0.73659691');
});

test('MNIST: one epoch past 85 % in WebKit, in a worker', opts, async () => {
  const { run } = await panel('/index.html?lang=en#panel=mnist&m_epochs=1');
  await waitFor(run, `return document.querySelector('[data-testid="status"]')?.dataset.value === 'ready'`, 60000);
  await run(`document.querySelector('[data-testid="train"]').click(); return true;`);
  await waitFor(run, `return document.querySelector('[data-testid="status"]')?.dataset.value === 'done'`, 120000);
  const acc = Number(await run(`return document.querySelector('[data-testid="test-acc"]').dataset.value`));
  assert.ok(acc > 0.85, `test accuracy ${acc}`);
  assert.equal(await run(`return document.querySelector('.sn-panel').dataset.session`), 'worker');
});

test('the demo page: custom elements mount, the iframe is sized to its panel', opts, async () => {
  const { run } = await openWebKit('/demo.html');
  await waitFor(run, `return [...document.querySelectorAll('scratchnet-panel .sn-panel')].filter((p) => p.dataset.ready === 'true').length === 3`);
  const h = await waitFor(run, `const h = Number(document.querySelector('#demo-forward').height); return h > 640 && h !== 1100 ? h : 0;`);
  const inner = await run(`return document.querySelector('#demo-forward').contentDocument.documentElement.scrollHeight`);
  assert.ok(Math.abs(h - inner) <= 2, `iframe ${h} px for ${inner} px of panel`);
});
