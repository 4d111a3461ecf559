// dom.js — tiny DOM helpers for the perceptron panel. Everything is built with
// createElement/textContent (no innerHTML), so embedded pages under a strict
// CSP work and no data is ever parsed as markup.

/**
 * h('div', { className, text, testid, attrs: {…}, style: {…}, on: {…} }, ...children)
 * Children may be nodes, strings or null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  const { className, text, testid, attrs, style, on, ...rest } = props;
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  if (testid) el.dataset.testid = testid;
  for (const [k, v] of Object.entries(attrs ?? {})) if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  for (const [k, v] of Object.entries(style ?? {})) el.style[k] = v;
  for (const [k, v] of Object.entries(on ?? {})) el.addEventListener(k, v);
  for (const [k, v] of Object.entries(rest)) el[k] = v;
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

let counter = 0;
/** A page-unique id prefix, so two embedded panels never share an id. */
export function uid(name) {
  counter += 1;
  return `sn-pc${counter}-${name}`;
}

/** A number for display: at most `digits` decimals, trailing zeros dropped, a real minus sign. */
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
  return h('div', { style: { overflowX: 'auto', maxWidth: '100%' } }, child);
}

/** Text only screen readers hear (the visual cell already shows ✓ or ✗). */
export function srOnly(text) {
  return h('span', {
    text,
    style: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', margin: '-1px', padding: '0', border: '0' },
  });
}
