// softmax.js — the softmax part of the activation panel (book 3.5): an editable input
// vector, the outputs as bars and as numbers, and the overflow demo that puts
// the naive formula next to the one that subtracts the maximum (book 3.5.2).
import { SETTINGS } from '../../state.js';
import { el, formula, fmt, idMaker, showError as showErrorIn } from '../../ui.js';
import { short } from './dom.js';
import { softmaxPlot } from './plots.js';
import { SOFTMAX_TEX, SOFTMAX_STABLE_TEX } from './formulas.js';

export const OVERFLOW_EXAMPLE = [1010, 1000, 990];
const LIMITS = SETTINGS.softmax;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Text → { values } or { error } (translated). Separators: commas and/or spaces; [ ] allowed. */
export function parseVector(text, t) {
  const body = text.replace(/[−–]/g, '-').trim().replace(/^\[/, '').replace(/\]$/, '');
  const parts = body.split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) return { error: t('sm.err.empty') };
  if (parts.length > LIMITS.maxLength) return { error: t('sm.err.count', { max: LIMITS.maxLength }) };
  const values = [];
  for (const p of parts) {
    if (!NUMBER.test(p)) return { error: t('sm.err.nan', { part: p }) };
    const v = Number(p);
    if (!(v >= LIMITS.min && v <= LIMITS.max)) return { error: t('sm.err.range', { min: LIMITS.min, max: LIMITS.max, part: p }) };
    values.push(v);
  }
  return { values };
}

/** A vector as the text field shows it: "0.3, 2.9, 4.0" (integers get ".0" when mixed with decimals). */
export function vectorText(values) {
  const mixed = values.some((v) => !Number.isInteger(v));
  return values.map((v) => (mixed && Number.isInteger(v) ? v.toFixed(1) : String(v))).join(', ');
}

const sumOf = (ys) => ys.reduce((s, v) => s + v, 0);
const joined = (ys, d) => Array.from(ys, (v) => fmt(v, d)).join(', ');

export function mountSoftmax(section, ctx) {
  const newId = idMaker('sn-sm');
  const { sn, state, setState, t, embedded } = ctx;
  const inputId = newId('softmax');
  const errorId = newId('softmax-error');

  const input = el('input', {
    id: inputId,
    type: 'text',
    className: 'sn-mono sn-full',
    value: vectorText(state.softmax),
    spellcheck: false,
    autocomplete: 'off',
    'data-testid': 'softmax-input',
    inputmode: 'text', 'aria-describedby': errorId,
  });
  const error = el('p', { id: errorId, className: 'sn-error', hidden: true, 'data-testid': 'softmax-error', role: 'alert' });
  const overflowButton = el('button', { type: 'button', text: t('sm.overflow'), 'data-testid': 'softmax-overflow' });

  const out = el('output', { className: 'sn-mono sn-wrap', 'data-testid': 'softmax-out' });
  const sum = el('output', { className: 'sn-mono', 'data-testid': 'softmax-sum' });
  const chart = el('div', { className: 'sn-plot', 'data-testid': 'softmax-chart' });

  const naiveOut = el('output', { className: 'sn-mono sn-wrap', 'data-testid': 'softmax-naive' });
  const naiveSum = el('span', { className: 'sn-mono' });
  const naiveVerdict = el('strong');
  const stableOut = el('output', { className: 'sn-mono sn-wrap', 'data-testid': 'softmax-stable' });
  const stableSum = el('span', { className: 'sn-mono' });
  const overflowExplain = el('p', { className: 'sn-explain', 'data-testid': 'softmax-explain' });

  const box = (cls, title, output, sumEl, extra) => el('div', {
    className: cls,
    className: 'sn-card',
  }, el('strong', { text: title }), el('div', {}, output), el('div', { className: 'sn-explain' }, `Σ = `, sumEl), extra);
  const naiveBox = box('', t('sm.naive'), naiveOut, naiveSum, naiveVerdict);
  const stableBox = box('', t('sm.stable'), stableOut, stableSum, null);

  const grid = el('div', { className: 'sn-columns' },
    el('div', { className: 'sn-controls' },
      el('label', { htmlFor: inputId, text: t('sm.input', { max: LIMITS.maxLength }) }),
      input,
      error,
      el('div', {}, el('strong', { text: `${t('sm.out')}: ` }), out),
      el('div', {}, el('strong', { text: `${t('sm.sum')}: ` }), sum),
      el('p', { className: 'sn-explain', text: t('sm.explain') }),
    ),
    chart,
  );

  section.append(
    el('h3', { text: t('sm.title') }),
    formula(SOFTMAX_TEX, t('sm.title')),
    grid,
    el('h3', { text: t('sm.compare') }),
    el('div', { className: 'sn-buttons' }, overflowButton),
    el('div', { className: 'sn-row' }, naiveBox, stableBox),
    formula(SOFTMAX_STABLE_TEX, t('sm.stable')),
    overflowExplain,
  );

  let last = null;  // { values, y, naive }: the last good result, kept when the text is invalid

  function showError(msg) {
    error.textContent = `${msg} ${t('sm.err.kept')}`;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
  }
  function clearError() {
    error.hidden = true;
    error.textContent = '';
    input.removeAttribute('aria-invalid');
  }

  function drawChart() {
    if (!last) return;
    chart.dataset.width = String(Math.floor(chart.clientWidth));
    const width = Math.max(240, Math.floor(chart.clientWidth || 420));
    chart.replaceChildren(softmaxPlot({ values: last.y, width, height: embedded ? 170 : 210, ariaLabel: t('sm.chart.aria') }));
  }

  function show() {
    const { values, y, naive } = last;
    out.textContent = joined(y, 8);
    sum.textContent = fmt(sumOf(y), 8);
    stableOut.textContent = joined(y, 8);
    stableSum.textContent = fmt(sumOf(y), 8);
    naiveOut.textContent = joined(naive, 8);
    naiveSum.textContent = fmt(sumOf(naive), 8);
    const broken = Array.from(naive).some((v) => !Number.isFinite(v));
    naiveVerdict.textContent = broken ? t('sm.naive.bad') : t('sm.same');
    naiveBox.className = broken ? 'sn-wrong' : '';
    stableBox.className = broken ? 'sn-right' : '';
    naiveBox.dataset.broken = String(broken);
    overflowExplain.textContent = t('sm.overflow.explain', { c: short(Math.max(...values)) });
    drawChart();
  }

  /** Compute through the core; on a core error keep the last result and say why. */
  function apply(values, { save = true } = {}) {
    let y;
    let naive;
    try {
      y = sn.softmax(values);
      naive = sn.softmax(values, { stable: false });
    } catch (e) {
      showErrorIn(error, e, t('sm.failed'));
      error.append(` ${t('sm.err.kept')}`);
      input.setAttribute('aria-invalid', 'true');
      return false;
    }
    clearError();
    last = { values, y, naive };
    show();
    if (save) setState({ softmax: values });
    return true;
  }

  function onInput() {
    const r = parseVector(input.value, t);
    if (r.error) { showError(r.error); return; }
    apply(r.values);
  }

  input.addEventListener('input', onInput);
  overflowButton.addEventListener('click', () => {
    input.value = vectorText(OVERFLOW_EXAMPLE);
    apply(OVERFLOW_EXAMPLE);
  });

  apply(state.softmax, { save: false });
  return { redraw: drawChart, chart };
}
