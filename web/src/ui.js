// ui.js — the DOM helpers every panel shares. Elements come from
// createElement / createElementNS and textContent only (never innerHTML), and
// styles go through the CSSOM, so a panel works on a page whose
// Content-Security-Policy refuses inline styles and markup from strings.
import katex from 'katex';
import { errorMessage } from './i18n.js';

/** Set one attribute: null, undefined and false leave it out, true sets it empty. */
function setAttr(e, name, v) {
  if (v === null || v === undefined || v === false) return;
  e.setAttribute(name, v === true ? '' : String(v));
}

/**
 * el('div', { className: 'x', text: '…', style: {…}, 'data-testid': 'y' }, ...children)
 *   class, className   the class attribute
 *   text               textContent
 *   style              an object of CSSOM properties ({ minWidth: '0' })
 *   dataset            data-* values by their dataset name ({ testid: 'y' })
 *   attrs              attributes by name
 *   a name with a dash (aria-label, data-testid), `for` or `role`: an attribute, as in attrs
 *   any other name     the DOM property (id, type, value, hidden, checked, htmlFor, …)
 * Props are applied in the order given; an undefined value is left out.
 * Children are nodes or strings; null, undefined and false are skipped.
 */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (k === 'class' || k === 'className') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'style') Object.assign(e.style, v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'attrs') for (const [name, value] of Object.entries(v)) setAttr(e, name, value);
    else if (k.includes('-') || k === 'for' || k === 'role') setAttr(e, k, v);
    else e[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
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

/** Show the translated message of error `e` in `box` (an .sn-error element). */
export function showError(box, e) {
  box.textContent = errorMessage(e);
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

/** A number with `digits` decimals; NaN and ±Infinity as "NaN", "inf", "-inf"; "-0.00" as "0.00". */
export function fmt(v, digits) {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
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
