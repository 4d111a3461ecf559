// plots.js — the speed-up panel's figures (Observable Plot): loss curves laid over
// each other, and samples/s as one bar per build.
import * as Plot from '@observablehq/plot';
import { cspSafePlot } from '../../ui.js';

const COLORS = ['#0b57d0', '#d95f02', '#188038'];

/** curves: [{ name, losses: number[] }] → the losses per step, one line each (the later drawn dashed). */
export function lossPlot({ curves, width, t, aria }) {
  const names = curves.map((c) => c.name);
  const rows = curves.flatMap((c) => c.losses.map((loss, i) => ({ step: i + 1, loss, name: c.name })));
  return cspSafePlot(Plot.plot({
    width,
    height: 200,
    marginLeft: 48,
    ariaLabel: aria,
    x: { label: t('sp.axis.step'), grid: true },
    y: { label: t('sp.axis.loss'), grid: true, zero: true },
    color: { legend: true, domain: names, range: COLORS.slice(0, names.length) },
    marks: curves.map((c, k) => Plot.line(rows.filter((r) => r.name === c.name), {
      x: 'step', y: 'loss', stroke: 'name', strokeWidth: k === 0 ? 3 : 1.5, strokeDasharray: k === 0 ? null : '5,3',
    })),
  }));
}

/**
 * bars: [{ name, value, note }] → samples/s, one horizontal bar per build, the number at its end;
 * a build without a value keeps its row, with `note` (e.g. "not available on this page") in place of the bar.
 */
export function speedBars({ bars, width, t, aria }) {
  const measured = bars.filter((b) => b.value !== null);
  const notes = bars.filter((b) => b.value === null && b.note);
  return cspSafePlot(Plot.plot({
    width,
    height: 40 + 34 * bars.length,
    marginLeft: 130,
    marginRight: 70,
    ariaLabel: aria,
    x: { label: t('sp.axis.sps'), grid: true },
    y: { label: null, domain: bars.map((b) => b.name) },
    marks: [
      Plot.barX(measured, { x: 'value', y: 'name', fill: '#0b57d0' }),
      Plot.text(measured, { x: 'value', y: 'name', text: (b) => Math.round(b.value).toLocaleString('en'), dx: 6, textAnchor: 'start' }),
      Plot.text(notes, { x: 0, y: 'name', text: 'note', dx: 6, textAnchor: 'start', fill: '#5f6368', fontStyle: 'italic' }),
      Plot.ruleX([0]),
    ],
  }));
}
