// The view of a graph example: the transport (reset, step back, step, play),
// the SVG graph, the current node's rule with the numbers put in, the
// editable inputs, and every edge in a table with backprop's gradient beside
// the core's central difference once "check numerically" is pressed.
import { el, renderTex } from '../../ui.js';
import { drawGraph, FWD, GRAD, NUM } from './diagram.js';
import { nodeRule } from './rules.js';
import { fmtG, transport, legendItem, followRun, arrowSteps } from './dom.js';

export function mountGraphView(parts, { run, t, setState, state }) {
  const { stage, side, table: tableBox } = parts;
  let snap = run.snapshot();

  // ---- transport ------------------------------------------------------------
  const tr = transport(t, {
    reset: () => run.reset(), prev: () => run.prev(), next: () => run.next(),
    play: () => (snap.playing ? run.pause() : run.play()),
  });
  const check = el('button', { type: 'button', class: 'sn-check', 'data-action': 'check', text: `≈ ${t('cg.check')}` });
  check.addEventListener('click', () => run.check());
  tr.group.append(check);
  const status = el('p', { class: 'sn-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'graph-status' });
  const diagram = el('div', { class: 'sn-diagram', 'data-testid': 'graph-diagram' });
  const hint = el('p', { class: 'sn-explain sn-scroll-hint', text: t('cg.scrollHint'), hidden: true });
  arrowSteps(diagram, t('cg.keys'), { prev: () => run.prev(), next: () => run.next() });
  const legend = el('div', { class: 'sn-legend sn-explain' },
    legendItem(FWD, t('cg.legend.value')), legendItem(GRAD, t('cg.legend.grad')), legendItem(NUM, t('cg.legend.numeric')));

  // ---- the current node's rule ---------------------------------------------------
  const ruleHead = el('h4', { text: t('cg.rule') });
  const ruleGeneral = el('div', { class: 'sn-formula', 'data-testid': 'rule-general' });
  const ruleNumbers = el('div', { class: 'sn-formula sn-rule-numbers', 'data-testid': 'rule-numbers' });
  const ruleNone = el('p', { class: 'sn-explain', text: t('cg.rule.none') });
  const ruleCard = el('div', { class: 'sn-rule', 'data-testid': 'rule' }, ruleHead, ruleNone,
    el('div', { class: 'sn-rule-body' }, ruleGeneral, ruleNumbers));
  stage.append(tr.group, status, el('figure', { class: 'sn-figure' }, diagram, hint, legend), ruleCard);

  // ---- inputs ------------------------------------------------------------------
  const inputsBox = el('div', { class: 'sn-graph-inputs' });
  const resetInputs = el('button', { type: 'button', 'data-action': 'book-inputs', text: t('cg.inputs.reset') });
  resetInputs.addEventListener('click', () => { run.resetInputs(); setState({ cg_in: [] }); });
  side.append(el('h4', { text: t('cg.inputs') }), inputsBox, resetInputs);

  function commitInputs() { setState({ cg_in: run.inputList() }); }

  const inputFields = {};
  for (const name of snap.inputNames) {
    const e = snap.edges.find((x) => x.name === name);
    const wrap = el('div', { class: 'sn-input-edge', 'data-input': name });
    wrap.append(el('span', { class: 'sn-mono sn-input-name', text: e.rows * e.cols > 1 ? `${name} (${e.rows}×${e.cols})` : name }));
    const grid = el('div', { class: 'sn-matrix-input', style: { gridTemplateColumns: e.rows * e.cols > 1 ? `repeat(${e.cols}, minmax(3.2rem, 4.6rem))` : '6rem' } });
    const cells = [];
    for (let i = 0; i < e.rows; i++) {
      for (let j = 0; j < e.cols; j++) {
        const label = e.rows * e.cols > 1 ? t('cg.input.cell', { name, i, j }) : t('cg.input.label', { name });
        const input = el('input', { type: 'number', step: 'any', class: 'sn-mono', 'aria-label': label, 'data-edge': name, 'data-cell': `${i},${j}` });
        input.addEventListener('change', () => {
          if (!Number.isFinite(input.valueAsNumber)) { show(run.snapshot()); return; }
          const cur = run.snapshot().edges.find((x) => x.name === name).value;
          if (typeof cur === 'number') run.setInput(name, input.valueAsNumber);
          else {
            const data = Float64Array.from(cur.data);
            data[i * e.cols + j] = input.valueAsNumber;
            run.setInput(name, { rows: e.rows, cols: e.cols, data });
          }
          commitInputs();
        });
        cells.push(input);
        grid.append(input);
      }
    }
    wrap.append(grid);
    inputsBox.append(wrap);
    inputFields[name] = cells;
  }

  // ---- the edge table ------------------------------------------------------------
  const tbody = el('tbody');
  const table = el('table', { class: 'sn-table sn-edges', 'data-testid': 'edge-table' },
    el('thead', {}, el('tr', {}, ...['cg.col.edge', 'cg.col.shape', 'cg.col.value', 'cg.col.grad', 'cg.col.numeric'].map((k) => el('th', { text: t(k) })))),
    tbody);
  tableBox.append(el('h4', { text: t('cg.edges') }), el('div', { class: 'sn-scroll' }, table),
    el('p', { class: 'sn-explain', text: t('cg.check.note') }));

  const cellText = (m) => {
    if (m === null || m === undefined) return '—';
    if (typeof m === 'number') return fmtG(m);
    // one line per row, the numbers in columns
    const rows = [];
    for (let i = 0; i < m.rows; i++) rows.push(Array.from(m.data.slice(i * m.cols, (i + 1) * m.cols), (v) => fmtG(v).padStart(11)).join(''));
    return rows.join('\n');
  };

  let vertical = false;  // the last layout followRun asked for (top to bottom on a phone)
  function show(s, v = vertical) {
    vertical = v;
    snap = s;
    tr.sync({ atStart: s.step === 0, atEnd: s.step >= s.total, playing: s.playing });
    parts.root.dataset.step = String(s.step);
    const cur = s.current;
    const node = cur ? s.nodes[cur.index] : null;
    status.textContent = !cur ? t('cg.status.start')
      : cur.phase === 'backward' && s.step >= s.total ? `${t('cg.status.backward', { k: cur.k, n: s.nodeCount, node: node.name, op: node.op })} — ${t('cg.status.done')}`
        : t(`cg.status.${cur.phase}`, { k: cur.k, n: s.nodeCount, node: node.name, op: node.op });
    status.dataset.phase = cur ? cur.phase : 'start';
    diagram.replaceChildren(drawGraph({
      nodes: s.nodes, edges: s.edges, current: cur, numeric: s.numeric, fmt: fmtG, vertical,
      label: t('cg.diagram', { name: t(`cg.ex.${s.example}`), n: s.nodes.length, step: s.step, total: s.total }),
    }));
    hint.hidden = diagram.scrollWidth <= diagram.clientWidth + 1;

    const E = Object.fromEntries(s.edges.map((e) => [e.name, e]));
    ruleNone.hidden = !!node;
    ruleGeneral.hidden = !node;
    ruleNumbers.hidden = !node;
    if (node) {
      const r = nodeRule(node, cur.phase, E, (v) => fmtG(Number(v.toPrecision(5))));
      ruleHead.textContent = `${t('cg.rule')}: ${node.name} (${node.op}, ${cur.phase === 'forward' ? '→' : '←'})`;
      renderTex(ruleGeneral, r.general);
      renderTex(ruleNumbers, r.numbers);
      ruleCard.dataset.phase = cur.phase;
    } else ruleHead.textContent = t('cg.rule');

    for (const [name, cells] of Object.entries(inputFields)) {
      const v = E[name].value;
      cells.forEach((c, k) => {
        if (document.activeElement === c) return;
        c.value = String(typeof v === 'number' ? v : v.data[k]);
      });
    }

    tbody.replaceChildren(...s.edges.map((e) => {
      const num = s.numeric?.[e.name];
      const constant = e.isInput && e.differentiable === false;   // the labels t: no gradient flows to them
      return el('tr', { 'data-edge': e.name, class: e.isInput ? 'sn-input-row' : '' },
        el('th', { class: 'sn-mono', text: e.name }),
        el('td', { class: 'sn-mono', text: `${e.rows}×${e.cols}` }),
        el('td', { class: 'sn-mono sn-value-fwd sn-pre', 'data-part': 'value', text: cellText(e.value) }),
        el('td', { class: 'sn-mono sn-value-grad sn-pre', 'data-part': 'grad', text: cellText(e.grad) }),
        el('td', { class: `sn-mono sn-value-num${constant ? '' : ' sn-pre'}`, 'data-part': 'numeric', text: constant ? t('cg.constant') : num === undefined ? '' : cellText(num) }));
    }));
  }

  return followRun(diagram, run, { state, setState }, () => snap, show);
}
