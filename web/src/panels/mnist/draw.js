// draw.js — a canvas to draw a digit on, and the preparation MNIST's own
// digits went through, so that a drawing looks to the network like its data.
//
// LeCun, Cortes & Burges describe MNIST's preprocessing: each digit was
// size-normalised to fit a 20×20 box (keeping its aspect ratio), then placed
// in a 28×28 image so that its centre of mass sits at the centre. A raw
// drawing is off-centre and too large or small; without this step even a
// good network misreads it. The network sees ink as 1 and paper as 0.
import { el } from '../../ui.js';

const SIDE = 280;      // the drawing surface, in CSS pixels
const BOX = 20;        // the digit's longest side after scaling
const OUT = 28;        // the network's input image

/** Ink per pixel in [0, 1] from RGBA (dark ink on a white canvas). */
function inkOf(imageData) {
  const { data, width, height } = imageData;
  const ink = new Float32Array(width * height);
  for (let i = 0; i < ink.length; i++) ink[i] = 1 - data[4 * i] / 255;
  return ink;
}

/**
 * The 28×28 input (Float32Array(784), row-major, ink = 1) for what is drawn on
 * `canvas`, or null when nothing is drawn.
 */
export function mnistInput(canvas) {
  const w = canvas.width;
  const h = canvas.height;
  const ink = inkOf(canvas.getContext('2d', { willReadFrequently: true }).getImageData(0, 0, w, h));
  let x0 = w; let y0 = h; let x1 = -1; let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (ink[y * w + x] > 0.1) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    }
  }
  if (x1 < 0) return null;
  // 1. scale the bounding box so its longer side is 20 pixels
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const scale = BOX / Math.max(bw, bh);
  const sw = Math.max(1, Math.round(bw * scale));
  const sh = Math.max(1, Math.round(bh * scale));
  const small = document.createElement('canvas');
  small.width = sw;
  small.height = sh;
  const sctx = small.getContext('2d', { willReadFrequently: true });
  sctx.fillStyle = '#fff';
  sctx.fillRect(0, 0, sw, sh);
  sctx.imageSmoothingQuality = 'high';
  sctx.drawImage(canvas, x0, y0, bw, bh, 0, 0, sw, sh);
  const s = inkOf(sctx.getImageData(0, 0, sw, sh));
  // 2. its centre of mass, then shift it to the centre of the 28×28 image
  let m = 0; let cx = 0; let cy = 0;
  for (let y = 0; y < sh; y++) for (let x = 0; x < sw; x++) { const v = s[y * sw + x]; m += v; cx += v * x; cy += v * y; }
  cx /= m; cy /= m;
  const dx = Math.round(OUT / 2 - 0.5 - cx);
  const dy = Math.round(OUT / 2 - 0.5 - cy);
  const out = new Float32Array(OUT * OUT);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const tx = x + dx;
      const ty = y + dy;
      if (tx >= 0 && tx < OUT && ty >= 0 && ty < OUT) out[ty * OUT + tx] = Math.min(1, s[y * sw + x]);
    }
  }
  return out;
}

/**
 * The drawing surface: pointer to draw (mouse, pen or finger), onChange()
 * after every stroke segment, clear() to start again.
 */
export function drawingCanvas({ label, onChange }) {
  const canvas = el('canvas', { width: SIDE, height: SIDE, className: 'sn-draw', 'aria-label': label, role: 'img', 'data-testid': 'draw-canvas' });
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  function clear() {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, SIDE, SIDE);
  }
  clear();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 20;
  ctx.strokeStyle = '#000';
  let last = null;
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * SIDE) / r.width, y: ((e.clientY - r.top) * SIDE) / r.height };
  };
  canvas.addEventListener('pointerdown', (e) => {
    canvas.setPointerCapture?.(e.pointerId);
    last = at(e);
    ctx.beginPath();
    ctx.arc(last.x, last.y, ctx.lineWidth / 2, 0, 2 * Math.PI);
    ctx.fillStyle = '#000';
    ctx.fill();
    onChange();
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!last) return;
    const p = at(e);
    ctx.beginPath();
    ctx.moveTo(last.x, last.y);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    last = p;
    onChange();
  });
  const end = () => { last = null; };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  // touch scrolling would steal the strokes
  canvas.style.touchAction = 'none';
  return { canvas, clear: () => { clear(); onChange(); } };
}

/** Paint a grey image (values in [0, 1], ink = 1 drawn dark) of side×side into a canvas. */
export function paintImage(canvas, values, side, offset = 0) {
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const g = Math.round(255 * (1 - Math.min(1, Math.max(0, values[offset + i]))));
    img.data[4 * i] = img.data[4 * i + 1] = img.data[4 * i + 2] = g;   // no array per pixel
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}

/** Paint signed weights (blue < 0 < red, scaled by the largest |w|) of side×side into a canvas. */
export function paintWeights(canvas, values, side, offset = 0) {
  canvas.width = side;
  canvas.height = side;
  let max = 1e-12;
  for (let i = 0; i < side * side; i++) max = Math.max(max, Math.abs(values[offset + i]));
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const v = values[offset + i] / max;
    const a = Math.round(255 * (1 - Math.abs(v)));
    img.data[4 * i] = v >= 0 ? 255 : a;
    img.data[4 * i + 1] = a;
    img.data[4 * i + 2] = v >= 0 ? a : 255;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}
