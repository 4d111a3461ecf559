// Vite serves web/ as the site root. The wasm module is imported from
// web/generated/wasm (written by scripts/build.sh); data and models are in web/public.
//
// The build has four entries: the playground (index.html), the iframe page
// (embed.html), the tutorial demo (demo.html), and scratchnet-embed.js — the
// one script a tutorial page adds for <scratchnet-panel>; it keeps a stable
// name so the snippet in the README never changes.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  server: { port: 5173 },
  preview: { port: 4173 },
  // Training runs in a module worker that imports the wasm core itself.
  worker: { format: 'es' },
  build: {
    outDir: here('../dist'),
    emptyOutDir: true,
    target: 'es2022',
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
