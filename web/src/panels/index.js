// The panels, by the name used in URLs (?panel=…) and embed attributes.
//
// The contract every panel module follows:
//   export const strings = { ko: {…}, en: {…} }   its texts, registered on import
//   export function mount(root, ctx) → { destroy() }
// where ctx = { sn, state, setState(partial), t, lang, embedded }.
//   sn        the JavaScript API of the core (web/lib/scratchnet.js)
//   state     the current settings (web/src/state.js), already validated
//   setState  merge settings, re-validate, and write them to the URL
//   embedded  true inside a tutorial page: the panel should stay compact
// A panel computes everything through `sn` (never re-implements the math) and
// frees what it creates in destroy(). The shell re-mounts it when the
// language changes, so panels need not handle that themselves.
export const PANELS = {
  perceptron: () => import('./perceptron.js'),
  activation: () => import('./activation.js'),
  forward: () => import('./forward.js'),
  gradient: () => import('./gradient/index.js'),
  graph: () => import('./graph/index.js'),
  backprop: () => import('./backprop.js'),
  mnist: () => import('./mnist.js'),
};
