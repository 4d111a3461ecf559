// backprop.js — the backprop playground (book ch. 5–6, vol. 2 ch. 1, 모두의 딥러닝 ch. 3).
//
// A 2-H-1 (XOR, tanh + MSE) or 2-H-3 (spiral, softmax) network is trained by
// the core's steppable Trainer, a few steps per animation frame. Everything
// numeric — the forward pass over the decision grid, the losses, accuracies,
// the divergence guard and the gradient check — comes from `sn`; this file
// only moves the numbers onto the screen.
import { el, controlRow, formula, selectOf, showError as showErrorIn } from '../ui.js';
import { strings } from './backprop/strings.js';
import { decisionPlot } from './backprop/plots.js';
import { lossPlot } from '../shared/loss-plot.js';
import { LossHistory } from '../shared/loss-history.js';
import * as F from './backprop/formulas.js';

export { strings };

// The defaults a dataset switch applies: seed 001's XOR net, and vol. 2's
// spiral TwoLayerNet (hidden_size 10, sigmoid, SGD lr 1.0, 0.01·randn weights).
const PRESETS = {
  xor: { hidden: 2, act: 'tanh', optimizer: 'momentum', lr: 0.1, init: 'xavier' },
  spiral: { hidden: 10, act: 'sigmoid', optimizer: 'sgd', lr: 1, init: 'std' },
};
const BATCH = { xor: 4, spiral: 30 };
const GRID = 60;                    // decision grid: 60 × 60 = 3600 rows, one net.output call
const SPEEDS = [1, 5, 20, 100, 500];
const DEFAULT_SPEED = 5;
const FRAME_BUDGET_MS = 12;         // core work per animation frame
const HEAT_EVERY_MS = 120;          // redraw the decision regions at most this often while playing
const LOSS_EVERY_MS = 200;
const LR_MIN = 1e-4;
const LR_MAX = 10;

let instances = 0;

/** A short, parseable number: 0.1234, 2.12e-5. */
function fmt(v, digits = 4) {
  if (v === null || v === undefined || Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(2);
  return String(Number(v.toPrecision(digits)));
}

/** Learning rates shown and stored with 3 significant digits. */
const roundLr = (v) => Number(v.toPrecision(3));

export function mount(root, ctx) {
  const { sn, t } = ctx;
  const st = ctx.state;
  const uid = `sn-bp-${++instances}`;

  // ---- core objects and training bookkeeping ---------------------------------
  let dataset = null;
  let net = null;
  let trainer = null;
  let X = null;            // Float32Array of the data's features
  let labels = null;       // Int32Array
  let points = [];         // [{ x, y, label }] for the scatter
  let extent = null;       // { x0, x1, y0, y1 } of the decision grid
  let grid = null;         // Float32Array(GRID·GRID·2)
  const history = new LossHistory();
  let markers = [];        // [{ step, lr, label }] learning-rate changes
  let divergences = [];    // [{ step }]
  let last = { step: 0, epoch: 0, loss: NaN, acc: NaN };
  let playing = false;
  let raf = 0;
  let cap = Infinity;      // steps per frame allowed by the time budget
  let speed = DEFAULT_SPEED;
  let lastHeat = 0;
  let lastLoss = 0;
  let logY = true;
  let destroyed = false;

  // ---- DOM -------------------------------------------------------------------
  const left = el('section', { class: 'sn-controls', 'aria-label': t('bp.settings') });
  const right = el('section');
  const bottom = el('section', { class: 'sn-wide' });
  root.append(left, right, bottom);

  left.append(el('h2', { text: t('bp.title') }));
  if (!ctx.embedded) left.append(el('p', { class: 'sn-explain', text: t('bp.intro') }));


  const ids = Object.fromEntries(['data', 'hidden', 'hiddenN', 'act', 'optimizer', 'init', 'seed', 'lr', 'lrN', 'speed', 'logy']
    .map((k) => [k, `${uid}-${k}`]));

  const dataSel = selectOf(ids.data, 'data', ['xor', 'spiral'], (v) => t(`bp.data.${v}`));
  const hiddenRange = el('input', { type: 'range', id: ids.hidden, min: 1, max: 64, step: 1, 'data-testid': 'hidden-range' });
  const hiddenNum = el('input', { type: 'number', id: ids.hiddenN, min: 1, max: 64, step: 1, 'aria-label': t('bp.hidden.number'), 'data-testid': 'hidden' });
  const actSel = selectOf(ids.act, 'act', ['tanh', 'sigmoid', 'relu', 'leaky_relu'], (v) => t(`bp.act.${v}`));
  const optSel = selectOf(ids.optimizer, 'optimizer', ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'], (v) => t(`bp.opt.${v}`));
  const initSel = selectOf(ids.init, 'init', ['xavier', 'he', 'std'], (v) => t(`bp.init.${v}`));
  const seedNum = el('input', { type: 'number', id: ids.seed, min: 0, max: 2 ** 31 - 1, step: 1, 'data-testid': 'seed' });
  const seedBtn = el('button', { type: 'button', text: t('bp.seed.new'), 'data-testid': 'new-seed', style: { padding: '0.3rem 0.3rem', whiteSpace: 'nowrap', fontSize: '0.9em' } });
  const lrRange = el('input', { type: 'range', id: ids.lr, min: Math.log10(LR_MIN), max: Math.log10(LR_MAX), step: 0.05, 'data-testid': 'lr-range' });
  const lrNum = el('input', { type: 'number', id: ids.lrN, min: LR_MIN, max: LR_MAX, step: 'any', 'aria-label': t('bp.lr.number'), 'data-testid': 'lr-number' });
  lrRange.setAttribute('aria-label', t('bp.lr.range'));
  const speedSel = selectOf(ids.speed, 'speed', SPEEDS, (n) => t('bp.speed.option', { n }));
  speedSel.setAttribute('aria-label', t('bp.speed.label'));

  left.append(
    controlRow(t('bp.data'), ids.data, dataSel),
    controlRow(t('bp.hidden'), ids.hidden, hiddenRange, hiddenNum),
    controlRow(t('bp.act'), ids.act, actSel),
    controlRow(t('bp.optimizer'), ids.optimizer, optSel),
    controlRow(t('bp.init'), ids.init, initSel),
    controlRow(t('bp.seed'), ids.seed, seedNum, seedBtn),
    controlRow(t('bp.lr'), ids.lr, lrRange, lrNum),
    controlRow(t('bp.speed'), ids.speed, speedSel),
  );
  const archLine = el('p', { class: 'sn-explain sn-mono', 'data-testid': 'architecture', style: { margin: '0' } });
  left.append(archLine);

  const playBtn = el('button', { type: 'button', class: 'sn-primary', 'data-testid': 'play', 'aria-pressed': 'false' });
  const stepBtn = el('button', { type: 'button', text: t('bp.stepOnce'), 'data-testid': 'step-once' });
  const resetBtn = el('button', { type: 'button', text: t('bp.reset'), 'data-testid': 'reset' });
  const gcBtn = el('button', { type: 'button', text: t('bp.gradcheck'), 'data-testid': 'gradcheck' });
  left.append(el('div', { class: 'sn-buttons' }, playBtn, stepBtn, resetBtn, gcBtn));

  // the numbers a learner watches (and the tests read: data-value is the raw number)
  const stats = el('dl', {
    'aria-label': t('bp.stats'),
    style: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.1rem 0.75rem', margin: '0.25rem 0' },
  });
  const statEls = {};
  for (const [key, label] of [['step', 'bp.stat.step'], ['epoch', 'bp.stat.epoch'], ['loss', 'bp.stat.loss'],
    ['accuracy', 'bp.stat.accuracy'], ['lr-current', 'bp.stat.lr']]) {
    statEls[key] = el('dd', { class: 'sn-mono', 'data-testid': key, style: { margin: '0' } });
    stats.append(el('dt', { text: t(label) }), statEls[key]);
  }
  left.append(stats);

  const divergedBox = el('p', { class: 'sn-error', role: 'alert', 'data-testid': 'diverged', hidden: true });
  const errorBox = el('p', { class: 'sn-error', role: 'alert', 'data-testid': 'error', hidden: true });
  left.append(divergedBox, errorBox);

  // right: decision regions and loss curve
  const heatTitle = el('h3', { text: t('bp.heatmap') });
  const heatNote = el('p', { class: 'sn-explain', style: { margin: '0 0 0.25rem' } });
  const heatBox = el('div', { class: 'sn-plot', 'data-testid': 'heatmap' });
  const lossTitle = el('h3', { text: t('bp.losscurve') });
  const logYBox = el('input', { type: 'checkbox', id: ids.logy, checked: true, 'data-testid': 'log-y' });
  const lossBox = el('div', { class: 'sn-plot', 'data-testid': 'loss-plot' });
  right.append(
    heatTitle, heatNote, heatBox, lossTitle,
    el('div', {}, logYBox, ' ', el('label', { for: ids.logy, text: t('bp.logy') })),
    lossBox,
    el('p', { class: 'sn-explain', text: t('bp.losscurve.note') }),
  );

  // bottom: gradient check, formulas, explanations
  const gcSection = el('div', { 'data-testid': 'gradcheck-section', hidden: true },
    el('h3', { text: t('bp.gc.title') }),
    el('p', { class: 'sn-explain', text: t('bp.gc.explain') }));
  const gcBody = el('div', { style: { overflowX: 'auto' } });
  gcSection.append(gcBody);
  bottom.append(gcSection);

  const formulas = el('details', { open: !ctx.embedded }, el('summary', { text: t('bp.formulas') }));
  const formulaBody = el('div');
  formulas.append(formulaBody);
  bottom.append(formulas);
  if (!ctx.embedded) {
    const ex = el('details', { open: true }, el('summary', { text: t('bp.explain.title') }));
    for (const k of ['bp.explain.1', 'bp.explain.2', 'bp.explain.3', 'bp.explain.4']) ex.append(el('p', { class: 'sn-explain', text: t(k) }));
    bottom.append(ex);
  }

  // ---- helpers ---------------------------------------------------------------
  const showError = (e) => showErrorIn(errorBox, e);
  function clearError() { errorBox.hidden = true; errorBox.textContent = ''; }

  function plotWidth(box, max) {
    const w = box.clientWidth || right.clientWidth || max;
    return Math.max(200, Math.min(max, Math.floor(w)));
  }

  function syncControls() {
    dataSel.value = st.data;
    hiddenRange.value = String(st.hidden);
    hiddenNum.value = String(st.hidden);
    actSel.value = st.act;
    optSel.value = st.optimizer;
    initSel.value = st.init;
    seedNum.value = String(st.seed);
    lrRange.value = String(Math.log10(st.lr));
    lrNum.value = String(st.lr);
    speedSel.value = String(speed);
  }

  function renderFormulas() {
    formulaBody.replaceChildren();
    const add = (captionKey, tex, params) => {
      formulaBody.append(el('p', { class: 'sn-explain', style: { margin: '0.5rem 0 0' }, text: t(captionKey, params) }), formula(tex));
    };
    add('bp.f.forward', F.FORWARD);
    if (st.data === 'xor') {
      add('bp.f.lossXor', F.LOSS_XOR);
      add('bp.f.outDelta', F.OUT_DELTA);
    } else {
      add('bp.f.softmax', F.SOFTMAX);
    }
    add('bp.f.hidDelta', F.HID_DELTA);
    add('bp.f.actDeriv', F.ACT_DERIV[st.act]);
    add('bp.f.affine', F.AFFINE);
    add('bp.f.update', F.UPDATE);
    add('bp.f.optimizer', F.OPTIMIZER[st.optimizer], { name: t(`bp.opt.${st.optimizer}`) });
  }

  function updateTexts() {
    const steps = dataset ? Math.ceil(dataset.size / BATCH[st.data]) : 0;
    archLine.textContent = `${t('bp.arch', { hidden: st.hidden, act: t(`bp.act.${st.act}`), out: t(`bp.arch.${st.data}`) })}; ${t('bp.batch', { batch: BATCH[st.data], steps })}`;
    heatNote.textContent = t(st.data === 'xor' ? 'bp.heatmap.xor' : 'bp.heatmap.spiral');
  }

  function setPlaying(on) {
    playing = on && trainer !== null;
    playBtn.textContent = playing ? t('bp.pause') : t('bp.play');
    playBtn.setAttribute('aria-pressed', String(playing));
    if (playing && !raf) {
      cap = Infinity;
      raf = requestAnimationFrame(frame);
    }
    if (!playing && raf) {
      cancelAnimationFrame(raf);
      raf = 0;
    }
  }

  function updateStats() {
    const put = (key, value, text) => {
      statEls[key].dataset.value = String(value);
      statEls[key].textContent = text;
    };
    put('step', last.step, String(last.step));
    put('epoch', last.epoch, String(last.epoch));
    put('loss', last.loss, last.step === 0 && !Number.isFinite(last.loss) ? '—' : fmt(last.loss));
    put('accuracy', last.acc, Number.isFinite(last.acc) ? `${(last.acc * 100).toFixed(1)} %` : '—');
    const lr = trainer ? trainer.learningRate : st.lr;
    put('lr-current', lr, fmt(lr));
  }

  function drawHeat() {
    if (!net || !grid) return;
    lastHeat = performance.now();
    try {
      const out = net.output(grid, GRID * GRID);
      heatBox.replaceChildren(decisionPlot({
        kind: st.data, extent, gridN: GRID, out, classes: net.outputSize, points, t,
        width: plotWidth(heatBox, ctx.embedded ? 340 : 420),
      }));
    } catch (e) {
      showError(e);
    }
  }

  function drawLoss() {
    lastLoss = performance.now();
    lossBox.replaceChildren(lossPlot({
      points: history.points, markers, divergences, logY, lastStep: last.step,
      width: plotWidth(lossBox, ctx.embedded ? 420 : 560),
    }));
  }

  function drawAll() { updateStats(); drawHeat(); drawLoss(); }

  // ---- building ----------------------------------------------------------------
  function buildData() {
    dataset?.delete();
    dataset = null;
    dataset = st.data === 'xor' ? sn.xorDataset() : sn.spiral();
    X = dataset.x();
    labels = dataset.labels();
    points = Array.from(labels, (label, i) => ({ x: X[2 * i], y: X[2 * i + 1], label }));
    if (st.data === 'xor') {
      extent = { x0: -0.5, x1: 1.5, y0: -0.5, y1: 1.5 };
    } else {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of X) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      const pad = 0.1 * (hi - lo);
      extent = { x0: lo - pad, x1: hi + pad, y0: lo - pad, y1: hi + pad };
    }
    grid = new Float32Array(GRID * GRID * 2);
    const dx = (extent.x1 - extent.x0) / GRID;
    const dy = (extent.y1 - extent.y0) / GRID;
    for (let r = 0; r < GRID; r++) {
      for (let c = 0; c < GRID; c++) {
        const i = (r * GRID + c) * 2;
        grid[i] = extent.x0 + (c + 0.5) * dx;
        grid[i + 1] = extent.y0 + (r + 0.5) * dy;
      }
    }
  }

  /** A fresh network and trainer from the settings (the old ones are freed). */
  function buildNet() {
    trainer?.delete();
    net?.delete();
    trainer = null;
    net = null;
    history.clear();
    markers = [];
    divergences = [];
    last = { step: 0, epoch: 0, loss: NaN, acc: NaN };
    divergedBox.hidden = true;
    gcSection.hidden = true;
    gcBody.replaceChildren();
    clearError();
    try {
      if (!dataset) buildData();
      const xor = st.data === 'xor';
      net = sn.network({
        sizes: [2, st.hidden, xor ? 1 : 3],
        hidden: st.act,
        output: xor ? 'tanh' : 'softmax',
        init: st.init,
        initStd: 0.01,
      }, { seed: st.seed });
      trainer = sn.trainer(net, {
        train: dataset, optimizer: st.optimizer, learningRate: st.lr, batchSize: BATCH[st.data], seed: st.seed,
      });
      // the starting point of the curve: the loss of the untrained network on all the data
      const tgt = xor ? dataset.targets().data : oneHot(labels, 3);
      last.loss = net.loss(X, tgt, dataset.size);
      last.acc = net.accuracy(X, labels);
      history.push(0, last.loss);
    } catch (e) {
      trainer?.delete();
      net?.delete();
      trainer = null;
      net = null;
      showError(e);
    }
    updateTexts();
    setPlaying(playing);
    drawAll();
  }

  function oneHot(ls, k) {
    const t1 = new Float32Array(ls.length * k);
    ls.forEach((l, i) => { t1[i * k + l] = 1; });
    return t1;
  }

  // ---- training ----------------------------------------------------------------
  function consume(r) {
    if (!r || !r.last) return;
    history.pushMany(r.losses, r.last.step);
    last.step = r.last.step;
    last.epoch = trainer.epoch;
    last.loss = r.last.loss;
    if (r.epochs.length) {
      const acc = r.epochs[r.epochs.length - 1].trainAcc;
      if (Number.isFinite(acc)) last.acc = acc;
    }
    if (r.last.diverged) {
      divergences.push({ step: r.last.step });
      const lr = trainer.learningRate;
      divergedBox.textContent = t('bp.diverged', { step: r.last.step, lr: fmt(lr) });
      divergedBox.hidden = false;
      setPlaying(false);
      drawAll();
    }
  }

  function train(k) {
    if (!trainer) return;
    try {
      consume(trainer.run(k));
    } catch (e) {
      setPlaying(false);
      showError(e);
    }
  }

  function frame(now) {
    raf = 0;
    if (!playing || destroyed) return;
    const k = Math.max(1, Math.min(speed, cap));
    const t0 = performance.now();
    train(k);
    const dt = performance.now() - t0;
    // keep each frame's core work inside the budget
    if (dt > FRAME_BUDGET_MS) cap = Math.max(1, Math.floor((k * FRAME_BUDGET_MS) / dt));
    else if (k === cap && dt < FRAME_BUDGET_MS / 2) cap = cap * 2;
    updateStats();
    if (now - lastHeat >= HEAT_EVERY_MS) drawHeat();
    if (now - lastLoss >= LOSS_EVERY_MS) drawLoss();
    if (playing) raf = requestAnimationFrame(frame);
  }

  // ---- events --------------------------------------------------------------------
  function rebuild(partial) {
    ctx.setState(partial);
    syncControls();
    renderFormulas();
    buildNet();
  }

  dataSel.addEventListener('change', () => {
    ctx.setState({ data: dataSel.value, ...PRESETS[dataSel.value] });
    try {
      buildData();
    } catch (e) {
      showError(e);
    }
    rebuild({});
  });
  const onHidden = (src) => () => {
    const v = Math.round(Number(src.value));
    if (!Number.isFinite(v) || v < 1 || v > 64) return;
    if (v !== st.hidden) rebuild({ hidden: v });
  };
  hiddenRange.addEventListener('input', onHidden(hiddenRange));
  hiddenNum.addEventListener('change', onHidden(hiddenNum));
  actSel.addEventListener('change', () => rebuild({ act: actSel.value }));
  optSel.addEventListener('change', () => rebuild({ optimizer: optSel.value }));
  initSel.addEventListener('change', () => rebuild({ init: initSel.value }));
  seedNum.addEventListener('change', () => {
    const v = Math.round(Number(seedNum.value));
    if (Number.isFinite(v) && v >= 0 && v <= 2 ** 31 - 1) rebuild({ seed: v });
    else seedNum.value = String(st.seed);
  });
  seedBtn.addEventListener('click', () => rebuild({ seed: Math.floor(Math.random() * 1e6) }));

  /** The learning rate changes on the trainer itself: the next step uses it, nothing is rebuilt. */
  function applyLr(raw, { report }) {
    let v = Number(raw);
    if (!Number.isFinite(v) || raw === '') {
      if (report) { errorBox.textContent = t('bp.lr.bad'); errorBox.hidden = false; }
      return;
    }
    if (v > 0 && v < LR_MIN) v = LR_MIN;
    if (trainer) {
      try {
        trainer.learningRate = v;   // the core checks 0 < η ≤ 10
      } catch (e) {
        if (report) showError(e);
        return;
      }
    } else if (!(v >= LR_MIN && v <= LR_MAX)) {
      if (report) { errorBox.textContent = t('bp.lr.bad'); errorBox.hidden = false; }
      return;
    }
    clearError();
    if (v === st.lr) return;
    ctx.setState({ lr: v });
    if (last.step > 0) {
      const m = { step: last.step, lr: v, label: fmt(v, 3) };
      if (markers.length && markers[markers.length - 1].step === last.step) markers[markers.length - 1] = m;
      else markers.push(m);
    }
    updateStats();
    if (!playing) drawLoss();
  }
  lrRange.addEventListener('input', () => {
    const v = roundLr(10 ** Number(lrRange.value));
    lrNum.value = String(v);
    applyLr(String(v), { report: true });
  });
  lrNum.addEventListener('input', () => {
    applyLr(lrNum.value, { report: false });
    if (Number(lrNum.value) > 0) lrRange.value = String(Math.log10(Math.min(LR_MAX, Math.max(LR_MIN, Number(lrNum.value)))));
  });
  lrNum.addEventListener('change', () => {
    applyLr(lrNum.value, { report: true });
    if (errorBox.hidden) lrNum.value = String(st.lr);
  });

  speedSel.addEventListener('change', () => { speed = Number(speedSel.value); cap = Infinity; });
  logYBox.addEventListener('change', () => { logY = logYBox.checked; drawLoss(); });

  playBtn.addEventListener('click', () => {
    if (!playing) {
      divergedBox.hidden = true;
      clearError();
    }
    setPlaying(!playing);
  });
  stepBtn.addEventListener('click', () => {
    setPlaying(false);
    divergedBox.hidden = true;
    train(1);
    drawAll();
  });
  resetBtn.addEventListener('click', () => buildNet());

  gcBtn.addEventListener('click', () => {
    if (!net) return;
    try {
      let x;
      let tgt;
      let rows;
      if (st.data === 'xor') {
        x = X;
        tgt = dataset.targets().data;
        rows = dataset.size;
      } else {
        // 30 rows spread over all three arms (every 10th point)
        rows = 30;
        const step = Math.floor(dataset.size / rows);
        x = new Float32Array(rows * 2);
        const ls = new Int32Array(rows);
        for (let i = 0; i < rows; i++) {
          x[2 * i] = X[2 * i * step];
          x[2 * i + 1] = X[2 * i * step + 1];
          ls[i] = labels[i * step];
        }
        tgt = oneHot(ls, 3);
      }
      const res = net.gradientCheck(x, tgt, rows);
      renderGradCheck(res, rows);
    } catch (e) {
      showError(e);
    }
  });

  function renderGradCheck(res, rows) {
    const table = el('table', { 'data-testid': 'gradcheck-table' });
    table.append(el('caption', { class: 'sn-explain', text: t('bp.gc.rows', { rows }), style: { textAlign: 'left' } }));
    const head = el('tr');
    for (const k of ['bp.gc.param', 'bp.gc.shape', 'bp.gc.abs', 'bp.gc.rel', 'bp.gc.result']) head.append(el('th', { scope: 'col', text: t(k) }));
    table.append(el('thead', {}, head));
    const body = el('tbody');
    let anyBad = false;
    for (const r of res) {
      // the core's verdict: max |a − n| / max(1, |a| + |n|) < 1e-6 (net/gradient_check.hpp)
      const ok = r.ok;
      anyBad ||= !ok;
      const p = net.param(r.param);
      const tr = el('tr', { class: ok ? 'sn-right' : 'sn-wrong', 'data-param': r.param, 'data-rel': String(r.maxRelError), 'data-ok': String(ok) });
      tr.append(
        el('th', { scope: 'row', class: 'sn-mono', text: r.param }),
        el('td', { class: 'sn-mono', text: `${p.rows}×${p.cols}` }),
        el('td', { class: 'sn-mono', text: r.maxAbsDiff.toExponential(2) }),
        el('td', { class: 'sn-mono', text: r.maxError.toExponential(2) }),
        el('td', { text: ok ? `✓ ${t('bp.gc.ok')}` : `✗ ${t('bp.gc.bad')}` }),
      );
      body.append(tr);
    }
    table.append(body);
    gcBody.replaceChildren(table);
    if (anyBad && (st.act === 'relu' || st.act === 'leaky_relu')) gcBody.append(el('p', { class: 'sn-explain', text: t('bp.gc.kink') }));
    gcSection.hidden = false;
  }

  // ---- start -----------------------------------------------------------------------
  syncControls();
  renderFormulas();
  try {
    buildData();
  } catch (e) {
    showError(e);
  }
  setPlaying(false);
  buildNet();

  return {
    destroy() {
      destroyed = true;
      setPlaying(false);
      if (raf) cancelAnimationFrame(raf);
      trainer?.delete();
      net?.delete();
      dataset?.delete();
      trainer = null;
      net = null;
      dataset = null;
    },
  };
}
