// view.js — the "Perceptron & logic gates" panel's DOM (book ch. 2).
//
// The learner sets w1, w2 and b (or θ = −b) by hand and sees, live, the truth
// table against a gate and the decision line over the four inputs; then lets a
// learning rule (perceptron rule, delta rule / Adaline, Hebb) find the weights
// step by step; and finally builds XOR from NAND + OR → AND.
// Every answer of a perceptron comes from the core: sn.truthTable,
// sn.perceptronTrainer, sn.xorTwoLayer, sn.gatePresets.
import { parseSetting, SETTINGS } from '../../state.js';
import { el, controlRow, renderTex, selectOf, showError as showErrorIn, idMaker, fmtTrim } from '../../ui.js';
import { fmt, scrollBox, srOnly } from './dom.js';
import { decisionPlot, xorPlot, errorChart, COLORS } from './plots.js';
import { SPEEDS } from './run.js';

const PRESET_GATES = ['and', 'nand', 'or'];
const WEIGHT_KEYS = ['w1', 'w2', 'b'];

// A number inside a TeX formula (ASCII minus is fine there).
const texNum = (v) => String(Number(v.toFixed(3)));

export function mountView(root, ctx) {
  const { sn, run, state, setState, t, embedded } = ctx;
  const uid = idMaker('sn-pc');

  // ---- state on screen ---------------------------------------------------------------
  // The weights shown: from the sliders, a preset, or the trainer (which may
  // go beyond the slider range; the URL keeps the clamped value).
  const w = { w1: state.w1, w2: state.w2, b: state.b };
  let presets = {};
  let renderRaf = 0;
  let urlTimer = 0;
  // what the run (run.js: the trainer and its play loop) last reported
  let snap = run.snapshot();
  let playing = snap.playing;
  let samples = snap.samples;
  let lastStep = snap.lastStep;
  let cycle = snap.cycle;
  let destroyed = false;

  const errorBox = el('p', { className: 'sn-error sn-wide', role: 'alert', 'data-testid': 'pc-error', hidden: true });
  const showError = (e) => showErrorIn(errorBox, e);
  function clearError() { errorBox.hidden = true; errorBox.textContent = ''; }
  // Run a core call; a thrown error is shown in the panel instead of breaking it.
  function guard(fn, fallback) {
    try { return fn(); } catch (e) { showError(e); return fallback; }
  }

  presets = guard(() => sn.gatePresets, {});

  const explain = (...paragraphs) => {
    const ps = paragraphs.map((p) => (typeof p === 'string' ? el('p', { className: 'sn-explain', text: p }) : p));
    if (!embedded) return ps;
    return [el('details', {}, el('summary', { text: t('pc.more') }), ...ps)];
  };

  // ---- 1. controls ---------------------------------------------------------------------
  const formulaTheta = el('div', { className: 'sn-formula', 'data-testid': 'formula-theta' });
  const formulaBias = el('div', { className: 'sn-formula', 'data-testid': 'formula-bias' });
  const formulaLive = el('div', { className: 'sn-formula', 'data-testid': 'formula-live' });
  renderTex(formulaTheta, String.raw`y = \begin{cases} 0 & (w_1 x_1 + w_2 x_2 \le \theta) \\ 1 & (w_1 x_1 + w_2 x_2 > \theta) \end{cases}`);
  renderTex(formulaBias, String.raw`y = \begin{cases} 0 & (b + w_1 x_1 + w_2 x_2 \le 0) \\ 1 & (b + w_1 x_1 + w_2 x_2 > 0) \end{cases}`);

  const controls = {};
  const thetaView = () => state.theta;
  // what the third control shows: b, or θ = −b
  const shownValue = (key) => (key === 'b' && thetaView() ? -w.b : w[key]);
  const controlName = (key) => (key === 'b' ? t(thetaView() ? 'pc.theta' : 'pc.b') : t(`pc.${key}`));

  for (const key of WEIGHT_KEYS) {
    const id = uid(key);
    const label = el('label', { for: id });
    const range = el('input', { type: 'range', id, min: SETTINGS[key].min, max: SETTINGS[key].max, step: '0.05', 'data-testid': `slider-${key}` });
    const num = el('input', { type: 'number', step: '0.05', 'data-testid': `num-${key}`, inputmode: 'decimal' });
    range.addEventListener('input', () => onWeightInput(key, range.value));
    range.addEventListener('change', () => flushUrl());
    num.addEventListener('input', () => onWeightInput(key, num.value));
    num.addEventListener('change', () => { flushUrl(); num.value = fmtTrim(shownValue(key), 4); });
    controls[key] = { label, range, num, row: el('div', { className: 'sn-control' }, label, range, num) };
  }

  const thetaId = uid('theta');
  const thetaBox = el('input', { type: 'checkbox', id: thetaId, checked: state.theta, 'data-testid': 'theta-toggle' });
  thetaBox.addEventListener('change', () => {
    setState({ theta: thetaBox.checked });
    syncLabels();
    renderLearn();
    scheduleRender();
  });
  const thetaRow = el('div', {}, thetaBox, ' ', el('label', { for: thetaId, text: t('pc.thetaToggle') }));

  // the gate and the rule: a select each, built from SETTINGS; a change gives the run a new trainer
  const taskSelect = (key, label) => {
    const select = selectOf(uid(key), `${key}-select`, SETTINGS[key].values, label);
    select.value = state[key];
    select.addEventListener('change', () => {
      setState({ [key]: select.value });
      run.setTask({ rule: state.rule, gate: state.gate });
      scheduleRender();
    });
    return select;
  };
  const gateSelect = taskSelect('gate', (g) => t(`pc.gate.${g}`));
  const gateId = gateSelect.id;
  const gateRow = controlRow(t('pc.gate'), gateId, gateSelect);

  const presetTitle = el('div', { className: 'sn-explain sn-subhead' });
  const presetButtons = {};
  for (const g of PRESET_GATES) {
    if (!presets[g]) continue;
    const b = el('button', { type: 'button', 'data-testid': `preset-${g}` });
    b.addEventListener('click', () => applyPreset(g));
    presetButtons[g] = b;
  }
  const presetRow = el('div', { className: 'sn-buttons' }, ...Object.values(presetButtons));

  const titleId = uid('h');
  const controlSection = el('section', embedded ? { 'aria-label': t('pc.title') } : { 'aria-labelledby': titleId });
  const title = el('h2', { id: titleId, text: t('pc.title') });
  controlSection.append(...[
    embedded ? null : title,  // an embedding page has its own heading
    embedded ? null : el('p', { className: 'sn-explain', text: t('pc.intro') }),
    el('div', { role: 'group', 'aria-label': t('pc.formula.label') },
      formulaTheta,
      el('div', { className: 'sn-explain', text: `↓ ${t('pc.formula.swap')}`, className: 'sn-center' }),
      formulaBias),
    el('div', { className: 'sn-controls' }, ...WEIGHT_KEYS.map((k) => controls[k].row), thetaRow, gateRow),
    presetTitle,
    presetRow,
    ...explain(t('pc.explain.weights'), t('pc.explain.bias')),
  ].filter(Boolean));

  // ---- 2. plot and truth table ---------------------------------------------------------
  const plotBox = el('div', { className: 'sn-plot', 'data-testid': 'decision-plot' });
  const noLineNote = el('p', { className: 'sn-explain', hidden: true, 'data-testid': 'no-line' });
  const swatch = (color, text, border) => el('span', { className: 'sn-inline sn-spaced' },
    el('span', { 'aria-hidden': 'true', style: { display: 'inline-block', width: '0.9rem', height: '0.9rem', background: color, border: `1px solid ${border ?? '#999'}` } }),
    text);
  const legendItem = (text) => el('span', { text, className: 'sn-spaced' });
  const legend = el('div', { className: 'sn-explain sn-small-text' },
    swatch(COLORS.one, t('pc.legend.one')), swatch(COLORS.zero, t('pc.legend.zero')),
    legendItem(t('pc.legend.t1')), legendItem(t('pc.legend.t0')), legendItem(t('pc.legend.wrong')), legendItem(t('pc.legend.current')));
  const tableBox = el('div');
  const summary = el('p', { 'data-testid': 'tt-summary', className: 'sn-strong' });
  const xorNote = el('p', { className: 'sn-explain', text: t('pc.table.xorNote'), hidden: true, 'data-testid': 'xor-note' });
  const viewSection = el('section', {},
    formulaLive, plotBox, legend, noLineNote, scrollBox(tableBox), summary, xorNote);

  // ---- 3. learn it -----------------------------------------------------------------------
  const ruleSelect = taskSelect('rule', (r) => t(`pc.rule.${r}`));
  const ruleId = ruleSelect.id;
  const speedId = uid('speed');
  const speedSelect = el('select', { id: speedId, 'data-testid': 'speed-select' },
    ...SPEEDS.map((n) => el('option', { value: String(n), text: t('pc.speed.option', { n }), selected: n === snap.speed })));
  speedSelect.addEventListener('change', () => run.setSpeed(speedSelect.value));

  const playBtn = el('button', { type: 'button', className: 'sn-primary', text: t('pc.play'), 'data-testid': 'learn-play' });
  const pauseBtn = el('button', { type: 'button', text: t('pc.pause'), 'data-testid': 'learn-pause' });
  const stepBtn = el('button', { type: 'button', text: t('pc.step'), 'data-testid': 'learn-step' });
  const resetBtn = el('button', { type: 'button', text: t('pc.reset'), 'data-testid': 'learn-reset' });
  playBtn.addEventListener('click', () => run.play());
  pauseBtn.addEventListener('click', () => run.pause());
  stepBtn.addEventListener('click', () => run.step());
  resetBtn.addEventListener('click', () => { run.reset(); scheduleRender(); });

  const ruleFormula = el('div', { className: 'sn-formula', 'data-testid': 'rule-formula' });
  const ruleNote = el('p', { className: 'sn-explain' });
  const status = el('p', { 'data-testid': 'learn-status', 'aria-live': 'polite', className: 'sn-strong' });
  const weightsLine = el('p', { className: 'sn-mono sn-line sn-wrap', 'data-testid': 'learn-weights' });
  const shownLine = el('p', { className: 'sn-explain sn-line sn-wrap', 'data-testid': 'learn-shown' });
  const sampleLine = el('p', { className: 'sn-mono sn-line sn-wrap', 'data-testid': 'learn-sample' });
  const chartBox = el('div', { className: 'sn-plot', 'data-testid': 'error-chart' });
  const whyBox = el('div', { 'data-testid': 'learn-why', hidden: true, style: { borderLeft: `4px solid ${COLORS.wrong}`, paddingLeft: '0.6rem' } });
  const cycleBox = el('p', { className: 'sn-explain', 'data-testid': 'learn-cycle', hidden: true });

  const learnTitleId = uid('learn');
  // A full-width section; embedded in someone's page it starts folded, to stay compact.
  const wideSection = (titleId, titleText, ...content) => (embedded
    ? el('details', { className: 'sn-wide' },
      el('summary', { id: titleId, text: titleText, className: 'sn-summary' }), ...content)
    : el('section', { className: 'sn-wide', 'aria-labelledby': titleId },
      el('h2', { id: titleId, text: titleText }), ...content));
  const learnSection = wideSection(learnTitleId, t('pc.learn.title'),
    embedded ? null : el('p', { className: 'sn-explain', text: t('pc.learn.intro') }),
    el('div', { className: 'sn-row sn-top' },
      el('div', { className: 'sn-col' },
        el('div', { className: 'sn-controls' },
          controlRow(t('pc.rule'), ruleId, ruleSelect),
          controlRow(t('pc.speed'), speedId, speedSelect)),
        el('div', { className: 'sn-buttons sn-gap' }, playBtn, pauseBtn, stepBtn, resetBtn),
        ruleFormula, ruleNote),
      el('div', { className: 'sn-col' },
        status, weightsLine, shownLine, sampleLine, chartBox)),
    cycleBox,
    whyBox,
  );

  // ---- 4. XOR from two layers --------------------------------------------------------------
  const xorTitleId = uid('xor');
  const xorFormula = el('div', { className: 'sn-formula' });
  renderTex(xorFormula, String.raw`\begin{gathered} s_1 = \mathrm{NAND}(x_1, x_2),\quad s_2 = \mathrm{OR}(x_1, x_2) \\ y = \mathrm{AND}(s_1, s_2) \end{gathered}`);
  const xorTableBox = el('div');
  const xorPlotBox = el('div', { className: 'sn-plot', 'data-testid': 'xor-plot' });
  const xorSection = wideSection(xorTitleId, t('pc.xor.title'),
    el('p', { className: 'sn-explain', text: t('pc.xor.intro') }),
    xorFormula,
    el('div', { className: 'sn-row sn-top' },
      scrollBox(xorTableBox), xorPlotBox),
    ...explain(t('pc.xor.explain')),
  );

  root.append(errorBox, controlSection, viewSection, learnSection, xorSection);

  // ---- behaviour ----------------------------------------------------------------------------
  function onWeightInput(key, raw) {
    const v = Number(raw);
    if (String(raw).trim() === '' || !Number.isFinite(v)) return;  // half-typed: wait
    const value = key === 'b' && thetaView() ? -v : v;
    // validated exactly like a value from the URL (clamped to the allowed range)
    const r = parseSetting(key, String(value));
    if (!('value' in r)) return;
    w[key] = r.value;
    run.pause();
    renderLearnButtons();
    scheduleRender();
    scheduleUrl();
  }

  const round4 = (v) => Number(v.toFixed(4));
  function writeUrlNow() {
    clearTimeout(urlTimer);
    urlTimer = 0;
    if (destroyed) return;
    setState({ w1: round4(w.w1), w2: round4(w.w2), b: round4(w.b) });
  }
  // The address bar follows the sliders, but not at 60 writes per second.
  function scheduleUrl() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrlNow, 250);
  }
  function flushUrl() { writeUrlNow(); }

  function applyPreset(g) {
    const p = presets[g];
    if (!p) return;
    run.pause();
    Object.assign(w, { w1: p.w1, w2: p.w2, b: p.b });
    setState({ gate: g, w1: p.w1, w2: p.w2, b: p.b });
    gateSelect.value = g;
    run.setTask({ rule: state.rule, gate: g });
    renderLearn();
    scheduleRender();
  }

  function syncLabels() {
    for (const key of WEIGHT_KEYS) {
      const c = controls[key];
      c.label.textContent = controlName(key);
      c.num.setAttribute('aria-label', t('pc.number', { name: controlName(key) }));
    }
    const third = thetaView() ? 'θ' : 'b';
    presetTitle.textContent = t('pc.presets', { third });
    for (const [g, btn] of Object.entries(presetButtons)) {
      const p = presets[g];
      const v = thetaView() ? -p.b : p.b;
      btn.textContent = `${t(`pc.gate.${g}`)} (${fmt(p.w1)}, ${fmt(p.w2)}, ${fmt(v)})`;
      btn.setAttribute('aria-label', t('pc.preset.aria', { gate: t(`pc.gate.${g}`), w1: fmt(p.w1), w2: fmt(p.w2), third, v: fmt(v) }));
    }
  }

  function scheduleRender() {
    if (renderRaf || destroyed) return;
    renderRaf = requestAnimationFrame(() => { renderRaf = 0; render(); });
  }

  // the 0/1 index of the sample the trainer just processed (for highlighting)
  const currentSample = () => (lastStep ? lastStep.sample : -1);

  function render() {
    if (destroyed) return;
    // controls follow the weights (except a number field the learner is typing in)
    for (const key of WEIGHT_KEYS) {
      const c = controls[key];
      const v = shownValue(key);
      c.range.value = String(v);
      c.range.setAttribute('aria-valuetext', fmt(v));
      if (document.activeElement !== c.num) c.num.value = fmtTrim(v, 4);
    }
    for (const [g, btn] of Object.entries(presetButtons)) {
      const p = presets[g];
      btn.setAttribute('aria-pressed', String(state.gate === g && p.w1 === w.w1 && p.w2 === w.w2 && p.b === w.b));
    }
    renderLiveFormula();
    const rows = guard(() => sn.truthTable(w, state.gate), null);
    if (rows) {
      renderTable(rows);
      renderPlot(rows);
    }
    xorNote.hidden = state.gate !== 'xor';
  }

  // e.g. y = 1 ⇔ 0.5x₁ + 0.5x₂ − 0.7 > 0 (terms that are 0 are left out, 1·x is written x)
  function renderLiveFormula() {
    const terms = [];
    const add = (c, x) => {
      if (texNum(c) === '0') return;
      const mag = texNum(Math.abs(c));
      const body = x && mag === '1' ? x : `${mag}${x}`;
      terms.push(`${c < 0 ? '-' : terms.length ? '+' : ''} ${body}`);
    };
    add(w.w1, 'x_1');
    add(w.w2, 'x_2');
    if (thetaView()) {
      const lhs = terms.length ? terms.join(' ') : '0';
      renderTex(formulaLive, String.raw`y = 1 \iff ${lhs} > ${texNum(-w.b)}`);
    } else {
      add(w.b, '');
      const lhs = terms.length ? terms.join(' ') : '0';
      renderTex(formulaLive, String.raw`y = 1 \iff ${lhs} > 0`);
    }
  }

  function renderTable(rows) {
    const gateName = t(`pc.gate.${state.gate}`);
    const head = ['x₁', 'x₂', t(thetaView() ? 'pc.table.netTheta' : 'pc.table.net'), 'y', t('pc.table.target'), t('pc.table.check')];
    const cur = currentSample();
    const table = el('table', { 'data-testid': 'truth-table', 'data-gate': state.gate },
      el('caption', { text: t('pc.table.caption', { gate: gateName }), className: 'sn-left sn-bold' }),
      el('thead', {}, el('tr', {}, ...head.map((s) => el('th', { text: s, scope: 'col' })))),
      el('tbody', {}, ...rows.map((r, i) => el('tr', {
        className: r.correct ? 'sn-right' : 'sn-wrong',
        'data-correct': String(r.correct), 'data-row': i,
        style: i === cur ? { outline: `3px dashed ${COLORS.current}`, outlineOffset: '-3px' } : {},
      },
      el('td', { text: String(r.x1) }),
      el('td', { text: String(r.x2) }),
      el('td', { text: fmt(r.net), 'data-testid': `net-${i}` }),
      el('td', { text: String(r.y), 'data-testid': `y-${i}`, className: 'sn-bold' }),
      el('td', { text: String(r.target), 'data-testid': `target-${i}` }),
      el('td', { className: 'sn-center', 'data-testid': `check-${i}` },
        r.correct ? '✓' : '✗', srOnly(` ${t(r.correct ? 'pc.table.right' : 'pc.table.wrong')}`))))));
    tableBox.replaceChildren(table);
    const right = rows.filter((r) => r.correct).length;
    summary.textContent = t('pc.table.summary', { right, n: rows.length });
    summary.dataset.right = String(right);
  }

  function renderPlot(rows) {
    const size = embedded ? 280 : 340;
    const svg = guard(() => decisionPlot({ weights: w, rows, current: currentSample(), size, ariaLabel: t('pc.plot.aria') }), null);
    if (svg) plotBox.replaceChildren(svg);
    const noLine = w.w1 === 0 && w.w2 === 0;
    noLineNote.hidden = !noLine;
    if (noLine) noLineNote.textContent = t('pc.plot.noLine', { y: rows[0].y });
  }

  // ---- learning --------------------------------------------------------------------------------
  // The trainer's weights as the equivalent perceptron on 0/1 inputs (what the
  // sliders, the truth table and the plot show).
  function sliderWeights(raw) {
    if (state.rule === 'delta') return { w1: raw.w1, w2: raw.w2, b: raw.b - 0.5 };  // y = 1 iff net > 0.5
    if (state.rule === 'hebb') return { w1: 2 * raw.w1, w2: 2 * raw.w2, b: raw.b - raw.w1 - raw.w2 };  // x = 2u − 1
    return { w1: raw.w1, w2: raw.w2, b: raw.b };
  }

  // The run reported: follow the trainer's weights after a step, and write
  // them to the address (not at every step while it plays).
  function onRun(next) {
    const stepped = next.lastStep !== null && next.lastStep !== lastStep;
    const stopped = playing && !next.playing;
    snap = next;
    ({ playing, samples, lastStep, cycle } = next);
    if (next.error) showError(next.error);
    if (stepped && next.info) {
      Object.assign(w, sliderWeights(next.info.weights));
      scheduleRender();
      if (playing) scheduleUrl(); else flushUrl();
    } else if (stopped) {
      flushUrl();
    }
    if (next.lastStep === null) scheduleRender();   // a reset: the highlighted sample goes
    renderLearn();
  }

  function renderLearnButtons() {
    const finished = !snap.info || snap.info.finished;
    playBtn.disabled = playing || finished;
    pauseBtn.disabled = !playing;
    stepBtn.disabled = finished;
    resetBtn.disabled = !snap.info;
    playBtn.setAttribute('aria-pressed', String(playing));
  }

  function weightsText(p) {
    const third = thetaView() ? `θ = ${fmt(-p.b, 4)}` : `b = ${fmt(p.b, 4)}`;
    return `w₁ = ${fmt(p.w1, 4)}, w₂ = ${fmt(p.w2, 4)}, ${third}`;
  }

  function renderLearn() {
    if (destroyed) return;
    renderLearnButtons();
    const { rule, options: opts } = snap;
    renderTex(ruleFormula, {
      perceptron: String.raw`\begin{gathered} w_i(t+1) = w_i(t) + (d_j - y_j(t))\,x_{j,i} \\ b = w_0,\quad x_{j,0} = 1 \end{gathered}`,
      delta: String.raw`\begin{gathered} w_i(t+1) = w_i(t) + \eta\,(d_j - \mathrm{net}_j(t))\,x_{j,i} \\ \mathrm{net}_j = \mathbf{w}(t)\cdot\mathbf{x}_j,\quad \eta = 0.1 \end{gathered}`,
      hebb: String.raw`\begin{gathered} w_i(t+1) = w_i(t) + \alpha\,x_{j,i}\,d_j \\ x_{j,i},\ d_j \in \{-1, +1\},\quad \alpha = 1 \end{gathered}`,
    }[rule]);
    ruleNote.textContent = t(`pc.learn.rule.${rule}`);
    const { info } = snap;
    if (!info) {
      status.textContent = '';
      status.dataset.state = 'error';
      return;
    }
    const count = samples.length || 4;
    const right = Math.round(info.accuracy * count);
    let key;
    let st;
    if (info.finished && info.converged && right === count) {
      st = 'converged';
      key = rule === 'delta' ? 'pc.learn.settledOk' : 'pc.learn.converged';
    } else if (info.finished && info.converged) {
      st = 'failed';
      key = 'pc.learn.settledWrong';
    } else if (info.finished) {
      st = 'failed';
      key = 'pc.learn.never';
    } else if (playing) {
      st = 'running';
      key = 'pc.learn.running';
    } else if (lastStep) {
      st = 'paused';
      key = 'pc.learn.paused';
    } else {
      st = 'ready';
      key = 'pc.learn.ready';
    }
    const text = t(key, {
      n: info.epochs, s: info.epochs === 1 ? '' : 's', right, count, lr: opts.learningRate, max: opts.maxEpochs,
      epoch: info.epochs + (info.next > 0 ? 1 : 0), sample: lastStep ? lastStep.sample + 1 : 0,
    });
    if (status.textContent !== text) status.textContent = text;
    // while it runs, the live region is busy: a screen reader hears the outcome, not every epoch
    status.setAttribute('aria-busy', String(st === 'running'));
    status.dataset.state = st;
    status.dataset.epochs = String(info.epochs);

    weightsLine.textContent = t('pc.learn.weights', { epoch: info.epochs, weights: weightsText(info.weights) });
    if (rule === 'delta' || rule === 'hebb') {
      shownLine.hidden = false;
      shownLine.textContent = t(rule === 'delta' ? 'pc.learn.weightsDelta' : 'pc.learn.weightsHebb', { shown: weightsText(sliderWeights(info.weights)) });
    } else {
      shownLine.hidden = true;
    }
    sampleLine.textContent = lastStep ? sampleText(lastStep) : t('pc.learn.noSample');

    if (info.errors.length) {
      const svg = guard(() => errorChart({
        errors: info.errors,
        width: embedded ? 300 : 360,
        yLabel: t(`pc.learn.err.${rule}`),
        xLabel: t('pc.learn.epoch'),
        ariaLabel: t('pc.learn.chart.aria'),
      }), null);
      if (svg) chartBox.replaceChildren(svg);
    } else {
      chartBox.replaceChildren(el('p', { className: 'sn-explain', text: t('pc.learn.chart.empty') }));
    }

    cycleBox.hidden = !cycle;
    if (cycle) cycleBox.textContent = t('pc.learn.cycle', cycle);

    whyBox.hidden = st !== 'failed';
    if (st === 'failed') {
      const paragraphs = state.gate === 'xor'
        ? [el('strong', { text: t('pc.why.title') }), t('pc.why.xor'), t(`pc.why.${rule}`), t('pc.why.fix')]
        : [t('pc.why.other')];
      whyBox.replaceChildren(...paragraphs.map((p) => (typeof p === 'string' ? el('p', { className: 'sn-explain', text: p }) : p)));
    }
  }

  function sampleText(s) {
    const x = samples[s.sample] ?? { x1: '?', x2: '?' };
    let text = t('pc.learn.sample', {
      epoch: s.epoch, k: s.sample + 1, count: samples.length || 4,
      x1: fmt(x.x1), x2: fmt(x.x2), d: fmt(s.target), y: fmt(s.y),
    });
    if (state.rule === 'perceptron') {
      text += t('pc.learn.sample.perceptron', {
        e: fmt(s.error), tail: t(s.error === 0 ? 'pc.learn.sample.unchanged' : 'pc.learn.sample.changed'),
      });
    } else if (state.rule === 'delta') {
      text += t('pc.learn.sample.delta', { e: fmt(s.error, 4) });
    } else {
      text += t('pc.learn.sample.hebb');
    }
    return `${text} → ${weightsText(s)}`;
  }

  function renderXor() {
    const rows = guard(() => sn.xorTwoLayer(), null);
    if (!rows) return;
    const head = ['x₁', 'x₂', 's₁', 's₂', 'y'];
    const sub = ['', '', 'NAND', 'OR', 'AND'];
    xorTableBox.replaceChildren(el('table', { 'data-testid': 'xor-table' },
      el('caption', { text: t('pc.xor.caption'), className: 'sn-left sn-bold' }),
      el('thead', {},
        el('tr', {}, ...head.map((s) => el('th', { text: s, scope: 'col' }))),
        el('tr', {}, ...sub.map((s) => el('th', { text: s, className: 'sn-sub' })))),
      el('tbody', {}, ...rows.map((r, i) => el('tr', { 'data-row': i },
        ...['x1', 'x2', 's1', 's2', 'y'].map((k) => el('td', { text: String(r[k]), 'data-col': k })))))));
    if (presets.nand && presets.or) {
      const svg = guard(() => xorPlot({
        nand: presets.nand, or: presets.or, rows, size: embedded ? 260 : 300,
        ariaLabel: t('pc.xor.plot.aria'), labels: { nand: 'NAND', or: 'OR' },
      }), null);
      if (svg) xorPlotBox.replaceChildren(svg, el('div', { className: 'sn-explain sn-small-text' }, swatch(COLORS.band, t('pc.xor.band'))));
    }
  }

  // ---- first paint -------------------------------------------------------------------------------
  syncLabels();
  run.setTask({ rule: state.rule, gate: state.gate });   // a link may name another gate or rule
  const unsubscribe = run.subscribe(onRun);
  onRun(run.snapshot());
  render();
  renderXor();

  return {
    destroy() {
      // a pending address update is written now, not lost with the view
      if (urlTimer) writeUrlNow();
      destroyed = true;
      unsubscribe();
      if (renderRaf) cancelAnimationFrame(renderRaf);
      renderRaf = 0;
    },
  };
}
