// The view of the "real network" example: the core's trace drawn as the same
// kind of graph as the small examples (a node per layer, an edge per matrix,
// forward values above, gradients below), stepped layer by layer, then the
// update W ← W − η·dW with the loss before and after (vol. 2 1.3.6).
import { el, renderTex } from '../../ui.js';
import { SETTINGS } from '../../state.js';
import { drawGraph, FWD, GRAD } from './diagram.js';
import { nodeRule, texValue } from './rules.js';
import { fmtG, transport, legendItem, followRun, arrowSteps } from './dom.js';
import { sliderNumber } from '../gradient/dom.js';

const OPS = { Affine: 'Affine', Sigmoid: 'Sigmoid', Relu: 'Relu', Tanh: 'Tanh', SoftmaxWithLoss: 'SoftmaxWithLoss' };
/** 'Affine1' → 'Affine'; a 1×1 matrix → its number (how the graph examples give scalars). */
const opOf = (layer) => OPS[layer.replace(/\d+$/, '')] ?? layer.replace(/\d+$/, '');
const scalarOr = (m) => (m && typeof m === 'object' && m.rows === 1 && m.cols === 1 ? m.data[0] : m);

/** The trace as graph nodes and edges, with what the step has reached. */
function graphOf(s) {
  const { trace, before, step, layerCount } = s;
  const nodes = [];
  const edges = [];
  const edge = (name, m, value, grad, isInput) => edges.push({ name, rows: m?.rows ?? 1, cols: m?.cols ?? 1, value: scalarOr(value), grad: scalarOr(grad), isInput });
  let prev = 'x';
  edge('x', s.x, s.x, null, true);
  trace.layers.forEach((layer, i) => {
    const op = opOf(layer.layer);
    const k = i + 1;
    const fwdDone = step >= k;
    const bwdDone = step >= 2 * layerCount - i;   // backward reaches layer i at step 2L − i
    const inputs = [prev];
    const out = op === 'Affine' ? `a${(i >> 1) + 1}` : op === 'SoftmaxWithLoss' ? 'L' : `z${(i >> 1) + 1}`;
    // the input edge's gradient is this layer's dx
    const inEdge = edges.find((e) => e.name === prev);
    inEdge.grad = bwdDone ? scalarOr(layer.dx) : inEdge.grad;
    for (const [name, g] of Object.entries(layer.grads ?? {})) {
      inputs.push(name);
      edge(name, before[name], before[name], bwdDone ? g : null, true);
    }
    if (op === 'SoftmaxWithLoss') { inputs.push('t'); edge('t', s.t, s.t, null, true); }
    const outValue = op === 'SoftmaxWithLoss' ? trace.loss : layer.output;
    // the output edge's gradient (dout) arrives when backward reaches this layer
    edge(out, layer.output, fwdDone ? outValue : null, bwdDone ? layer.dout : null, false);
    if (op === 'SoftmaxWithLoss') edges[edges.length - 1].rows = edges[edges.length - 1].cols = 1;
    nodes.push({ name: layer.layer, op, inputs, outputs: [out], forwardDone: fwdDone, backwardDone: bwdDone });
    prev = out;
  });
  return { nodes, edges };
}

export function mountNetworkView(parts, { run, t, setState, state }) {
  const { stage, side, table: updateBox } = parts;
  let snap = run.snapshot();

  const tr = transport(t, {
    reset: () => run.reset(), prev: () => run.prev(), next: () => run.next(),
    play: () => (snap.playing ? run.pause() : run.play()),
  });
  const status = el('p', { class: 'sn-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'graph-status' });
  const diagram = el('div', { class: 'sn-diagram', 'data-testid': 'graph-diagram' });
  const hint = el('p', { class: 'sn-explain sn-scroll-hint', text: t('cg.scrollHint'), hidden: true });
  arrowSteps(diagram, t('cg.keys'), { prev: () => run.prev(), next: () => run.next() });
  const legend = el('div', { class: 'sn-legend sn-explain' }, legendItem(FWD, t('cg.legend.value')), legendItem(GRAD, t('cg.legend.grad')));

  // settings of this example: activation (a new run), η, the seed of the initial weights
  const actSel = el('select', { id: `sn-cg-act-${Math.random().toString(36).slice(2, 7)}`, 'data-key': 'cg_act' });
  for (const a of SETTINGS.cg_act.values) actSel.append(el('option', { value: a, text: a, selected: a === state.cg_act }));
  actSel.addEventListener('change', () => setState({ cg_act: actSel.value, cg_step: 0 }));
  const seedIn = el('input', { type: 'number', min: '0', max: '9999', step: '1', class: 'sn-mono', value: String(state.cg_seed), 'data-key': 'cg_seed', 'aria-label': t('cg.net.seed') });
  seedIn.addEventListener('change', () => { if (Number.isInteger(seedIn.valueAsNumber)) setState({ cg_seed: seedIn.valueAsNumber, cg_step: 0 }); });
  const S = SETTINGS.cg_lr;
  const lr = sliderNumber({
    key: 'cg_lr', label: t('cg.net.lr'), sliderLabel: t('cg.net.lrSlider'), numberLabel: t('cg.net.lrNumber'),
    min: S.min, max: S.max, step: 0.1, value: state.cg_lr,
    toSlider: (v) => Math.log10(v).toFixed(1), fromSlider: (p) => Number((10 ** p).toPrecision(2)),
    onValue: (v) => { setState({ cg_lr: v }); run.setLr(state.cg_lr); },
  });
  const settings = el('div', { class: 'sn-inline-row' },
    el('label', { for: actSel.id, text: t('cg.net.act') }), actSel,
    el('label', { text: t('cg.net.seed') }, ' ', seedIn));
  stage.append(settings, el('div', { class: 'sn-controls sn-measure' }, lr.row), tr.group, status,
    el('figure', { class: 'sn-figure' }, diagram, hint, legend));

  const ruleHead = el('h4', { text: t('cg.rule') });
  const ruleGeneral = el('div', { class: 'sn-formula', 'data-testid': 'rule-general' });
  const ruleNumbers = el('div', { class: 'sn-formula sn-rule-numbers', 'data-testid': 'rule-numbers' });
  const ruleNone = el('p', { class: 'sn-explain', text: t('cg.net.status.start') });
  const ruleCard = el('div', { class: 'sn-rule', 'data-testid': 'rule' }, ruleHead, ruleNone,
    el('div', { class: 'sn-rule-body' }, ruleGeneral, ruleNumbers));
  stage.append(ruleCard);
  const dataBox = el('div', { class: 'sn-formula', 'data-testid': 'net-data' });
  const layerRows = el('tbody');
  const layerTable = el('table', { class: 'sn-table sn-edges', 'data-testid': 'net-layers' },
    el('thead', {}, el('tr', {}, ...['cg.net.layer', 'cg.net.col.out', 'cg.net.col.dout', 'cg.net.col.dx', 'cg.net.col.grads'].map((k) => el('th', { text: t(k) })))),
    layerRows);
  // the data goes with the graph; the update gets the whole width
  stage.append(el('h4', { text: t('cg.net.data') }), dataBox);
  side.hidden = true;
  updateBox.classList.replace('sn-side', 'sn-wide');
  stage.append(el('h4', { text: t('cg.net.layers') }), el('div', { class: 'sn-scroll' }, layerTable));

  const lossLine = el('p', { class: 'sn-status', 'data-testid': 'net-loss' });
  const updates = el('div', { 'data-testid': 'net-update' });
  updateBox.append(el('h4', { text: t('cg.net.update') }), el('p', { class: 'sn-explain', text: t('cg.net.updateNote') }), lossLine, updates);

  function show(s, vertical) {
    snap = s;
    tr.sync({ atStart: s.step === 0, atEnd: s.step >= s.total, playing: s.playing });
    parts.root.dataset.step = String(s.step);
    lr.set(s.lr);
    if (!s.trace) return;
    const cur = s.current;
    const { nodes, edges } = graphOf(s);
    const node = cur && cur.index >= 0 ? nodes[cur.index] : null;
    status.dataset.phase = cur ? cur.phase : 'start';
    status.textContent = !cur ? t('cg.net.status.start') : cur.phase === 'update' ? t('cg.net.status.update')
      : t(`cg.net.status.${cur.phase}`, { k: cur.k, n: s.layerCount, layer: node.name });
    diagram.replaceChildren(drawGraph({
      nodes, edges, current: node ? { index: cur.index, phase: cur.phase } : null, numeric: null, fmt: (v) => fmtG(Number(v.toPrecision(4))), vertical, compact: true,
      label: t('cg.diagram', { name: t('cg.ex.network'), n: nodes.length, step: s.step, total: s.total }),
    }));
    hint.hidden = diagram.scrollWidth <= diagram.clientWidth + 1;
    const E = Object.fromEntries(edges.map((e) => [e.name, e]));
    ruleNone.hidden = !!node;
    ruleGeneral.hidden = !node;
    ruleNumbers.hidden = !node;
    if (node) {
      const r = nodeRule(node, cur.phase, E, (v) => fmtG(Number(v.toPrecision(4))));
      ruleHead.textContent = `${t('cg.rule')}: ${node.name} (${cur.phase === 'forward' ? '→' : '←'})`;
      renderTex(ruleGeneral, r.general);
      renderTex(ruleNumbers, r.numbers);
      ruleCard.dataset.phase = cur.phase;
    } else if (cur?.phase === 'update' && s.update) {
      // the last step: the rule of 1.3.6 and what it did to the loss
      ruleHead.textContent = t('cg.net.update');
      ruleNone.hidden = true;
      ruleGeneral.hidden = false;
      ruleNumbers.hidden = false;
      renderTex(ruleGeneral, '\\mathbf{W} \\leftarrow \\mathbf{W} - \\eta \\, \\frac{\\partial L}{\\partial \\mathbf{W}}');
      renderTex(ruleNumbers, `L: ${fmtG(s.update.loss)} \\;\\rightarrow\\; ${fmtG(s.update.lossAfter)} \\quad (\\eta = ${s.lr})`);
      ruleCard.dataset.phase = 'update';
    } else ruleHead.textContent = t('cg.rule');
    // every layer's numbers so far: its output once forward reached it, dout, dx, dW, db once backward did
    const mat = (m) => {
      if (!m) return '';
      const rows = [];
      for (let i = 0; i < m.rows; i++) rows.push(Array.from(m.data.slice(i * m.cols, (i + 1) * m.cols), (v) => fmtG(Number(v.toPrecision(4))).padStart(8)).join(' '));
      return rows.join('\n');
    };
    layerRows.replaceChildren(...s.trace.layers.map((l, i) => {
      const fwd = s.step > i;
      const bwd = s.step >= 2 * s.layerCount - i;
      const grads = Object.entries(l.grads ?? {}).map(([k, g]) => `${k}\n${mat(g)}`).join('\n');
      return el('tr', { 'data-layer': l.layer, 'aria-current': node && node.name === l.layer ? 'step' : undefined },
        el('th', { class: 'sn-mono', text: l.layer }),
        el('td', { class: 'sn-mono sn-value-fwd sn-pre', text: fwd ? mat(l.output) : '' }),
        el('td', { class: 'sn-mono sn-value-grad sn-pre', 'data-part': 'dout', text: bwd ? mat(l.dout) : '' }),
        el('td', { class: 'sn-mono sn-value-grad sn-pre', 'data-part': 'dx', text: bwd ? mat(l.dx) : '' }),
        el('td', { class: 'sn-mono sn-value-grad sn-pre', 'data-part': 'grads', text: bwd ? grads : '' }));
    }));
    renderTex(dataBox, `\\mathbf{x} = ${texValue(s.x, fmtG)}, \\quad \\mathbf{t} = ${texValue(s.t, fmtG)}`);

    const u = s.update;
    lossLine.hidden = !u;
    updates.hidden = !u;
    if (u) {
      const key = u.lossAfter < u.loss ? 'cg.net.lossDown' : 'cg.net.lossUp';
      lossLine.textContent = t(key, { before: fmtG(u.loss), after: fmtG(u.lossAfter) });
      Object.assign(lossLine.dataset, { before: String(u.loss), after: String(u.lossAfter) });
      const grads = Object.assign({}, ...s.trace.layers.map((l) => l.grads ?? {}));
      const f4 = (v) => fmtG(Number(v.toPrecision(5)));
      updates.replaceChildren(...Object.keys(u.after).map((name) => {
        const box = el('div', { class: 'sn-formula', 'data-param': name });
        renderTex(box, `\\underset{\\text{${t('cg.net.after')}}}{${texValue(u.after[name], f4)}} \\leftarrow \\underset{${name}}{${texValue(s.before[name], f4)}} - ${s.lr} \\cdot \\underset{\\partial L / \\partial ${name}}{${texValue(grads[name], f4)}}`);
        return box;
      }));
    }
  }
  return followRun(diagram, run, { state, setState }, () => snap, show);
}
