// view.js — the backprop playground's DOM (book ch. 5–6, vol. 2 ch. 1): the
// controls, the numbers, the decision regions, the loss curve and the gradient
// check, all drawn from the run's snapshot (run.js). Destroying the view never
// touches the run: a language or tab switch rebuilds this and training goes on.
import { SETTINGS } from '../../state.js';
import { el, panelLayout, controlRow, formula, selectOf, showError, fmtSig, roundSig, pct, idMaker } from '../../ui.js';
import { lossPlot } from '../../shared/loss-plot.js';
import { decisionPlot } from './plots.js';
import { SPEEDS } from './run.js';
import * as F from './formulas.js';

// The defaults a dataset switch applies: the book's 2-2-1 XOR net (ch. 5), and vol. 2's
// spiral TwoLayerNet (hidden_size 10, sigmoid, SGD lr 1.0, 0.01·randn weights).
const PRESETS = {
  xor: { hidden: 2, act: 'tanh', optimizer: 'momentum', lr: 0.1, init: 'xavier' },
  spiral: { hidden: 10, act: 'sigmoid', optimizer: 'sgd', lr: 1, init: 'std' },
};
const HEAT_EVERY_MS = 120;          // redraw the decision regions at most this often while playing
const LOSS_EVERY_MS = 200;

export function mountView(root, { run, state: st, setState, t, embedded, discarded }) {
  const id = idMaker('sn-bp');
  const lrLimits = SETTINGS.lr;
  let logY = true;
  let lastHeat = 0;
  let lastLoss = 0;
  let shownGc = null;
  let destroyed = false;

  // ---- DOM -------------------------------------------------------------------
  const { left, right, bottom } = panelLayout(root, { title: t('bp.title'), intro: t('bp.intro'), label: t('bp.settings'), embedded });

  const select = (key, testid, label) => selectOf(id(key), testid, SETTINGS[key].values, label);
  const dataSel = select('data', 'data', (v) => t(`bp.data.${v}`));
  const hiddenRange = el('input', { type: 'range', id: id('hidden'), min: SETTINGS.hidden.min, max: SETTINGS.hidden.max, step: 1, 'data-testid': 'hidden-range' });
  const hiddenNum = el('input', { type: 'number', min: SETTINGS.hidden.min, max: SETTINGS.hidden.max, step: 1, 'aria-label': t('bp.hidden.number'), 'data-testid': 'hidden' });
  const actSel = select('act', 'act', (v) => t(`bp.act.${v}`));
  const optSel = select('optimizer', 'optimizer', (v) => t(`bp.opt.${v}`));
  const initSel = select('init', 'init', (v) => t(`bp.init.${v}`));
  const seedNum = el('input', { type: 'number', id: id('seed'), min: SETTINGS.seed.min, max: SETTINGS.seed.max, step: 1, 'data-testid': 'seed' });
  const seedBtn = el('button', { type: 'button', className: 'sn-small', text: t('bp.seed.new'), 'data-testid': 'new-seed' });
  const lrRange = el('input', { type: 'range', id: id('lr'), min: Math.log10(lrLimits.min), max: Math.log10(lrLimits.max), step: 0.05, 'data-testid': 'lr-range', 'aria-label': t('bp.lr.range') });
  const lrNum = el('input', { type: 'number', min: lrLimits.min, max: lrLimits.max, step: 'any', 'aria-label': t('bp.lr.number'), 'data-testid': 'lr-number' });
  const speedSel = selectOf(id('speed'), 'speed', SPEEDS, (n) => t('bp.speed.option', { n }));
  speedSel.setAttribute('aria-label', t('bp.speed.label'));
  left.append(
    controlRow(t('bp.data'), id('data'), dataSel),
    controlRow(t('bp.hidden'), id('hidden'), hiddenRange, hiddenNum),
    controlRow(t('bp.act'), id('act'), actSel),
    controlRow(t('bp.optimizer'), id('optimizer'), optSel),
    controlRow(t('bp.init'), id('init'), initSel),
    controlRow(t('bp.seed'), id('seed'), seedNum, seedBtn),
    controlRow(t('bp.lr'), id('lr'), lrRange, lrNum),
    controlRow(t('bp.speed'), id('speed'), speedSel),
  );
  const archLine = el('p', { className: 'sn-explain sn-mono sn-tight', 'data-testid': 'architecture' });
  left.append(archLine);

  const playBtn = el('button', { type: 'button', className: 'sn-primary', 'data-testid': 'play', 'aria-pressed': 'false' });
  const stepBtn = el('button', { type: 'button', text: t('bp.stepOnce'), 'data-testid': 'step-once' });
  const resetBtn = el('button', { type: 'button', text: t('bp.reset'), 'data-testid': 'reset' });
  const gcBtn = el('button', { type: 'button', text: t('bp.gradcheck'), 'data-testid': 'gradcheck' });
  left.append(el('div', { className: 'sn-buttons' }, playBtn, stepBtn, resetBtn, gcBtn));

  // the numbers a learner watches (and the tests read: data-value is the raw number)
  const stats = el('dl', { className: 'sn-stats', 'aria-label': t('bp.stats') });
  const statEls = {};
  for (const [key, label] of [['step', 'bp.stat.step'], ['epoch', 'bp.stat.epoch'], ['loss', 'bp.stat.loss'],
    ['accuracy', 'bp.stat.accuracy'], ['lr-current', 'bp.stat.lr']]) {
    statEls[key] = el('dd', { className: 'sn-mono', 'data-testid': key });
    stats.append(el('dt', { text: t(label) }), statEls[key]);
  }
  left.append(stats);
  const divergedBox = el('p', { className: 'sn-error', role: 'alert', 'data-testid': 'diverged', hidden: true });
  const errorBox = el('p', { className: 'sn-error', role: 'alert', 'data-testid': 'error', hidden: true });
  left.append(divergedBox, errorBox);
  // a setting that needed a new network: say what went with the old one
  if (discarded) left.append(el('p', { className: 'sn-notes', role: 'status', 'data-testid': 'discarded', text: t('bp.discarded', discarded) }));

  // right: decision regions and loss curve
  const heatBox = el('div', { className: 'sn-plot', 'data-testid': 'heatmap' });
  const logYBox = el('input', { type: 'checkbox', id: id('logy'), checked: true, 'data-testid': 'log-y' });
  const lossBox = el('div', { className: 'sn-plot', 'data-testid': 'loss-plot' });
  right.append(
    el('h3', { text: t('bp.heatmap') }),
    el('p', { className: 'sn-explain sn-tight', text: t(st.data === 'xor' ? 'bp.heatmap.xor' : 'bp.heatmap.spiral') }),
    heatBox, el('h3', { text: t('bp.losscurve') }),
    el('div', {}, logYBox, ' ', el('label', { for: id('logy'), text: t('bp.logy') })),
    lossBox, el('p', { className: 'sn-explain', text: t('bp.losscurve.note') }),
  );

  // bottom: gradient check, formulas, explanations
  const gcBody = el('div', { className: 'sn-scroll' });
  const gcSection = el('div', { 'data-testid': 'gradcheck-section', hidden: true },
    el('h3', { text: t('bp.gc.title') }), el('p', { className: 'sn-explain', text: t('bp.gc.explain') }), gcBody);
  bottom.append(gcSection, formulas());
  if (!embedded) {
    const ex = el('details', { open: true }, el('summary', { text: t('bp.explain.title') }));
    for (const k of ['bp.explain.1', 'bp.explain.2', 'bp.explain.3', 'bp.explain.4']) ex.append(el('p', { className: 'sn-explain', text: t(k) }));
    bottom.append(ex);
  }

  function formulas() {
    const box = el('details', { open: !embedded }, el('summary', { text: t('bp.formulas') }));
    const add = (captionKey, tex, params) => box.append(el('p', { className: 'sn-explain sn-caption', text: t(captionKey, params) }), formula(tex));
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
    return box;
  }

  // ---- drawing from a snapshot -------------------------------------------------
  const plotWidth = (box, max) => Math.max(200, Math.min(max, Math.floor(box.clientWidth || right.clientWidth || max)));
  const showErr = (e) => showError(errorBox, e);

  function syncControls(s) {
    dataSel.value = st.data;
    hiddenRange.value = String(st.hidden);
    hiddenNum.value = String(st.hidden);
    actSel.value = st.act;
    optSel.value = st.optimizer;
    initSel.value = st.init;
    seedNum.value = String(st.seed);
    lrRange.value = String(Math.log10(s.lr));
    lrNum.value = String(s.lr);
    speedSel.value = String(s.speed);
  }

  function drawHeat() {
    lastHeat = performance.now();
    try {
      const d = run.decision();
      if (!d) return;
      const s = run.snapshot();
      heatBox.replaceChildren(decisionPlot({
        kind: st.data, extent: s.extent, gridN: s.gridN, out: d.out, classes: d.classes, points: s.points, t,
        width: plotWidth(heatBox, embedded ? 340 : 420),
      }));
    } catch (e) {
      showErr(e);
    }
  }

  function drawLoss(s) {
    lastLoss = performance.now();
    lossBox.replaceChildren(lossPlot({
      points: s.losses, markers: s.markers.map((m) => ({ ...m, label: fmtSig(m.lr, 3) })), divergences: s.divergences,
      logY, lastStep: s.step, width: plotWidth(lossBox, embedded ? 420 : 560),
    }));
  }

  function put(key, value, text) {
    statEls[key].dataset.value = String(value);
    statEls[key].textContent = text;
  }

  function renderGradCheck(gc) {
    shownGc = gc;
    gcSection.hidden = !gc;
    if (!gc) { gcBody.replaceChildren(); return; }
    const table = el('table', { 'data-testid': 'gradcheck-table' });
    table.append(el('caption', { className: 'sn-explain sn-left', text: t('bp.gc.rows', { rows: gc.rows }) }));
    const head = el('tr');
    for (const k of ['bp.gc.param', 'bp.gc.shape', 'bp.gc.abs', 'bp.gc.rel', 'bp.gc.result']) head.append(el('th', { scope: 'col', text: t(k) }));
    table.append(el('thead', {}, head));
    const body = el('tbody');
    let anyBad = false;
    for (const r of gc.results) {
      // the core's verdict: max |a − n| / max(1, |a| + |n|) < 1e-6 (net/gradient_check.hpp)
      const ok = r.ok;
      anyBad ||= !ok;
      body.append(el('tr', { className: ok ? 'sn-right' : 'sn-wrong', 'data-param': r.param, 'data-rel': String(r.maxRelError), 'data-ok': String(ok) },
        el('th', { scope: 'row', className: 'sn-mono', text: r.param }),
        el('td', { className: 'sn-mono', text: `${r.rows}×${r.cols}` }),
        el('td', { className: 'sn-mono', text: r.maxAbsDiff.toExponential(2) }),
        el('td', { className: 'sn-mono', text: r.maxError.toExponential(2) }),
        el('td', { text: ok ? `✓ ${t('bp.gc.ok')}` : `✗ ${t('bp.gc.bad')}` })));
    }
    table.append(body);
    gcBody.replaceChildren(table);
    if (anyBad && (st.act === 'relu' || st.act === 'leaky_relu')) gcBody.append(el('p', { className: 'sn-explain', text: t('bp.gc.kink') }));
  }

  function render(s, { force = false } = {}) {
    if (destroyed) return;
    archLine.textContent = `${t('bp.arch', { hidden: st.hidden, act: t(`bp.act.${st.act}`), out: t(`bp.arch.${st.data}`) })}; ${t('bp.batch', { batch: s.batch, steps: s.stepsPerEpoch })}`;
    playBtn.textContent = s.playing ? t('bp.pause') : t('bp.play');
    playBtn.setAttribute('aria-pressed', String(s.playing));
    put('step', s.step, String(s.step));
    put('epoch', s.epoch, String(s.epoch));
    put('loss', s.loss, s.step === 0 && !Number.isFinite(s.loss) ? '—' : fmtSig(s.loss));
    put('accuracy', s.acc, pct(s.acc));
    put('lr-current', s.lr, fmtSig(s.lr));
    divergedBox.hidden = !s.diverged;
    if (s.diverged) divergedBox.textContent = t('bp.diverged', { step: s.diverged.step, lr: fmtSig(s.diverged.lr) });
    if (s.error) showErr(s.error);
    if (s.gradCheck !== shownGc) renderGradCheck(s.gradCheck);
    const now = performance.now();
    if (force || !s.playing || now - lastHeat >= HEAT_EVERY_MS) drawHeat();
    if (force || !s.playing || now - lastLoss >= LOSS_EVERY_MS) drawLoss(s);
  }

  // ---- events: settings that need a new network go to the shell (setState → a new run) ----
  dataSel.addEventListener('change', () => setState({ data: dataSel.value, ...PRESETS[dataSel.value] }));
  const onHidden = (src) => () => {
    const v = Math.round(Number(src.value));
    if (Number.isFinite(v) && v !== st.hidden) setState({ hidden: v });
  };
  // 'change', not 'input': a drag builds one network when it ends, not one per pixel
  hiddenRange.addEventListener('input', () => { hiddenNum.value = hiddenRange.value; });
  hiddenRange.addEventListener('change', onHidden(hiddenRange));
  hiddenNum.addEventListener('change', onHidden(hiddenNum));
  for (const [c, key] of [[actSel, 'act'], [optSel, 'optimizer'], [initSel, 'init']]) c.addEventListener('change', () => setState({ [key]: c.value }));
  seedNum.addEventListener('change', () => setState({ seed: seedNum.value }));
  seedBtn.addEventListener('click', () => setState({ seed: Math.floor(Math.random() * 1e6) }));

  /** The learning rate changes on the live run; the core checks its range. */
  function applyLr(raw, { report }) {
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v)) {
      if (report) { errorBox.textContent = t('bp.lr.bad', lrLimits); errorBox.hidden = false; }
      return;
    }
    try {
      run.setLr(Math.max(v, lrLimits.min));
      errorBox.hidden = true;
      setState({ lr: run.snapshot().lr });
    } catch (e) {
      if (report) showErr(e);
    }
  }
  lrRange.addEventListener('input', () => {
    const v = roundSig(10 ** Number(lrRange.value));
    lrNum.value = String(v);
    applyLr(String(v), { report: true });
  });
  lrNum.addEventListener('input', () => {
    applyLr(lrNum.value, { report: false });
    if (Number(lrNum.value) > 0) lrRange.value = String(Math.log10(Math.min(lrLimits.max, Math.max(lrLimits.min, Number(lrNum.value)))));
  });
  lrNum.addEventListener('change', () => {
    applyLr(lrNum.value, { report: true });
    if (errorBox.hidden) lrNum.value = String(run.snapshot().lr);
  });
  speedSel.addEventListener('change', () => run.setSpeed(speedSel.value));
  logYBox.addEventListener('change', () => { logY = logYBox.checked; drawLoss(run.snapshot()); });

  playBtn.addEventListener('click', () => {
    errorBox.hidden = true;
    if (run.snapshot().playing) run.pause(); else run.start();
  });
  stepBtn.addEventListener('click', () => run.step());
  resetBtn.addEventListener('click', () => { errorBox.hidden = true; run.reset(); });
  gcBtn.addEventListener('click', () => run.gradientCheck());

  // ---- mount -------------------------------------------------------------------
  // A learning rate from a link or a message that differs from the run's is applied to it.
  if (st.lr !== run.snapshot().lr) {
    try { run.setLr(st.lr); } catch (e) { showErr(e); }
  }
  syncControls(run.snapshot());
  const unsubscribe = run.subscribe((s) => render(s));
  render(run.snapshot(), { force: true });

  return {
    destroy() {
      destroyed = true;
      unsubscribe();
    },
  };
}
