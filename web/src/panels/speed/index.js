// The speed-up panel (vol. 2 1.5 "계산 고속화": 1.5.1 bit precision, 1.5.2 GPU;
// vol. 1 8.3.4): a run (run.js: the data, the core's precision comparison and the
// timed training runs, the builds in workers) and a view (view.js).
import { createRun as createSpeedRun } from './run.js';
import { ASSET_BASE } from '../mnist/assets.js';
import { inlineWorker } from './bench.js';
import { loadScratchnet } from '../../../lib/scratchnet.js';

export { strings } from './strings.js';
export { mountView } from './view.js';

const spawnWorker = () => {
  try {
    return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'scratchnet-speed' });
  } catch {
    // an embedding page on another origin cannot start one: the same run in this thread
    return inlineWorker(loadScratchnet);
  }
};

/** Every setting is read when an action starts: nothing needs a new run. */
export const runKey = () => 'speed';

export const createRun = (ctx) => createSpeedRun({ ...ctx, assetBase: ASSET_BASE, spawnWorker });
