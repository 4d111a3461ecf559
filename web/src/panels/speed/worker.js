// worker.js — one build of the core in its own thread (README "Performance": simd,
// scalar, threads), timing the speed panel's MNIST run (bench.js). The page starts one
// worker per build, one after another, so the builds never compete for the cores.
import { loadScratchnet } from '../../../lib/scratchnet.js';
import { benchBuild } from './bench.js';

let stop = false;
self.onmessage = (e) => {
  if (e.data?.type === 'stop') { stop = true; return; }
  benchBuild(e.data, (m) => self.postMessage(m), { load: loadScratchnet, cancelled: () => stop });
};
