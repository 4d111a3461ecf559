// The gradient panel's run (agreement B): no DOM. It asks the core for every
// number — function values, numerical and analytic derivatives, whole
// descent paths — keeps them, and hands views a plain snapshot. Step and play
// only reveal more of a path the core already computed (sn.gradientDescent
// runs the book's loop `x -= lr * grad` for all 100 steps in one call).
//
// Book 4.3 (numerical_diff, function_1), 4.4 (numerical_gradient, function_2,
// gradient_descent), 6.1 (optimizer_compare_naive: x²/20 + y² from (−7, 2)).

export const STEPS = 100;
export const DESC_START = [-3, 4];
/** The book's three runs of gradient_descent (4.4.1) and what they print. */
export const PRESETS = {
  good: { lr: 0.1, book: [-6.11110793e-10, 8.14814391e-10] },
  big: { lr: 10, book: [-2.58983747e13, -1.29524862e12] },
  small: { lr: 1e-10, book: [-2.99999994, 3.99999992] },
};
/** fig. 6-8's rates (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3) and ours for the two the figure lacks. */
export const OPTIMIZERS = [
  { name: 'sgd', lr: 0.95, book: true },
  { name: 'momentum', lr: 0.1, book: true },
  { name: 'nesterov', lr: 0.1, book: false },
  { name: 'adagrad', lr: 1.5, book: true },
  { name: 'rmsprop', lr: 0.1, book: false },
  { name: 'adam', lr: 0.3, book: true },
];
export const OPT_START = [-7, 2];

// The plots' domains and how finely the contour grids are sampled.
export const CURVE = { from: 0, to: 20, points: 201 };
export const FIELD = { from: -4, to: 4, step: 0.5 };
export const DESC_BOX = { from: -4.5, to: 4.5, n: 61 };
export const OPT_BOX = { x: [-10, 10], y: [-5, 5], nx: 81, ny: 41 };
export const H_ROWS = [1e-4, 1e-50];

/** Sample points of [from, to] (the plot's x positions; the values come from the core). */
const grid = (from, to, n) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));

/** f on the centres of an nx × ny grid over box, for a contour mark (row-major, y first row). */
function gridValues(sn, fn, [x1, x2], [y1, y2], nx, ny) {
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = y1 + ((y2 - y1) * (j + 0.5)) / ny;
    for (let i = 0; i < nx; i++) values[j * nx + i] = sn.functionValue(fn, [x1 + ((x2 - x1) * (i + 0.5)) / nx, y]);
  }
  return values;
}

export function createRun({ sn, state }) {
  const listeners = new Set();
  let timer = 0;
  let optTimer = 0;
  let error = null;

  const s = {
    x: state.gd_x,
    point: [state.gd_p0, state.gd_p1],
    start: [state.gd_x0, state.gd_x1],
    lr: state.gd_lr,
    step: state.gd_step,
    optSteps: state.gd_osteps,
  };

  // ---- what never changes: curves, the field, contour grids, optimizer paths --
  const curveX = grid(CURVE.from, CURVE.to, CURVE.points);
  const curve = { x: curveX, y: curveX.map((x) => sn.functionValue('function_1', [x])) };
  const field = [];
  for (let a = FIELD.from; a <= FIELD.to + 1e-9; a += FIELD.step) {
    for (let b = FIELD.from; b <= FIELD.to + 1e-9; b += FIELD.step) {
      const g = sn.numericalGradient('function_2', [a, b]);
      field.push({ x: a, y: b, g0: g[0], g1: g[1] });
    }
  }
  const descContour = {
    nx: DESC_BOX.n, ny: DESC_BOX.n,
    values: gridValues(sn, 'function_2', [DESC_BOX.from, DESC_BOX.to], [DESC_BOX.from, DESC_BOX.to], DESC_BOX.n, DESC_BOX.n),
  };
  const optContour = {
    nx: OPT_BOX.nx, ny: OPT_BOX.ny,
    values: gridValues(sn, 'x2_20_plus_y2', OPT_BOX.x, OPT_BOX.y, OPT_BOX.nx, OPT_BOX.ny),
  };
  const optimizers = OPTIMIZERS.map((o) => ({
    ...o, ...sn.gradientDescent('x2_20_plus_y2', { init: OPT_START, lr: o.lr, steps: STEPS, optimizer: o.name, gradient: 'analytic' }),
  }));

  // ---- what follows the settings --------------------------------------------
  let derivative = null;
  let gradient = null;
  let descent = null;
  let descentKey = '';

  function computeDerivative() {
    const x = s.x;
    derivative = {
      x,
      fx: sn.functionValue('function_1', [x]),
      numeric: sn.numericalDiff('function_1', x, { h: 1e-4 }),
      analytic: sn.analyticGradient('function_1', [x])[0],
      // the h table: the same central difference, float64 and float32 arithmetic
      hTable: H_ROWS.map((h) => ({
        h,
        double: sn.numericalDiff('function_1', x, { h, precision: 'double' }),
        float: sn.numericalDiff('function_1', x, { h, precision: 'float' }),
      })),
    };
  }
  function computeGradient() {
    gradient = {
      point: [...s.point],
      numeric: sn.numericalGradient('function_2', s.point),
      analytic: sn.analyticGradient('function_2', s.point),
    };
  }
  function computeDescent() {
    const key = `${s.start}|${s.lr}`;
    if (key === descentKey) return;
    descent = { start: [...s.start], lr: s.lr, ...sn.gradientDescent('function_2', { init: s.start, lr: s.lr, steps: STEPS }) };
    descentKey = key;
  }

  function compute(parts) {
    try {
      if (parts.includes('derivative')) computeDerivative();
      if (parts.includes('gradient')) computeGradient();
      if (parts.includes('descent')) computeDescent();
      error = null;
    } catch (e) {
      error = e;
    }
  }
  compute(['derivative', 'gradient', 'descent']);

  function snapshot() {
    return {
      x: s.x, point: [...s.point], start: [...s.start], lr: s.lr, step: s.step, optSteps: s.optSteps,
      playing: timer !== 0, optPlaying: optTimer !== 0, error,
      curve, field, descContour, optContour, optimizers, derivative, gradient, descent,
    };
  }
  const notify = () => { const snap = snapshot(); for (const fn of listeners) fn(snap); };
  const clampStep = (k) => Math.max(0, Math.min(STEPS, Math.round(k)));

  function stopPlay() { if (timer) { clearInterval(timer); timer = 0; } }
  function stopOpt() { if (optTimer) { clearInterval(optTimer); optTimer = 0; } }

  return {
    snapshot,
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    setX(x) { s.x = x; compute(['derivative']); notify(); },
    setPoint(p) { s.point = [...p]; compute(['gradient']); notify(); },
    setStart(p) { stopPlay(); s.start = [...p]; compute(['descent']); notify(); },
    setLr(lr) { stopPlay(); s.lr = lr; compute(['descent']); notify(); },
    /** One of PRESETS: the book's start, its η, all 100 steps. */
    preset(name) {
      stopPlay();
      Object.assign(s, { start: [...DESC_START], lr: PRESETS[name].lr, step: STEPS });
      compute(['descent']);
      notify();
    },
    setStep(k) { stopPlay(); s.step = clampStep(k); notify(); },
    step() { stopPlay(); s.step = clampStep(s.step + 1); notify(); },
    play() {
      stopPlay();
      if (s.step >= STEPS) s.step = 0;
      timer = setInterval(() => {
        s.step = clampStep(s.step + 1);
        if (s.step >= STEPS) stopPlay();
        notify();
      }, 80);
      notify();
    },
    pause() { stopPlay(); notify(); },
    setOptSteps(k) { stopOpt(); s.optSteps = clampStep(k); notify(); },
    playOpt() {
      stopOpt();
      if (s.optSteps >= STEPS) s.optSteps = 0;
      optTimer = setInterval(() => {
        s.optSteps = clampStep(s.optSteps + 1);
        if (s.optSteps >= STEPS) stopOpt();
        notify();
      }, 80);
      notify();
    },
    pauseOpt() { stopOpt(); notify(); },
    /** A hidden panel's run stops playing. */
    setVisible(v) { if (!v) { stopPlay(); stopOpt(); } },
    dispose() { stopPlay(); stopOpt(); listeners.clear(); },
  };
}
