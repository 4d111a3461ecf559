// Section 1: the derivative of f(x) = 0.01x² + 0.1x (book 4.3.2–4.3.3).
// A draggable tangent point, the core's central difference beside the core's
// analytic derivative, and the h × precision table that shows why h = 1e-50
// fails. Reads the run's snapshot; computes nothing.
import { el, formula } from '../../ui.js';
import { SETTINGS } from '../../state.js';
import { sliderNumber, agreeing, chartBox, short } from './dom.js';
import { derivativePlot, COLORS } from './plots.js';

const BOOK_X = [5, 10];
const round1 = (v) => Math.round(v * 10) / 10;
/** A derivative of this f is never 0 on [0, 20]: 0 or NaN means the difference broke down. */
const bad = (v) => !Number.isFinite(v) || v === 0;

export function mountDerivative(section, { run, t, setState, embedded }) {
  const S = SETTINGS.gd_x;
  let snap = run.snapshot();

  const setX = (x) => {
    const v = round1(Math.min(S.max, Math.max(S.min, x)));
    setState({ gd_x: v });
    run.setX(v);
  };
  const x = sliderNumber({
    key: 'gd_x', label: t('gd.deriv.x'), sliderLabel: t('gd.deriv.xSlider'), numberLabel: t('gd.deriv.xNumber'),
    min: S.min, max: S.max, step: 0.1, numberStep: '0.1', value: snap.x, onValue: setX,
  });
  const bookButtons = el('div', { class: 'sn-buttons', role: 'group', 'aria-label': t('gd.deriv.book') },
    el('span', { class: 'sn-explain', text: t('gd.deriv.book') }),
    ...BOOK_X.map((v) => {
      const b = el('button', { type: 'button', 'data-x': String(v), text: `x = ${v}` });
      b.addEventListener('click', () => setX(v));
      return b;
    }));

  const fx = el('dd', { class: 'sn-mono', 'data-testid': 'deriv-fx' });
  const numeric = el('dd', { class: 'sn-mono sn-value-fwd', 'data-testid': 'deriv-numeric' });
  const analytic = el('dd', { class: 'sn-mono', 'data-testid': 'deriv-analytic' });
  const readout = el('dl', { class: 'sn-readings', 'aria-live': 'polite' },
    el('dt', { text: t('gd.deriv.fx') }), fx,
    el('dt', { text: t('gd.deriv.numeric') }), numeric,
    el('dt', { text: t('gd.deriv.analytic') }), analytic);

  const chart = chartBox('deriv-plot', (width) => derivativePlot({
    curve: snap.curve, d: snap.derivative, width, height: Math.round(Math.min(300, Math.max(220, width * 0.55))),
    ariaLabel: t('gd.deriv.plot', { x: snap.x, d: short(snap.derivative.numeric) }),
  }), { onPointer: ([px]) => setX(px), onArrow: ([dx]) => setX(snap.x + 0.1 * dx), label: t('gd.deriv.keys') });
  const legend = el('div', { class: 'sn-legend sn-explain' },
    el('span', {}, el('i', { class: 'sn-swatch', style: { background: COLORS.f } }), t('gd.deriv.legend.f')),
    el('span', {}, el('i', { class: 'sn-swatch sn-swatch-dash', style: { borderColor: COLORS.tangent } }), t('gd.deriv.legend.tangent')));

  // why h = 1e-50 fails: the same formula with other h and precisions, from the core
  const hBody = el('tbody');
  const hTable = el('table', { class: 'sn-table', 'data-testid': 'h-table' },
    el('thead', {}, el('tr', {}, el('th', { text: t('gd.h.h') }), el('th', { text: t('gd.h.f64') }), el('th', { text: t('gd.h.f32') }))),
    hBody);
  const hBox = el(embedded ? 'details' : 'div', { class: 'sn-callout' },
    el(embedded ? 'summary' : 'h4', { text: t('gd.h.title') }),
    el('p', { class: 'sn-explain', text: t('gd.h.lead') }),
    el('div', { class: 'sn-scroll' }, hTable),
    el('p', { class: 'sn-explain', text: t('gd.h.explain') }));

  section.append(
    el('h3', { text: t('gd.deriv.title') }),
    el('p', { class: 'sn-explain', text: t('gd.deriv.lead') }),
    el('div', { class: 'sn-split' },
      el('div', {},
        formula('\\begin{gathered} f(x) = 0.01x^2 + 0.1x \\\\ \\frac{df}{dx} \\approx \\frac{f(x+h) - f(x-h)}{2h} \\end{gathered}', t('gd.f1')),
        el('div', { class: 'sn-controls' }, x.row), bookButtons, readout,
        el('p', { class: 'sn-explain', text: t('gd.deriv.sameNote') })),
      el('figure', { class: 'sn-figure' }, chart.box, legend)),
    hBox);

  let drawn = null;   // the derivative last drawn: redraw only when it changed
  function update(s) {
    snap = s;
    const d = s.derivative;
    if (!d || d === drawn) return;
    drawn = d;
    x.set(s.x);
    fx.textContent = String(d.fx);
    const [a, b] = agreeing(String(d.numeric), String(d.analytic));
    numeric.replaceChildren(a);
    analytic.replaceChildren(b);
    numeric.dataset.value = String(d.numeric);
    analytic.dataset.value = String(d.analytic);
    numeric.dataset.x = String(s.x);
    hBody.replaceChildren(...d.hTable.map((r) => el('tr', { 'data-h': String(r.h) },
      el('th', { class: 'sn-mono', text: String(r.h) }),
      el('td', { class: `sn-mono${bad(r.double) ? ' sn-wrong' : ''}`, 'data-precision': 'double', text: String(r.double) }),
      el('td', { class: `sn-mono${bad(r.float) ? ' sn-wrong' : ''}`, 'data-precision': 'float', text: String(r.float) }))));
    chart.schedule();
  }
  update(snap);
  return { update, destroy: chart.destroy };
}
