// view.js — the forward pass (book 3.3–3.4, 3.6.3).
//
// The book's 2-3-2-2 network with its fixed weights, built by the core
// (sn.bookThreeLayerNetwork). For an editable input X = (x1, x2) the core's
// net.trace() returns A1, Z1, A2, Z2, A3, Y; the panel shows them layer by
// layer with their shapes, spells out the dot products, draws the network as
// an SVG graph and can step through it one layer at a time. A second section
// builds the MNIST-shaped 784-50-100-10 network to show the shapes of a batch.
import { SETTINGS } from '../../state.js';
import { el, controlRow, renderTex, fmt, idMaker, showError } from '../../ui.js';
import { drawNetwork, sub, sup } from './diagram.js';
import { mountBatch } from './batch.js';



// ---- number formats (display only; every value comes from the core) -------
const fmt8 = (v) => fmt(v, 8);
const fmt4 = (v) => fmt(v, 4);
/** An input as the book writes it: 1 → "1.0", 0.5 → "0.5". */
const fmtIn = (v) => (Number.isInteger(v) ? v.toFixed(1) : String(Number(v.toPrecision(7))));
/** A float32 weight without its float noise: 0.10000000149 → "0.1". */
const fmtW = (v) => String(Number(v.toPrecision(6)));
const paren = (s) => (s.startsWith('-') ? `(${s})` : s);
/** numpy-style shape: a single row is 1-D, "(3,)". */
const vecShape = (m) => (m.rows === 1 ? `(${m.cols},)` : `(${m.rows}, ${m.cols})`);
const matShape = (m) => `(${m.rows}, ${m.cols})`;

// What the book prints for its own input X = (1.0, 0.5) (book 3.4.3, NumPy in float64).
const BOOK_X = [1.0, 0.5];
const BOOK_Y = [0.31682708, 0.69627909];

const ACT_TEX = {
  sigmoid: 'h(x) = \\frac{1}{1 + \\exp(-x)}',
  relu: 'h(x) = \\max(0, x)',
  tanh: 'h(x) = \\tanh x',
  identity: '\\sigma(x) = x',
  softmax: '\\sigma(x)_k = \\frac{\\exp(x_k)}{\\sum_i \\exp(x_i)}',
};

export function mountView(root, ctx) {
  const { sn, state, t, embedded } = ctx;
  const id = idMaker('sn-fw');
  let step = 0;            // 0: all layers; k: layer k highlighted
  let vertical = false;
  let frame = 0;
  let last = null;         // the latest model for the diagram

  const net = sn.bookThreeLayerNetwork();
  const spec = net.spec;
  const L = spec.sizes.length - 1;
  const W = [];
  const B = [];
  for (let k = 1; k <= L; k++) {
    W.push(net.param(`W${k}`));
    B.push(net.param(`b${k}`));
  }
  const actOf = (k) => (k === L ? spec.output : spec.hidden);
  const actName = (name) => t(`fw.act.${name}`);
  const layerName = (k) => (k === 0 ? t('fw.layer.input') : k === L ? t('fw.layer.output') : t('fw.layer.hidden', { k }));
  const outName = (k) => (k === L ? 'Y' : `Z${k}`);

  // ---- header --------------------------------------------------------------
  const head = el('div', { className: 'sn-wide' }, el('h2', { text: t('fw.title') }));
  if (!embedded) head.append(el('p', { className: 'sn-explain', text: t('fw.intro') }));

  // ---- left column: input, steps, results -----------------------------------
  const left = el('div');
  const controls = el('div', { className: 'sn-controls' });
  const inputs = {};
  for (const key of ['x1', 'x2']) {
    const s = SETTINGS[key];
    const name = t(`fw.${key}`);
    const controlId = id(key);
    const range = el('input', {
      type: 'range', min: String(s.min), max: String(s.max), step: '0.1',
      'aria-label': t('fw.slider', { name }), 'data-key': key,
    });
    const number = el('input', {
      type: 'number', id: controlId, min: String(s.min), max: String(s.max), step: '0.1',
      'aria-label': t('fw.number', { name }), 'data-key': key, className: 'sn-mono',
    });
    range.value = String(state[key]);
    number.value = fmtIn(state[key]);
    range.addEventListener('input', () => set(key, Number(range.value), { from: range }));
    number.addEventListener('input', () => {
      if (Number.isFinite(number.valueAsNumber)) set(key, number.valueAsNumber, { from: number });
    });
    number.addEventListener('change', () => {
      // an empty or out-of-range field snaps back to the value in use
      number.value = fmtIn(state[key]);
    });
    controls.append(controlRow(name, controlId, range, number));
    inputs[key] = { range, number };
  }

  const prev = el('button', { type: 'button', 'data-action': 'prev', text: t('fw.step.prev') });
  const next = el('button', { type: 'button', 'data-action': 'next', text: t('fw.step.next') });
  const all = el('button', { type: 'button', 'data-action': 'all', text: t('fw.step.all') });
  const stepButtons = el('div', { className: 'sn-buttons', role: 'group', 'aria-label': t('fw.step.group') }, prev, next, all);
  const status = el('p', { className: 'sn-explain', role: 'status', 'aria-live': 'polite', 'data-testid': 'step-status' });
  prev.addEventListener('click', () => setStep(step - 1));
  next.addEventListener('click', () => setStep(step + 1));
  all.addEventListener('click', () => setStep(0));

  const error = el('p', { className: 'sn-error', role: 'alert' });
  error.hidden = true;

  // a layer's box, in the results and in the detail: a grey bar on the left
  // that showStep() turns yellow while the step is at that layer
  const layerBox = (k, padding, margin) => el('div', {
    'data-layer': String(k), className: 'sn-layer', style: { padding, margin },
  });

  // the results, one group per layer: A_k, then Z_k (or Y)
  const results = el('div', { 'data-testid': 'results' });
  const xLine = el('div', { className: 'sn-mono' });
  xLine.classList.add('sn-gap');
  results.append(xLine);
  const groups = [];
  for (let k = 1; k <= L; k++) {
    const g = layerBox(k, '0.2rem 0.5rem', '0.4rem 0');
    const rows = {};
    for (const name of [`A${k}`, outName(k)]) {
      const line = el('div');
      const formula = el('span');
      const shape = el('span', { className: 'sn-explain' });
      shape.classList.add('sn-aside');
      const value = el('div', { className: 'sn-mono', 'data-testid': name });
      value.classList.add('sn-wrap');
      line.append(formula, shape, value);
      g.append(line);
      rows[name] = { formula, shape, value };
    }
    results.append(g);
    groups.push({ g, rows });
  }
  left.append(
    el('h3', { text: t('fw.input') }), controls,
    el('h3', { text: t('fw.step.title') }), stepButtons, status, error,
    el('h3', { text: t('fw.results') }), results,
  );
  // the book's printout beside ours, for the book's input only
  const bookY = el('p', { className: 'sn-explain sn-mono', 'data-testid': 'book-y', hidden: true });
  results.append(bookY);
  if (!embedded) left.append(el('p', { className: 'sn-explain', text: t('fw.float32') }));

  // ---- right column: the diagram ---------------------------------------------
  const figure = el('figure', { className: 'sn-plot' });
  figure.classList.add('sn-tight');
  const diagram = el('div', { 'data-testid': 'diagram' });
  const legend = el('figcaption', { className: 'sn-explain', text: t('fw.diagram.legend') });
  figure.append(diagram, legend);

  // ---- below: the calculation in detail ----------------------------------------
  // embedded in a tutorial page, the long parts fold away (a native <details>)
  const detail = embedded ? el('details', { className: 'sn-wide' })
    : el('section', { className: 'sn-wide', 'aria-labelledby': id('detail') });
  detail.append(embedded ? el('summary', { text: t('fw.detail.title') })
    : el('h3', { id: id('detail'), text: t('fw.detail.title') }));
  const details = [];
  for (let k = 1; k <= L; k++) {
    const block = layerBox(k, '0 0.75rem', '0.75rem 0');
    const title = el('h4', {
      text: t('fw.layer.head', { k, from: layerName(k - 1), to: layerName(k), act: actName(actOf(k)) }),
    });
    title.classList.add('sn-line');
    const general = el('div', { className: 'sn-formula' });
    const src = k === 1 ? '\\mathbf{X}' : `\\mathbf{Z}^{(${k - 1})}`;
    const act = actOf(k);
    const out = k === L ? '\\mathbf{Y} = \\sigma' : `\\mathbf{Z}^{(${k})} = h`;
    renderTex(general, `\\begin{gathered} \\mathbf{A}^{(${k})} = ${src}\\mathbf{W}^{(${k})} + \\mathbf{B}^{(${k})} \\\\ ${out}(\\mathbf{A}^{(${k})})`
      + (ACT_TEX[act] ? ` \\\\ ${ACT_TEX[act]}` : '') + ' \\end{gathered}');
    const neurons = el('div', { className: 'sn-formula', 'data-testid': `spelled-${k}` });
    const matrix = el('div', { className: 'sn-formula', 'data-testid': `matrix-${k}` });
    const shape = el('p', { className: 'sn-mono', 'data-testid': `shape-${k}` });
    shape.classList.add('sn-line');
    block.append(title, general, shape,
      el('div', { className: 'sn-explain', text: t('fw.detail.neurons') }), neurons);
    if (k === 1) block.append(el('p', { className: 'sn-explain', text: t('fw.notation') }));
    block.append(el('div', { className: 'sn-explain', text: t('fw.detail.matrix') }), matrix);
    detail.append(block);
    details.push({ block, neurons, matrix, shape });
  }

  // ---- below: why --------------------------------------------------------------
  const explain = el('section', { className: 'sn-wide' },
    el('h3', { text: t('fw.explain.title') }),
    el('p', { className: 'sn-explain', text: t('fw.explain.shapes') }),
    el('p', { className: 'sn-explain', text: t('fw.explain.identity') }));

  root.append(head, left, figure, detail);
  const batch = mountBatch(root, { sn, t, embedded, id });
  if (!embedded) root.append(explain);

  // ---- behaviour -------------------------------------------------------------------
  function set(key, value, { from } = {}) {
    const s = SETTINGS[key];
    const v = Math.min(s.max, Math.max(s.min, value));
    ctx.setState({ [key]: v });
    const { range, number } = inputs[key];
    if (from !== range) range.value = String(state[key]);
    if (from !== number) number.value = fmtIn(state[key]);
    update();
  }

  function setStep(k) {
    step = Math.min(L, Math.max(0, k));
    showStep();
    drawDiagram();
  }

  function showStep() {
    prev.setAttribute('aria-disabled', String(step === 0));
    next.setAttribute('aria-disabled', String(step === L));
    all.setAttribute('aria-pressed', String(step === 0));
    root.dataset.step = String(step);
    status.textContent = step === 0
      ? t('fw.step.statusAll')
      : t('fw.step.status', { k: step, n: L, from: layerName(step - 1), to: layerName(step) });
    for (const [i, box] of [...groups.map((x) => x.g), ...details.map((x) => x.block)].entries()) {
      const k = (i % L) + 1;
      const on = step === k;
      box.classList.toggle('sn-layer-on', on);
      if (on) box.setAttribute('aria-current', 'step');
      else box.removeAttribute('aria-current');
    }
  }

  function update() {
    const x = [state.x1, state.x2];
    let trace;
    try {
      trace = net.trace(x);
      error.hidden = true;
    } catch (e) {
      showError(error, e, t('fw.error.prefix'));
      error.hidden = false;
      return;
    }
    // group the trace by layer: the k-th Affine gives A_k, what follows it Z_k (or Y)
    const A = [];
    const Z = [];
    for (const s of trace) {
      if (s.kind === 'A') { A.push(s); Z.push(null); } else Z[Z.length - 1] = s;
    }
    const X = { rows: 1, cols: x.length, data: x };
    bookY.hidden = x.some((v, i) => v !== BOOK_X[i]);
    if (!bookY.hidden) {
      const y = Z[Z.length - 1].data;
      bookY.textContent = t('fw.book.y', { book: BOOK_Y.map(fmt8).join(', '), ours: Array.from(y, fmt8).join(', ') });
    }
    xLine.textContent = `X = (${x.map(fmtIn).join(', ')})  ${vecShape(X)}`;

    for (let k = 1; k <= L; k++) {
      const a = A[k - 1];
      const z = Z[k - 1];
      const input = k === 1 ? X : Z[k - 2];
      const inName = k === 1 ? 'X' : `Z${k - 1}`;
      const w = W[k - 1];
      const b = B[k - 1];
      const { rows } = groups[k - 1];
      const ok = input.cols === w.rows;
      const matchText = ok ? `✓ ${t('fw.match', { n: w.rows })}` : t('fw.mismatch', { a: input.cols, b: w.rows });
      rows[`A${k}`].formula.textContent = `A${k} = ${inName}·W${k} + B${k}`;
      rows[`A${k}`].shape.textContent = `${vecShape(input)} · ${matShape(w)} + ${vecShape(b)} → ${vecShape(a)}  (${matchText})`;
      rows[`A${k}`].value.textContent = Array.from(a.data, fmt8).join(', ');
      const on = outName(k);
      rows[on].formula.textContent = `${on} = ${actOf(k)}(A${k})`;
      rows[on].shape.textContent = `${vecShape(a)} → ${vecShape(z)}`;
      rows[on].value.textContent = Array.from(z.data, fmt8).join(', ');

      // the detail: shapes, every neuron's dot product, the matrix form
      const d = details[k - 1];
      d.shape.textContent = `${t('fw.shape')}: ${inName} ${vecShape(input)} · W${k} ${matShape(w)} + B${k} ${vecShape(b)} → A${k} ${vecShape(a)}  —  ${matchText}`;
      const inSym = (i) => (k === 1 ? `x_{${i}}` : `z_{${i}}^{(${k - 1})}`);
      const inVal = (i) => (k === 1 ? fmtIn(x[i]) : fmt8(input.data[i]));
      const outSym = k === L ? 'y' : 'z';
      const fn = k === L ? '\\sigma' : 'h';
      const lines = [];
      for (let j = 0; j < w.cols; j++) {
        const sym = [];
        const num = [];
        for (let i = 0; i < w.rows; i++) {
          sym.push(`w_{${j + 1}${i + 1}}^{(${k})} ${inSym(i + 1)}`);
          num.push(`${paren(fmtW(w.data[i * w.cols + j]))} \\cdot ${paren(inVal(i))}`);
        }
        sym.push(`b_{${j + 1}}^{(${k})}`);
        num.push(paren(fmtW(b.data[j])));
        lines.push(`a_{${j + 1}}^{(${k})} &= ${sym.join(' + ')} \\\\`
          + ` &= ${num.join(' + ')} = ${fmt8(a.data[j])} \\\\`
          + ` ${outSym}_{${j + 1}}${k === L ? '' : `^{(${k})}`} &= ${fn}(a_{${j + 1}}^{(${k})}) = ${fmt8(z.data[j])}`);
      }
      renderTex(d.neurons, `\\begin{aligned} ${lines.join(' \\\\[6pt] ')} \\end{aligned}`);
      const row = (vals) => `\\begin{pmatrix} ${vals.join(' & ')} \\end{pmatrix}`;
      const mat = [];
      for (let i = 0; i < w.rows; i++) mat.push(Array.from(w.data.slice(i * w.cols, (i + 1) * w.cols), fmtW).join(' & '));
      const inRow = k === 1 ? x.map(fmtIn) : Array.from(input.data, fmt8);
      const under = (shape, body) => `\\underset{${shape}}{${body}}`;
      renderTex(d.matrix, `${under(vecShape(input), row(inRow))}`
        + ` ${under(matShape(w), `\\begin{pmatrix} ${mat.join(' \\\\ ')} \\end{pmatrix}`)}`
        + ` + ${under(vecShape(b), row(Array.from(b.data, fmtW)))}`
        + ` = ${under(vecShape(a), row(Array.from(a.data, fmt8)))}`);
    }

    // the diagram's model
    const y = Z[L - 1];
    const columns = [{
      title: layerName(0), subtitle: 'X',
      nodes: x.map((v, i) => ({ top: `x${sub(i + 1)}`, bottom: fmtIn(v), title: `x${sub(i + 1)} = ${fmtIn(v)}` })),
    }];
    for (let k = 1; k <= L; k++) {
      const out = k === L ? 'y' : 'z';
      columns.push({
        title: layerName(k), subtitle: actName(actOf(k)),
        nodes: Array.from(A[k - 1].data, (av, j) => {
          const zv = Z[k - 1].data[j];
          const name = (s) => `${s}${sub(j + 1)}${k === L && s === 'y' ? '' : sup(k)}`;
          return {
            top: `a ${fmt4(av)}`, bottom: `${out} ${fmt4(zv)}`,
            title: `${name('a')} = ${fmt8(av)}, ${name(out)} = ${fmt8(zv)}`,
          };
        }),
      });
    }
    last = {
      columns, weights: W, biases: B, formatWeight: fmtW,
      label: t('fw.diagram.label', { x1: fmtIn(x[0]), x2: fmtIn(x[1]), y1: fmt8(y.data[0]), y2: fmt8(y.data[1]) }),
    };
    drawDiagram();
  }

  function drawDiagram() {
    if (!last) return;
    diagram.replaceChildren(drawNetwork({ ...last, step, vertical }));
  }

  // narrow containers get the network top-to-bottom, so the text stays readable
  const measure = () => {
    const w = diagram.clientWidth;
    const v = w > 0 && w < 520;
    if (v !== vertical) { vertical = v; drawDiagram(); }
  };
  const observer = typeof ResizeObserver === 'function'
    ? new ResizeObserver(() => { cancelAnimationFrame(frame); frame = requestAnimationFrame(measure); })
    : null;
  observer?.observe(diagram);

  measure();
  update();
  showStep();

  return {
    destroy() {
      observer?.disconnect();
      cancelAnimationFrame(frame);
      batch.destroy();
      net.delete();
    },
  };
}
