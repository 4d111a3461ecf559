// ui.js — the DOM helpers every panel shares. Elements come from
// createElement / createElementNS and textContent only (never innerHTML), and
// styles go through the CSSOM, so a panel works on a page whose
// Content-Security-Policy refuses inline styles and markup from strings.
import katex from 'katex';
import { errorMessage, errorDetail, t } from './i18n.js';

/** Set one attribute: null, undefined and false leave it out, true sets it empty. */
function setAttr(e, name, v) {
  if (v === null || v === undefined || v === false) return;
  e.setAttribute(name, v === true ? '' : String(v));
}

/**
 * el('div', { className: 'x', text: '…', 'data-testid': 'y', 'aria-label': '…' }, ...children)
 * The one way the web code makes an element:
 *   className   the class attribute
 *   text        textContent
 *   style       an object of CSSOM properties ({ gridColumn: '2 / 4' }), for values computed at run time;
 *               fixed looks belong in style.css
 *   a name the element has as a DOM property (id, type, value, hidden, checked, htmlFor, scope, …): that property
 *   any other name (aria-label, data-testid, for, role, inputmode, …): an attribute; null, undefined and false
 *               leave it out, true sets it empty
 * Props are applied in the order given; an undefined value is left out.
 * Children are nodes or strings; null, undefined and false are skipped.
 */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (k === 'className' || k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'style') Object.assign(e.style, v);
    // the older spellings { attrs: {…} } and { dataset: {…} }, still met in panels not yet moved to the rule above
    else if (k === 'attrs') for (const [name, value] of Object.entries(v)) setAttr(e, name, value);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k in e && !k.includes('-')) e[k] = v;
    else setAttr(e, k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/**
 * The three regions of a training panel in `root`: controls on the left (its
 * title, and its introduction unless embedded), figures on the right, and a
 * full-width part below. Returns { left, right, bottom }.
 */
export function panelLayout(root, { title, intro, label, embedded }) {
  const left = el('section', { className: 'sn-controls', 'aria-label': label }, el('h2', { text: title }));
  if (!embedded) left.append(el('p', { className: 'sn-explain', text: intro }));
  const right = el('section');
  const bottom = el('section', { className: 'sn-wide' });
  root.append(left, right, bottom);
  return { left, right, bottom };
}

/**
 * A .sn-control row: a label for the control `id`, then the controls. The row
 * is a three-column grid (label, slider, number field); a lone control spans
 * both control columns.
 */
export function controlRow(label, id, ...controls) {
  if (controls.length === 1) controls[0].style.gridColumn = '2 / 4';
  return el('div', { className: 'sn-control' }, el('label', { for: id, text: label }), ...controls);
}

/** A <select id data-testid> with one option per value, shown as label(value). */
export function selectOf(id, testid, values, label) {
  const s = el('select', { id, 'data-testid': testid });
  for (const v of values) s.append(el('option', { value: String(v), text: label(v) }));
  return s;
}

/**
 * Show error `e` in `box` (an .sn-error element): its translated sentence,
 * after `prefix` if given, and the core's English detail behind a toggle.
 */
export function showError(box, e, prefix = '', lang = undefined) {
  const sentence = prefix ? `${prefix}: ${errorMessage(e, lang)}` : errorMessage(e, lang);
  const detail = errorDetail(e);
  box.replaceChildren(sentence);
  if (detail) box.append(' ', el('details', { className: 'sn-detail' }, el('summary', { text: t('error.details', {}, lang) }), el('span', { className: 'sn-mono', text: detail })));
  box.hidden = false;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** svgEl('line', { x1: 0, stroke: '#000' }, text?): an SVG element; every attribute as a string. */
export function svgEl(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// Display math never line-breaks, so on a phone a long formula would be
// clipped in a sideways-scrolling box. Instead it is scaled down (KaTeX sizes
// everything in em) until it fits the box's width; not below MIN_SCALE, where
// it would be too small to read and the box scrolls after all.
const MIN_SCALE = 0.5;
const fitted = new WeakMap();  // box -> the width it was last fitted to
const fitter = typeof ResizeObserver === 'function'
  ? new ResizeObserver((entries) => { for (const e of entries) fitFormula(e.target); })
  : null;
// KaTeX's fonts arrive after the first layout and change every width: fit again.
const shown = new Set();
document.fonts?.addEventListener('loadingdone', () => {
  for (const box of shown) {
    if (!box.isConnected) { shown.delete(box); fitter?.unobserve(box); continue; }
    fitted.delete(box);
    fitFormula(box);
  }
});

/** Scale the formula in `box` to its width (1 when it fits as it is). */
export function fitFormula(box) {
  const width = box.clientWidth;
  if (width === 0 || fitted.get(box) === width) return;  // hidden, or a height-only change
  fitted.set(box, width);
  box.style.fontSize = '';
  const natural = box.scrollWidth;
  if (natural > width + 1) box.style.fontSize = `${Math.max(MIN_SCALE, (width - 2) / natural).toFixed(3)}em`;
}

/** Render TeX into `box`, replacing what it held (katex.render builds DOM: no innerHTML). */
export function renderTex(box, tex) {
  katex.render(tex, box, { throwOnError: false, displayMode: true });
  fitted.delete(box);
  if (shown.size > 100) for (const b of shown) if (!b.isConnected) { shown.delete(b); fitter?.unobserve(b); }
  shown.add(box);
  fitter?.observe(box);
  if (box.isConnected) fitFormula(box);
  return box;
}

/** A fresh .sn-formula element showing `tex`; `label`, if given, is its aria-label. */
export function formula(tex, label) {
  const box = el('div', { className: 'sn-formula' });
  if (label) box.setAttribute('aria-label', label);
  return renderTex(box, tex);
}

// ---- numbers: one family of formatters, one spelling of the non-finite values ----

/** NaN, ∞ and −∞ as every panel prints them; null for a finite number. */
function nonFinite(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  return null;
}

/** A number with `digits` decimals; "-0.00" as "0.00". */
export function fmt(v, digits) {
  const bad = nonFinite(v);
  if (bad) return bad;
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A short, parseable number with `digits` significant digits: 0.1234, 2.12e-5 (exponent outside [1e-3, 1e5)). */
export function fmtSig(v, digits = 4) {
  const bad = nonFinite(v);
  if (bad) return bad;
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(Math.max(0, digits - 2));
  return String(Number(v.toPrecision(digits)));
}

/** At most `digits` decimals, trailing zeros dropped: 0.5, -0.7, 1e-7 → "0" (inputs, short labels). */
export function fmtTrim(v, digits = 3) {
  const bad = nonFinite(v);
  if (bad) return bad;
  const s = String(Number(v.toFixed(digits)));
  return s === '-0' ? '0' : s;
}

/** A value rounded to `digits` significant digits, as a number (learning rates: 3). */
export const roundSig = (v, digits = 3) => Number(v.toPrecision(digits));

/** A fraction as a percentage with one decimal, "—" when there is none. */
export const pct = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—');

/** A per-instance id generator: ids('sn-bp')('lr') → "sn-bp-3-lr", unique on the page. */
let instances = 0;
export function idMaker(prefix) {
  const uid = `${prefix}-${++instances}`;
  return (k) => `${uid}-${k}`;
}

/**
 * Observable Plot puts a <style> element into every SVG it makes; a page with a
 * strict CSP (style-src without 'unsafe-inline') refuses it and logs an error.
 * Drop it before the SVG enters the document and set the rules that matter
 * through the CSSOM instead.
 */
export function cspSafePlot(svg) {
  for (const s of svg.querySelectorAll('style')) s.remove();
  svg.style.display = 'block';
  svg.style.maxWidth = '100%';
  svg.style.height = 'auto';
  svg.style.overflow = 'visible';
  return svg;
}
