// plots.js — the two Observable Plot charts of the activation panel. Every number drawn
// here was computed by the core (sn.sampleActivation / sn.activate /
// sn.derivative / sn.softmax); this module only lays them out.
import * as Plot from '@observablehq/plot';
import { cspSafePlot } from '../../ui.js';

export const COLORS = {
  f: '#0b57d0',
  df: '#c5221f',
  others: '#80868b',
  band: '#f4b400',
  cursor: '#202124',
};
export const DF_DASH = '6,4';
export const VANISH_BELOW = 0.01;

/** Rows {x, y, dy} from a core sample ({x, y, dy} typed arrays). */
export function rowsOf(sample) {
  const rows = new Array(sample.x.length);
  for (let i = 0; i < rows.length; i++) rows[i] = { x: sample.x[i], y: sample.y[i], dy: sample.dy[i] };
  return rows;
}

/**
 * Runs of samples whose derivative (from the core) is below VANISH_BELOW, as
 * intervals {x1, x2} reaching half a sample step past the first and last one.
 */
export function vanishingBands(rows, xmin, xmax) {
  const bands = [];
  const half = rows.length > 1 ? (rows[1].x - rows[0].x) / 2 : 0;
  let start = -1;
  for (let i = 0; i <= rows.length; i++) {
    const low = i < rows.length && rows[i].dy < VANISH_BELOW;
    if (low && start < 0) start = i;
    if (!low && start >= 0) {
      bands.push({ x1: Math.max(xmin, rows[start].x - half), x2: Math.min(xmax, rows[i - 1].x + half) });
      start = -1;
    }
  }
  return bands;
}

function yDomain(rows, deriv) {
  let lo = 0;
  let hi = 0;
  for (const r of rows) {
    if (Number.isFinite(r.y)) { lo = Math.min(lo, r.y); hi = Math.max(hi, r.y); }
    if (deriv && Number.isFinite(r.dy)) { lo = Math.min(lo, r.dy); hi = Math.max(hi, r.dy); }
  }
  if (hi - lo < 1e-9) hi = lo + 1;
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/**
 * The activation graph.
 * opts = { rows, fn, others: [{fn, rows}], deriv, bands, cursor: {x, y, dy} | null,
 *          xmin, xmax, width, height, ariaLabel }
 */
export function activationPlot(opts) {
  const { rows, fn, others, deriv, bands, cursor, xmin, xmax, width, height, ariaLabel } = opts;
  const curve = (name) => (name === 'step' ? 'step-before' : 'linear');
  const marks = [];
  if (bands.length) marks.push(Plot.rect(bands, { x1: 'x1', x2: 'x2', fill: COLORS.band, fillOpacity: 0.2, ariaDescription: 'h\'(x) < 0.01' }));
  marks.push(Plot.ruleY([0], { stroke: '#9e9e9e' }));
  if (xmin <= 0 && xmax >= 0) marks.push(Plot.ruleX([0], { stroke: '#9e9e9e' }));
  for (const o of others) {
    marks.push(Plot.line(o.rows, { x: 'x', y: 'y', stroke: COLORS.others, strokeOpacity: 0.45, strokeWidth: 1.5, curve: curve(o.fn), clip: true, ariaDescription: o.fn }));
  }
  if (deriv) {
    marks.push(Plot.line(rows, { x: 'x', y: 'dy', stroke: COLORS.df, strokeWidth: 2, strokeDasharray: DF_DASH, curve: curve(fn), clip: true, ariaDescription: "h'(x)" }));
  }
  marks.push(Plot.line(rows, { x: 'x', y: 'y', stroke: COLORS.f, strokeWidth: 2.5, curve: curve(fn), clip: true, ariaDescription: 'h(x)' }));
  if (cursor) {
    marks.push(Plot.ruleX([cursor.x], { stroke: COLORS.cursor, strokeOpacity: 0.55, strokeDasharray: '2,3' }));
    marks.push(Plot.dot([cursor], { x: 'x', y: 'y', r: 4.5, fill: COLORS.f, stroke: 'white', clip: true }));
    if (deriv) marks.push(Plot.dot([cursor], { x: 'x', y: 'dy', r: 4, fill: COLORS.df, stroke: 'white', clip: true }));
  }
  const svg = Plot.plot({
    width,
    height,
    marginLeft: 44,
    marginRight: 12,
    x: { domain: [xmin, xmax], label: 'x', labelAnchor: 'right', labelArrow: 'none' },
    y: { domain: yDomain(rows, deriv), grid: true, label: null },
    ariaLabel,
    style: { fontSize: '12px' },
    marks,
  });
  return cspSafePlot(svg);
}

/** The softmax outputs as bars y_0 … y_{n-1}; values is the core's Float64Array. */
export function softmaxPlot({ values, width, height, ariaLabel }) {
  const rows = Array.from(values, (y, k) => ({ k: String(k), y: Number.isFinite(y) ? y : 0 }));
  const svg = Plot.plot({
    width,
    height,
    marginLeft: 40,
    marginTop: 22,
    x: { domain: rows.map((r) => r.k), label: 'k', labelAnchor: 'right', labelArrow: 'none' },
    y: { domain: [0, 1], grid: true, label: 'y_k', labelArrow: 'none' },
    ariaLabel,
    style: { fontSize: '12px' },
    marks: [
      Plot.barY(rows, { x: 'k', y: 'y', fill: COLORS.f, fillOpacity: 0.85 }),
      Plot.text(rows, { x: 'k', y: 'y', text: (r) => r.y.toFixed(3), dy: -8, fontSize: 11 }),
      Plot.ruleY([0]),
    ],
  });
  return cspSafePlot(svg);
}
