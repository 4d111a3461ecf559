// loss-plot.js — the loss curve every training panel draws (Observable Plot):
// loss by step, a dashed rule where the learning rate changed and a red one
// where a step diverged, so a learner sees what their change did.
import * as Plot from '@observablehq/plot';
import { registerMessages, t } from '../i18n.js';
import { cspSafePlot } from '../ui.js';

registerMessages({
  ko: {
    'loss.aria': '학습 단계에 따른 손실',
    'loss.axis.step': '단계',
    'loss.axis.loss': '손실',
    'loss.mark.lr': '학습률을 바꾼 단계',
    'loss.mark.diverged': '발산한 단계',
  },
  en: {
    'loss.aria': 'Loss by training step',
    'loss.axis.step': 'step',
    'loss.axis.loss': 'loss',
    'loss.mark.lr': 'learning-rate change',
    'loss.mark.diverged': 'diverged step',
  },
});

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
// more: further curves on the same axes, [{ points, stroke, dash, className }] (e.g. the test loss).
export function lossPlot({ points, markers = [], divergences = [], logY, width, lastStep, more = [] }) {
  const keep = (ps) => ps.filter((p) => Number.isFinite(p.loss) && (!logY || p.loss > 0));
  const finite = keep(points);
  const others = more.map((m) => ({ ...m, finite: keep(m.points) }));
  const maxStep = Math.max(10, lastStep);
  return cspSafePlot(Plot.plot({
    width,
    height: Math.round(Math.min(260, Math.max(180, width * 0.5))),
    marginLeft: 52,
    marginTop: 22,
    ariaLabel: t('loss.aria'),
    x: { domain: [0, maxStep], label: t('loss.axis.step'), grid: true },
    y: { type: logY ? 'log' : 'linear', label: t('loss.axis.loss'), grid: true, nice: true, tickFormat: '~g', domain: yDomain(finite.concat(...others.map((m) => m.finite)), logY) },
    marks: [
      Plot.ruleX(markers, { x: 'step', stroke: '#e6a100', strokeWidth: 1.5, strokeDasharray: '5 3', className: 'sn-lr-change', ariaDescription: t('loss.mark.lr') }),
      Plot.text(markers, {
        x: 'step', frameAnchor: 'top', dy: -12, dx: 3, textAnchor: 'start', fill: '#8a6100',
        text: (d) => `η=${d.label}`, className: 'sn-lr-change-label',
      }),
      Plot.ruleX(divergences, { x: 'step', stroke: '#b3261e', strokeWidth: 2, className: 'sn-diverged', ariaDescription: t('loss.mark.diverged') }),
      ...others.map((m) => Plot.line(m.finite, { x: 'step', y: 'loss', stroke: m.stroke, strokeWidth: 1.5, strokeDasharray: m.dash, className: m.className })),
      Plot.line(finite, { x: 'step', y: 'loss', stroke: '#0b57d0', strokeWidth: 1.5 }),
      Plot.dot(finite.slice(-1), { x: 'step', y: 'loss', fill: '#0b57d0', r: 3.5 }),  // where training is now
    ],
  }));
}
