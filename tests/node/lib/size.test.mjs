// The shipped wasm builds stay small enough to download on a phone: issue #13's
// bar is ≤ 200 kB gzipped for the module a page loads by default (SIMD) and for
// the scalar one (README "Size" has what takes the bytes). Measured as a web
// server would send it: gzip at level 9, here zlib's, kB = 1,000 bytes.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { repoFile } from '../load.mjs';

const LIMIT_BYTES = 200_000;
const gzipped = (file) => zlib.gzipSync(fs.readFileSync(repoFile(`web/generated/wasm/${file}`)), { level: 9 }).length;

for (const file of ['scratchnet.wasm', 'scratchnet-scalar.wasm']) {
  test(`${file} is at most 200 kB gzipped (-9)`, () => {
    const bytes = gzipped(file);
    assert.ok(bytes <= LIMIT_BYTES, `${file}: ${bytes} bytes gzipped, over the ${LIMIT_BYTES} of issue #13`);
  });
}
