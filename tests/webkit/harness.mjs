// harness.mjs — WebKit (Debian's WebKitGTK MiniBrowser) driven over classic
// WebDriver by Debian's WebKitWebDriver, on the same served dist/ as the other
// browser tests. MiniBrowser needs an X display: a private Xvfb is started.
// Classic WebDriver has no console log, so a test checks what the page shows
// (and that no panel shows an error) rather than counting console errors.
import fs from 'node:fs';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { serve, stop as stopServer } from '../browser/harness.mjs';

export const DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const available = [DRIVER, XVFB, MINIBROWSER].every((f) => fs.existsSync(f));

const children = [];
let driver;  // { url, session }

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function call(method, path, body) {
  const res = await fetch(driver.url + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  const json = await res.json();
  if (json.value?.error) throw new Error(`WebDriver ${path}: ${json.value.error}: ${json.value.message}`);
  return json.value;
}

async function startDriver() {
  // Xvfb picks a free display itself and writes its number to fd 3
  const xvfb = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  children.push(xvfb);
  const display = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once('data', (d) => resolve(`:${String(d).trim()}`));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    setTimeout(() => reject(new Error('Xvfb did not start within 20 s')), 20000).unref();
  });
  const port = await freePort();
  const wd = spawn(DRIVER, [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
  children.push(wd);
  driver = { url: `http://127.0.0.1:${port}` };
  for (let i = 0; i < 100; i++) {
    try { await call('GET', '/status'); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  const s = await call('POST', '/session', { capabilities: { alwaysMatch: { browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } } });
  driver.session = s.sessionId;
  driver.version = s.capabilities.browserVersion;
}

export async function stop() {
  if (driver?.session) await call('DELETE', `/session/${driver.session}`).catch(() => {});
  driver = undefined;
  for (const c of children.splice(0)) c.kill();
  await stopServer();
}

/** Open base + urlPath in MiniBrowser; returns { run(js) → value, version }. */
export async function openWebKit(urlPath) {
  const base = await serve();
  if (!driver) await startDriver();
  await call('POST', `/session/${driver.session}/url`, { url: base + urlPath });
  const run = (script) => call('POST', `/session/${driver.session}/execute/sync`, { script, args: [] });
  return { run, version: driver.version };
}

/** Poll `js` (a function body returning a value) until it is truthy; returns that value. */
export async function waitFor(run, js, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await run(js);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${js}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
