// The threads build (web/lib/builds.js, cpp/kernels/gemm_parallel.*) in Chromium:
//   * in a cross-origin-isolated page it trains *bit for bit* like the
//     single-thread SIMD build (each element of every product is computed by
//     one thread with the same operations; tolerance 0), for the two bench
//     networks, 784-256-128-10 / 128 and 784-100-10 / 100;
//   * the built site (dist/, served with COOP + COEP) trains MNIST with it in
//     the panel's worker, and the panel says so;
//   * a tutorial page on another origin that embeds the panel in an iframe is
//     not isolated: the panel falls back to the single-thread build and trains.
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { withPage, stop, tid, waitValue } from './harness.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const closers = [];
after(async () => {
  await stop();
  for (const c of closers) await c();
});

/** The dev server (`npm start`'s headers), so a test page can import web/lib directly. */
async function devServer() {
  const dev = await createServer({
    configFile: `${root}web/vite.config.js`,
    server: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'error',
  });
  await dev.listen();
  closers.push(() => dev.close());
  return `http://127.0.0.1:${dev.httpServer.address().port}`;
}

// In the page: train `sizes` on the bundled MNIST with each build; every
// step's loss and the final W1, as plain arrays.
async function trainEach({ builds, sizes, batch, steps, optimizer, learningRate }) {
  const { loadScratchnet } = await import('/lib/scratchnet.js');
  const bytes = async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer());
  const [images, labels] = await Promise.all([bytes('/data/mnist/train-images-idx3-ubyte.gz'),
    bytes('/data/mnist/train-labels-idx1-ubyte.gz')]);
  const out = {};
  for (const [key, options] of Object.entries(builds)) {
    const sn = await loadScratchnet(options);
    const data = await sn.datasetFromIdx(images, labels);
    const net = sn.network({ sizes, hidden: 'relu', output: 'softmax', init: 'he' }, { seed: 5 });
    const tr = sn.trainer(net, { train: data, optimizer, learningRate, batchSize: batch, seed: 9 });
    tr.run(steps);
    out[key] = { build: { ...sn.build }, losses: [...tr.lossHistory], w1: [...net.param('W1').data] };
    for (const o of [tr, net, data]) o.delete();
  }
  return { isolated: crossOriginIsolated, out };
}

// SGD for the two bench networks; Adam too, whose update (like SGD's, the
// guard's passes, the gather and Relu) the threads build splits over the pool.
for (const [sizes, batch, optimizer, learningRate] of [[[784, 256, 128, 10], 128, 'sgd', 0.1],
  [[784, 100, 10], 100, 'sgd', 0.1], [[784, 256, 128, 10], 128, 'adam', 0.001]]) {
  test(`isolated page: the threads build trains ${sizes.join('-')} / ${batch} with ${optimizer} exactly like the SIMD build`, async () => {
    const base = await devServer();
    await withPage(`threads-agree-${sizes.length}-${optimizer}`, null, async (page) => {
      // A document of the dev server's with its headers but no app: only the code under test runs.
      await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));   // the browser asks; not ours
      await page.goto(`${base}/favicon.svg`);
      const r = await page.evaluate(trainEach, {
        builds: { auto: {}, simd: { build: 'simd' }, one: { build: 'threads', threads: 1 } },
        sizes, batch, steps: 30, optimizer, learningRate,
      });
      assert.equal(r.isolated, true, 'the dev server sends COOP + COEP');
      const { auto, simd, one } = r.out;
      assert.deepEqual(auto.build, { name: 'threads', simd: true, threads: 2 }, 'auto → threads, one per core of this 2-core machine');
      assert.deepEqual(simd.build, { name: 'simd', simd: true, threads: 1 });
      assert.deepEqual(one.build, { name: 'threads', simd: true, threads: 1 });
      assert.equal(auto.losses.length, 30);
      assert.ok(auto.losses.at(-1) < auto.losses[0], `it learns: loss ${auto.losses[0]} → ${auto.losses.at(-1)}`);
      // tolerance 0: the same float operations in the same order, element by element
      assert.deepEqual(auto.losses, simd.losses, 'every step loss equal, bit for bit');
      assert.deepEqual(one.losses, simd.losses);
      const differing = auto.w1.filter((v, i) => !Object.is(v, simd.w1[i])).length;
      assert.equal(differing, 0, `${differing} of ${simd.w1.length} W1 entries differ after 30 steps`);
    });
  });
}

test("isolated page: the threads build's errors keep their codes, like the SIMD build's", async () => {
  // Emscripten 3.1.6's -pthread with -fwasm-exceptions let C++ errors escape
  // as bare WebAssembly.Exception objects (code 'internal'); CMakeLists.txt
  // builds the threads module with -fexceptions for that reason.
  const base = await devServer();
  await withPage('threads-errors', null, async (page) => {
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    await page.goto(`${base}/favicon.svg`);
    const codes = await page.evaluate(async () => {
      const { loadScratchnet } = await import('/lib/scratchnet.js');
      const out = {};
      for (const build of ['simd', 'threads']) {
        const sn = await loadScratchnet({ build });
        const codeOf = async (f) => { try { await f(); return 'no error'; } catch (e) { return e.code; } };
        out[build] = [
          await codeOf(() => sn.datasetFromIdx(new Uint8Array(8).fill(1), new Uint8Array(8).fill(1))),
          await codeOf(() => sn.loadNetwork(new Uint8Array([1, 2, 3, 4]))),
          await codeOf(() => sn.network({ sizes: [0] })),
        ];
      }
      return out;
    });
    assert.deepEqual(codes.simd, ['idx.bad_magic', 'npz.not_zip', 'net.layer_size']);
    assert.deepEqual(codes.threads, codes.simd);
  });
});

const MNIST = '/index.html?lang=en#panel=mnist';

test('the built site is isolated: the MNIST panel trains with the threads build and says so', async () => {
  await withPage('threads-mnist-dist', MNIST, async (page) => {
    assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'vite preview sends COOP + COEP');
    await page.waitForSelector(`${tid('status')}[data-value="ready"]`, { timeout: 30000 });
    await page.waitForSelector(`${tid('core-build')}[data-build="threads"]`, { timeout: 10000 });
    assert.match(await page.textContent(tid('core-build')), /threads build, 2 threads/);
    await page.click(tid('train'));
    await waitValue(page, 'step', '>=', 200);
    const loss = Number(await page.$eval(tid('loss'), (e) => e.dataset.value));
    assert.ok(loss < 1, `the loss after 200 steps is ${loss}`);
  });
});

test('an iframe on a non-isolated page of another origin falls back to the single-thread build and trains', async () => {
  await withPage('threads-fallback-embed', null, async (page, origin) => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A tutorial</title></head>
<body><iframe src="${origin}/embed.html?panel=mnist&lang=en" title="MNIST" width="900" height="1400"></iframe></body></html>`;
    const server = http.createServer((req, res) => {
      if (req.url === '/favicon.ico') { res.writeHead(204).end(); return; }  // the browser asks; not ours to count
      if (req.url !== '/') { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise((r) => server.close(r)));
    await page.goto(`http://localhost:${server.address().port}/`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    assert.equal(await frame.evaluate(() => crossOriginIsolated), false, 'an iframe of a plain page is never isolated');
    await frame.waitForSelector(`${tid('status')}[data-value="ready"]`, { timeout: 30000 });
    await frame.waitForSelector(`${tid('core-build')}[data-build="simd"]`, { timeout: 10000 });
    assert.match(await frame.textContent(tid('core-build')), /simd build, 1 thread/);
    await frame.click(tid('train'));
    await frame.waitForFunction((sel) => Number(document.querySelector(sel)?.dataset.value) >= 100, tid('step'), { timeout: 60000 });
  }, { viewport: { width: 1000, height: 900 } });
});
