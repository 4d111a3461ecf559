// Loads the built wasm core for Node tests. Emscripten 3.1.6's ES6 output
// cannot locate its .wasm under Node, so we read it ourselves and pass it in.
import fs from 'node:fs';
import { loadScratchnet } from '../../web/lib/scratchnet.js';

// The .wasm of each single-thread build (web/lib/builds.js); the threads build
// runs only in a cross-origin-isolated browser page (tests/browser/threads.test.mjs).
export const wasmFile = { simd: 'scratchnet.wasm', scalar: 'scratchnet-scalar.wasm' };
const wasmPath = (build) => new URL(`../../web/generated/wasm/${wasmFile[build]}`, import.meta.url);

export function loadCore({ build = 'simd' } = {}) {
  return loadScratchnet({ build, wasmBinary: fs.readFileSync(wasmPath(build)) });
}

export const repoFile = (rel) => new URL(`../../${rel}`, import.meta.url);

// |a - b| <= tol for every element, with a readable failure message.
export function assertClose(assert, actual, expected, tol, what = 'value') {
  assert.equal(actual.length, expected.length, `${what}: length ${actual.length} != ${expected.length}`);
  for (let i = 0; i < expected.length; ++i) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= tol,
      `${what}[${i}] = ${actual[i]}, expected ${expected[i]} ± ${tol}`);
  }
}
