// Vite serves web/ as the site root. The wasm module is imported from
// web/generated/wasm (written by scripts/build.sh); data and models are in web/public.
//
// The build has four entries: the playground (index.html), the iframe page
// (embed.html), the tutorial demo (demo.html), and scratchnet-embed.js — the
// one script a tutorial page adds for <scratchnet-panel>; it keeps a stable
// name so the snippet in the README never changes. The dev server answers the
// same URL (/scratchnet-embed.js) with src/embed.js, so every snippet of the
// README works verbatim under `npm start` and from dist/.
import { defineConfig } from 'vite';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// In dev, /scratchnet-embed.js is src/embed.js (its imports are absolute paths,
// so the module works from either URL); the build names the entry the same.
const embedScriptInDev = {
  name: 'scratchnet-embed-in-dev',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url === '/scratchnet-embed.js' || req.url.startsWith('/scratchnet-embed.js?')) req.url = '/src/embed.js';
      next();
    });
  },
};

// In dev, the threads build's pthread Worker script (Emscripten's worker.js, a
// classic script) is served as it is: Vite's module transform would add
// `import` statements, which a classic Worker cannot run. So is lib/import-url.js,
// whose import(url) Vite would otherwise route through /@vite/client. The build emits it
// as a plain asset anyway (web/lib/builds.js).
const pthreadWorkerInDev = {
  name: 'scratchnet-pthread-worker-in-dev',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const m = req.url?.match(/^\/(generated\/wasm\/scratchnet[\w-]*\.worker\.js|lib\/import-url\.js)(?:\?|$)/);
      if (!m) { next(); return; }
      res.writeHead(200, { ...server.config.server.headers, 'Content-Type': 'text/javascript', 'Cache-Control': 'no-cache' });
      fs.createReadStream(here(m[1])).pipe(res);
    });
  },
};

// `npm start` prints, under Vite's own URL lines, what to try first.
const firstSteps = {
  name: 'scratchnet-first-steps',
  configureServer(server) {
    const printUrls = server.printUrls.bind(server);
    server.printUrls = () => {
      printUrls();
      const url = server.resolvedUrls?.local[0] ?? 'http://localhost:5173/';
      server.config.logger.info(`\n  scratchnet is at ${url} — try first: “Perceptron & logic gates”, drag the bias b and watch the truth table turn AND into OR.\n`);
    };
  },
};

// Cross-origin isolation (COOP + COEP) gives the page SharedArrayBuffer, which
// the threads build of the core needs (web/lib/builds.js; README "Performance"
// lists the same headers for static hosts). Every file here is same-origin, so
// require-corp blocks nothing of ours. Inside another site's iframe the page is
// not isolated whatever it sends (isolation needs the top-level page's
// headers too), and the loader falls back to the single-thread build.
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  root: here('.'),
  plugins: [embedScriptInDev, pthreadWorkerInDev, firstSteps],
  server: { port: 5173, headers: isolation },
  preview: { port: 4173, headers: isolation },
  // Training runs in a module worker that imports the wasm core itself.
  worker: { format: 'es' },
  build: {
    outDir: here('../dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Fonts stay files (never data: URLs), so a host page's CSP needs only
    // `font-src YOUR-HOST` for KaTeX, not `data:`. So does the threads build's
    // pthread worker.js: a Worker from a data: URL has an opaque origin and
    // could not load the module it runs (web/lib/builds.js).
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$|\.worker\.js$/.test(file) ? false : undefined),
    rollupOptions: {
      input: {
        main: here('index.html'),
        embed: here('embed.html'),
        demo: here('demo.html'),
        'scratchnet-embed': here('src/embed.js'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'scratchnet-embed' ? 'scratchnet-embed.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
