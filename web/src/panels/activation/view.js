// view.js — activation functions (book 3.2 and 3.5).
//
// A function selector, its graph with the derivative overlaid, a cursor that
// reads x, h(x), h'(x), the vanishing-gradient regions of sigmoid and tanh,
// and the softmax with its overflow demo. Every value comes from the core:
// sn.sampleActivation for the curves, sn.activate / sn.derivative for the
// cursor, sn.softmax for the outputs.
import { SETTINGS } from '../../state.js';
import { el, controlRow, formula, fmt, idMaker, showError } from '../../ui.js';
import { swatch, short } from './dom.js';
import { activationPlot, rowsOf, vanishingBands, COLORS, DF_DASH } from './plots.js';
import { activationTex } from './formulas.js';
import { mountSoftmax } from './softmax.js';


const POINTS = 401;
const RANGE = { min: SETTINGS.xmin.min, max: SETTINGS.xmax.max };
const DEFAULT_RANGE = [SETTINGS.xmin.default, SETTINGS.xmax.default];
const MIN_SPAN = 0.05;
const VANISHING = new Set(['sigmoid', 'tanh']);

const round6 = (v) => Math.round(v * 1e6) / 1e6;
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/** A round step near span/200 (1, 2 or 5 × 10^k) for the cursor slider. */
function niceStep(span) {
  const raw = span / 200;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return round6((m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p) || 1e-6;
}

export function mountView(root, ctx) {
  const newId = idMaker('sn-act');
  const { sn, state, setState, checkTyped, t, embedded } = ctx;
  const FNS = SETTINGS.fn.values.filter((f) => sn.activations.includes(f));

  // local view state (not in the URL): the cursor and the comparison toggle
  let cursorX = clamp(0, state.xmin, state.xmax);
  let compare = false;
  let rows = [];         // the selected function, sampled by the core
  let others = [];       // the other functions, when compare is on
  let bands = [];        // where h'(x) < 0.01 (sigmoid, tanh)
  let frame = 0;
  let scaleX = null;

  // ---- controls -------------------------------------------------------------
  const ids = { fn: newId('fn'), slope: newId('slope'), deriv: newId('deriv'), compare: newId('compare'), x: newId('x'), xmin: newId('xmin'), xmax: newId('xmax') };

  const fnSelect = el('select', { id: ids.fn, 'data-testid': 'fn' });
  for (const f of FNS) fnSelect.append(el('option', { value: f, text: t(`act.fn.${f}`), selected: f === state.fn }));

  const { min: slopeMin, max: slopeMax } = SETTINGS.slope;
  const slopeRange = el('input', { id: ids.slope, type: 'range', min: slopeMin, max: slopeMax, step: 0.01, value: state.slope, 'data-testid': 'slope' });
  const slopeNumber = el('input', { type: 'number', min: slopeMin, max: slopeMax, step: 0.01, value: state.slope, 'aria-label': t('act.slope.number') });
  const slopeRow = controlRow(t('act.slope'), ids.slope, slopeRange, slopeNumber);

  const checkbox = (id, checked, label, testid) => {
    const box = el('input', { id, type: 'checkbox', checked, 'data-testid': testid });
    return [box, el('div', { className: 'sn-row' }, box, el('label', { htmlFor: id, text: label }))];
  };
  const [derivBox, derivRow] = checkbox(ids.deriv, state.deriv, t('act.deriv'), 'deriv');
  const [compareBox, compareRow] = checkbox(ids.compare, compare, t('act.compare'), 'compare');

  const xRange = el('input', { id: ids.x, type: 'range', 'data-testid': 'cursor-x' });
  const xNumber = el('input', { type: 'number', step: 'any', 'data-testid': 'cursor-x-number', 'aria-label': t('act.cursor.number') });
  const readout = el('output', {
    className: 'sn-mono sn-row sn-readout',
    'data-testid': 'cursor-readout',
    for: `${ids.x} ${ids.fn}`, 'aria-label': t('act.readout'),
  });

  const xminInput = el('input', { id: ids.xmin, type: 'number', step: 'any', min: RANGE.min, max: RANGE.max, value: state.xmin, 'data-testid': 'xmin', className: 'sn-narrow' });
  const xmaxInput = el('input', { id: ids.xmax, type: 'number', step: 'any', min: RANGE.min, max: RANGE.max, value: state.xmax, 'data-testid': 'xmax', className: 'sn-narrow' });
  const zoomIn = el('button', { type: 'button', text: t('act.zoomIn'), 'data-testid': 'zoom-in' });
  const zoomOut = el('button', { type: 'button', text: t('act.zoomOut'), 'data-testid': 'zoom-out' });
  const zoomReset = el('button', { type: 'button', text: t('act.reset'), 'data-testid': 'zoom-reset' });
  const rangeError = el('p', { className: 'sn-error', hidden: true, 'data-testid': 'range-error', role: 'alert' });

  const plotBox = el('div', { className: 'sn-plot sn-pointer-plot', 'data-testid': 'activation-plot' });
  const plotError = el('p', { className: 'sn-error', hidden: true, role: 'alert' });
  const legend = el('div', { className: 'sn-explain sn-row', role: 'list', 'aria-label': t('act.legend') });

  const formulas = el('div', { 'data-testid': 'activation-formulas' });
  const note = el('div', { className: 'sn-explain', 'data-testid': 'gradient-note' });

  // ---- layout ---------------------------------------------------------------
  const left = el('div', { className: 'sn-controls' },
    embedded ? null : el('h2', { text: t('act.title') }),
    controlRow(t('act.fn'), ids.fn, fnSelect),
    slopeRow,
    derivRow,
    compareRow,
    controlRow(t('act.cursor'), ids.x, xRange, xNumber),
    readout,
    el('p', { className: 'sn-explain sn-tight', text: t('act.hint') }),
  );
  const rangeGroup = el('div', { role: 'group', 'aria-label': t('act.range'), className: 'sn-row' },
    el('span', { className: 'sn-inline' }, el('label', { htmlFor: ids.xmin, text: t('act.xmin') }), xminInput),
    el('span', { className: 'sn-inline' }, el('label', { htmlFor: ids.xmax, text: t('act.xmax') }), xmaxInput),
    el('div', { className: 'sn-buttons' }, zoomIn, zoomOut, zoomReset),
  );
  const right = el('div', {}, plotBox, plotError, legend, rangeGroup, rangeError);
  const explain = el('div', {
    className: 'sn-wide sn-columns',
  },
  el('section', { className: 'sn-shrink' }, el('h3', { text: t('act.formula') }), formulas),
  el('section', { className: 'sn-shrink' }, el('h3', { text: t('act.note') }), note));
  const softmaxSection = el('section', { className: 'sn-wide', 'data-testid': 'softmax' });
  root.append(left, right, explain, softmaxSection);

  // ---- computing (all through the core) -------------------------------------
  function sample(fn, from, to) {
    return rowsOf(sn.sampleActivation(fn, { from, to, points: POINTS, slope: state.slope }));
  }

  /** Resample the curves for the current settings; false (and a message) on a core error. */
  function resample() {
    try {
      rows = sample(state.fn, state.xmin, state.xmax);
      others = compare ? FNS.filter((f) => f !== state.fn).map((f) => ({ fn: f, rows: sample(f, state.xmin, state.xmax) })) : [];
      bands = VANISHING.has(state.fn) ? vanishingBands(rows, state.xmin, state.xmax) : [];
      plotError.hidden = true;
      return true;
    } catch (e) {
      showError(plotError, e, t('act.plot.failed'));
      plotError.hidden = false;
      return false;
    }
  }

  function cursorValues() {
    const f = sn.activate(state.fn, [cursorX], state.slope)[0];
    const dy = sn.derivative(state.fn, [cursorX], state.slope)[0];
    return { x: cursorX, y: f, dy };
  }

  // ---- drawing --------------------------------------------------------------
  function drawPlot() {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    let cursor = null;
    try {
      cursor = cursorValues();
    } catch (e) {
      showError(plotError, e, t('act.plot.failed'));
      plotError.hidden = false;
    }
    plotBox.dataset.width = String(Math.floor(plotBox.clientWidth));
    const width = Math.max(260, Math.floor(plotBox.clientWidth || 560));
    const svg = activationPlot({
      rows, fn: state.fn, others, deriv: state.deriv, bands, cursor,
      xmin: state.xmin, xmax: state.xmax, width, height: embedded ? 250 : Math.round(clamp(width * 0.6, 240, 340)),
      ariaLabel: t('act.plot.aria', { name: t(`act.fn.${state.fn}`), xmin: short(state.xmin), xmax: short(state.xmax) }),
    });
    plotBox.replaceChildren(svg);
    scaleX = svg.scale('x');
    Object.assign(plotBox.dataset, { fn: state.fn, deriv: String(state.deriv), xmin: String(state.xmin), xmax: String(state.xmax), bands: String(bands.length) });
    if (cursor) showReadout(cursor);
  }
  const schedule = () => { if (!frame) frame = requestAnimationFrame(drawPlot); };

  function showReadout({ x, y, dy }) {
    const part = (label, v, sep = '') => el('span', { text: `${label} = ${fmt(v, 6)}${sep}` });
    readout.replaceChildren(part('x', x, ','), part('h(x)', y, ','), part("h'(x)", dy));
    Object.assign(readout.dataset, { x: fmt(x, 6), f: fmt(y, 6), df: fmt(dy, 6) });
  }

  function drawLegend() {
    const item = (sw, label) => el('span', { role: 'listitem', className: 'sn-inline' }, sw, el('span', { text: label }));
    legend.replaceChildren(...[
      item(swatch({ stroke: COLORS.f }), `${t('act.legend.f')} — ${t(`act.fn.${state.fn}`)}`),
      state.deriv ? item(swatch({ stroke: COLORS.df, dash: DF_DASH, width: 2 }), t('act.legend.df')) : null,
      compare ? item(swatch({ stroke: COLORS.others, opacity: 0.6, width: 1.5 }), t('act.legend.others')) : null,
      VANISHING.has(state.fn) ? item(swatch({ fill: COLORS.band, opacity: 0.35 }), t('act.legend.vanish')) : null,
    ].filter(Boolean));
  }

  function drawExplanations() {
    const tex = activationTex(state.fn, state.slope);
    formulas.replaceChildren(formula(tex.f, t(`act.fn.${state.fn}`)), formula(tex.df, t('act.legend.df')));
    let d0 = '';
    try { d0 = short(sn.derivative(state.fn, [0], state.slope)[0]); } catch { /* shown by the plot already */ }
    const paragraphs = [el('p', { text: t(`act.note.${state.fn}`, { d0, slope: short(state.slope) }) })];
    if (VANISHING.has(state.fn)) {
      const where = bands.map((b) => t('act.vanish.interval', { from: b.x1.toFixed(2), to: b.x2.toFixed(2) })).join(', ');
      paragraphs.push(el('p', { className: bands.length ? '' : 'sn-mono', 'data-testid': 'vanish-where', text: bands.length ? t('act.vanish.where', { where }) : t('act.vanish.none') }));
      paragraphs.push(el('p', { text: t('act.note.reluHelps') }));
    }
    note.replaceChildren(...paragraphs);
  }

  function syncControls() {
    fnSelect.value = state.fn;
    // .sn-control sets display:grid, which would override the hidden attribute
    slopeRow.style.display = state.fn === 'leaky_relu' ? '' : 'none';
    slopeRange.value = String(state.slope);
    slopeNumber.value = String(state.slope);
    derivBox.checked = state.deriv;
    xminInput.value = String(state.xmin);
    xmaxInput.value = String(state.xmax);
    const step = niceStep(state.xmax - state.xmin);
    Object.assign(xRange, { min: String(state.xmin), max: String(state.xmax), step: String(step) });
    Object.assign(xNumber, { min: String(state.xmin), max: String(state.xmax) });
    xRange.value = String(cursorX);
    xNumber.value = String(cursorX);
    zoomIn.disabled = (state.xmax - state.xmin) / 2 < MIN_SPAN;
    zoomOut.disabled = state.xmin <= RANGE.min && state.xmax >= RANGE.max;
  }

  /** Everything after a setting changed. */
  function refresh() {
    cursorX = clamp(cursorX, state.xmin, state.xmax);
    syncControls();
    resample();
    drawLegend();
    drawExplanations();
    schedule();
  }

  // ---- events ---------------------------------------------------------------
  function setCursor(x, { fromRange = false } = {}) {
    if (!Number.isFinite(x)) return;
    cursorX = round6(clamp(x, state.xmin, state.xmax));
    if (!fromRange) xRange.value = String(cursorX);
    xNumber.value = String(cursorX);
    try { showReadout(cursorValues()); } catch { /* reported by drawPlot */ }
    schedule();
  }

  /** A new plot range, validated by the core before it is taken. */
  function setRange(a, b) {
    const lo = round6(clamp(a, RANGE.min, RANGE.max));
    const hi = round6(clamp(b, RANGE.min, RANGE.max));
    try {
      sn.sampleActivation(state.fn, { from: lo, to: hi, points: 2, slope: state.slope });
    } catch (e) {
      showError(rangeError, e, t('act.range.bad'));
      rangeError.hidden = false;
      xminInput.value = String(state.xmin);
      xmaxInput.value = String(state.xmax);
      return;
    }
    rangeError.hidden = true;
    setState({ xmin: lo, xmax: hi });
    refresh();
  }

  fnSelect.addEventListener('change', () => { setState({ fn: fnSelect.value }); refresh(); });
  const onSlope = (v) => {
    if (!Number.isFinite(v)) return;
    setState({ slope: round6(clamp(v, SETTINGS.slope.min, SETTINGS.slope.max)) });
    refresh();
  };
  slopeRange.addEventListener('input', () => onSlope(Number(slopeRange.value)));
  slopeNumber.addEventListener('change', () => onSlope(slopeNumber.value === '' ? NaN : Number(slopeNumber.value)));
  derivBox.addEventListener('change', () => { setState({ deriv: derivBox.checked }); refresh(); });
  compareBox.addEventListener('change', () => { compare = compareBox.checked; refresh(); });
  xRange.addEventListener('input', () => setCursor(Number(xRange.value), { fromRange: true }));
  xNumber.addEventListener('change', () => setCursor(xNumber.value === '' ? NaN : Number(xNumber.value)));
  // typed ends go through the settings table like a link's: a clamped one gets the same note
  const typedRange = () => {
    const typed = checkTyped?.({ xmin: xminInput.value, xmax: xmaxInput.value }) ?? {};
    const end = (input, key) => (key in typed ? typed[key] : input.value === '' ? NaN : Number(input.value));
    setRange(end(xminInput, 'xmin'), end(xmaxInput, 'xmax'));
  };
  xminInput.addEventListener('change', typedRange);
  xmaxInput.addEventListener('change', typedRange);
  zoomIn.addEventListener('click', () => {
    const c = (state.xmin + state.xmax) / 2;
    const half = (state.xmax - state.xmin) / 4;
    setRange(c - half, c + half);
  });
  zoomOut.addEventListener('click', () => {
    const span = Math.min(state.xmax - state.xmin, (RANGE.max - RANGE.min) / 2);
    let lo = (state.xmin + state.xmax) / 2 - span;
    let hi = lo + 2 * span;
    if (lo < RANGE.min) { hi += RANGE.min - lo; lo = RANGE.min; }
    if (hi > RANGE.max) { lo -= hi - RANGE.max; hi = RANGE.max; }
    setRange(lo, hi);
  });
  zoomReset.addEventListener('click', () => setRange(...DEFAULT_RANGE));

  function onPointer(e) {
    const svg = plotBox.querySelector('svg');
    if (!svg || !scaleX) return;
    const r = svg.getBoundingClientRect();
    if (r.width === 0) return;
    const px = (e.clientX - r.left) * (Number(svg.getAttribute('width')) / r.width);
    const x = scaleX.invert(px);
    const step = Number(xRange.step);
    setCursor(state.xmin + Math.round((x - state.xmin) / step) * step);
  }
  plotBox.addEventListener('pointermove', onPointer);
  plotBox.addEventListener('pointerdown', onPointer);

  const softmax = mountSoftmax(softmaxSection, ctx);

  // Redraw a chart when its box width differs from the width it was drawn at
  // (window resize, the grid stacking on a phone, a scrollbar appearing).
  const ro = new ResizeObserver(() => {
    if (String(Math.floor(plotBox.clientWidth)) !== plotBox.dataset.width) schedule();
    if (String(Math.floor(softmax.chart.clientWidth)) !== softmax.chart.dataset.width) softmax.redraw();
  });
  ro.observe(plotBox);
  ro.observe(softmax.chart);

  refresh();
  drawPlot();

  return {
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      ro.disconnect();
      plotBox.removeEventListener('pointermove', onPointer);
      plotBox.removeEventListener('pointerdown', onPointer);
    },
  };
}
