// The gradient panel's charts, drawn with Observable Plot. They only lay out
// numbers the core computed (see run.js); the few multiplications here are
// drawing geometry: the ends of a tangent through the core's point with the
// core's slope, and arrows scaled to fit their grid cell.
import * as Plot from '@observablehq/plot';
import { cspSafePlot } from '../../ui.js';
import { CURVE, FIELD, DESC_BOX, OPT_BOX } from './run.js';

export const COLORS = {
  f: '#0b57d0',         // the function (the house's forward blue)
  tangent: '#c5221f',   // the derivative
  arrow: '#5f6368',
  path: '#c5221f',
  start: '#188038',
  point: '#f4b400',
  contour: '#9aa0a6',
};

const base = (width, height, ariaLabel) => ({
  width, height, ariaLabel, style: { fontSize: '12px' }, marginLeft: 40, marginRight: 14, marginTop: 14, marginBottom: 34,
});

/** f(x) = 0.01x² + 0.1x with the tangent at d.x (book fig. 4-7). */
export function derivativePlot({ curve, d, width, height, ariaLabel }) {
  const rows = curve.x.map((x, i) => ({ x, y: curve.y[i] }));
  const [a, b] = [CURVE.from, CURVE.to];
  // the tangent line through (x, f(x)) with the core's slope, across the plot
  const tangent = Number.isFinite(d.numeric) ? [
    { x: a, y: d.fx + d.numeric * (a - d.x) },
    { x: b, y: d.fx + d.numeric * (b - d.x) },
  ] : [];
  return cspSafePlot(Plot.plot({
    ...base(width, height, ariaLabel),
    x: { domain: [a, b], label: 'x', labelAnchor: 'right', labelArrow: 'none' },
    y: { domain: [-0.5, 6], grid: true, label: null },
    marks: [
      Plot.ruleY([0], { stroke: '#bdc1c6' }),
      Plot.line(tangent, { x: 'x', y: 'y', stroke: COLORS.tangent, strokeWidth: 1.75, strokeDasharray: '6,4', clip: true }),
      Plot.line(rows, { x: 'x', y: 'y', stroke: COLORS.f, strokeWidth: 2.5 }),
      Plot.ruleX([d.x], { y1: -0.5, y2: d.fx, stroke: '#202124', strokeOpacity: 0.4, strokeDasharray: '2,3' }),
      Plot.dot([{ x: d.x, y: d.fx }], { x: 'x', y: 'y', r: 6, fill: COLORS.point, stroke: '#202124', strokeWidth: 1.5 }),
    ],
  }));
}

/** The −∇f arrows of x0² + x1² (book fig. 4-9) and the point being read. */
export function fieldPlot({ field, gradient, width, height, ariaLabel }) {
  let max = 0;
  for (const f of field) max = Math.max(max, Math.hypot(f.g0, f.g1));
  const k = (0.95 * FIELD.step) / (max || 1);   // the longest arrow fills one grid cell
  const arrows = field.map((f) => ({ x1: f.x, y1: f.y, x2: f.x - k * f.g0, y2: f.y - k * f.g1 }));
  const [p0, p1] = gradient.point;
  const g = gradient.numeric;
  const dom = [FIELD.from - 0.5, FIELD.to + 0.5];
  return cspSafePlot(Plot.plot({
    ...base(width, height, ariaLabel),
    x: { domain: dom, label: 'x₀', labelAnchor: 'right', labelArrow: 'none' },
    y: { domain: dom, label: 'x₁', labelArrow: 'none', grid: true },
    marks: [
      Plot.ruleX([0], { stroke: '#bdc1c6' }),
      Plot.ruleY([0], { stroke: '#bdc1c6' }),
      Plot.arrow(arrows, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: COLORS.arrow, strokeWidth: 1.2, headLength: 5 }),
      Plot.arrow([{ x1: p0, y1: p1, x2: p0 - k * g[0], y2: p1 - k * g[1] }],
        { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: COLORS.path, strokeWidth: 3, headLength: 9 }),
      Plot.dot([{ x: p0, y: p1 }], { x: 'x', y: 'y', r: 6, fill: COLORS.point, stroke: '#202124', strokeWidth: 1.5 }),
      Plot.dot([{ x: 0, y: 0 }], { x: 'x', y: 'y', r: 3, fill: '#202124' }),
    ],
  }));
}

/** Rows {k, x, y} of the first `steps` + 1 points of a core path (dims 2). */
export function pathRows(path, steps) {
  const rows = [];
  for (let k = 0; k <= steps && 2 * k + 1 < path.length; k++) rows.push({ k, x: path[2 * k], y: path[2 * k + 1] });
  return rows;
}

const inBox = (r, [x1, x2], [y1, y2]) => Number.isFinite(r.x) && Number.isFinite(r.y) && r.x >= x1 && r.x <= x2 && r.y >= y1 && r.y <= y2;

/** The descent path on the contours of x0² + x1² (book fig. 4-10). */
export function descentPlot({ descent, step, contour, width, height, ariaLabel }) {
  const box = [DESC_BOX.from, DESC_BOX.to];
  const rows = pathRows(descent.path, step);
  const shown = rows.filter((r) => inBox(r, box, box));
  const last = rows[rows.length - 1];
  return cspSafePlot(Plot.plot({
    ...base(width, height, ariaLabel),
    x: { domain: box, label: 'x₀', labelAnchor: 'right', labelArrow: 'none' },
    y: { domain: box, label: 'x₁', labelArrow: 'none' },
    marks: [
      Plot.contour(contour.values, {
        width: contour.nx, height: contour.ny, x1: box[0], x2: box[1], y1: box[0], y2: box[1],
        stroke: COLORS.contour, strokeOpacity: 0.55, thresholds: [1, 4, 9, 16, 25, 36],
      }),
      Plot.ruleX([0], { stroke: '#bdc1c6', strokeDasharray: '4,3' }),
      Plot.ruleY([0], { stroke: '#bdc1c6', strokeDasharray: '4,3' }),
      Plot.line(rows, { x: 'x', y: 'y', stroke: COLORS.path, strokeOpacity: 0.5, strokeWidth: 1.2, clip: true }),
      Plot.dot(shown, { x: 'x', y: 'y', r: 3, fill: COLORS.path, fillOpacity: 0.75 }),
      Plot.dot([{ x: descent.start[0], y: descent.start[1] }], { x: 'x', y: 'y', r: 6, fill: COLORS.start, stroke: '#fff', strokeWidth: 1.5 }),
      last && inBox(last, box, box) ? Plot.dot([last], { x: 'x', y: 'y', r: 7, fill: 'none', stroke: '#202124', strokeWidth: 2 }) : null,
    ].filter(Boolean),
  }));
}

/** One optimizer's path on the contours of x²/20 + y² (book fig. 6-8). */
export function optimizerPlot({ opt, steps, contour, width, height, ariaLabel }) {
  const rows = pathRows(opt.path, steps);
  return cspSafePlot(Plot.plot({
    ...base(width, height, ariaLabel),
    marginLeft: 30, marginBottom: 28, marginTop: 8, marginRight: 8,
    x: { domain: OPT_BOX.x, label: null, ticks: 5 },
    y: { domain: OPT_BOX.y, label: null, ticks: 5 },
    marks: [
      Plot.contour(contour.values, {
        width: contour.nx, height: contour.ny, x1: OPT_BOX.x[0], x2: OPT_BOX.x[1], y1: OPT_BOX.y[0], y2: OPT_BOX.y[1],
        stroke: COLORS.contour, strokeOpacity: 0.5, thresholds: [0.25, 0.75, 1.5, 2.5, 4, 6],
      }),
      Plot.dot([{ x: 0, y: 0 }], { x: 'x', y: 'y', r: 5, symbol: 'plus', stroke: '#202124', strokeWidth: 2 }),
      Plot.line(rows, { x: 'x', y: 'y', stroke: COLORS.path, strokeWidth: 1.5, clip: true }),
      Plot.dot(rows, { x: 'x', y: 'y', r: 2.5, fill: COLORS.path, clip: true }),
    ],
  }));
}

/** f(x_k) along the descent, on a log scale: falling, flat or exploding (the core's values). */
export function lossPlot({ values, step, width, ariaLabel }) {
  const rows = [];
  for (let k = 0; k < values.length; k++) if (Number.isFinite(values[k]) && values[k] > 0) rows.push({ k, f: values[k], shown: k <= step });
  return cspSafePlot(Plot.plot({
    ...base(width, 130, ariaLabel),
    marginLeft: 52, marginTop: 10, marginBottom: 30,
    x: { domain: [0, values.length - 1], label: 'k', labelAnchor: 'right', labelArrow: 'none' },
    y: { type: 'log', label: null, grid: true, ticks: 4, tickFormat: '.0e' },
    marks: [
      Plot.line(rows, { x: 'k', y: 'f', stroke: COLORS.contour, strokeWidth: 1.2 }),
      Plot.line(rows.filter((r) => r.shown), { x: 'k', y: 'f', stroke: COLORS.path, strokeWidth: 2 }),
      Plot.dot(rows.filter((r) => r.k === step), { x: 'k', y: 'f', r: 4, fill: COLORS.path }),
    ],
  }));
}
