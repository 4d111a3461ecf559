// server.mjs — a static file server for the bench page, on 127.0.0.1 only.
//
// URL map (everything else is 404):
//   /bench/…                     bench/page/
//   /flavor/<f>/lib/scratchnet.js web/lib/scratchnet.js  (the public API, unmodified; and its builds.js, import-url.js)
//   /flavor/<f>/generated/wasm/… build/bench-wasm-<f>/scratchnet.{mjs,wasm}
//   /core/<f>/…                  build/bench-wasm-<f>/core_bench.{mjs,wasm}
//   /tfjs/…, /tfjs-wasm/…        the TensorFlow.js UMD bundles and wasm binaries
//   /data/…, /models/…           Fashion-MNIST (web/public/data/fashion-mnist), models/
//   /…                           dist/ (the built playground, for the load-time check)
// With ?isolated=1 on a page, that page gets COOP/COEP headers (cross-origin
// isolation, so SharedArrayBuffer and tfjs-wasm threads become available).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { root } from './build.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.css': 'text/css', '.gz': 'application/octet-stream', '.npz': 'application/octet-stream',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

function resolve(pathname) {
  const m = (re) => pathname.match(re);
  let r;
  if ((r = m(/^\/bench\/(.*)$/))) return path.join(root, 'bench/page', r[1] || 'index.html');
  if ((r = m(/^\/flavor\/(simd|nosimd)\/lib\/(scratchnet|builds|import-url)\.js$/))) return path.join(root, `web/lib/${r[2]}.js`);
  if ((r = m(/^\/flavor\/(simd|nosimd)\/generated\/wasm\/(scratchnet\.(?:mjs|wasm))$/))) return path.join(root, `build/bench-wasm-${r[1]}`, r[2]);
  if ((r = m(/^\/core\/(simd|nosimd)\/(core_bench\.(?:mjs|wasm))$/))) return path.join(root, `build/bench-wasm-${r[1]}`, r[2]);
  if ((r = m(/^\/tfjs\/(.*)$/))) return path.join(root, 'node_modules/@tensorflow/tfjs/dist', r[1]);
  if ((r = m(/^\/tfjs-wasm\/(.*)$/))) return path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist', r[1]);
  if ((r = m(/^\/data\/(.*)$/))) return path.join(root, 'web/public/data/fashion-mnist', r[1]);
  if ((r = m(/^\/models\/(.*)$/))) return path.join(root, 'models', r[1]);
  return path.join(root, 'dist', pathname.endsWith('/') ? `${pathname}index.html` : pathname);
}

/** Start the server on a free port; resolves to { url, close }. */
export function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const file = resolve(decodeURIComponent(url.pathname));
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    // Isolation must be asked for by the page *and* honoured for its subresources.
    headers['cross-origin-resource-policy'] = 'same-origin';
    if (url.searchParams.get('isolated') === '1' || (req.headers.referer ?? '').includes('isolated=1')) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    if (path.relative(root, file).startsWith('..') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
  })));
}
