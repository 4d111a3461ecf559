// The computational-graph panel's run (agreement B): no DOM. It owns one core
// graph (sn.graph(example), book 5.1–5.7 and vol. 2 1.3.4–1.3.5) and moves
// it to a step: 0 = nothing computed, 1…F = forward one node at a time,
// F+1…2F = backward one node at a time. Going back a step resets the core
// graph and replays the steps up to there, so every value shown is the
// core's, never an undo kept in JS.

export function createGraphRun({ sn, state }) {
  const listeners = new Set();
  const graph = sn.graph(state.cg_ex);
  let timer = 0;
  let error = null;
  let numeric = null;        // central-difference gradients of the inputs, after "check numerically"
  const nodeCount = graph.nodes().length;
  const total = 2 * nodeCount;
  const inputNames = graph.edges().filter((e) => e.isInput).map((e) => e.name);
  const defaults = Object.fromEntries(graph.edges().filter((e) => e.isInput).map((e) => [e.name, e.value]));
  let step = Math.min(state.cg_step, total);

  // the learner's inputs as the URL keeps them: one flat list, the inputs in order;
  // an empty list (or one of the wrong length) means the example's own numbers
  const sizes = inputNames.map((n) => (typeof defaults[n] === 'number' ? 1 : defaults[n].data.length));
  let custom = false;        // inputs other than the example's own
  function applyInputs(list) {
    const use = list.length === sizes.reduce((a, b) => a + b, 0);
    custom = use;
    let at = 0;
    try {
      for (const [i, name] of inputNames.entries()) {
        const d = defaults[name];
        const part = list.slice(at, at + sizes[i]);
        at += sizes[i];
        if (!use) graph.setInput(name, d);
        else graph.setInput(name, typeof d === 'number' ? part[0] : { rows: d.rows, cols: d.cols, data: Float64Array.from(part) });
      }
    } catch (e) { error = e; }
  }
  if (state.cg_in.length) applyInputs(state.cg_in);

  let last = -1;             // the index of the node the last step computed (the core says which)
  function moveTo(k) {
    step = Math.max(0, Math.min(total, k));
    last = -1;
    try {
      graph.reset();
      for (let i = 0; i < Math.min(step, nodeCount); i++) last = graph.stepForward();
      for (let i = nodeCount; i < step; i++) last = graph.stepBackward(1);
      error = null;
    } catch (e) { error = e; }
  }
  moveTo(step);

  function snapshot() {
    const nodes = graph.nodes();
    const edges = graph.edges();
    // which node the last step computed, and in which direction
    const current = step === 0 || last < 0 ? null
      : step <= nodeCount ? { phase: 'forward', index: last, k: step }
        : { phase: 'backward', index: last, k: step - nodeCount };
    return { example: state.cg_ex, nodes, edges, step, total, nodeCount, current, numeric, playing: timer !== 0, error, inputNames, customInputs: custom };
  }
  const notify = () => { const s = snapshot(); for (const fn of listeners) fn(s); };
  const stop = () => { if (timer) { clearInterval(timer); timer = 0; } };

  return {
    kind: 'graph',
    snapshot,
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    next() { stop(); moveTo(step + 1); notify(); },
    prev() { stop(); moveTo(step - 1); notify(); },
    setStep(k) { stop(); moveTo(k); notify(); },
    reset() { stop(); numeric = null; moveTo(0); notify(); },
    play() {
      stop();
      if (step >= total) moveTo(0);
      timer = setInterval(() => {
        moveTo(step + 1);
        if (step >= total) stop();
        notify();
      }, 900);
      notify();
    },
    pause() { stop(); notify(); },
    /** A new value for an input edge (number or {rows, cols, data}); the step is replayed on it. */
    setInput(name, value) {
      try {
        graph.setInput(name, value);
        custom = true;
        numeric = null;
        moveTo(step);
      } catch (e) { error = e; }
      notify();
    },
    /** The example's own inputs (the book's numbers) back. */
    resetInputs() { this.setInputList([]); },
    /** Inputs from a flat list as the URL keeps it ([] = the example's own); the step is replayed on them. */
    setInputList(list) {
      applyInputs(list);
      numeric = null;
      moveTo(step);
      notify();
    },
    /** A hidden panel's run stops playing. */
    setVisible(v) { if (!v) stop(); },
    /** Every input's value, flattened in input order: what the URL keeps. */
    inputList() {
      const byName = Object.fromEntries(graph.edges().map((e) => [e.name, e.value]));
      return inputNames.flatMap((n) => { const v = byName[n]; return typeof v === 'number' ? [v] : Array.from(v.data); });
    },
    /** Central differences of L for every input, from the core (double precision). */
    check() {
      try {
        numeric = graph.numericalGradient();
        moveTo(step);   // the check ran the graph itself: put it back where the learner was
      } catch (e) { error = e; }
      notify();
    },
    dispose() { stop(); listeners.clear(); graph.delete(); },
  };
}
