// Loads the built wasm core for Node tests. Emscripten 3.1.6's ES6 output
// cannot locate its .wasm under Node, so we read it ourselves and pass it in.
import fs from 'node:fs';
import { loadScratchnet } from '../../web/lib/scratchnet.js';

const wasmPath = new URL('../../web/generated/wasm/scratchnet.wasm', import.meta.url);

export function loadCore() {
  return loadScratchnet({ wasmBinary: fs.readFileSync(wasmPath) });
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
