// plots.js — the output over the input plane (the big map beside the network), its
// data points and its colour legend. The map is the output layer's neuron map from the
// core (40 × 40, scaled up smoothly); the points are SVG circles on top, each with a
// white ring inside a dark one so it stays visible on a region of its own colour.
import { el, svgEl, fmtTrim } from '../../ui.js';
import { paint, paintClasses, CLASS_CSS, colorOf, NEG_CSS, POS_CSS, EDGE_MID_CSS } from './colors.js';

/**
 * opts = { t, gridN, plane: { from, to }, size (CSS px), classes, regression, points, showTest, domain }
 * → { element, draw(outputMap) } where outputMap is net.neuronMaps' last entry.
 */
export function outputMap({ t, gridN, plane, size, classes, regression, points, showTest, domain }) {
  const wrap = el('div', { className: 'sn-out', 'data-testid': 'heatmap' });
  wrap.style.width = `${size}px`;
  wrap.style.height = `${size}px`;
  const canvas = el('canvas', { width: gridN, height: gridN, className: 'sn-out-map', role: 'img', 'aria-label': t('bp.heatmap.aria'), 'data-testid': 'output-map' });
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(gridN, gridN);
  const span = plane.to - plane.from;
  // plane coordinates in the viewBox: x1 to the right, x2 up
  const svg = svgEl('svg', { viewBox: `${plane.from} ${-plane.to} ${span} ${span}`, class: 'sn-out-dots', 'aria-hidden': 'true' });
  const r = span / (points.length <= 4 ? 30 : 75);   // the XOR gate's four points are drawn larger
  const fill = (p) => (regression ? `rgb(${colorOf(p.target, domain).join(',')})` : CLASS_CSS[p.label]);
  // each point: a dark halo, then its colour inside a white ring (a test point: a dark ring), so a
  // point stays visible on a region painted in its own colour at full confidence
  const halos = svgEl('g', { class: 'sn-dot-halos' });
  const dots = svgEl('g', { class: 'sn-dots' });
  for (const p of points) {
    if (p.test && !showTest) continue;
    halos.append(svgEl('circle', { cx: p.x, cy: -p.y, r: r * 1.4, fill: p.test ? '#fff' : '#111' }));
    dots.append(svgEl('circle', {
      cx: p.x, cy: -p.y, r, fill: fill(p), stroke: p.test ? '#111' : '#fff', 'stroke-width': r * 0.4,
      class: p.test ? 'sn-dot sn-dot-test' : 'sn-dot', 'data-label': p.label ?? '',
    }));
  }
  svg.append(halos, dots);
  wrap.append(canvas, svg);

  return {
    element: wrap,
    draw(out) {
      if (!out) return;
      const n = gridN * gridN;
      if (!regression && classes > 2) paintClasses(image.data, out.data, n, classes);
      // two classes: P(class 1) (the second softmax output); one output (regression, the XOR gate): itself
      else paint(image.data, out.data, classes === 1 ? 0 : n, n, domain);
      ctx.putImageData(image, 0, 0);
    },
  };
}

/** The edges' own key: same ends, a grey middle (colors.js edgeColorOf), so w ≈ 0 stays visible. */
function edgeKey(t) {
  const bar = el('div', { className: 'sn-scale-bar sn-scale-edges', 'data-testid': 'edge-legend' });
  bar.style.background = `linear-gradient(to right, ${NEG_CSS}, ${EDGE_MID_CSS}, ${POS_CSS})`;
  const ticks = el('div', { className: 'sn-scale-ticks' });
  for (const v of ['−1', '0', '1']) ticks.append(el('span', { className: 'sn-scale-tick sn-mono', text: `w ${v}` }));
  return el('div', { className: 'sn-scale-edge-key' }, el('div', { className: 'sn-explain sn-tight', text: t('bp.legend.edges') }), bar, ticks);
}

/**
 * The colour legend: the scale's bar with its ticks as text below it, inside the
 * legend's own box (a tick at the edge is never cut: the old Plot legend's "0" read ".0").
 */
export function legend({ t, classes, regression, gate = false, domain }) {
  const box = el('div', { className: 'sn-scale', 'data-testid': 'legend' });
  if (!regression && classes > 2) {
    for (let k = 0; k < classes; k++) {
      const sw = el('span', { className: 'sn-scale-swatch' });
      sw.style.background = CLASS_CSS[k];
      box.append(el('span', { className: 'sn-scale-class' }, sw, t('bp.legend.class', { k })));
    }
    box.append(edgeKey(t));
    return box;
  }
  const bar = el('div', { className: 'sn-scale-bar' });
  bar.style.background = `linear-gradient(to right, ${NEG_CSS}, #fff, ${POS_CSS})`;
  const [lo, hi] = domain;
  const ticks = el('div', { className: 'sn-scale-ticks' });
  for (const v of [lo, (lo + hi) / 2, hi]) ticks.append(el('span', { className: 'sn-scale-tick sn-mono', text: fmtTrim(v, 2).replace('-', '−'), 'data-value': String(v) }));
  box.append(el('div', { className: 'sn-explain sn-tight', text: t(gate ? 'bp.legend.gate' : regression ? 'bp.legend.output' : 'bp.legend.prob') }), bar, ticks);
  box.append(edgeKey(t));
  return box;
}
