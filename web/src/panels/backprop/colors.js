// colors.js — the one colour scale of the playground's plane: every neuron map, the output
// map, its legend and the edges use it, so a colour means the same number everywhere.
// A value v in [lo, hi] goes to t = (v − lo)/(hi − lo) (clamped): t = 0 orange, ½ white,
// 1 blue, linear in RGB in between (TensorFlow Playground's choice of hues: negative
// orange, positive blue). It only colours numbers the core computed.
// The edges use the same ends with a light grey middle instead of white (TensorFlow
// Playground's #e8eaeb): a weight near 0 must still show as a line on the white page,
// while a neuron map's white still means 0 (edgeColorOf).

export const NEG = [232, 119, 34];    // t = 0
export const MID = [255, 255, 255];   // t = ½
export const EDGE_MID = [232, 234, 235];   // an edge's w = 0: light grey, visible on white
export const EDGE_MID_CSS = `rgb(${EDGE_MID.join(',')})`;
export const POS = [17, 102, 204];    // t = 1
export const NEG_CSS = `rgb(${NEG.join(',')})`;
export const POS_CSS = `rgb(${POS.join(',')})`;
// the three classes of the book's spiral (class 0 and 1 keep the scale's ends)
export const CLASS_CSS = [NEG_CSS, POS_CSS, '#1b9e77'];
const CLASS_RGB = [NEG, POS, [27, 158, 119]];

/** The scale's colour at t ∈ [0, 1] into out[at…at+2] (mid: the colour at t = ½). */
function mix(t, out, at, mid = MID) {
  const lower = t < 0.5;
  const a = lower ? NEG : mid;
  const b = lower ? mid : POS;
  const u = lower ? 2 * t : 2 * t - 1;
  out[at] = Math.round(a[0] + (b[0] - a[0]) * u);
  out[at + 1] = Math.round(a[1] + (b[1] - a[1]) * u);
  out[at + 2] = Math.round(a[2] + (b[2] - a[2]) * u);
}

const clamp01 = (t) => (t < 0 ? 0 : t > 1 ? 1 : Number.isNaN(t) ? 0.5 : t);

/** [r, g, b] of value v on [lo, hi]. */
export function colorOf(v, [lo, hi]) {
  const out = [0, 0, 0];
  mix(clamp01((v - lo) / (hi - lo)), out, 0);
  return out;
}

/** [r, g, b] of a weight on the edges' scale [−1, 1]: orange, light grey at 0, blue. */
export function edgeColorOf(w) {
  const out = [0, 0, 0];
  mix(clamp01((w + 1) / 2), out, 0, EDGE_MID);
  return out;
}

// 256 steps of the scale, made once: painting 55 maps of 1,600 pixels per frame then costs a
// table look-up per pixel (a step of 1/255 is below what a screen shows)
const LUT = new Uint8ClampedArray(256 * 3);
for (let i = 0; i < 256; i++) mix(i / 255, LUT, 3 * i);

/**
 * Paint `count` values data[offset …] (one per pixel, row-major) into an RGBA buffer
 * (an ImageData's data) on the scale [lo, hi].
 */
export function paint(rgba, data, offset, count, [lo, hi]) {
  const k = 255 / (hi - lo);
  for (let i = 0; i < count; i++) {
    let q = Math.round((data[offset + i] - lo) * k);
    q = q < 0 ? 0 : q > 255 ? 255 : q || 0;   // NaN → 0… but a NaN map only follows a diverged step
    rgba[4 * i] = LUT[3 * q];
    rgba[4 * i + 1] = LUT[3 * q + 1];
    rgba[4 * i + 2] = LUT[3 * q + 2];
    rgba[4 * i + 3] = 255;
  }
}

/**
 * The book's three-class output: each pixel in its arg-max class's colour, mixed
 * with white by how sure the softmax is (p = 1/k → white, p = 1 → the class colour).
 * probs: k maps of `points` probabilities one after another (net.neuronMaps' layout).
 */
export function paintClasses(rgba, probs, points, k) {
  for (let i = 0; i < points; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[c * points + i] > probs[best * points + i]) best = c;
    const s = clamp01((probs[best * points + i] - 1 / k) / (1 - 1 / k));
    const col = CLASS_RGB[best];
    for (let ch = 0; ch < 3; ch++) rgba[4 * i + ch] = Math.round(255 + (col[ch] - 255) * s);
    rgba[4 * i + 3] = 255;
  }
}
