// core.js — one wasm core per page, shared by every panel on it.
import { loadScratchnet } from '../lib/scratchnet.js';

let core;
export function getCore() {
  core ??= loadScratchnet();
  return core;
}
