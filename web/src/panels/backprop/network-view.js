// network-view.js — the network at the centre of the playground (TensorFlow Playground's
// picture, issue 11): inputs → hidden layers → outputs, every neuron a small heat map of
// its value over the input plane (40 × 40 values), every weight an edge coloured by its
// sign and as thick as |w|. Buttons on the picture toggle the input
// features and add or remove layers and neurons; hovering or focusing a neuron enlarges
// its map, hovering an edge shows w and ∂L/∂w, clicking one selects it for editing.
// It draws numbers it is given (the run's maps and weights) and computes none.
// The picture is two canvases, whatever the network's size: the edges, and every neuron's map
// on top. With a canvas per neuron the browser handed 59 canvases (6 × 8 hidden, 7 inputs,
// 2 outputs, edges, output map) to its compositor in every frame's commit, each a shared image
// mapped and copied on the main thread. The maps' pixels live in one atlas (gridN × gridN·count,
// also a hidden canvas, for the tests to read) and are scaled to their boxes here, nearest pixel,
// then written with putImageData: drawImage from a canvas source cost 26–90 ms the first time
// a new view drew (a layer added) on this machine. The edges' canvas is redrawn
// only when a weight moved by a visible amount (EDGE_EPS): its 392 anti-aliased curves are the
// costliest pixels of a frame for the browser to raster, and late in training they barely move.
import { el, svgEl, fmtSig } from '../../ui.js';
import { SETTINGS } from '../../state.js';
import { paint, edgeColorOf } from './colors.js';
import { timed } from '../../shared/profile.js';

// the value range each kind of map is coloured over (the scale of colors.js)
export const ACT_DOMAIN = { tanh: [-1, 1], relu: [-1, 1], leaky_relu: [-1, 1], sigmoid: [0, 1] };
// an input's range over the plane [from, to]² with m = max(|from|, |to|): on [−6, 6]² x1 ∈ [−6, 6],
// x1² ∈ [0, 36], x1x2 ∈ [−18, 18] (half of m²: the product reaches m² only in two corners)
export function featureDomain(f, { from, to }) {
  const m = Math.max(Math.abs(from), Math.abs(to));
  return { x1: [-m, m], x2: [-m, m], x1sq: [0, m * m], x2sq: [0, m * m], x1x2: [-m * m / 2, m * m / 2], sinx1: [-1, 1], sinx2: [-1, 1] }[f];
}
export const outputDomain = (regression) => (regression ? [-1, 1] : [0, 1]);
// an edge is redrawn when its w moved by this much since it was drawn: under one level of the
// colour scale (215 levels per unit of w between grey and blue) and 0.01 px of width
const EDGE_EPS = 0.004;
const MAX_LAYERS = SETTINGS.layers.max;
const MAX_NEURONS = SETTINGS.neurons.max;

/** `from` (an ImageData) into the larger or smaller ImageData `to`, each pixel the nearest source pixel. */
function scaleNearest(from, to) {
  const src = new Uint32Array(from.data.buffer, from.data.byteOffset, from.width * from.height);
  const dst = new Uint32Array(to.data.buffer, to.data.byteOffset, to.width * to.height);
  const D = to.width;
  const N = from.width;
  for (let ty = 0; ty < D; ty++) {
    const row = Math.min(N - 1, Math.floor(((ty + 0.5) * N) / D)) * N;
    for (let tx = 0; tx < D; tx++) dst[ty * D + tx] = src[row + Math.min(N - 1, Math.floor(((tx + 0.5) * N) / D))];
  }
}

/** The lens' canvas of gridN² pixels (CSS-scaled to size) and its context. */
function lensCanvas(gridN, size) {
  const canvas = el('canvas', { width: gridN, height: gridN, className: 'sn-net-map' });
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  const ctx = canvas.getContext('2d');
  return { canvas, ctx };
}

/**
 * opts = { t, gridN, allFeatures, features (the chosen ones, in allFeatures' order), hidden: [sizes],
 *   outputs, act, regression, width, compact, on: { toggleFeature(name), layers(delta), neurons(layer, delta),
 *   selectEdge({ layer, i, j }), hoverEdge({ layer, i, j } | null) } }
 * → { element, draw(maps, weights), tip(text | null, x, y) }
 */
export function networkDiagram(opts) {
  const { t, gridN, plane, allFeatures, features, hidden, outputs, act, regression, width, compact, on } = opts;
  // a phone fits the whole picture under the page's header on its first screen
  const S = compact ? 22 : 38;                 // a neuron's side in CSS pixels
  const gapY = compact ? 5 : 12;
  const labelW = compact ? 40 : 44;            // room for the input labels on the left
  const headH = compact ? 40 : 50;             // layer headers with their + / − buttons
  const sizes = [features.length, ...hidden, outputs];
  const columns = sizes.length;
  const rows = Math.max(allFeatures.length, ...hidden, outputs);
  const W = Math.max(width, labelW + S * columns + 8 * (columns - 1));
  const H = headH + rows * (S + gapY);
  const colX = (c) => labelW + (c * (W - labelW - S - 4)) / (columns - 1);
  const rowY = (r) => headH + r * (S + gapY);
  const inputRow = features.map((f) => allFeatures.indexOf(f));
  // where neuron n of column c sits (inputs keep their row in the full feature list)
  const pos = (c, n) => ({ x: colX(c), y: rowY(c === 0 ? inputRow[n] : n) });

  const box = el('div', { className: compact ? 'sn-net sn-net-compact' : 'sn-net', 'data-testid': 'network', role: 'group', 'aria-label': t('bp.net.aria') });
  box.style.width = `${W}px`;
  box.style.height = `${H}px`;
  // the edges and the maps are painted on one canvas (392 curves for 6 × 8 in a few ms, no SVG to
  // re-render each frame); an SVG of transparent paths that never change on top of it is what the
  // pointer hits, and the neurons' boxes (buttons, focusable images) lie over their maps
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  const layerCanvas = (testid) => {
    const c = el('canvas', { width: Math.round(W * dpr), height: Math.round(H * dpr), className: 'sn-net-edges', 'data-testid': testid });
    c.style.width = `${W}px`;
    c.style.height = `${H}px`;
    const ctx = c.getContext('2d');
    ctx.scale(dpr, dpr);
    return { canvas: c, ctx };
  };
  const { canvas: edgeCanvas, ctx: ectx } = layerCanvas('edge-canvas');
  const { canvas: mapCanvas, ctx: mctx } = layerCanvas('map-canvas');
  const svg = svgEl('svg', { width: W, height: H, class: 'sn-net-edges', 'aria-hidden': 'true' });
  box.append(edgeCanvas, mapCanvas, svg);

  // the atlas: neuron k's gridN × gridN pixels are rows k·gridN … of one canvas that is never laid
  // out (hidden), so the compositor never sees it; neuron k's host carries data-atlas-row="k"
  const mapCount = features.length + hidden.reduce((a, b) => a + b, 0) + outputs;
  const atlas = el('canvas', { width: gridN, height: gridN * mapCount, hidden: true, 'data-testid': 'neuron-atlas' });
  const actx = atlas.getContext('2d');
  const atlasImage = actx.createImageData(gridN, gridN * mapCount);
  box.append(atlas);

  // ---- edges: a curve per weight, and a wide transparent path to point at ----
  const edges = [];   // per layer l (from 1): rows × cols of { x1, y1, mx, x2, y2 }
  for (let l = 1; l < columns; l++) {
    const layer = [];
    for (let i = 0; i < sizes[l - 1]; i++) {
      for (let j = 0; j < sizes[l]; j++) {
        const a = pos(l - 1, i);
        const b = pos(l, j);
        const g = { x1: a.x + S, y1: a.y + S / 2, x2: b.x, y2: b.y + S / 2 };
        g.mx = (g.x1 + g.x2) / 2;
        const d = `M${g.x1.toFixed(1)},${g.y1.toFixed(1)} C${g.mx.toFixed(1)},${g.y1.toFixed(1)} ${g.mx.toFixed(1)},${g.y2.toFixed(1)} ${g.x2.toFixed(1)},${g.y2.toFixed(1)}`;
        svg.append(svgEl('path', { d, fill: 'none', class: 'sn-edge-hit', 'data-layer': l, 'data-i': i, 'data-j': j, 'data-testid': `edge-${l}-${i}-${j}` }));
        layer.push(g);
      }
    }
    edges[l] = layer;
  }
  let selectedEdge = null;
  let lastWeights = null;
  let drawn = null;          // { weights: [Float32Array per layer], selected } the edges' canvas shows
  const edgeOf = (target) => (target?.dataset?.layer ? { layer: Number(target.dataset.layer), i: Number(target.dataset.i), j: Number(target.dataset.j) } : null);
  svg.addEventListener('pointerover', (e) => { const edge = edgeOf(e.target); if (edge) on.hoverEdge(edge, e); });
  svg.addEventListener('pointermove', (e) => { const edge = edgeOf(e.target); if (edge) on.hoverEdge(edge, e); });
  svg.addEventListener('pointerout', (e) => { if (edgeOf(e.target)) on.hoverEdge(null, e); });
  svg.addEventListener('click', (e) => { const edge = edgeOf(e.target); if (edge) on.selectEdge(edge); });

  // ---- the enlarged map of the neuron under the pointer or the keyboard focus ----
  const lens = el('div', { className: 'sn-net-lens', hidden: true, 'data-testid': 'lens' });
  const lensMap = lensCanvas(gridN, compact ? 120 : 150);
  const lensCaption = el('div', { className: 'sn-explain sn-tight' });
  lens.append(lensMap.canvas, lensCaption);
  let lensOf = null;   // the neuron the lens shows
  const showLens = (n, node) => {
    lensOf = n;
    lensCaption.textContent = n.label;
    lens.hidden = false;
    const big = compact ? 120 : 150;
    const x = node.x + S + 6 + big > W ? node.x - big - 10 : node.x + S + 6;
    lens.style.left = `${Math.max(0, x)}px`;
    lens.style.top = `${Math.max(0, Math.min(node.y, H - big - 30))}px`;
    lensMap.ctx.putImageData(n.image, 0, 0);
  };
  const hideLens = (n) => { if (lensOf === n) { lensOf = null; lens.hidden = true; } };

  // ---- neurons ----
  const neurons = [];   // per column: [{ canvas, ctx, image, domain, label }]
  const layerTitle = (c) => (c === 0 ? t('bp.net.inputs') : c === columns - 1 ? t('bp.net.output') : t('bp.net.hidden', { k: c }));
  let rowsUsed = 0;
  function addNeuron(c, n, domain, label, host) {
    const p = pos(c, n);
    const row = rowsUsed++;
    const bytes = 4 * gridN * gridN;
    // its pixels: a view on the atlas' rows (the lens shows them as they are)
    const image = new ImageData(new Uint8ClampedArray(atlasImage.data.buffer, row * bytes, bytes), gridN, gridN);
    // inside the host's 1 px border, in the canvas' device pixels: D × D of them, scaled from gridN²
    const D = Math.round(S * dpr);
    const item = { image, row, X: Math.round((p.x + 1) * dpr), Y: Math.round((p.y + 1) * dpr), scaled: new ImageData(D, D), domain, label };
    host.classList.add('sn-net-mapped');
    host.dataset.atlasRow = String(row);
    host.style.left = `${p.x}px`;
    host.style.top = `${p.y}px`;
    host.style.width = `${S}px`;
    host.style.height = `${S}px`;
    const enter = () => showLens(item, p);
    const leave = () => hideLens(item);
    host.addEventListener('pointerenter', enter);
    host.addEventListener('pointerleave', leave);
    host.addEventListener('focus', enter);
    host.addEventListener('blur', leave);
    box.append(host);
    return item;
  }

  // ---- headers: the layer count, and each hidden layer's neuron count with + / − ----
  // (before the neurons in the page's order: Tab reaches a layer's buttons above it first, as they are seen)
  const small = (text, label, testid, disabled, fn) => {
    const b = el('button', { type: 'button', className: 'sn-small sn-net-btn', text, 'aria-label': label, title: label, 'data-testid': testid, disabled });
    b.addEventListener('click', fn);
    return b;
  };
  const layersBar = el('div', { className: 'sn-net-layers' },
    small('+', t('bp.net.addLayer'), 'add-layer', hidden.length >= MAX_LAYERS, () => on.layers(+1)),
    small('−', t('bp.net.removeLayer'), 'remove-layer', hidden.length === 0, () => on.layers(-1)),
    el('span', { className: 'sn-explain', text: t('bp.net.layers', { n: hidden.length }), 'data-testid': 'layers-count' }));
  for (let c = 0; c < columns; c++) {
    const head = el('div', { className: 'sn-net-head' });
    head.style.left = `${colX(c) + S / 2}px`;
    if (c > 0 && c < columns - 1) {
      head.append(el('div', { className: 'sn-net-buttons' },
        small('+', t('bp.net.addNeuron', { k: c }), `add-neuron-${c}`, hidden[c - 1] >= MAX_NEURONS, () => on.neurons(c, +1)),
        small('−', t('bp.net.removeNeuron', { k: c }), `remove-neuron-${c}`, hidden[c - 1] <= 1, () => on.neurons(c, -1))));
      head.append(el('div', { className: 'sn-net-count', text: compact ? String(hidden[c - 1]) : t('bp.net.count', { n: hidden[c - 1] }) }));
    } else {
      head.append(el('div', { className: 'sn-net-count', text: layerTitle(c) }));
    }
    box.append(head);
  }
  // inputs: every feature is a toggle; the chosen ones also carry a map and edges
  neurons[0] = [];
  allFeatures.forEach((f, r) => {
    const chosen = features.includes(f);
    const name = t(`bp.feature.${f}`);
    const btn = el('button', {
      type: 'button', className: 'sn-net-node sn-net-input', 'aria-pressed': String(chosen), 'data-testid': `feature-${f}`,
      'aria-label': t(chosen ? 'bp.feature.on' : 'bp.feature.off', { name }), title: t(chosen ? 'bp.feature.on' : 'bp.feature.off', { name }),
    });
    btn.addEventListener('click', () => on.toggleFeature(f));
    const label = el('span', { className: 'sn-net-label sn-mono', text: name, 'aria-hidden': 'true' });
    label.style.top = `${rowY(r) + S / 2 - 9}px`;
    label.style.width = `${labelW - 4}px`;
    box.append(label);
    if (chosen) {
      neurons[0].push(addNeuron(0, features.indexOf(f), featureDomain(f, plane), `${layerTitle(0)}: ${name}`, btn));
    } else {
      btn.style.left = `${colX(0)}px`;
      btn.style.top = `${rowY(r)}px`;
      btn.style.width = `${S}px`;
      btn.style.height = `${S}px`;
      box.append(btn);
    }
  });
  // hidden layers and outputs: focusable images
  for (let c = 1; c < columns; c++) {
    neurons[c] = [];
    const domain = c === columns - 1 ? outputDomain(regression) : ACT_DOMAIN[act];
    for (let n = 0; n < sizes[c]; n++) {
      const label = `${layerTitle(c)}, ${t('bp.net.neuron', { n: n + 1 })}`;
      const host = el('div', { className: 'sn-net-node', tabindex: '0', role: 'img', 'aria-label': label, 'data-testid': `neuron-${c}-${n}` });
      neurons[c].push(addNeuron(c, n, domain, label, host));
    }
  }

  box.append(lens);

  // ---- drawing ----
  /** The new maps into the atlas (one putImageData for all of them). */
  function paintMaps(maps) {
    const columnsData = [maps.inputs.map((d) => ({ data: d, offset: 0 })), ...maps.layers.map((m) => Array.from({ length: m.neurons }, (_, j) => ({ data: m.data, offset: j * m.points })))];
    const points = gridN * gridN;
    for (let c = 0; c < columns; c++) {
      neurons[c].forEach((n, j) => {
        const src = columnsData[c][j];
        paint(n.image.data, src.data, src.offset, points, n.domain);
      });
    }
    actx.putImageData(atlasImage, 0, 0);
    for (const column of neurons) {
      for (const n of column) {
        scaleNearest(n.image, n.scaled);
        mctx.putImageData(n.scaled, n.X, n.Y);
      }
    }
    if (lensOf) lensMap.ctx.putImageData(lensOf.image, 0, 0);
  }

  /** Has an edge moved visibly (or the selection changed) since the edges' canvas was drawn? */
  function edgesMoved(weights) {
    if (!drawn || drawn.selected !== selectedEdge) return true;
    for (let l = 0; l < weights.length; l++) {
      const now = weights[l].data;
      const then = drawn.weights[l];
      for (let k = 0; k < now.length; k++) if (!(Math.abs(now[k] - then[k]) < EDGE_EPS)) return true;
    }
    return false;
  }

  /** The edges' canvas: every weight, then the selected edge's mark. */
  function drawEdges(weights) {
    drawn = { weights: weights.map((w) => w.data), selected: selectedEdge };
    ectx.clearRect(0, 0, W, H);
    ectx.setLineDash([]);
    for (let l = 1; l < columns; l++) {
      const w = weights[l - 1];
      const layer = edges[l];
      for (let k = 0; k < layer.length; k++) {
        const v = w.data[k];
        const g = layer[k];
        const [r, gr, b] = edgeColorOf(v);
        ectx.strokeStyle = `rgb(${r},${gr},${b})`;
        ectx.lineWidth = 1 + 2.24 * Math.min(Math.abs(v), 2.5);   // at least 1 px (TensorFlow Playground's too): w = 0 still shows
        ectx.beginPath();
        ectx.moveTo(g.x1, g.y1);
        ectx.bezierCurveTo(g.mx, g.y1, g.mx, g.y2, g.x2, g.y2);
        ectx.stroke();
      }
    }
    drawSelected();
  }

  /** The edge being edited: a dark dashed line along it. */
  function drawSelected() {
    const sel = selectedEdge && edges[selectedEdge.layer]?.[selectedEdge.i * sizes[selectedEdge.layer] + selectedEdge.j];
    if (sel) {
      ectx.strokeStyle = '#1d1d1f';
      ectx.lineWidth = 1.5;
      ectx.setLineDash([4, 3]);
      ectx.beginPath();
      ectx.moveTo(sel.x1, sel.y1);
      ectx.bezierCurveTo(sel.mx, sel.y1, sel.mx, sel.y2, sel.x2, sel.y2);
      ectx.stroke();
    }
  }

  const tipBox = el('div', { className: 'sn-net-tip sn-mono', hidden: true, role: 'status', 'data-testid': 'edge-tip' });
  box.append(tipBox);

  return {
    element: el('div', { className: 'sn-net-wrap' }, layersBar, box),
    draw(maps, weights) {
      if (maps) paintMaps(maps);
      if (weights) lastWeights = weights;
      if (lastWeights && edgesMoved(lastWeights)) timed('edges', () => drawEdges(lastWeights));
    },
    /** Mark the selected edge (null: none). */
    select(edge) {
      selectedEdge = edge;
      if (lastWeights) drawEdges(lastWeights);
    },
    /** The hover note of an edge at client point (x, y); null hides it. */
    tip(text, x, y) {
      tipBox.hidden = text === null;
      if (text === null) return;
      tipBox.textContent = text;
      const r = box.getBoundingClientRect();
      tipBox.style.left = `${Math.min(W - 160, Math.max(0, x - r.left + 12))}px`;
      tipBox.style.top = `${Math.max(0, y - r.top + 12)}px`;
    },
  };
}

/** The text an edge shows: its weight and the gradient of the loss by it (reg: the regularization's name when its term is in g). */
export const edgeText = (t, edge, w, g, reg = null) => t(reg ? 'bp.edge.tip.reg' : 'bp.edge.tip', { layer: edge.layer, i: edge.i + 1, j: edge.j + 1, w: fmtSig(w, 3), g: fmtSig(g, 3), name: reg });
