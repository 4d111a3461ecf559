// A computational graph as an SVG figure in the style of the book's figures
// 5-16 and 5-17: a node per operation (a circle for × + and the branch dot,
// a rounded box for **2, Repeat, Sum, MatMul, Affine, …), an arrow per edge with
// the forward value above it in blue and the gradient below it in red, which
// runs back along the edge once backward has reached it. Matrices are drawn
// as small bracketed matrices with their shape. Inputs enter from the left,
// outputs leave to the right; in a narrow box (a phone) the graph runs top
// to bottom instead. It lays out and draws numbers it is given; it computes
// none of them.
import { svgEl } from '../../ui.js';

export const FWD = '#0b57d0';
export const GRAD = '#c5221f';
export const NUM = '#188038';
const HI = '#f4b400';
const INK = '#202124';
const MUTED = '#9aa0a6';
const LINE = 16;      // one line of numbers
const CH = 7.9;       // the width of one character of the 13 px monospace numbers
const R = 27;         // node radius
const MAX_ROWS = 4;   // a matrix shows at most 4 × 4 entries, then ⋯
const MAX_COLS = 4;

const SHORT_OPS = { MulLayer: '×', AddLayer: '+', Square: '**2', Branch: '•' };   // **2 as in fig. 5-7
const opLabel = (op) => SHORT_OPS[op] ?? op.replace('SoftmaxWithLoss', 'Softmax·Loss');
const nodeWidth = (label) => (label.length <= 2 ? 2 * R : Math.max(2 * R, label.length * 8.4 + 22));

/** The cells of a value as text, at most MAX_ROWS × MAX_COLS; null while not computed. */
function cellsOf(m, fmt) {
  if (m === null || m === undefined) return null;
  if (typeof m === 'number') return { cells: [[fmt(m)]], matrix: false };
  const cells = [];
  for (let i = 0; i < Math.min(m.rows, MAX_ROWS); i++) {
    const row = [];
    // 4 significant digits in a drawn matrix; the edge table has them all
    for (let j = 0; j < Math.min(m.cols, MAX_COLS); j++) row.push(fmt(Number(m.data[i * m.cols + j].toPrecision(4))));
    if (m.cols > MAX_COLS) row.push('⋯');
    cells.push(row);
  }
  if (m.rows > MAX_ROWS) cells.push(cells[0].map(() => '⋮'));
  return { cells, matrix: true };
}

/** The size of a block of cells: columns as wide as their widest entry, brackets around a matrix. */
function sizeOf(block) {
  if (!block) return { w: CH, h: LINE, cols: [CH] };
  const cols = block.cells[0].map((_, j) => Math.max(...block.cells.map((r) => r[j].length)) * CH);
  const pad = block.matrix ? 8 : 0;
  return { w: cols.reduce((a, b) => a + b, 0) + 10 * (cols.length - 1) + 2 * pad, h: block.cells.length * LINE, cols, pad };
}

/** Draw a block with its top-left at (x, y): numbers right-aligned in their columns, brackets for a matrix. */
function drawBlock(block, x, y, color, part) {
  const g = svgEl('g', { 'data-part': part });
  if (!block) {
    g.append(svgEl('text', { x, y: y + 12, fill: MUTED, 'font-size': 13 }, '?'));
    return g;
  }
  const { w, h, cols, pad } = sizeOf(block);
  if (block.matrix) {
    const br = (x0, dir) => `M${x0 + dir * 4},${y + 1} h${-dir * 4} v${h - 2} h${dir * 4}`;
    g.append(svgEl('path', { d: `${br(x + 1, 1)} ${br(x + w - 1, -1)}`, fill: 'none', stroke: color, 'stroke-width': 1.3 }));
  }
  const text = svgEl('text', {
    fill: color, 'font-size': 13, 'font-weight': 600, 'font-family': 'ui-monospace, "DejaVu Sans Mono", Menlo, monospace',
    'text-anchor': 'end', stroke: '#fff', 'stroke-width': 3.5, 'paint-order': 'stroke', 'stroke-linejoin': 'round',
  });
  block.cells.forEach((row, i) => {
    let cx = x + pad;
    row.forEach((c, j) => {
      cx += cols[j];
      text.append(svgEl('tspan', { x: cx.toFixed(1), y: (y + 12.5 + i * LINE).toFixed(1) }, c));
      cx += 10;
    });
  });
  g.append(text);
  return g;
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
 *           fmt(v), label (aria), vertical (top to bottom, for narrow boxes),
 *           compact (matrices as their shape) }
 * Returns the <svg>. Every <g data-edge-label="name"> carries data-value and
 * data-grad, the numbers it shows, so tests can read the edges.
 */
export function drawGraph(model) {
  const { nodes, edges, current, numeric, fmt } = model;
  const vertical = !!model.vertical;
  const byName = Object.fromEntries(edges.map((e) => [e.name, e]));
  const producer = {};
  const consumers = {};
  nodes.forEach((n, i) => {
    for (const o of n.outputs) producer[o] = i;
    for (const e of n.inputs) (consumers[e] ??= []).push(i);
  });

  // the text of every edge, measured first: the layout makes room for the largest
  // compact: a matrix edge shows its shape, not its numbers (a whole network; its numbers are in the rule)
  const cells = (m) => (model.compact && m && typeof m === 'object' ? { cells: [[`${m.rows}×${m.cols}`]], matrix: false } : cellsOf(m, fmt));
  const labels = Object.fromEntries(edges.map((e) => {
    const value = cells(e.value);
    const grad = cells(e.grad);
    const num = numeric && typeof numeric[e.name] === 'number' ? cellsOf(numeric[e.name], fmt) : null;
    const name = `${e.name}${e.rows * e.cols > 1 && !model.compact ? ` (${e.rows}×${e.cols})` : ''}`;
    // the blocks as they will be when computed, so stepping does not move the layout
    const full = cells(e.value ?? (e.rows * e.cols > 1 ? { rows: e.rows, cols: e.cols, data: new Float64Array(e.rows * e.cols) } : 0));
    const sv = sizeOf(value ?? full);
    const sg = sizeOf(grad ?? full);
    const nameW = name.length * 7;
    return [e.name, { name, value, grad, num, above: { w: Math.max(nameW, sv.w), h: LINE + sv.h }, below: { w: sg.w + (num ? 20 : 0), h: sg.h + (num ? LINE : 0) } }];
  }));
  const L = Object.values(labels);
  const maxW = Math.max(...L.map((l) => Math.max(l.above.w, l.below.w)));
  const maxAbove = Math.max(...L.map((l) => l.above.h));
  const maxBelow = Math.max(...L.map((l) => l.below.h));

  // u runs along the computation (left → right, or top → bottom), v across it
  const gapU = vertical ? Math.max(132, maxAbove + 70) : Math.max(230, maxW + 2 * R + 70);
  // the distance between two inputs side by side: room for one label stack beside the next
  const spread = vertical ? Math.max(96, Math.max(...L.map((l) => l.above.w)) + Math.max(...L.map((l) => l.below.w)) + 40) : Math.max(100, maxAbove + maxBelow + 30);

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
    const u = gapU * (depth[i] + 1);
    const from = n.inputs.filter((e) => producer[e] !== undefined).map((e) => pos[producer[e]][1]);
    let v;
    if (from.length) v = from.reduce((a, b) => a + b, 0) / from.length;
    else {
      const half = ((n.inputs.length - 1) / 2) * spread;
      v = nextRow + half;
      nextRow = v + half + spread * (vertical ? 1 : 1.25);
    }
    for (const [cu, cv] of pos) if (cu === u && Math.abs(cv - v) < spread) v = cv + spread * 1.25;
    pos.push([u, v]);
  });

  // Every edge is a polyline in (u, v). An input runs straight along u from its
  // source, then bends into its node: its labels sit on the straight part, where
  // no other edge crosses them (the book draws them so). Outputs mirror that.
  const run = Math.max(0.57 * gapU, maxW + 24);   // the straight part
  const bend = 0.38 * gapU;                        // how far before the node it bends
  const segs = [];
  nodes.forEach((n, i) => {
    const [u, v] = pos[i];
    const external = n.inputs.filter((e) => producer[e] === undefined);
    const internal = n.inputs.length - external.length;
    external.forEach((e, k) => {
      // inputs of a node that another node also feeds come in from the side, like the tax of fig. 5-17
      const vs = internal === 0 ? v + (k - (external.length - 1) / 2) * spread : v + spread * (k + 1) * 1.05;
      const pts = vs === v ? [[u - bend - run, v], [u, v]] : [[u - bend - run, vs], [u - bend, vs], [u, v]];
      segs.push({ name: e, pts, fromNode: false, toNode: true, label: 0 });
    });
    for (const e of n.inputs) {
      if (producer[e] !== undefined) segs.push({ name: e, pts: [pos[producer[e]], [u, v]], fromNode: true, toNode: true, label: 0 });
    }
    const sinks = n.outputs.filter((e) => !consumers[e]);
    sinks.forEach((e, k) => {
      const vt = v + (k - (sinks.length - 1) / 2) * spread;
      const pts = vt === v ? [[u, v], [u + bend + run, v]] : [[u, v], [u + bend, vt], [u + bend + run, vt]];
      segs.push({ name: e, pts, fromNode: true, toNode: false, label: pts.length - 2 });
    });
  });
  if (vertical) {
    const swap = ([p, q]) => [q, p];
    pos.forEach((p, i) => { pos[i] = swap(p); });
    for (const s of segs) s.pts = s.pts.map(swap);
  }

  // ---- drawing; the view box is the box around everything drawn ---------------------
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const grow = (x0, y0, x1, y1) => {
    box.x0 = Math.min(box.x0, x0); box.y0 = Math.min(box.y0, y0);
    box.x1 = Math.max(box.x1, x1); box.y1 = Math.max(box.y1, y1);
  };
  const svg = svgEl('svg', {
    role: 'img', 'aria-label': model.label, 'font-family': 'system-ui, "Noto Sans KR", sans-serif',
    'data-orientation': vertical ? 'vertical' : 'horizontal',
  });
  const defs = svgEl('defs');
  const uid = `g${Math.random().toString(36).slice(2, 8)}`;
  for (const [id, color] of [['fwd', INK], ['grad', GRAD]]) {
    const m = svgEl('marker', { id: `${uid}-${id}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    m.append(svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }));
    defs.append(m);
  }
  const gEdges = svgEl('g');
  const gNodes = svgEl('g');
  const gText = svgEl('g');
  svg.append(defs, gEdges, gNodes, gText);

  const curNode = current ? current.index : -1;
  const touches = (name) => curNode >= 0 && (nodes[curNode].inputs.includes(name) || nodes[curNode].outputs.includes(name));
  const rimOf = (p) => {
    const i = pos.findIndex((q) => q[0] === p[0] && q[1] === p[1]);
    return i < 0 ? R : (vertical ? R : nodeWidth(opLabel(nodes[i].op)) / 2);
  };

  for (const s of segs) {
    const e = byName[s.name];
    if (!e) continue;
    const pts = s.pts.map((p) => [...p]);
    // end the edge at the node's rim (a box is wider than a circle)
    const trim = (i, j, extra) => {
      const [x1, y1] = pts[j];
      const [x2, y2] = pts[i];
      const d = Math.hypot(x2 - x1, y2 - y1) || 1;
      const ux = (x2 - x1) / d;
      const uy = (y2 - y1) / d;
      const r = Math.min(rimOf(s.pts[i]), R / Math.max(Math.abs(vertical ? ux : uy), 0.01)) + extra;
      pts[i] = [x2 - ux * r, y2 - uy * r];
    };
    if (s.fromNode) trim(0, 1, 3);
    if (s.toNode) trim(pts.length - 1, pts.length - 2, 5);
    for (const [x, y] of pts) grow(x, y, x, y);
    const lit = touches(s.name);
    const g = svgEl('g', { 'data-edge': s.name });
    const poly = (p) => p.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
    g.append(svgEl('polyline', {
      points: poly(pts), fill: 'none', stroke: lit ? INK : '#5f6368', 'stroke-width': lit ? 2.4 : 1.6,
      'stroke-linejoin': 'round', 'marker-end': `url(#${uid}-fwd)`,
    }));
    if (e.grad !== null && e.grad !== undefined) {
      // the gradient flows back beside the edge: the same polyline moved 7 px to its right
      const normal = (i) => {
        const [x1, y1] = pts[Math.max(0, i - 1)];
        const [x2, y2] = pts[Math.min(pts.length - 1, Math.max(1, i))];
        const d = Math.hypot(x2 - x1, y2 - y1) || 1;
        return [-(y2 - y1) / d, (x2 - x1) / d];
      };
      const back = pts.map((p, i) => {
        const n1 = normal(i);
        const n2 = normal(i + 1);
        const n = i === 0 ? normal(1) : i === pts.length - 1 ? n1 : [(n1[0] + n2[0]) / 2, (n1[1] + n2[1]) / 2];
        return [p[0] + 7 * n[0], p[1] + 7 * n[1]];
      }).reverse();
      // stop short of the start so the arrowhead shows
      const [lx, ly] = back[back.length - 1];
      const [px, py] = back[back.length - 2];
      const dd = Math.hypot(lx - px, ly - py) || 1;
      back[back.length - 1] = [lx - ((lx - px) / dd) * 6, ly - ((ly - py) / dd) * 6];
      g.append(svgEl('polyline', {
        points: poly(back), fill: 'none', stroke: GRAD, 'stroke-width': 1.6, 'stroke-linejoin': 'round',
        'marker-end': `url(#${uid}-grad)`, 'stroke-opacity': 0.85,
      }));
    }
    gEdges.append(g);

    // ---- the labels: name and value on one side of the edge, the gradient on the other
    const lab = labels[s.name];
    const [ax, ay] = pts[s.label];
    const [bx, by] = pts[s.label + 1];
    const mx = (ax + bx) / 2;
    const my = (ay + by) / 2;
    const sv = sizeOf(lab.value);
    const sg = sizeOf(lab.grad);
    const out = svgEl('g', { 'data-edge-label': s.name });
    out.dataset.value = dataText(e.value, fmt);
    out.dataset.grad = dataText(e.grad, fmt);
    // across a left-to-right edge: value above, gradient below; beside a top-to-bottom one: value left, gradient right
    let top;
    let bot;
    if (!vertical) {
      top = [mx - lab.above.w / 2, my - 9 - lab.above.h];
      bot = [mx - sg.w / 2, my + 11];
    } else {
      top = [mx - 12 - lab.above.w, my - lab.above.h / 2];
      bot = [mx + 12, my - sg.h / 2];
    }
    const nameAnchor = vertical ? 'end' : 'middle';
    const nameX = nameAnchor === 'middle' ? top[0] + lab.above.w / 2 : top[0] + lab.above.w;
    out.append(svgEl('text', {
      x: nameX, y: top[1] + 12, 'text-anchor': nameAnchor, 'font-size': 12, 'font-weight': 600, fill: lit ? INK : '#5f6368',
      stroke: '#fff', 'stroke-width': 3.5, 'paint-order': 'stroke', 'data-part': 'name',
    }, lab.name));
    const vx = nameAnchor === 'middle' ? top[0] + (lab.above.w - sv.w) / 2 : top[0] + lab.above.w - sv.w;
    out.append(drawBlock(lab.value, vx, top[1] + LINE, FWD, 'value'));
    grow(top[0], top[1], top[0] + lab.above.w, top[1] + lab.above.h);
    if (lab.grad) {
      out.append(drawBlock(lab.grad, bot[0], bot[1], GRAD, 'grad'));
      grow(bot[0], bot[1], bot[0] + sg.w, bot[1] + sg.h);
    }
    if (lab.num) {
      const ny = bot[1] + (lab.grad ? sg.h : 0);
      out.append(svgEl('text', {
        x: bot[0] + sg.w, y: ny + 12, 'text-anchor': 'end', 'font-size': 12, fill: NUM, 'font-weight': 500,
        stroke: '#fff', 'stroke-width': 3.5, 'paint-order': 'stroke', 'data-part': 'numeric',
      }, `≈ ${lab.num.cells[0][0]}`));
      grow(bot[0] - 20, ny, bot[0] + sg.w, ny + LINE);
    }
    gText.append(out);
  }

  nodes.forEach((n, i) => {
    const [x, y] = pos[i];
    const on = i === curNode;
    const done = n.backwardDone ? 'backward' : n.forwardDone ? 'forward' : 'none';
    const label = opLabel(n.op);
    const w = nodeWidth(label);
    const g = svgEl('g', { 'data-node': n.name, 'data-done': done, ...(on ? { 'aria-current': 'step' } : {}) });
    const stroke = on ? HI : done === 'none' ? MUTED : INK;
    const fill = on ? '#fff8e1' : done === 'backward' ? '#fdf3f2' : done === 'forward' ? '#eef3fd' : '#fff';
    g.append(label.length <= 2
      ? svgEl('circle', { cx: x, cy: y, r: R, fill, stroke, 'stroke-width': on ? 3.5 : 1.8 })
      : svgEl('rect', { x: x - w / 2, y: y - R, width: w, height: 2 * R, rx: 14, fill, stroke, 'stroke-width': on ? 3.5 : 1.8 }));
    g.append(svgEl('text', { x, y: y + (label.length <= 2 ? 9 : 5), 'text-anchor': 'middle', 'font-size': label.length <= 2 ? 26 : 14, 'font-weight': 600, fill: INK }, label));
    // the node's name (mul_apple_layer) above it; on a phone the status line names it instead
    if (!vertical) {
      g.append(svgEl('text', { x, y: y - R - 7, 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6368', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }, n.name));
    }
    g.append(svgEl('title', {}, `${n.op} (${n.name})`));
    grow(x - w / 2, y - R - 20, x + w / 2, y + R);
    gNodes.append(g);
  });

  const m = 8;
  const width = box.x1 - box.x0 + 2 * m;
  const height = box.y1 - box.y0 + 2 * m;
  svg.setAttribute('viewBox', `${(box.x0 - m).toFixed(1)} ${(box.y0 - m).toFixed(1)} ${width.toFixed(1)} ${height.toFixed(1)}`);
  svg.dataset.width = String(Math.round(width));
  svg.style.width = '100%';
  svg.style.height = 'auto';
  svg.style.display = 'block';
  // drawn at its own size or a little larger; on a phone it keeps a readable size and its box scrolls
  svg.style.minWidth = `${Math.round(Math.min(width, 1100) * (vertical ? 0.8 : 0.78))}px`;
  svg.style.maxWidth = `${Math.round(width * (vertical ? 1.1 : 1.2))}px`;
  return svg;
}
