// The two Observable Plot figures of the backprop playground.
import * as Plot from '@observablehq/plot';

export const CLASS_COLORS = ['#d95f02', '#1b9e77', '#7570b3'];

/**
 * Decision regions: `out` is net.output over a gridN × gridN grid (row-major,
 * row 0 at y = extent.y0), one value per cell (XOR, a single tanh output) or
 * `classes` probabilities per cell (spiral, softmax).
 */
export function decisionPlot({ kind, extent, gridN, out, classes, points, width, t }) {
  const { x0, x1, y0, y1 } = extent;
  const common = { width: gridN, height: gridN, x1: x0, x2: x1, y1: y0, y2: y1, imageRendering: 'auto' };
  let raster;
  let color;
  if (kind === 'xor') {
    raster = Plot.raster(out, { ...common, fill: (d) => d });
    color = { type: 'linear', scheme: 'RdBu', domain: [0, 1], clamp: true, legend: true, label: t('bp.output') };
  } else {
    // arg-max class for the colour, its probability for the strength
    const n = gridN * gridN;
    const cls = new Array(n);
    const opacity = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let k = 1; k < classes; k++) if (out[i * classes + k] > out[i * classes + best]) best = k;
      cls[i] = best;
      const p = out[i * classes + best];
      opacity[i] = 0.12 + 0.6 * Math.max(0, (p - 1 / classes) / (1 - 1 / classes));
    }
    raster = Plot.raster(cls, { ...common, fill: (d) => d, fillOpacity: (d, i) => opacity[i] });
    color = { type: 'ordinal', domain: CLASS_COLORS.map((_, i) => i), range: CLASS_COLORS, legend: true, label: t('bp.class') };
  }
  const fig = Plot.plot({
    width,
    height: width,
    marginLeft: 40,
    marginBottom: 36,
    ariaLabel: t('bp.heatmap.aria'),
    x: { domain: [x0, x1], label: 'x₁' },
    y: { domain: [y0, y1], label: 'x₂' },
    color,
    marks: [
      raster,
      Plot.frame({ stroke: '#999' }),
      // a white ring inside a dark one, so a point stays visible on a region of its own colour
      Plot.dot(points, { x: 'x', y: 'y', r: kind === 'xor' ? 10 : 4.2, fill: '#111', stroke: null }),
      Plot.dot(points, {
        x: 'x', y: 'y', fill: 'label', stroke: '#fff', strokeWidth: kind === 'xor' ? 2.5 : 1,
        r: kind === 'xor' ? 8.5 : 3.4,
      }),
    ],
  });
  fig.style.margin = '0';  // a figure (plot + legend) has browser margins of 40px otherwise
  return fig;
}

// Plot's automatic domain, except when there is at most one distinct loss (a lone point would
// give a zero-height domain).
function yDomain(finite, logY) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of finite) { lo = Math.min(lo, p.loss); hi = Math.max(hi, p.loss); }
  if (!(hi > lo)) {
    if (!Number.isFinite(lo)) return logY ? [1e-4, 1] : [0, 1];
    return logY ? [lo / 10, lo * 10] : [0, 2 * lo || 1];
  }
  return undefined;
}

/** Loss by step, with a dashed rule where the learning rate changed and a red one where a step diverged. */
export function lossPlot({ points, markers, divergences, logY, width, t, lastStep }) {
  const finite = points.filter((p) => Number.isFinite(p.loss) && (!logY || p.loss > 0));
  const maxStep = Math.max(10, lastStep);
  return Plot.plot({
    width,
    height: Math.round(Math.min(260, Math.max(180, width * 0.5))),
    marginLeft: 52,
    marginTop: 22,
    ariaLabel: t('bp.losscurve.aria'),
    x: { domain: [0, maxStep], label: t('bp.axis.step'), grid: true },
    y: { type: logY ? 'log' : 'linear', label: t('bp.axis.loss'), grid: true, nice: true, tickFormat: '~g', domain: yDomain(finite, logY) },
    marks: [
      Plot.ruleX(markers, { x: 'step', stroke: '#e6a100', strokeWidth: 1.5, strokeDasharray: '5 3', className: 'sn-lr-change', ariaDescription: t('bp.mark.lr') }),
      Plot.text(markers, {
        x: 'step', frameAnchor: 'top', dy: -12, dx: 3, textAnchor: 'start', fill: '#8a6100',
        text: (d) => `η=${d.label}`, className: 'sn-lr-change-label',
      }),
      Plot.ruleX(divergences, { x: 'step', stroke: '#b3261e', strokeWidth: 2, className: 'sn-diverged', ariaDescription: t('bp.mark.diverged') }),
      Plot.line(finite, { x: 'step', y: 'loss', stroke: '#0b57d0', strokeWidth: 1.5 }),
      Plot.dot(finite.slice(-1), { x: 'step', y: 'loss', fill: '#0b57d0', r: 3.5 }),  // where training is now
    ],
  });
}
