// diagram.js — the network as an SVG graph: one column (or row, on narrow screens) per
// layer, a circle per neuron with its weighted sum a and output z, an edge per
// weight (width by |w|, labelled with its value) and dashed edges from a bias
// neuron "1". It only draws numbers it is given; it computes nothing.
import { svgEl } from '../../ui.js';

const R = 34;        // neuron radius
const RB = 15;       // bias neuron radius
const POS = '#0b57d0';
const NEG = '#d93025';
const BIAS = '#5f6368';
const HI = '#f4b400';
const FONT = 12;     // the weight labels' font size

/**
 * model = {
 *   columns: [{ title, subtitle, nodes: [{ top, bottom, title }] }],   one per layer, input first
 *   weights: [{ rows, cols, data }],                           W between column k and k+1
 *   biases:  [{ data }],                                       b of column k+1
 *   step: 0 (all) or k (highlight the weights into column k),
 *   vertical: bool, label: aria-label
 * }
 */
export function drawNetwork(model) {
  const { columns, weights, biases, step, vertical } = model;
  const L = columns.length;
  const maxN = Math.max(...columns.map((c) => c.nodes.length));
  // u runs along the layers, v across the neurons of a layer
  const gapU = vertical ? 190 : 215;
  const u0 = vertical ? 80 : 62;
  const gapV = vertical ? 108 : 92;
  const vBias = vertical ? 42 : 72;
  const v0 = vertical ? 150 : 150;
  const span = (maxN - 1) * gapV;
  const width = vertical ? v0 + span + R + 18 : u0 + (L - 1) * gapU + R + 40;
  const height = vertical ? u0 + (L - 1) * gapU + R + 16 : v0 + span + R + 14;
  const xy = (u, v) => (vertical ? [v, u] : [u, v]);
  const nodePos = (k, i) => {
    const n = columns[k].nodes.length;
    return xy(u0 + k * gapU, v0 + span / 2 + (i - (n - 1) / 2) * gapV);
  };
  const biasPos = (k) => xy(u0 + k * gapU, vBias);

  const svg = svgEl('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img',
    'aria-label': model.label, 'font-family': 'system-ui, "Noto Sans KR", sans-serif',
  });
  svg.style.height = 'auto';
  svg.style.maxWidth = vertical ? '30rem' : '100%';
  svg.style.display = 'block';
  svg.dataset.orientation = vertical ? 'vertical' : 'horizontal';

  // which layer an element belongs to, and whether the current step shows it
  const lit = (layer) => step === 0 || layer === step;
  const litNode = (k) => step === 0 || k === step || k === step - 1;

  const edges = svgEl('g');
  const labels = svgEl('g', { 'font-size': FONT, 'text-anchor': 'middle' });
  const nodes = svgEl('g');
  svg.append(edges, labels, nodes);

  let maxAbs = 0;
  for (const w of weights) for (const v of w.data) maxAbs = Math.max(maxAbs, Math.abs(v));
  for (const b of biases) for (const v of b.data) maxAbs = Math.max(maxAbs, Math.abs(v));
  maxAbs ||= 1;

  const edge = (from, to, w, layer, title, dashed, t) => {
    const [x1, y1] = from;
    const [x2, y2] = to;
    const on = lit(layer);
    const line = svgEl('line', {
      x1, y1, x2, y2,
      stroke: dashed ? BIAS : w >= 0 ? POS : NEG,
      'stroke-width': (1 + 5 * Math.abs(w) / maxAbs).toFixed(2),
      'stroke-opacity': on ? (dashed ? 0.7 : 0.75) : 0.12,
      'data-layer': layer,
    });
    if (dashed) line.setAttribute('stroke-dasharray', '5 4');
    line.append(svgEl('title', {}, title));
    const index = edges.children.length;
    line.dataset.edge = index;
    edges.append(line);
    // The label sits beside its edge, not on it: moved along the normal far enough
    // that its box (estimated from the text: 0.62 em per character, 1 em high)
    // clears the line and half its width, with a white halo against other edges.
    const label = model.formatWeight(w);
    const d = Math.hypot(x2 - x1, y2 - y1) || 1;
    let nx = -(y2 - y1) / d;
    let ny = (x2 - x1) / d;
    if (ny > 0 || (ny === 0 && nx > 0)) { nx = -nx; ny = -ny; }   // always the upper (or left) side
    const halfW = (0.62 * FONT * label.length) / 2 + 2;
    const halfH = FONT / 2 + 1;
    const off = halfW * Math.abs(nx) + halfH * Math.abs(ny) + (1 + 5 * Math.abs(w) / maxAbs) / 2 + 1;
    const lx = x1 + t * (x2 - x1) + off * nx;
    const ly = y1 + t * (y2 - y1) + off * ny;
    const text = svgEl('text', {
      x: lx.toFixed(1), y: (ly + 0.35 * FONT).toFixed(1), fill: on ? '#202124' : '#9aa0a6',
      stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke', 'data-layer': layer, 'data-edge': index,
      'fill-opacity': on ? 1 : 0.5,
    }, label);
    labels.append(text);
  };

  for (let k = 0; k + 1 < L; k++) {
    const W = weights[k];
    const layer = k + 1;
    // Labels sit where the edges of one source still fan apart; each source
    // gets its own distance along the edge, so crossing edges never share a spot.
    const along = (i) => 0.16 + (W.rows > 1 ? (0.34 * i) / (W.rows - 1) : 0);
    for (let i = 0; i < W.rows; i++) {
      for (let j = 0; j < W.cols; j++) {
        const w = W.data[i * W.cols + j];
        edge(outer(nodePos(k, i), nodePos(k + 1, j), R, R), nodePos(k + 1, j), w, layer,
          `w${sub(j + 1)}${sub(i + 1)}${sup(layer)} = ${model.formatWeight(w)}`, false, along(i));
      }
    }
    const b = biases[k];
    for (let j = 0; j < b.data.length; j++) {
      edge(outer(biasPos(k), nodePos(k + 1, j), RB, R), nodePos(k + 1, j), b.data[j], layer,
        `b${sub(j + 1)}${sup(layer)} = ${model.formatWeight(b.data[j])}`, true, 0.6);
    }
  }
  // shorten the edges so they end at the circle's rim, not under the text
  for (const line of edges.children) {
    const x1 = +line.getAttribute('x1'); const y1 = +line.getAttribute('y1');
    const x2 = +line.getAttribute('x2'); const y2 = +line.getAttribute('y2');
    const d = Math.hypot(x2 - x1, y2 - y1) || 1;
    line.setAttribute('x2', (x2 - (R * (x2 - x1)) / d).toFixed(1));
    line.setAttribute('y2', (y2 - (R * (y2 - y1)) / d).toFixed(1));
  }

  columns.forEach((col, k) => {
    const on = litNode(k);
    const current = step !== 0 && k === step;
    // the column's title
    const [hx, hy] = vertical ? [10, u0 + k * gapU - R - 14] : [u0 + k * gapU, 20];
    const header = svgEl('text', {
      x: hx, y: hy, 'font-size': 14, 'font-weight': 600, 'text-anchor': vertical ? 'start' : 'middle',
      fill: on ? '#202124' : '#9aa0a6', stroke: '#fff', 'stroke-width': 4, 'paint-order': 'stroke',
    }, col.title);
    // the activation: beside the title when stacked, under it in columns
    const subtitle = vertical ? svgEl('tspan', { dx: 8, 'font-weight': 400 }, `(${col.subtitle})`)
      : svgEl('tspan', { x: hx, dy: 17, 'font-size': 12, 'font-weight': 400 }, col.subtitle);
    header.append(subtitle);
    nodes.append(header);
    if (k + 1 < L) {
      const [bx, by] = biasPos(k);
      const g = svgEl('g', { 'data-layer': k + 1, opacity: lit(k + 1) ? 1 : 0.3 });
      g.append(
        svgEl('circle', { cx: bx, cy: by, r: RB, fill: '#f1f3f4', stroke: BIAS, 'stroke-dasharray': '3 3' }),
        svgEl('text', { x: bx, y: by + 5, 'font-size': 14, 'text-anchor': 'middle', fill: '#202124' }, '1'),
        svgEl('title', {}, 'bias'),
      );
      nodes.append(g);
    }
    col.nodes.forEach((node, i) => {
      const [cx, cy] = nodePos(k, i);
      const g = svgEl('g', { 'data-node': `${k}-${i}`, opacity: on ? 1 : 0.3 });
      g.append(
        svgEl('circle', {
          cx, cy, r: R, fill: current ? '#fff8e1' : '#fff',
          stroke: current ? HI : '#3c4043', 'stroke-width': current ? 3 : 1.5,
        }),
        svgEl('text', { x: cx, y: cy - 5, 'font-size': 12, 'text-anchor': 'middle', fill: '#5f6368' }, node.top),
        svgEl('text', { x: cx, y: cy + 13, 'font-size': 13, 'font-weight': 600, 'text-anchor': 'middle', fill: '#202124' }, node.bottom),
        svgEl('title', {}, node.title),
      );
      nodes.append(g);
    });
  });
  return svg;
}

// the point on the rim of the source circle, towards the target
function outer([x1, y1], [x2, y2], r) {
  const d = Math.hypot(x2 - x1, y2 - y1) || 1;
  return [x1 + (r * (x2 - x1)) / d, y1 + (r * (y2 - y1)) / d];
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
export const sub = (n) => String(n).replace(/\d/g, (d) => SUB[d]);
export const sup = (n) => `⁽${String(n).replace(/\d/g, (d) => SUP[d])}⁾`;
