// batch.js — batch processing (book 3.6.3 "배치 처리"): the MNIST-shaped
// network 784-50-100-10 in the core, one image vs. a batch of 100, and the
// shape of every array read back from the core (params and trace).
import { el, renderTex, showError } from '../../ui.js';

const SPEC = { sizes: [784, 50, 100, 10], hidden: 'sigmoid', output: 'softmax', init: 'std' };
const MODES = [1, 100];

/** Shape text as in the book: a single image is 1-D ("784"), a batch is "100×784". */
const shapeText = (rows, cols, batch) => (batch ? `${rows}×${cols}` : `${cols}`);
const shapeTex = (rows, cols, batch) => (batch ? `${rows}\\times${cols}` : `${cols}`);

export function mountBatch(root, { sn, t, embedded, id }) {
  let net = null;
  let rows = 100;
  // embedded in a tutorial page the section folds away (a native <details>)
  const section = embedded ? el('details', { className: 'sn-wide' })
    : el('section', { className: 'sn-wide', 'aria-labelledby': id('batch') });
  const title = embedded ? el('summary', { text: t('fw.batch.title') })
    : el('h3', { id: id('batch'), text: t('fw.batch.title') });
  const intro = el('p', { className: 'sn-explain', text: t('fw.batch.intro') });
  const buttons = el('div', { className: 'sn-buttons', role: 'group', 'aria-label': t('fw.batch.mode') });
  const modeButtons = MODES.map((n) => {
    const b = el('button', { type: 'button', 'data-rows': String(n), text: t(n === 1 ? 'fw.batch.one' : 'fw.batch.hundred') });
    b.addEventListener('click', () => { rows = n; render(); });
    buttons.append(b);
    return b;
  });
  const formula = el('div', { className: 'sn-formula' });
  const tableWrap = el('div');
  tableWrap.classList.add('sn-scroll');
  const traceLine = el('p', { className: 'sn-explain sn-mono', 'data-testid': 'batch-trace' });
  const note = el('p', { className: 'sn-explain' });
  const error = el('p', { className: 'sn-error', role: 'alert' });
  error.hidden = true;
  section.append(title);
  if (!embedded) section.append(intro);
  section.append(buttons, formula, tableWrap, traceLine, note, error);
  root.append(section);

  function render() {
    for (const b of modeButtons) b.setAttribute('aria-pressed', String(Number(b.dataset.rows) === rows));
    error.hidden = true;
    try {
      net ??= sn.network(SPEC, { seed: 42 });
      const inputs = net.inputSize;
      const trace = net.trace(new Float32Array(rows * inputs), rows);
      const batch = rows > 1;
      const Ws = net.paramNames().filter((n) => n.startsWith('W')).map((name) => ({ name, ...net.param(name) }));
      const out = trace[trace.length - 1];
      // The chain X · W1 · W2 · W3 → Y; what W_k multiplies is the previous layer's output.
      const affine = trace.filter((s) => s.kind === 'A');
      const arrays = [{ name: 'X', rows, cols: inputs, batch }];
      Ws.forEach((W, k) => {
        const leftCols = k === 0 ? inputs : affine[k - 1].cols;
        arrays.push({ name: W.name, rows: W.rows, cols: W.cols, batch: true, left: leftCols });
      });
      arrays.push({ name: 'Y', rows: out.rows, cols: out.cols, batch, isOutput: true });

      const table = el('table', { 'data-testid': 'batch-shapes', 'data-rows': String(rows) });
      table.append(el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: t('fw.batch.array') }),
        el('th', { scope: 'col', text: t('fw.batch.shapeCol') }),
        el('th', { scope: 'col', text: t('fw.batch.inner') }))));
      const body = el('tbody');
      for (const a of arrays) {
        const shape = shapeText(a.rows, a.cols, a.batch);
        const tr = el('tr', { 'data-name': a.name, 'data-shape': shape });
        const check = el('td');
        check.classList.add('sn-left');
        if (a.left !== undefined) {
          const ok = a.left === a.rows;
          check.className = ok ? 'sn-right' : 'sn-wrong';
          check.textContent = ok ? `✓ ${t('fw.match', { n: a.rows })}` : t('fw.mismatch', { a: a.left, b: a.rows });
          check.dataset.match = String(ok);
        } else if (a.isOutput && batch) {
          check.textContent = t('fw.batch.rows', { n: a.rows });
        } else {
          check.textContent = '—';
        }
        const name = el('th', { scope: 'row', text: a.name });
        name.classList.add('sn-left');
        tr.append(name, el('td', { className: 'sn-mono', text: shape }), check);
        body.append(tr);
      }
      table.append(body);
      tableWrap.replaceChildren(table);

      const tex = arrays.slice(0, -1)
        .map((a) => `\\underset{${shapeTex(a.rows, a.cols, a.batch)}}{${a.name === 'X' ? 'X' : `W^{(${a.name.slice(1)})}`}}`)
        .join(' \\cdot ');
      renderTex(formula, `${tex} \\;\\rightarrow\\; \\underset{${shapeTex(out.rows, out.cols, batch)}}{Y}`);
      traceLine.textContent = t('fw.batch.trace', {
        list: trace.map((s) => `${s.kind === 'Y' ? 'Y' : `${s.kind}${layerIndex(trace, s)}`} ${s.rows}×${s.cols}`).join(', '),
      });
      note.textContent = t(batch ? 'fw.batch.note100' : 'fw.batch.note1');
    } catch (e) {
      showError(error, e, t('fw.error.prefix'));
      error.hidden = false;
    }
  }
  render();

  return {
    destroy() { net?.delete(); net = null; },
  };
}

// the layer an intermediate belongs to: A_k is the k-th Affine, Z_k follows it
function layerIndex(trace, s) {
  let k = 0;
  for (const x of trace) {
    if (x.kind === 'A') k++;
    if (x === s) return k;
  }
  return k;
}
