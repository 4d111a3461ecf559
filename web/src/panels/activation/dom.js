// dom.js — DOM helpers of the activation panel only; the shared ones are in ../../ui.js.
import { svgEl, fmtTrim } from '../../ui.js';

/** A legend swatch: a short line (solid or dashed) or a filled box. */
export function swatch({ stroke, dash, fill, opacity = 1, width = 2.5 }) {
  const s = svgEl('svg', { width: 28, height: 12, viewBox: '0 0 28 12', 'aria-hidden': 'true' });
  s.style.verticalAlign = 'middle';
  s.style.flex = 'none';
  if (fill) s.append(svgEl('rect', { x: 1, y: 0, width: 26, height: 12, fill, 'fill-opacity': opacity }));
  else s.append(svgEl('line', { x1: 1, y1: 6, x2: 27, y2: 6, stroke, 'stroke-width': width, 'stroke-opacity': opacity, ...(dash ? { 'stroke-dasharray': dash } : {}) }));
  return s;
}

/** A short label for a range bound: at most 6 decimals, no trailing zeros. */
export const short = (v) => fmtTrim(v, 6);
