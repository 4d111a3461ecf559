// dom.js — DOM helpers of the perceptron panel only; the shared ones (el,
// formula, cspSafePlot, …) are in ../../ui.js.
import { el } from '../../ui.js';

let counter = 0;
/** A page-unique id prefix, so two embedded panels never share an id. */
export function uid(name) {
  counter += 1;
  return `sn-pc${counter}-${name}`;
}

/**
 * A number for display: at most `digits` decimals, trailing zeros dropped, a
 * real minus sign (0.5, −0.7). Not ui.js's fmt, which keeps every decimal.
 */
export function fmt(v, digits = 3) {
  if (!Number.isFinite(v)) return String(v);
  let s = String(Number(v.toFixed(digits)));
  if (s === '-0') s = '0';
  return s.replace('-', '\u2212');
}

/** A number for an <input type=number>: plain ASCII, at most 4 decimals. */
export function fieldValue(v) {
  const s = String(Number(v.toFixed(4)));
  return s === '-0' ? '0' : s;
}

/** Wraps a wide element (a table) so it scrolls by itself instead of widening the page. */
export function scrollBox(child) {
  return el('div', { style: { overflowX: 'auto', maxWidth: '100%' } }, child);
}

/** Text only screen readers hear (the visual cell already shows ✓ or ✗). */
export function srOnly(text) {
  return el('span', {
    text,
    style: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', margin: '-1px', padding: '0', border: '0' },
  });
}
