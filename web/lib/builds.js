// builds.js — which compiled build of the core to load (README "Performance").
//
// The same C++ core ships as three WebAssembly builds in web/generated/wasm:
//   simd     scratchnet.{mjs,wasm}          SIMD, one thread: the default, works everywhere
//   scalar   scratchnet-scalar.{mjs,wasm}   no SIMD instructions (for comparison, old engines)
//   threads  scratchnet-threads.{mjs,wasm,worker.js}  SIMD + a pool of threads that
//            splits each matrix product; needs SharedArrayBuffer, which a browser
//            gives only to a cross-origin-isolated page (COOP + COEP headers)
// 'auto' takes threads where the page is isolated (and the machine has more
// than one core) and simd everywhere else (most embeds: a tutorial page on
// another origin is not isolated).
export const BUILD_NAMES = ['simd', 'scalar', 'threads'];
import { importUrl } from './import-url.js';

/** True when `name` can run here: threads needs shared memory (a cross-origin-isolated page). */
export function buildAvailable(name) {
  if (name === 'threads') {
    return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  }
  return BUILD_NAMES.includes(name);
}

/** The build `requested` ('auto' or a name) resolves to. Throws build.unknown / build.unavailable. */
export function chooseBuild(requested) {
  // (one core: nothing to split across, so the lighter single-thread build)
  if (requested === 'auto') return buildAvailable('threads') && threadsFor() > 1 ? 'threads' : 'simd';
  if (!BUILD_NAMES.includes(requested)) {
    throw Object.assign(new Error(`unknown build '${requested}' (auto | ${BUILD_NAMES.join(' | ')})`), { code: 'build.unknown' });
  }
  if (!buildAvailable(requested)) {
    throw Object.assign(new Error(`the '${requested}' build needs a cross-origin-isolated page (SharedArrayBuffer)`),
      { code: 'build.unavailable' });
  }
  return requested;
}

// The module factory of each build. The default build is imported statically
// by scratchnet.js (it is what nearly every page runs); the others load on demand.
const FACTORIES = {
  simd: async (simd) => simd,
  scalar: async () => (await import('../generated/wasm/scratchnet-scalar.mjs')).default,
  threads: threadsFactory,
};

// The threads build is not bundled: its three files are copied as they are
// (Vite emits each `new URL(…, import.meta.url)` as an asset) because every
// pthread is a Worker that loads worker.js, which imports the module's own
// JavaScript again by URL — a bundled copy would have no URL of its own.
// locateFile hands Emscripten the emitted names of worker.js and the .wasm.
const threadsFiles = () => ({
  glue: new URL('../generated/wasm/scratchnet-threads.mjs', import.meta.url).href,
  worker: new URL('../generated/wasm/scratchnet-threads.worker.js', import.meta.url).href,
  wasm: new URL('../generated/wasm/scratchnet-threads.wasm', import.meta.url).href,
});

/** Threads to use: `requested`, else the machine's logical cores, within 1 … MAX_THREADS. */
export const MAX_THREADS = 8;   // cpp/kernels/threads.hpp kMaxThreads
export function threadsFor(requested) {
  const cores = globalThis.navigator?.hardwareConcurrency || 1;
  return Math.max(1, Math.min(MAX_THREADS, Math.floor(requested ?? cores)));
}

async function threadsFactory() {
  const files = threadsFiles();
  const { default: factory } = await importUrl(files.glue);
  return ({ threads, ...options }) => {
    const count = threadsFor(threads);
    const ready = factory({
      // The shared memory, made here so the loader can always view all of it
      // (scratchnet.js #heap): 16 MiB to start, 2 GiB at most, as in CMakeLists.txt.
      wasmMemory: new WebAssembly.Memory({ initial: 256, maximum: 32768, shared: true }),
      mainScriptUrlOrBlob: files.glue,
      locateFile: (name) => (name.endsWith('.worker.js') ? files.worker : name.endsWith('.wasm') ? files.wasm : name),
      // PTHREAD_POOL_SIZE (CMakeLists.txt): Workers made and loaded before the
      // module resolves, so starting a thread never waits for one to load.
      scratchnetWorkers: count - 1,
      ...options,
    });
    return settleWithin(ready, THREADS_LOAD_MS).then((M) => { M.setThreadCount(count); return M; });
  };
}

// A threads module whose Workers cannot start (a browser that blocks them, a
// missing worker.js) would never resolve: Emscripten waits for every Worker of
// the pool. After this long the load fails with build.unavailable, and 'auto'
// falls back to the single-thread build.
const THREADS_LOAD_MS = 20000;
function settleWithin(promise, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`the threads build did not start within ${ms / 1000} s`),
      { code: 'build.unavailable' })), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Instantiate build `name`; `simdFactory` is the statically imported default
 * build's factory. `options.threads` (threads build only): how many threads.
 */
export async function loadBuildModule(name, simdFactory, { threads, ...options }) {
  const factory = await FACTORIES[name](simdFactory);
  return factory(name === 'threads' ? { threads, ...options } : options);
}
