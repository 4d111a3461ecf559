// index.js — the backprop playground (book ch. 5–6, vol. 2 ch. 1): a run (run.js: the
// network, the trainer, the play loop) and a view (view.js) that draws it.
export { strings } from './strings.js';
export { createRun, runKey } from './run.js';
export { mountView } from './view.js';
