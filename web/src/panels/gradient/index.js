// Gradient descent (book 4.3–4.4 numerical differentiation and gradients,
// 6.1 optimizers; issue 10 §1). A run/view panel (agreement B): run.js owns
// the numbers — every one from the core through sn.functionValue,
// sn.numericalDiff, sn.numericalGradient, sn.analyticGradient and
// sn.gradientDescent — and the four sections below only draw them.
import { el } from '../../ui.js';
import { errorMessage } from '../../i18n.js';
import { strings } from './strings.js';
import { createRun } from './run.js';
import { mountDerivative } from './derivative.js';
import { mountField } from './field.js';
import { mountDescent } from './descent.js';
import { mountOptimizers } from './optimizers.js';

export { strings, createRun };

/** Every setting is applied to the live run: nothing needs a new one. */
export const runKey = () => 'gradient';

export function mountView(root, ctx) {
  const { run, t, embedded, state, setState } = ctx;
  const head = el('div', { class: 'sn-wide' }, el('h2', { text: t('gd.title') }));
  if (!embedded) head.append(el('p', { class: 'sn-explain sn-lead', text: t('gd.intro') }));
  const error = el('p', { class: 'sn-error sn-wide', role: 'alert', hidden: true });
  const box = (name) => el('section', { class: 'sn-sheet sn-wide', 'data-section': name });
  const boxes = ['derivative', 'gradient', 'descent', 'optimizers'].map(box);
  root.append(head, error, ...boxes);

  // the shell keeps a run across views (language, tab, a pasted link): give it this state's settings
  const now = run.snapshot();
  const same = (a, b) => a[0] === b[0] && a[1] === b[1];
  if (now.x !== state.gd_x) run.setX(state.gd_x);
  if (!same(now.point, [state.gd_p0, state.gd_p1])) run.setPoint([state.gd_p0, state.gd_p1]);
  if (!same(now.start, [state.gd_x0, state.gd_x1])) run.setStart([state.gd_x0, state.gd_x1]);
  if (now.lr !== state.gd_lr) run.setLr(state.gd_lr);
  if (now.step !== state.gd_step) run.setStep(state.gd_step);
  if (now.optSteps !== state.gd_osteps) run.setOptSteps(state.gd_osteps);

  const sections = [mountDerivative, mountField, mountDescent, mountOptimizers].map((mount, i) => mount(boxes[i], ctx));

  const unsubscribe = run.subscribe((snap) => {
    // play moves the step: keep the URL in step with what is shown
    if (snap.step !== state.gd_step) setState({ gd_step: snap.step });
    if (snap.optSteps !== state.gd_osteps) setState({ gd_osteps: snap.optSteps });
    error.hidden = !snap.error;
    if (snap.error) error.textContent = t('gd.error', { msg: errorMessage(snap.error) });
    for (const s of sections) s.update(snap);
  });

  return {
    destroy() {
      unsubscribe();
      for (const s of sections) s.destroy();
    },
  };
}
