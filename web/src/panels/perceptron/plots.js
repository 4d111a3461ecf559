// plots.js — the perceptron panel's Observable Plot figures: the decision plane,
// the XOR two-line picture and the per-epoch error chart.
import * as Plot from '@observablehq/plot';
import { cspSafePlot } from '../../ui.js';
import { DOMAIN, SQUARE, halfPlanes, clip, closed } from './geometry.js';

export const COLORS = {
  one: '#c9defc',     // the y = 1 side
  zero: '#fde3c8',    // the y = 0 side
  band: '#c9defc',    // XOR: the band between the two lines
  line: '#1d1d1f',
  nand: '#b3261e',
  or: '#0b57d0',
  wrong: '#b3261e',
  current: '#f4b400',
};

const axes = (size, t) => ({
  width: size,
  height: size,
  marginLeft: 40,
  marginBottom: 36,
  marginTop: 12,
  marginRight: 12,
  x: { domain: DOMAIN, label: 'x₁', ticks: [0, 0.5, 1], grid: true },
  y: { domain: DOMAIN, label: 'x₂', ticks: [0, 0.5, 1], grid: true },
  style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
  clip: true,
  ariaLabel: t,
});

const area = (poly, fill) => Plot.line(closed(poly), { x: (p) => p[0], y: (p) => p[1], curve: 'linear-closed', fill, stroke: 'none' });

// The four inputs: filled = target 1, hollow = target 0; a red ring on wrong answers.
function inputMarks(rows, { wrong = true, current = -1 } = {}) {
  const label = (r) => `(${r.x1}, ${r.x2})`;
  return [
    Plot.dot(rows.filter((r) => r.target === 0), { x: 'x1', y: 'x2', r: 7, fill: '#fff', stroke: COLORS.line, strokeWidth: 2 }),
    Plot.dot(rows.filter((r) => r.target === 1), { x: 'x1', y: 'x2', r: 7, fill: COLORS.line, stroke: COLORS.line, strokeWidth: 2 }),
    wrong ? Plot.dot(rows.filter((r) => r.correct === false), { x: 'x1', y: 'x2', r: 11, stroke: COLORS.wrong, strokeWidth: 2.5 }) : null,
    current >= 0 && rows[current] ? Plot.dot([rows[current]], { x: 'x1', y: 'x2', r: 15, stroke: COLORS.current, strokeWidth: 3, strokeDasharray: '4 3' }) : null,
    Plot.text(rows, { x: 'x1', y: 'x2', text: label, dy: -17, fontSize: 11, fill: '#333', stroke: '#fff', strokeWidth: 3, paintOrder: 'stroke' }),
  ];
}

/**
 * The decision plot: both half-planes shaded, the line, the four points.
 * rows come from sn.truthTable (x1, x2, target, correct).
 */
export function decisionPlot({ weights, rows, current = -1, size = 340, ariaLabel }) {
  const { one, zero, segment } = halfPlanes(weights);
  return cspSafePlot(Plot.plot({
    ...axes(size, ariaLabel),
    marks: [
      one.length ? area(one, COLORS.one) : null,
      zero.length ? area(zero, COLORS.zero) : null,
      Plot.frame({ stroke: '#999' }),
      segment ? Plot.line(segment, { x: (p) => p[0], y: (p) => p[1], stroke: COLORS.line, strokeWidth: 2.5 }) : null,
      ...inputMarks(rows, { current }),
    ],
  }));
}

/**
 * XOR = AND(NAND, OR): the NAND line and the OR line over the four points; the
 * band on the y = 1 side of both (between the lines) is where XOR gives 1.
 * rows come from sn.xorTwoLayer (x1, x2, y); nand/or are the presets.
 */
export function xorPlot({ nand, or, rows, size = 300, ariaLabel, labels }) {
  const band = clip(clip(SQUARE, nand, +1), or, +1);
  const nandSeg = halfPlanes(nand).segment;
  const orSeg = halfPlanes(or).segment;
  const points = rows.map((r) => ({ x1: r.x1, x2: r.x2, target: r.y }));
  const lineLabel = (seg, text, fill) => (seg
    ? Plot.text([seg[0][1] > seg[1][1] ? seg[0] : seg[1]], { x: (p) => p[0], y: (p) => p[1], text: () => text, fill, dy: 10, dx: 8, textAnchor: 'start', fontWeight: 'bold', fontSize: 11 })
    : null);
  return cspSafePlot(Plot.plot({
    ...axes(size, ariaLabel),
    marks: [
      band.length ? area(band, COLORS.band) : null,
      Plot.frame({ stroke: '#999' }),
      nandSeg ? Plot.line(nandSeg, { x: (p) => p[0], y: (p) => p[1], stroke: COLORS.nand, strokeWidth: 2.5 }) : null,
      orSeg ? Plot.line(orSeg, { x: (p) => p[0], y: (p) => p[1], stroke: COLORS.or, strokeWidth: 2.5, strokeDasharray: '6 4' }) : null,
      lineLabel(nandSeg, labels.nand, COLORS.nand),
      lineLabel(orSeg, labels.or, COLORS.or),
      ...inputMarks(points, { wrong: false }),
    ],
  }));
}

// 1 … n with at most ~8 ticks, all integers (epochs are counted).
function integerTicks(n) {
  const step = Math.max(1, Math.ceil(n / 8));
  const ticks = [];
  for (let k = 1; k <= n; k += step) ticks.push(k);
  return ticks;
}

/** The per-epoch error history (Float64Array from trainer.epochErrors()). */
export function errorChart({ errors, width = 340, height = 150, yLabel, xLabel, ariaLabel }) {
  const data = Array.from(errors, (e, i) => ({ epoch: i + 1, error: e }));
  const top = Math.max(1e-9, ...data.map((d) => d.error));
  return cspSafePlot(Plot.plot({
    width,
    height,
    marginLeft: 44,
    marginBottom: 34,
    marginTop: 14,
    x: { label: xLabel, domain: [0.5, Math.max(2, data.length) + 0.5], grid: true, ticks: integerTicks(Math.max(2, data.length)), tickFormat: (d) => String(d) },
    y: { label: yLabel, domain: [0, top * 1.05], grid: true },
    style: { fontSize: '11px', background: 'transparent' },
    ariaLabel,
    marks: [
      Plot.ruleY([0], { stroke: '#999' }),
      Plot.line(data, { x: 'epoch', y: 'error', stroke: COLORS.or, strokeWidth: 2 }),
      Plot.dot(data.length <= 60 ? data : data.slice(-1), { x: 'epoch', y: 'error', r: 2.5, fill: COLORS.or }),
    ],
  }));
}
