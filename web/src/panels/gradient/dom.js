// DOM pieces the gradient panel's sections share; the project-wide ones are in ../../ui.js.
import { el, controlRow } from '../../ui.js';

let uid = 0;
/** A page-unique id (several panels may share a page). */
export const newId = (prefix) => `sn-gd-${prefix}-${++uid}`;

/** A number as the book prints it with 9 significant digits: -6.11110793e-10, -2.99999994. */
export function sig9(v) {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-4 && a < 1e9 ? String(Number(v.toPrecision(9))) : v.toExponential(8).replace(/e\+?/, 'e');
}

/** A short number for labels: at most 4 significant digits. */
export const short = (v) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v));

/**
 * A slider and a number field for one value: the .sn-control row of ui.js.
 * onValue(v) gets finite numbers only; set(v) moves both without an event.
 * toSlider / fromSlider map the value to the slider's scale (e.g. log10 for η).
 */
export function sliderNumber({ label, sliderLabel, numberLabel, min, max, step, numberStep = 'any', value, onValue, key,
  toSlider = (v) => v, fromSlider = (v) => v, format = (v) => String(v) }) {
  const id = newId(key);
  const range = el('input', { type: 'range', min: String(toSlider(min)), max: String(toSlider(max)), step: String(step),
    'aria-label': sliderLabel, 'data-key': key });
  const number = el('input', { type: 'number', id, min: String(min), max: String(max), step: numberStep,
    'aria-label': numberLabel, 'data-key': key, class: 'sn-mono' });
  const set = (v) => { range.value = String(toSlider(v)); number.value = format(v); };
  set(value);
  range.addEventListener('input', () => onValue(fromSlider(Number(range.value)), { from: range }));
  number.addEventListener('change', () => {
    const v = number.valueAsNumber;
    if (Number.isFinite(v)) onValue(Math.min(max, Math.max(min, v)), { from: number });
  });
  return { row: controlRow(label, id, range, number), range, number, set };
}

/** Two texts with their common start in bold: where a numerical and an analytic value agree. */
export function agreeing(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  const one = (s) => el('span', {}, el('strong', { class: 'sn-agree', text: s.slice(0, n) }), s.slice(n));
  return [one(a), one(b)];
}

/**
 * A box that holds one chart and redraws it when its width changes (the
 * grid stacking on a phone, a scrollbar appearing). draw(width) → the svg.
 * onPointer([x, y], event): a press or drag on the chart, in data coordinates.
 */
export function chartBox(testid, draw, { onPointer, onArrow, label } = {}) {
  const box = el('div', { class: 'sn-plot', 'data-testid': testid });
  // what the pointer drags, the arrow keys move too: onArrow([dx, dy]) in steps (Shift: ×10)
  if (onArrow) {
    Object.assign(box, { tabIndex: 0 });
    box.setAttribute('role', 'group');
    if (label) box.setAttribute('aria-label', label);
    box.addEventListener('keydown', (e) => {
      const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[e.key];
      if (!d) return;
      e.preventDefault();
      onArrow(d.map((v) => v * (e.shiftKey ? 10 : 1)));
    });
  }
  let frame = 0;
  let svg = null;
  const redraw = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    const width = Math.max(240, Math.floor(box.clientWidth || 480));
    box.dataset.width = String(width);
    svg = draw(width);
    if (svg) box.replaceChildren(svg);
  };
  const schedule = () => { if (!frame) frame = requestAnimationFrame(redraw); };
  const ro = new ResizeObserver(() => {
    if (String(Math.max(240, Math.floor(box.clientWidth))) !== box.dataset.width) schedule();
  });
  ro.observe(box);
  // a pointer on the chart: the data coordinates under it, through the chart's own scales
  const at = (e) => {
    if (!svg?.scale) return null;
    const r = svg.getBoundingClientRect();
    if (r.width === 0) return null;
    const k = Number(svg.getAttribute('width')) / r.width;
    return [svg.scale('x').invert((e.clientX - r.left) * k), svg.scale('y').invert((e.clientY - r.top) * k)];
  };
  if (onPointer) {
    box.classList.add('sn-pickable');
    const handler = (e) => {
      if (e.type === 'pointermove' && !(e.buttons & 1)) return;
      const p = at(e);
      if (p && p.every(Number.isFinite)) onPointer(p, e);
    };
    box.addEventListener('pointerdown', handler);
    box.addEventListener('pointermove', handler);
  }
  return { box, redraw, schedule, destroy() { cancelAnimationFrame(frame); ro.disconnect(); } };
}
