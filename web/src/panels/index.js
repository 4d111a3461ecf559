// index.js — the panels, by the name used in URLs (?panel=…) and embed attributes.
//
// Every panel is a folder <name>/ whose index.js exports (agreement B):
//   strings = { ko: {…}, en: {…} }          its texts, registered by the shell
//   createRun({ sn, state }) → run          (stateful panels) the model, no DOM:
//       snapshot()       plain data a view renders from
//       subscribe(fn)    fn(snapshot) after every change; returns unsubscribe
//       start(), pause(), step(), setLr(x), …   its actions
//       setVisible(bool) (optional) its view was hidden or shown again
//       dispose()        frees every core object it made
//   runKey(state) → string  (optional) the settings that need a new run
//   mountView(root, { run, sn, state, setState, t, lang, embedded, discarded }) → { destroy() }
//       builds DOM from run.snapshot() and subscribes; destroyed and mounted
//       again on a language change, a tab switch or a new run, never touching the run
//   sn        the JavaScript API of the core (web/lib/scratchnet.js)
//   state     the current settings (web/src/state.js), already validated
//   setState  merge settings, re-validate, and write them to the URL
//   embedded  true inside a tutorial page: the panel should stay compact
//   discarded { step } when the shell has just replaced a trained run (runKey changed), else null
// The shell (mount.js) owns the runs: it keeps a run while runKey(state) is
// unchanged and disposes it when the page or the embed goes away.
export const PANELS = {
  perceptron: () => import('./perceptron/index.js'),
  activation: () => import('./activation/index.js'),
  forward: () => import('./forward/index.js'),
  gradient: () => import('./gradient/index.js'),
  graph: () => import('./graph/index.js'),
  backprop: () => import('./backprop/index.js'),
  mnist: () => import('./mnist/index.js'),
  speed: () => import('./speed/index.js'),
};
