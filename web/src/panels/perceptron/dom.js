// dom.js — DOM helpers of the perceptron panel only; the shared ones (el,
// formula, cspSafePlot, …) are in ../../ui.js.
import { el, fmtTrim } from '../../ui.js';

/** A number for display: at most `digits` decimals and a real minus sign (0.5, −0.7). */
export const fmt = (v, digits = 3) => fmtTrim(v, digits).replace('-', '\u2212');

/** Wraps a wide element (a table) so it scrolls by itself instead of widening the page. */
export function scrollBox(child) {
  return el('div', { className: 'sn-scroll' }, child);
}

/** Text only screen readers hear (the visual cell already shows ✓ or ✗). */
export function srOnly(text) {
  return el('span', {
    text,
    className: 'sn-sr-only',
  });
}
