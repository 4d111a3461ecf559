// plots.js — the MNIST panel's figures (Observable Plot): accuracy per epoch,
// the confusion matrix, and the ten class probabilities of one image.
import * as Plot from '@observablehq/plot';
import { cspSafePlot } from '../../ui.js';
import { argmax } from './argmax.js';

/** Train and test accuracy after each epoch: [{ epoch, trainAcc, testAcc }]. */
export function accuracyPlot({ epochs, width, t }) {
  const rows = epochs.flatMap((e) => [
    { epoch: e.epoch, acc: e.trainAcc, set: t('mnist.set.train') },
    { epoch: e.epoch, acc: e.testAcc, set: t('mnist.set.test') },
  ]).filter((r) => Number.isFinite(r.acc));
  const lo = rows.length ? Math.min(...rows.map((r) => r.acc)) : 0.8;
  const last = Math.max(2, ...epochs.map((e) => e.epoch));
  const every = Math.ceil(last / 10);
  const ticks = Array.from({ length: Math.floor(last / every) }, (_, i) => (i + 1) * every);
  return cspSafePlot(Plot.plot({
    width,
    height: 200,
    marginLeft: 48,
    ariaLabel: t('mnist.acc.aria'),
    x: { label: t('mnist.axis.epoch'), domain: [1, last], ticks, tickFormat: 'd', grid: true },
    y: { label: t('mnist.axis.acc'), domain: [Math.min(0.9, Math.floor(lo * 20) / 20), 1], grid: true, tickFormat: '.0%' },
    color: { legend: true, domain: [t('mnist.set.train'), t('mnist.set.test')], range: ['#0b57d0', '#d95f02'] },
    marks: [
      Plot.line(rows, { x: 'epoch', y: 'acc', stroke: 'set', z: 'set' }),
      Plot.dot(rows, { x: 'epoch', y: 'acc', fill: 'set', r: 3 }),
    ],
  }));
}

/** counts[true * k + predicted]; the diagonal is what the network got right. */
export function confusionPlot({ counts, classes, names, width, t }) {
  const cells = [];
  for (let i = 0; i < classes; i++) {
    for (let j = 0; j < classes; j++) cells.push({ truth: names[i], pred: names[j], n: counts[i * classes + j], right: i === j });
  }
  return cspSafePlot(Plot.plot({
    width,
    height: width,
    marginLeft: 80,
    marginBottom: 80,
    padding: 0.04,
    ariaLabel: t('mnist.confusion.aria'),
    x: { label: t('mnist.axis.pred'), domain: names, tickRotate: names[0].length > 2 ? -40 : 0 },
    y: { label: t('mnist.axis.true'), domain: names },
    color: { type: 'sqrt', scheme: 'Blues' },
    marks: [
      Plot.cell(cells, { x: 'pred', y: 'truth', fill: 'n', inset: 0.5, title: (d) => `${d.truth} → ${d.pred}: ${d.n}` }),
      Plot.text(cells.filter((d) => d.n > 0), {
        x: 'pred', y: 'truth', text: 'n', fontSize: 10,
        fill: (d) => (d.right ? 'white' : d.n > 0 ? '#b3261e' : '#999'),
      }),
    ],
  }));
}

/** Ten bars: the network's probability for each class. */
export function probabilityPlot({ probs, names, width, t, truth = -1 }) {
  const best = argmax(probs, 0, probs.length);
  const rows = Array.from(probs, (p, i) => ({ name: names[i], p, best: i === best, truth: i === truth }));
  return cspSafePlot(Plot.plot({
    width,
    height: 24 * names.length + 40,
    marginLeft: 90,
    ariaLabel: t('mnist.probs.aria'),
    x: { domain: [0, 1], label: t('mnist.axis.prob'), grid: true, tickFormat: '.0%' },
    y: { domain: names, label: null },
    marks: [
      Plot.barX(rows, { x: 'p', y: 'name', fill: (d) => (d.best ? '#0b57d0' : '#9db7e8') }),
      Plot.text(rows, { x: 'p', y: 'name', text: (d) => `${(100 * d.p).toFixed(1)}%`, dx: 4, textAnchor: 'start', fontSize: 10 }),
      Plot.text(rows.filter((d) => d.truth), { x: 1, y: 'name', text: () => '✓', dx: -4, textAnchor: 'end', fill: '#1b7f3b' }),
    ],
  }));
}
