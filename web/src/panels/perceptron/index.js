// index.js — perceptron & logic gates (book ch. 2): a run (run.js: the core's learning
// rules and the play loop) and a view (view.js: weights by hand, truth table,
// decision line, learning, XOR from NAND + OR → AND).
export { strings } from './strings.js';
export { createRun } from './run.js';
export { mountView } from './view.js';
