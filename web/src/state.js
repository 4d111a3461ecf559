// state.js — every setting a link should reproduce, in one table.
//
// Like TensorFlow Playground's state.ts: each setting has a type, a default
// and limits; the state serialises to the URL hash (only what differs from the
// defaults, so links stay short) and is read back with validation. A bad value
// from a URL or an embed attribute is clamped or ignored, and a note says so —
// a panel never breaks on a hand-edited link.
export const SETTINGS = {
  // which panel the page shows
  panel: { type: 'enum', values: ['perceptron', 'activation', 'forward', 'gradient', 'graph', 'backprop', 'mnist', 'speed'], default: 'perceptron' },

  // Perceptron & logic gates (book ch. 2)
  w1: { type: 'number', min: -5, max: 5, default: 0.5, panel: 'perceptron' },
  w2: { type: 'number', min: -5, max: 5, default: 0.5, panel: 'perceptron' },
  b: { type: 'number', min: -5, max: 5, default: -0.7, panel: 'perceptron' },
  gate: { type: 'enum', values: ['and', 'nand', 'or', 'xor'], default: 'and', panel: 'perceptron' },
  rule: { type: 'enum', values: ['perceptron', 'delta', 'hebb'], default: 'perceptron', panel: 'perceptron' },
  theta: { type: 'bool', default: false, panel: 'perceptron' },  // show θ = −b instead of b

  // Activation functions (book 3.2, 3.5)
  fn: { type: 'enum', values: ['step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'identity'], default: 'sigmoid', panel: 'activation' },
  slope: { type: 'number', min: 0, max: 1, default: 0.01, panel: 'activation' },
  xmin: { type: 'number', min: -50, max: 50, default: -5, panel: 'activation' },
  xmax: { type: 'number', min: -50, max: 50, default: 5, panel: 'activation' },
  deriv: { type: 'bool', default: true, panel: 'activation' },
  softmax: { type: 'list', min: -2000, max: 2000, maxLength: 10, default: [0.3, 2.9, 4.0], panel: 'activation' },

  // Forward pass (book 3.4)
  x1: { type: 'number', min: -10, max: 10, default: 1.0, panel: 'forward' },
  x2: { type: 'number', min: -10, max: 10, default: 0.5, panel: 'forward' },

  // Gradient descent (book 4.3–4.4, 6.1): keys prefixed gd_
  gd_x: { type: 'number', min: 0, max: 20, default: 5, panel: 'gradient' },        // the tangent's x on 0.01x² + 0.1x
  gd_p0: { type: 'number', min: -4, max: 4, default: 3, panel: 'gradient' },       // the point whose gradient is read
  gd_p1: { type: 'number', min: -4, max: 4, default: 4, panel: 'gradient' },
  gd_x0: { type: 'number', min: -4.5, max: 4.5, default: -3, panel: 'gradient' },  // the descent's start point
  gd_x1: { type: 'number', min: -4.5, max: 4.5, default: 4, panel: 'gradient' },
  gd_lr: { type: 'number', min: 1e-10, max: 10, default: 0.1, panel: 'gradient' },
  gd_step: { type: 'int', min: 0, max: 100, default: 100, panel: 'gradient' },     // descent steps shown
  gd_osteps: { type: 'int', min: 0, max: 100, default: 30, panel: 'gradient' },    // optimizer steps shown

  // Computational graph (book 5.1–5.7, vol. 2 1.3.3–1.3.6): keys prefixed cg_
  cg_ex: { type: 'enum', values: ['apple', 'apple_orange', 'chain', 'branch', 'repeat', 'sum', 'matmul', 'sigmoid', 'affine', 'softmax_with_loss', 'network'], default: 'apple_orange', panel: 'graph' },
  cg_step: { type: 'int', min: 0, max: 99, default: 0, panel: 'graph' },          // nodes computed: forward, then backward
  cg_in: { type: 'list', min: -1000, max: 1000, maxLength: 24, default: [], panel: 'graph' },  // edited inputs, flattened
  cg_seed: { type: 'int', min: 0, max: 9999, default: 1, panel: 'graph' },        // the network example's initial weights
  cg_act: { type: 'enum', values: ['sigmoid', 'relu', 'tanh'], default: 'sigmoid', panel: 'graph' },
  cg_lr: { type: 'number', min: 0.001, max: 10, default: 0.5, panel: 'graph' },

  // Backprop playground (book ch. 5–6, vol. 2 ch. 1, 모두의 딥러닝 ch. 3; TensorFlow Playground's plane, issue 11).
  // data: 'xor' is the XOR gate's four points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0 that the panel has always
  // trained (모두의 딥러닝 ch. 3, book 2.5); the others are the core's 2-D sets on [−6, 6]²
  // (cpp/data/toy_datasets.hpp): 'xor-cloud' TensorFlow Playground's XOR quadrants, 'spiral' the book's
  // three-class spiral of vol. 2 (the core's spiral3), 'spiral2' TensorFlow Playground's two-class one.
  data: { type: 'enum', values: ['circle', 'gauss', 'xor', 'xor-cloud', 'spiral2', 'spiral', 'reg-plane', 'reg-gauss'], default: 'circle', panel: 'backprop', presets: 'PLANE_PRESETS' },
  layers: { type: 'int', min: 0, max: 6, default: 2, panel: 'backprop' },                      // hidden layers
  neurons: { type: 'list', integer: true, min: 1, max: 10, maxLength: 6, default: [4, 2], panel: 'backprop' },  // per hidden layer (10: the book's spiral net)
  act: { type: 'enum', values: ['tanh', 'sigmoid', 'relu', 'leaky_relu'], default: 'tanh', panel: 'backprop' },
  optimizer: { type: 'enum', values: ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'], default: 'sgd', panel: 'backprop' },
  init: { type: 'enum', values: ['xavier', 'he', 'std'], default: 'xavier', panel: 'backprop' },
  lr: { type: 'number', min: 0.0001, max: 10, default: 0.03, panel: 'backprop' },
  batch: { type: 'int', min: 1, max: 30, default: 10, panel: 'backprop' },
  noise: { type: 'number', min: 0, max: 0.5, default: 0, panel: 'backprop' },
  ratio: { type: 'int', min: 10, max: 90, default: 50, panel: 'backprop' },                     // % of the points that train
  features: { type: 'set', values: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'], default: ['x1', 'x2'], panel: 'backprop' },
  reg: { type: 'enum', values: ['none', 'l1', 'l2'], default: 'none', panel: 'backprop' },
  rate: { type: 'number', min: 0, max: 1, default: 0, panel: 'backprop' },                       // regularization rate λ
  showTest: { type: 'bool', default: false, panel: 'backprop' },
  seed: { type: 'int', min: 0, max: 2 ** 31 - 1, default: 1, panel: 'backprop' },

  // MNIST in the browser (book ch. 4–6): keys prefixed m_ so they never clash with backprop's
  m_data: { type: 'enum', values: ['mnist', 'fashion'], default: 'mnist', panel: 'mnist' },
  // the network's kind: an MLP of m_hidden sizes, or the book's ch. 7 SimpleConvNet (conv 30×5×5, pool, 100, classes)
  m_arch: { type: 'enum', values: ['mlp', 'simplecnn'], default: 'mlp', panel: 'mnist' },
  m_hidden: { type: 'list', integer: true, min: 1, max: 1024, maxLength: 4, default: [100], panel: 'mnist' },
  m_act: { type: 'enum', values: ['relu', 'sigmoid', 'tanh', 'leaky_relu'], default: 'relu', panel: 'mnist' },
  m_init: { type: 'enum', values: ['he', 'xavier', 'std'], default: 'he', panel: 'mnist' },
  m_opt: { type: 'enum', values: ['adam', 'sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop'], default: 'adam', panel: 'mnist' },
  m_lr: { type: 'number', min: 0.00001, max: 10, default: 0.002, panel: 'mnist' },
  m_batch: { type: 'int', min: 1, max: 1000, default: 50, panel: 'mnist' },
  m_epochs: { type: 'int', min: 1, max: 100, default: 10, panel: 'mnist' },
  m_wd: { type: 'number', min: 0, max: 0.1, default: 0, panel: 'mnist' },
  m_dropout: { type: 'number', min: 0, max: 0.9, default: 0, panel: 'mnist' },
  m_bn: { type: 'bool', default: false, panel: 'mnist' },
  m_seed: { type: 'int', min: 0, max: 2 ** 31 - 1, default: 1, panel: 'mnist' },

  // Speed-up (vol. 2 1.5): keys prefixed sp_; the timed training runs' length and seed
  sp_steps: { type: 'int', min: 20, max: 2000, default: 200, panel: 'speed' },
  sp_seed: { type: 'int', min: 0, max: 9999, default: 1, panel: 'speed' },
};

// ---- presets: the settings a choice of data set brings (the dropdown, a link and an embed alike) ----
// A link `data=spiral` gets the book's spiral network unless the link itself says otherwise, and a
// link only spells out the settings that differ from its data set's preset (stateToHash).
const PLANE_NET = { layers: 2, neurons: [4, 2], act: 'tanh', optimizer: 'sgd', lr: 0.03, init: 'xavier', batch: 10 };
export const PLANE_PRESETS = {
  circle: PLANE_NET,
  gauss: PLANE_NET,
  // the panel's XOR network before the plane (2-2-1, tanh, Momentum η = 0.1, batch = the four points)
  xor: { layers: 1, neurons: [2], act: 'tanh', optimizer: 'momentum', lr: 0.1, init: 'xavier', batch: 4 },
  'xor-cloud': PLANE_NET,
  'spiral2': { ...PLANE_NET, layers: 3, neurons: [8, 8, 4], optimizer: 'adam', lr: 0.01 },
  // vol. 2 ch. 1's TwoLayerNet on the spiral: hidden_size 10, sigmoid, SGD lr 1.0, 0.01·randn weights, batch 30
  spiral: { layers: 1, neurons: [10], act: 'sigmoid', optimizer: 'sgd', lr: 1, init: 'std', batch: 30 },
  'reg-plane': PLANE_NET,
  'reg-gauss': PLANE_NET,
};
const PRESET_TABLES = { PLANE_PRESETS };

/** The preset the state's choices bring ({} when none): what a link need not spell out. */
export function presetOf(state) {
  const out = {};
  for (const [key, s] of Object.entries(SETTINGS)) {
    if (s.presets && PRESET_TABLES[s.presets][state[key]]) Object.assign(out, PRESET_TABLES[s.presets][state[key]]);
  }
  return structuredClone(out);
}

export function defaults() {
  return Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, structuredClone(s.default)]));
}

// Parse one raw string for a setting. Returns { value } or { value, note } when
// it had to be clamped, or { note } when it was ignored.
export function parseSetting(key, raw) {
  const s = SETTINGS[key];
  if (!s) return { note: { key, raw, why: 'unknown' } };
  const clamp = (v) => Math.min(s.max, Math.max(s.min, v));
  switch (s.type) {
    case 'enum': {  // gate=XOR, fn=ReLU: names are matched in any case (every value is lower-case)
      const v = raw.trim().toLowerCase();
      return s.values.includes(v) ? { value: v } : { note: { key, raw, why: 'not_allowed' } };
    }
    case 'bool':
      if (['1', 'true', 'yes', ''].includes(raw)) return { value: true };
      if (['0', 'false', 'no'].includes(raw)) return { value: false };
      return { note: { key, raw, why: 'not_allowed' } };
    case 'number':
    case 'int': {
      let v = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(v)) return { note: { key, raw, why: 'not_a_number' } };
      if (s.type === 'int') v = Math.round(v);
      const c = clamp(v);
      return c === v ? { value: v } : { value: c, note: { key, raw, why: 'clamped', to: c } };
    }
    case 'set': {  // features=x1,x1sq: names from values, each once, in the table's order
      const names = raw.split(',').map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
      const known = s.values.filter((v) => names.includes(v));
      if (known.length === 0) return { note: { key, raw, why: 'not_allowed' } };
      return known.length === names.length && new Set(names).size === names.length ? { value: known } : { value: known, note: { key, raw, why: 'clamped', to: known.join(',') } };
    }
    case 'list': {
      const parts = raw.split(',').slice(0, s.maxLength).map(Number).map((v) => (s.integer ? Math.round(v) : v));
      if (parts.length === 0 || parts.some((v) => !Number.isFinite(v))) return { note: { key, raw, why: 'not_a_number' } };
      const c = parts.map(clamp);
      const changed = c.some((v, i) => v !== parts[i]) || raw.split(',').length > s.maxLength;
      return changed ? { value: c, note: { key, raw, why: 'clamped', to: c.join(',') } } : { value: c };
    }
  }
  return { note: { key, raw, why: 'unknown' } };
}

/**
 * State from URL parameters (query and hash; the hash wins) and optional
 * extra pairs (an embed's attributes, which win over both).
 * Returns { state, notes } — notes list every ignored or clamped value.
 */
export function readState(url = location, extra = {}) {
  const state = defaults();
  const notes = [];
  const pairs = [
    ...new URLSearchParams(url.search ?? ''),
    ...new URLSearchParams((url.hash ?? '').replace(/^#/, '')),
    ...Object.entries(extra),
  ];
  const given = new Set();
  for (const [key, raw] of pairs) {
    if (key === 'lang') continue;  // handled by i18n.js
    const r = parseSetting(key, String(raw));
    if ('value' in r) { state[key] = r.value; given.add(key); }
    if (r.note) notes.push(r.note);
  }
  // what the link's data set brings, for every setting the link does not give itself
  for (const [key, v] of Object.entries(presetOf(state))) if (!given.has(key)) state[key] = v;
  if (state.xmin >= state.xmax) {
    notes.push({ key: 'xmin', raw: `${state.xmin}…${state.xmax}`, why: 'clamped', to: `${SETTINGS.xmin.default}…${SETTINGS.xmax.default}` });
    state.xmin = SETTINGS.xmin.default;
    state.xmax = SETTINGS.xmax.default;
  }
  return { state, notes };
}

/** The hash for a state: only settings that differ from their defaults. */
export function stateToHash(state) {
  const p = new URLSearchParams();
  const preset = presetOf(state);
  for (const [key, s] of Object.entries(SETTINGS)) {
    const v = state[key];
    const base = key in preset ? preset[key] : s.default;
    const same = Array.isArray(v) ? v.join(',') === base.join(',') : v === base;
    if (same && key !== 'panel') continue;
    p.set(key, Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return `#${p.toString()}`;
}

/** Write the state into the address bar without a new history entry per slider move. */
export function writeStateToUrl(state) {
  const hash = stateToHash(state);
  if (location.hash !== hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}
