// Section 2: the gradient of f(x0, x1) = x0² + x1² as a field of −∇f arrows
// (book 4.4, fig. 4-9), and the numerical gradient read at one point beside
// the analytic one. The book's three points are one click away.
import { el, formula } from '../../ui.js';
import { SETTINGS } from '../../state.js';
import { sliderNumber, chartBox, agreeing } from './dom.js';
import { fieldPlot } from './plots.js';

const BOOK_POINTS = [[3, 4], [0, 2], [3, 0]];
const round1 = (v) => Math.round(v * 10) / 10;
const vec = (g) => `[${Array.from(g, String).join(', ')}]`;

export function mountField(section, { run, t, setState }) {
  let snap = run.snapshot();
  const S = SETTINGS.gd_p0;
  const clamp = (v) => round1(Math.min(S.max, Math.max(S.min, v)));

  const setPoint = (p) => {
    const q = p.map(clamp);
    setState({ gd_p0: q[0], gd_p1: q[1] });
    run.setPoint(q);
  };
  const coord = (i) => sliderNumber({
    key: `gd_p${i}`, label: t(`gd.grad.p${i}`), sliderLabel: t(`gd.grad.p${i}`), numberLabel: `${t('gd.grad.point')} ${t(`gd.grad.p${i}`)}`,
    min: S.min, max: S.max, step: 0.5, numberStep: '0.1', value: snap.point[i],
    onValue: (v) => setPoint(i === 0 ? [v, snap.point[1]] : [snap.point[0], v]),
  });
  const c0 = coord(0);
  const c1 = coord(1);
  const book = el('div', { class: 'sn-buttons', role: 'group', 'aria-label': t('gd.grad.point') },
    ...BOOK_POINTS.map((p) => {
      const b = el('button', { type: 'button', 'data-point': p.join(','), text: `(${p.join(', ')})` });
      b.addEventListener('click', () => setPoint(p));
      return b;
    }));
  const numeric = el('dd', { class: 'sn-mono', 'data-testid': 'grad-numeric' });
  const analytic = el('dd', { class: 'sn-mono', 'data-testid': 'grad-analytic' });
  const readout = el('dl', { class: 'sn-readings', 'aria-live': 'polite' },
    el('dt', { text: t('gd.grad.numeric') }), numeric,
    el('dt', { text: t('gd.grad.analytic') }), analytic);

  const chart = chartBox('field-plot', (width) => fieldPlot({
    field: snap.field, gradient: snap.gradient, width, height: Math.min(width, 420),
    ariaLabel: t('gd.grad.plot', { p0: snap.point[0], p1: snap.point[1] }),
  }), { onPointer: setPoint, onArrow: ([dx, dy]) => setPoint([snap.point[0] + 0.5 * dx, snap.point[1] + 0.5 * dy]), label: t('gd.grad.keys') });

  section.append(
    el('h3', { text: t('gd.grad.title') }),
    el('p', { class: 'sn-explain', text: t('gd.grad.lead') }),
    el('div', { class: 'sn-split' },
      el('div', {},
        formula('\\nabla f = \\left(\\frac{\\partial f}{\\partial x_0}, \\frac{\\partial f}{\\partial x_1}\\right), \\quad f(x_0, x_1) = x_0^2 + x_1^2'),
        el('div', { class: 'sn-controls' }, c0.row, c1.row), book, readout,
        el('p', { class: 'sn-explain', text: t('gd.grad.pick') })),
      el('figure', { class: 'sn-figure' }, chart.box)));

  let drawn = null;
  function update(s) {
    snap = s;
    if (!s.gradient || s.gradient === drawn) return;
    drawn = s.gradient;
    c0.set(s.point[0]);
    c1.set(s.point[1]);
    const [a, b] = agreeing(vec(s.gradient.numeric), vec(s.gradient.analytic));
    numeric.replaceChildren(a);
    analytic.replaceChildren(b);
    numeric.dataset.value = Array.from(s.gradient.numeric).join(',');
    numeric.dataset.point = s.point.join(',');
    chart.schedule();
  }
  update(snap);
  return { update, destroy: chart.destroy };
}
