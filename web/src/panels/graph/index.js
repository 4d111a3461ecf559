// Computational graph (book 5.1–5.7: the apple graphs, the chain rule, the
// layers; vol. 2 1.3.3–1.3.6: branch, Repeat, Sum, MatMul, Sigmoid, Affine,
// Softmax-with-Loss, a weight update; issue 10 §2). A run/view panel
// (agreement B). The runs own the core objects: sn.graph(example) stepped one
// node at a time (run.js), or a network traced by net.traceBackward and
// updated by the core's Trainer (network-run.js). The views draw.
import { el } from '../../ui.js';
import { SETTINGS } from '../../state.js';
import { errorMessage } from '../../i18n.js';
import { strings } from './strings.js';
import { createGraphRun } from './run.js';
import { createNetworkRun } from './network-run.js';
import { mountGraphView } from './view.js';
import { mountNetworkView } from './network-view.js';

export { strings };

const GROUPS = [
  ['book', ['apple', 'apple_orange', 'chain']],
  ['nodes', ['branch', 'repeat', 'sum', 'matmul']],
  ['layers', ['sigmoid', 'affine', 'softmax_with_loss']],
  ['net', ['network']],
];

export function createRun({ sn, state }) {
  return state.cg_ex === 'network' ? createNetworkRun({ sn, state }) : createGraphRun({ sn, state });
}

/** A new example (or, for the network, a new activation or seed) needs a new run; steps, inputs and η do not. */
export function runKey(state) {
  return state.cg_ex === 'network' ? `network|${state.cg_act}|${state.cg_seed}` : state.cg_ex;
}

export function mountView(root, ctx) {
  const { run, t, embedded, state, setState } = ctx;
  const head = el('div', { class: 'sn-wide' }, el('h2', { text: t('cg.title') }));
  if (!embedded) head.append(el('p', { class: 'sn-explain sn-lead', text: t('cg.intro') }));

  // the examples, in the book's order, as groups of toggle buttons
  const chooser = el('nav', { class: 'sn-wide sn-examples', 'aria-label': t('cg.examples') });
  for (const [group, names] of GROUPS) {
    const buttons = names.filter((n) => SETTINGS.cg_ex.values.includes(n)).map((name) => {
      const b = el('button', { type: 'button', class: 'sn-chip', 'data-example': name, 'aria-pressed': String(name === state.cg_ex), text: t(`cg.ex.${name}`) });
      b.addEventListener('click', () => {
        if (name !== state.cg_ex) setState({ cg_ex: name, cg_step: 0, cg_in: [] });   // the shell makes a new run and view
      });
      return b;
    });
    chooser.append(el('div', { class: 'sn-chip-group', role: 'group', 'aria-label': t(`cg.group.${group}`) },
      el('span', { class: 'sn-chip-label', text: t(`cg.group.${group}`) }), ...buttons));
  }

  const error = el('p', { class: 'sn-error', role: 'alert', hidden: true });
  const stage = el('section', { class: 'sn-sheet sn-wide sn-stage', 'data-example': state.cg_ex },
    el('h3', { text: t(`cg.ex.${state.cg_ex}`) }),
    el('p', { class: 'sn-explain', 'data-testid': 'about', text: t(`cg.about.${state.cg_ex}`) }), error);
  const side = el('section', { class: 'sn-sheet sn-side' });
  const table = el('section', { class: 'sn-sheet sn-side' });
  root.append(head, chooser, stage, side, table);

  // the shell keeps a run across views (language, tab, a pasted link): give it this state's settings
  const now = run.snapshot();
  if (run.kind === 'network') {
    if (now.lr !== state.cg_lr) run.setLr(state.cg_lr);
  } else if (state.cg_in.length ? state.cg_in.join(',') !== run.inputList().join(',') : now.customInputs) {
    run.setInputList(state.cg_in);
  }
  if (now.step !== Math.min(state.cg_step, now.total)) run.setStep(state.cg_step);

  const parts = { root, stage, side, table };
  const view = run.kind === 'network' ? mountNetworkView(parts, ctx) : mountGraphView(parts, ctx);
  const showError = (s) => {
    error.hidden = !s.error;
    if (s.error) error.textContent = t('cg.error', { msg: errorMessage(s.error) });
  };
  showError(run.snapshot());
  const off = run.subscribe(showError);
  return { destroy() { off(); view.destroy(); } };
}
