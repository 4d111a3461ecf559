// Small DOM helpers for the activation panel: elements from createElement and
// textContent only, styles through the CSSOM (allowed under a strict CSP).
import katex from 'katex';

let uid = 0;
/** A page-unique id for label/for pairs (several panels may share a page). */
export function newId(prefix) {
  uid += 1;
  return `sn-act-${prefix}-${uid}`;
}

/**
 * el('div', { className: 'x', style: { gap: '1rem' }, dataset: {…}, attrs: {…} }, ...children)
 * Known properties are set directly; `attrs` go through setAttribute.
 */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  const { style, dataset, attrs, ...rest } = props;
  Object.assign(e, rest);
  if (style) Object.assign(e.style, style);
  if (dataset) Object.assign(e.dataset, dataset);
  if (attrs) for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';
export function svgEl(tag, attrs = {}) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** A legend swatch: a short line (solid or dashed) or a filled box. */
export function swatch({ stroke, dash, fill, opacity = 1, width = 2.5 }) {
  const s = svgEl('svg', { width: 28, height: 12, viewBox: '0 0 28 12', 'aria-hidden': 'true' });
  s.style.verticalAlign = 'middle';
  s.style.flex = 'none';
  if (fill) s.append(svgEl('rect', { x: 1, y: 0, width: 26, height: 12, fill, 'fill-opacity': opacity }));
  else s.append(svgEl('line', { x1: 1, y1: 6, x2: 27, y2: 6, stroke, 'stroke-width': width, 'stroke-opacity': opacity, ...(dash ? { 'stroke-dasharray': dash } : {}) }));
  return s;
}

/**
 * Observable Plot puts a <style> element into every SVG; a page with a strict
 * CSP (style-src without 'unsafe-inline') refuses it and logs an error. Drop
 * it before the SVG enters the document and set the same rules via the CSSOM.
 */
export function cspSafePlot(svg) {
  for (const s of svg.querySelectorAll('style')) s.remove();
  svg.style.display = 'block';
  svg.style.maxWidth = '100%';
  svg.style.height = 'auto';
  svg.style.overflow = 'visible';
  return svg;
}

/** Render TeX into a fresh .sn-formula element (katex.render: DOM, no innerHTML). */
export function formula(tex, label) {
  const box = el('div', { className: 'sn-formula' });
  if (label) box.setAttribute('aria-label', label);
  katex.render(tex, box, { throwOnError: false, displayMode: true });
  return box;
}

/** A number with d decimals; "-0.000000" is shown as "0.000000". */
export function fmt(v, d) {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  const s = v.toFixed(d);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** A short label for a range bound: at most 6 decimals, no trailing zeros. */
export function short(v) {
  return String(Math.round(v * 1e6) / 1e6);
}
