// features.js — what the browser must have before the core can load, checked
// first on every page (playground, iframe, custom element), so that a browser
// without it gets a clear sentence instead of a blank panel or a console error.
//
// The core is built with -msimd128 and -fwasm-exceptions (CMakeLists.txt), so
// the wasm engine must accept SIMD (v128) and exception-handling (try/catch)
// instructions. WebAssembly.validate of a few bytes answers that without
// loading anything; the bytes are the smallest module that uses each feature.

const probes = {
  // (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)
  'wasm-simd': [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11],
  // (func try catch_all end)
  'wasm-exceptions': [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11],
};

function validates(bytes) {
  try { return WebAssembly.validate(new Uint8Array(bytes)); } catch { return false; }
}

/** The names of the features this browser lacks (empty when it can run scratchnet). */
export function missingFeatures() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return ['wasm'];
  const missing = Object.keys(probes).filter((name) => !validates(probes[name]));
  if (typeof BigInt64Array !== 'function') missing.push('bigint');  // Embind's 64-bit integers
  return missing;
}
