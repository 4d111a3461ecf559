// filters.js — a convnet's insides as small grey pictures (book 7.6.1
// "1번째 층의 가중치 시각화", fig. 7-24; ch07/visualize_filter.py): the first
// conv layer's filters, and the feature maps one image makes in the conv and
// pool layers. Each picture is scaled from its own smallest (white) to its
// largest value (black), as matplotlib's imshow(cmap='gray_r') does in the
// book's filter_show — so a random filter looks like noise and a trained one
// like an edge or a blob detector.
import { el } from '../../ui.js';

/** Paint h×w values from data[offset…] into a canvas, min → white, max → black. */
function paintGrey(canvas, data, h, w, offset) {
  canvas.width = w;
  canvas.height = h;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < h * w; i++) { const v = data[offset + i]; if (v < lo) lo = v; if (v > hi) hi = v; }
  const span = hi - lo || 1;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(w, h);
  for (let i = 0; i < h * w; i++) {
    const g = Math.round(255 * (1 - (data[offset + i] - lo) / span));
    img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = g;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}

function grid(testid, pictures) {
  return el('div', { className: 'sn-digit-grid sn-filter-grid', 'data-testid': testid }, ...pictures);
}

/**
 * The filters { count, channels, size, data } of a conv layer, channel 0 of
 * each (MNIST has one), as `count` pictures of size×size.
 */
export function filterImages(filters, { testid, label }) {
  const { count, channels, size, data } = filters;
  const pics = [];
  for (let f = 0; f < count; f++) {
    const c = paintGrey(el('canvas', { className: 'sn-filter', role: 'img', 'aria-label': label(f + 1) }), data, size, size, f * channels * size * size);
    pics.push(c);
  }
  return grid(testid, pics);
}

/** One layer's feature maps { layer, channels, height, width, data } as `channels` pictures. */
export function featureMapImages(map, { testid, label }) {
  const { channels, height, width, data } = map;
  const pics = [];
  for (let c = 0; c < channels; c++) {
    pics.push(paintGrey(el('canvas', { className: 'sn-featuremap', role: 'img', 'aria-label': label(c + 1) }), data, height, width, c * height * width));
  }
  return grid(testid, pics);
}
