// The "real network" example's run (vol. 2 1.3.5–1.3.6; book 5.7): no DOM.
// A 2-3-2 network (Affine → activation → Affine → Softmax-with-Loss) takes
// XOR's four points as one batch. net.traceBackward gives every layer's
// input, output, dout, dx, dW, db from one forward and one backward of the
// core's Network; the update W ← W − η·dW is one SGD step of the core's
// Trainer on that same batch, and the loss after it is the core's net.loss.
// Nothing is computed in JS: the panel shows the weights before, the
// gradient and the weights after, and the learner can see the rule hold.
export const SIZES = [2, 3, 2];
const ROWS = 4;

export function createNetworkRun({ sn, state }) {
  const listeners = new Set();
  const spec = { sizes: SIZES, hidden: state.cg_act, output: 'softmax', init: 'xavier' };
  const net = sn.network(spec, { seed: state.cg_seed });
  const pristine = sn.network(spec, { seed: state.cg_seed });   // the weights before any update, for "undo"
  pristine.copyParamsFrom(net);
  const data = sn.xorDataset();
  const x = data.x();
  const labels = data.labels();
  // one-hot labels, (4, 2): the data the core's loss wants (a layout, not a computation)
  const t = new Float32Array(ROWS * SIZES[2]);
  labels.forEach((l, i) => { t[i * SIZES[2] + l] = 1; });
  const names = net.paramNames();

  let lr = state.cg_lr;
  let error = null;
  let timer = 0;
  let trace = null;
  let before = null;
  let update = null;         // { loss, lossAfter, after: {W1: …} } once the step is taken

  function measure() {
    try {
      net.copyParamsFrom(pristine);
      trace = net.traceBackward(x, t, ROWS);
      before = Object.fromEntries(names.map((n) => [n, net.param(n)]));
      error = null;
    } catch (e) { error = e; }
  }
  measure();
  const layerCount = trace ? trace.layers.length : 0;
  const total = 2 * layerCount + 1;
  let step = Math.min(state.cg_step, total);

  function applyUpdate() {
    if (!trace) return;
    const trainer = sn.trainer(net, { train: data, optimizer: 'sgd', learningRate: lr, batchSize: ROWS, seed: 1 });
    try {
      net.copyParamsFrom(pristine);
      const r = trainer.step();
      update = {
        loss: r.loss,
        lossAfter: net.loss(x, t, ROWS),
        after: Object.fromEntries(names.map((n) => [n, net.param(n)])),
      };
      error = null;
    } catch (e) { error = e; update = null; } finally { trainer.delete(); }
  }
  function moveTo(k) {
    step = Math.max(0, Math.min(total, k));
    if (step === total) { if (!update) applyUpdate(); } else if (update) { update = null; net.copyParamsFrom(pristine); }
  }
  moveTo(step);

  function snapshot() {
    const current = step === 0 ? null
      : step <= layerCount ? { phase: 'forward', index: step - 1, k: step }
        : step < total ? { phase: 'backward', index: total - 1 - step, k: step - layerCount }
          : { phase: 'update', index: -1, k: 1 };
    return {
      example: 'network', kind: 'network', step, total, layerCount, current, lr, error, playing: timer !== 0,
      x: { rows: ROWS, cols: SIZES[0], data: x }, t: { rows: ROWS, cols: SIZES[2], data: t }, labels,
      trace, before, update, act: spec.hidden,
    };
  }
  const notify = () => { const s = snapshot(); for (const fn of listeners) fn(s); };
  const stop = () => { if (timer) { clearInterval(timer); timer = 0; } };

  return {
    kind: 'network',
    snapshot,
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    next() { stop(); moveTo(step + 1); notify(); },
    prev() { stop(); moveTo(step - 1); notify(); },
    setStep(k) { stop(); moveTo(k); notify(); },
    reset() { stop(); moveTo(0); notify(); },
    play() {
      stop();
      if (step >= total) moveTo(0);
      timer = setInterval(() => { moveTo(step + 1); if (step >= total) stop(); notify(); }, 900);
      notify();
    },
    pause() { stop(); notify(); },
    /** A new η: the update (if shown) is made again from the same weights. */
    setLr(v) {
      lr = v;
      if (update) { update = null; applyUpdate(); }
      notify();
    },
    /** A hidden panel's run stops playing. */
    setVisible(v) { if (!v) stop(); },
    dispose() { stop(); listeners.clear(); net.delete(); pristine.delete(); data.delete(); },
  };
}
