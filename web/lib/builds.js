// builds.js — which compiled build of the core to load (README "Performance").
//
// The same C++ core ships as three WebAssembly builds in web/generated/wasm:
//   simd     scratchnet.{mjs,wasm}          SIMD, one thread: the default, works everywhere
//   scalar   scratchnet-scalar.{mjs,wasm}   no SIMD instructions (for comparison, old engines)
//   threads  scratchnet-threads.{mjs,wasm,worker.js}  SIMD + a pool of threads that
//            splits each matrix product; needs SharedArrayBuffer, which a browser
//            gives only to a cross-origin-isolated page (COOP + COEP headers)
// 'auto' takes threads where the page is isolated and simd everywhere else
// (most embeds: a tutorial page on another origin is not isolated).
export const BUILD_NAMES = ['simd', 'scalar', 'threads'];

/** True when `name` can run here: threads needs shared memory (a cross-origin-isolated page). */
export function buildAvailable(name) {
  if (name === 'threads') {
    return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  }
  return BUILD_NAMES.includes(name);
}

/** The build `requested` ('auto' or a name) resolves to. Throws build.unknown / build.unavailable. */
export function chooseBuild(requested) {
  if (requested === 'auto') return buildAvailable('threads') ? 'threads' : 'simd';
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
// TODO(threads helper): scalar and threads load the SIMD module until their builds exist.
const FACTORIES = {
  simd: async (simd) => simd,
  scalar: async (simd) => simd,
  threads: async (simd) => simd,
};

/** Instantiate build `name`; `simdFactory` is the statically imported default build's factory. */
export async function loadBuildModule(name, simdFactory, options) {
  const factory = await FACTORIES[name](simdFactory);
  return factory(options);
}
