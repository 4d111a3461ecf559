// plots.js — the two Observable Plot figures of the backprop playground.
import * as Plot from '@observablehq/plot';
import { cspSafePlot } from '../../ui.js';

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
  const fig = cspSafePlot(Plot.plot({
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
  }));
  fig.style.margin = '0';  // a figure (plot + legend) has browser margins of 40px otherwise
  return fig;
}
