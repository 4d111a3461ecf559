// Vite serves web/ as the site root. The wasm module is imported from
// web/generated/wasm (written by scripts/build.sh); data and models are in web/public.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { port: 5173, strictPort: false },
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
});
