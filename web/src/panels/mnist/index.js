// index.js — the MNIST panel (book ch. 3–6, vol. 2 ch. 1 Trainer): a run (run.js: the
// training session in a worker, and what it reported) and a view (view.js).
import { createRun as createMnistRun } from './run.js';
import { ASSET_BASE } from './assets.js';

export { strings } from './strings.js';
export { mountView } from './view.js';

/** The run, with the data and models found next to the site. */
export const createRun = (ctx) => createMnistRun({ ...ctx, assetBase: ASSET_BASE });
