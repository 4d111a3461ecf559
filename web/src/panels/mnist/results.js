// results.js — what a trained network shows: a grid of test images with its
// guesses (mistakes outlined, click one for its probabilities) and the first
// layer's weights as pictures, one per hidden unit.
import { el } from '../../ui.js';
import { paintImage, paintWeights } from './draw.js';
import { argmax } from './argmax.js';

/**
 * The test-image grid. grid = { images, labels, probs } from the session's
 * evaluate(); onPick(index, probs, label) when an image is chosen.
 */
export function testGrid({ grid, classes, side, names, t, onPick }) {
  const box = el('div', { className: 'sn-digit-grid', role: 'list', 'data-testid': 'test-grid' });
  const n = grid.labels.length;
  for (let i = 0; i < n; i++) {
    const pred = argmax(grid.probs, i * classes, classes);
    const label = grid.labels[i];
    const wrong = pred !== label;
    const canvas = paintImage(document.createElement('canvas'), grid.images, side, i * side * side);
    const b = el('button', {
      type: 'button',
      className: wrong ? 'sn-digit sn-digit-wrong' : 'sn-digit',
      'aria-label': t(wrong ? 'mnist.grid.wrong' : 'mnist.grid.right', { i: i + 1, label: names[label], pred: names[pred] }),
      'data-testid': 'test-image', 'data-wrong': String(wrong), 'data-label': String(label), 'data-pred': String(pred),
    }, canvas, el('span', { text: names[pred] }));
    b.addEventListener('click', () => onPick(i, grid.probs.slice(i * classes, (i + 1) * classes), label));
    box.append(el('div', { role: 'listitem' }, b));
  }
  return box;
}

/** First-layer weights: weights = { units, features, data } (unit j's 784 weights at j·features). */
export function weightImages({ weights, side, t }) {
  const box = el('div', { className: 'sn-digit-grid', 'data-testid': 'weights' });
  for (let j = 0; j < weights.units; j++) {
    const c = paintWeights(document.createElement('canvas'), weights.data, side, j * weights.features);
    c.className = 'sn-weight';
    c.setAttribute('role', 'img');
    c.setAttribute('aria-label', t('mnist.weights.unit', { j: j + 1 }));
    box.append(c);
  }
  return box;
}
