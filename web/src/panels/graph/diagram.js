// A computational graph as an SVG figure in the style of the book's figures
// 5-16 and 5-17: a node per operation (a circle for × + and ², a rounded box
// for Repeat, Sum, MatMul, Affine, …), an arrow per edge with the forward
// value above it in blue and the gradient below it in red, running back along
// the edge once backward has reached it. Inputs enter from the left, outputs
// leave to the right. It lays out and draws numbers it is given; it computes
// none of them.
import { svgEl } from '../../ui.js';

export const FWD = '#0b57d0';
export const GRAD = '#c5221f';
export const NUM = '#188038';
const HI = '#f4b400';
const INK = '#202124';
const MUTED = '#9aa0a6';
const LINE = 15;      // text line height
const R = 27;         // circle radius

const SHORT_OPS = { MulLayer: '×', AddLayer: '+', Square: '²', Branch: '•' };
const opLabel = (op) => SHORT_OPS[op] ?? op.replace('SoftmaxWithLoss', 'Softmax·Loss');

/** The matrix of an edge as text rows (at most 3 × 4 shown, then "…"). */
function matrixRows(m, fmt) {
  if (m === null || m === undefined) return null;
  if (typeof m === 'number') return [fmt(m)];
  const rows = [];
  for (let i = 0; i < Math.min(m.rows, 3); i++) {
    const cells = [];
    for (let j = 0; j < Math.min(m.cols, 4); j++) cells.push(fmt(m.data[i * m.cols + j]));
    if (m.cols > 4) cells.push('…');
    rows.push(`${i === 0 ? '[' : ' '}${cells.join('  ')}${i === Math.min(m.rows, 3) - 1 ? ']' : ''}`);
  }
  if (m.rows > 3) rows.push('…');
  return rows;
}

/** Every entry of a value as plain text for data-* ("1, 2; 3, 4"), '' when not computed. */
function dataText(m, fmt) {
  if (m === null || m === undefined) return '';
  if (typeof m === 'number') return fmt(m);
  const rows = [];
  for (let i = 0; i < m.rows; i++) rows.push(Array.from(m.data.slice(i * m.cols, (i + 1) * m.cols), fmt).join(', '));
  return rows.join('; ');
}

/**
 * model = { nodes, edges, current: {phase, index} | null, numeric: {name: value} | null,
 *           fmt(v), label (aria), vertical (top to bottom, for narrow boxes) }
 * Returns the <svg>. Every <g data-edge="name"> carries data-value / data-grad
 * as the text shown, so tests can read the edges.
 */
export function drawGraph(model) {
  const { nodes, edges, current, numeric, fmt } = model;
  const byName = Object.fromEntries(edges.map((e) => [e.name, e]));
  const producer = {};
  const consumers = {};
  nodes.forEach((n, i) => {
    for (const o of n.outputs) producer[o] = i;
    for (const e of n.inputs) (consumers[e] ??= []).push(i);
  });
  const isMatrix = edges.some((e) => e.rows * e.cols > 1);
  const maxRows = Math.max(1, ...edges.map((e) => Math.min(e.rows, 3) + (e.rows > 3 ? 1 : 0)));
  const maxCols = Math.max(1, ...edges.map((e) => Math.min(e.cols, 4)));
  // room for the text of an edge: its value block above, its gradient block below
  const block = isMatrix ? (maxRows + 1) * LINE : LINE;
  // u runs along the computation (left → right, or top → bottom when `vertical`), v across it
  const vertical = !!model.vertical;
  const labelW = isMatrix ? 20 + maxCols * 46 : 58;   // how wide a label block is (vertical layout)
  const gapX = vertical ? (isMatrix ? 2 * block + 90 : 132) : isMatrix ? Math.max(240, 70 + maxCols * 52) : 230;
  const spread = vertical ? 2 * labelW - 4 : isMatrix ? 2 * block + 40 : 104;

  // ---- layout: depth = longest chain of nodes before this one -------------------
  const depth = nodes.map(() => 0);
  nodes.forEach((n, i) => {
    for (const e of n.inputs) if (producer[e] !== undefined) depth[i] = Math.max(depth[i], depth[producer[e]] + 1);
  });
  // nodes fed only by inputs stack in rows, each row tall enough for its inputs' labels;
  // a later node sits at the mean height of the nodes that feed it
  const pos = [];
  let nextRow = 0;
  nodes.forEach((n, i) => {
    const x = gapX * (depth[i] + 1);
    const from = n.inputs.filter((e) => producer[e] !== undefined).map((e) => pos[producer[e]][1]);
    let y;
    if (from.length) y = from.reduce((a, b) => a + b, 0) / from.length;
    else {
      const half = ((n.inputs.length - 1) / 2) * spread;
      y = nextRow + half;
      nextRow = y + half + spread * 1.25;
    }
    for (const [cx, cy] of pos) if (cx === x && Math.abs(cy - y) < spread) y = cy + spread * 1.25;
    pos.push([x, y]);
  });

  // where each edge starts and ends; `at` is where along it its labels sit
  const segs = [];
  nodes.forEach((n, i) => {
    const [x, y] = pos[i];
    const external = n.inputs.filter((e) => producer[e] === undefined);
    const internal = n.inputs.length - external.length;
    external.forEach((e, k) => {
      // inputs of a node that is also fed by another node come in from below, like the tax of fig. 5-17
      const from = internal === 0
        ? [x - gapX * 0.9, y + (k - (external.length - 1) / 2) * spread]
        : [x - gapX * 0.55, y + spread * (k + 1) * 1.05];
      segs.push({ name: e, from, to: [x, y], toNode: true, fromNode: false, at: internal === 0 ? (vertical ? 0.3 : 0.42) : 0.3 });
    });
    for (const e of n.inputs) {
      if (producer[e] !== undefined) segs.push({ name: e, from: pos[producer[e]], to: [x, y], toNode: true, fromNode: true, at: 0.5 });
    }
    const sinks = n.outputs.filter((e) => !consumers[e]);
    sinks.forEach((e, k) => {
      segs.push({ name: e, from: [x, y], to: [x + gapX * 0.9, y + (k - (sinks.length - 1) / 2) * spread], toNode: false, fromNode: true, at: 0.55 });
    });
  });

  // (u, v) → (x, y)
  if (vertical) {
    const swap = ([u, v]) => [v, u];
    pos.forEach((p, i) => { pos[i] = swap(p); });
    for (const s of segs) { s.from = swap(s.from); s.to = swap(s.to); }
  }

  // the bounding box of everything, with room for the text blocks
  const xs = [...pos.map((p) => p[0]), ...segs.flatMap((s) => [s.from[0], s.to[0]])];
  const ys = [...pos.map((p) => p[1]), ...segs.flatMap((s) => [s.from[1], s.to[1]])];
  const left = Math.min(...xs) - (vertical ? labelW + 14 : 20);
  const right = Math.max(...xs) + (vertical ? labelW + 14 : 20);
  const top = Math.min(...ys) - (vertical ? 4 * LINE + 2 * block + 10 : block + 40);
  const bottom = Math.max(...ys) + (vertical ? 16 : block + 48);
  const width = right - left;
  const height = bottom - top;

  const svg = svgEl('svg', {
    viewBox: `${left} ${top} ${width} ${height}`, role: 'img', 'aria-label': model.label,
    'font-family': 'system-ui, "Noto Sans KR", sans-serif', 'data-width': Math.round(width),
    'data-orientation': vertical ? 'vertical' : 'horizontal',
  });
  svg.style.width = '100%';
  svg.style.height = 'auto';
  svg.style.display = 'block';
  // on a phone the drawing keeps a readable size and its box scrolls sideways
  svg.style.minWidth = `${Math.round(Math.min(width, 1100) * (vertical ? 0.66 : 0.78))}px`;
  svg.style.maxWidth = `${Math.round(width * (vertical ? 1.1 : 1.25))}px`;

  const defs = svgEl('defs');
  const marker = (id, color) => {
    const m = svgEl('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    m.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }));
    defs.append(m);
  };
  const uid = `g${Math.random().toString(36).slice(2, 8)}`;
  marker(`${uid}-fwd`, INK);
  marker(`${uid}-grad`, GRAD);
  svg.append(defs);
  const gEdges = svgEl('g');
  const gNodes = svgEl('g');
  const gText = svgEl('g', { 'text-anchor': 'middle' });
  svg.append(gEdges, gNodes, gText);

  const curNode = current ? current.index : -1;
  const touches = (name) => curNode >= 0 && (nodes[curNode].inputs.includes(name) || nodes[curNode].outputs.includes(name));

  for (const s of segs) {
    const e = byName[s.name];
    if (!e) continue;
    // trim the segment where it meets a node
    const [x1, y1] = s.from;
    const [x2, y2] = s.to;
    const d = Math.hypot(x2 - x1, y2 - y1) || 1;
    const ux = (x2 - x1) / d;
    const uy = (y2 - y1) / d;
    const a = [x1 + ux * (s.fromNode ? R + 3 : 0), y1 + uy * (s.fromNode ? R + 3 : 0)];
    const b = [x2 - ux * (s.toNode ? R + 5 : 0), y2 - uy * (s.toNode ? R + 5 : 0)];
    const lit = touches(s.name);
    const g = svgEl('g', { 'data-edge': s.name });
    g.append(svgEl('line', {
      x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: lit ? INK : '#5f6368', 'stroke-width': lit ? 2.4 : 1.6,
      'marker-end': `url(#${uid}-fwd)`,
    }));
    // the gradient flows back under the edge once backward has reached it
    if (e.grad !== null && e.grad !== undefined) {
      const ox = -uy * 7;
      const oy = ux * 7;
      g.append(svgEl('line', {
        x1: b[0] + ox, y1: b[1] + oy, x2: a[0] + ox + ux * 6, y2: a[1] + oy + uy * 6, stroke: GRAD, 'stroke-width': 1.6,
        'marker-end': `url(#${uid}-grad)`, 'stroke-opacity': 0.85,
      }));
    }
    gEdges.append(g);

    // the labels: name and value above, gradient (and the numerical one) below
    const mx = a[0] + (b[0] - a[0]) * s.at;
    const my = a[1] + (b[1] - a[1]) * s.at;
    const value = matrixRows(e.value, fmt);
    const grad = matrixRows(e.grad, fmt);
    // the numerical check on the drawing for scalars; a matrix's is in the edge table
    const num = numeric && typeof numeric[s.name] === 'number' ? matrixRows(numeric[s.name], fmt) : null;
    const shape = e.rows * e.cols > 1 ? ` (${e.rows}×${e.cols})` : '';
    const above = [{ text: `${s.name}${shape}`, fill: lit ? INK : '#5f6368', weight: 600, size: 12 },
      ...(value ?? ['?']).map((t) => ({ text: t, fill: value ? FWD : MUTED, weight: 600, size: 13.5 }))];
    const below = [
      ...(grad ?? []).map((t) => ({ text: t, fill: GRAD, weight: 600, size: 13.5 })),
      ...(num ?? []).map((t, i) => ({ text: `${i === 0 ? '≈ ' : '  '}${t}`, fill: NUM, weight: 500, size: 12 })),
    ];
    const text = svgEl('text', {
      x: mx, y: my, stroke: '#fff', 'stroke-width': 4, 'paint-order': 'stroke', 'stroke-linejoin': 'round',
      'data-edge-label': s.name, 'font-family': isMatrix ? 'ui-monospace, Menlo, monospace' : 'inherit',
    });
    // across a left-to-right edge: the value block above, the gradient block below;
    // beside a top-to-bottom edge: the value block on the left, the gradient on the right
    const lineAt = (block, i, side) => (vertical
      ? { x: mx + side * 9, y: my + 4 + (i - (block.length - 1) / 2) * LINE, anchor: side < 0 ? 'end' : 'start' }
      : { x: mx, y: side < 0 ? my - 9 - (block.length - 1 - i) * LINE : my + 22 + i * LINE, anchor: 'middle' });
    // on a phone an input's labels stack above where it starts: name, value, gradient
    if (vertical && !s.fromNode) {
      const [sx, sy] = s.from;
      const all = [...above, ...below];
      all.forEach((l, i) => text.append(svgEl('tspan', {
        x: sx, y: sy - 6 - (all.length - 1 - i) * LINE, 'text-anchor': 'middle', fill: l.fill, 'font-weight': l.weight, 'font-size': l.size,
        'data-part': i === 0 ? 'name' : i < above.length ? 'value' : i < above.length + (grad?.length ?? 0) ? 'grad' : 'numeric',
      }, l.text)));
    }
    if (!(vertical && !s.fromNode)) above.forEach((l, i) => {
      const p = lineAt(above, i, -1);
      text.append(svgEl('tspan', {
        x: p.x, y: p.y, 'text-anchor': p.anchor, fill: l.fill, 'font-weight': l.weight, 'font-size': l.size,
        'font-family': i === 0 ? 'system-ui, sans-serif' : 'inherit', 'data-part': i === 0 ? 'name' : 'value',
      }, l.text));
    });
    if (!(vertical && !s.fromNode)) below.forEach((l, i) => {
      const p = lineAt(below, i, 1);
      text.append(svgEl('tspan', {
        x: p.x, y: p.y, 'text-anchor': p.anchor, fill: l.fill, 'font-weight': l.weight, 'font-size': l.size,
        'data-part': i < (grad?.length ?? 0) ? 'grad' : 'numeric',
      }, l.text));
    });
    text.dataset.value = dataText(e.value, fmt);
    text.dataset.grad = dataText(e.grad, fmt);
    gText.append(text);
  }

  nodes.forEach((n, i) => {
    const [x, y] = pos[i];
    const on = i === curNode;
    const done = n.backwardDone ? 'backward' : n.forwardDone ? 'forward' : 'none';
    const label = opLabel(n.op);
    const g = svgEl('g', { 'data-node': n.name, 'data-done': done, ...(on ? { 'aria-current': 'step' } : {}) });
    const stroke = on ? HI : done === 'none' ? MUTED : INK;
    const fill = on ? '#fff8e1' : done === 'backward' ? '#fdf3f2' : done === 'forward' ? '#eef3fd' : '#fff';
    if (label.length <= 2) {
      g.append(svgEl('circle', { cx: x, cy: y, r: R, fill, stroke, 'stroke-width': on ? 3.5 : 1.8 }));
    } else {
      const w = Math.max(2 * R, label.length * 8.4 + 22);
      g.append(svgEl('rect', { x: x - w / 2, y: y - R, width: w, height: 2 * R, rx: 14, fill, stroke, 'stroke-width': on ? 3.5 : 1.8 }));
    }
    g.append(...[
      svgEl('text', { x, y: y + (label.length <= 2 ? 9 : 5), 'text-anchor': 'middle', 'font-size': label.length <= 2 ? 26 : 14, 'font-weight': 600, fill: INK }, label),
      // the node's name (mul_apple_layer) above it; on a phone the status line names it instead
      vertical ? null : svgEl('text', { x, y: y - R - 7, 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6368', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }, n.name),
      svgEl('title', {}, `${n.op} (${n.name})`),
    ].filter(Boolean));
    gNodes.append(g);
  });
  return svg;
}
