// Section 4: the six optimizers of book 6.1 on x²/20 + y² from (−7, 2), side
// by side (fig. 6-8). Each path is the core's (sn.gradientDescent with the
// optimizer of cpp/optim/); the slider and play show its first k steps.
import { el, formula } from '../../ui.js';
import { SETTINGS } from '../../state.js';
import { sliderNumber, chartBox, short } from './dom.js';
import { optimizerPlot } from './plots.js';
import { STEPS } from './run.js';

export function mountOptimizers(section, { run, t, setState }) {
  let snap = run.snapshot();
  const S = SETTINGS.gd_osteps;
  const steps = sliderNumber({
    key: 'gd_osteps', label: t('gd.opt.steps'), sliderLabel: t('gd.opt.stepsSlider'), numberLabel: t('gd.opt.stepsNumber'),
    min: S.min, max: S.max, step: 1, numberStep: '1', value: snap.optSteps,
    onValue: (v) => { const k = Math.round(v); setState({ gd_osteps: k }); run.setOptSteps(k); },
  });
  const play = el('button', { type: 'button', 'data-action': 'play-opt' });
  play.addEventListener('click', () => (snap.optPlaying ? run.pauseOpt() : run.playOpt()));

  const cards = snap.optimizers.map((opt) => {
    const end = el('div', { class: 'sn-explain sn-mono', 'data-testid': `opt-end-${opt.name}` });
    const chart = chartBox(`opt-${opt.name}`, (width) => {
      const k = snap.optSteps;
      return optimizerPlot({
        opt, steps: k, contour: snap.optContour, width, height: Math.round(width * 0.55),
        ariaLabel: t('gd.opt.plot', { name: t(`gd.opt.${opt.name}`), lr: opt.lr, k, x: short(opt.path[2 * k]), y: short(opt.path[2 * k + 1]) }),
      });
    });
    const card = el('figure', { class: 'sn-figure sn-multiple', 'data-optimizer': opt.name },
      el('figcaption', {},
        el('strong', { text: t(`gd.opt.${opt.name}`) }),
        el('span', { class: 'sn-mono', text: ` η = ${opt.lr}` }),
        el('span', { class: `sn-tag${opt.book ? ' sn-tag-book' : ''}`, text: t(opt.book ? 'gd.opt.book' : 'gd.opt.ours') })),
      chart.box, end);
    return { opt, chart, end, card };
  });

  section.append(
    el('h3', { text: t('gd.opt.title') }),
    el('p', { class: 'sn-explain', text: t('gd.opt.lead') }),
    formula('f(x, y) = \\frac{1}{20}x^2 + y^2'),
    el('div', { class: 'sn-controls sn-measure' }, steps.row),
    el('div', { class: 'sn-buttons' }, play),
    el('div', { class: 'sn-multiples' }, ...cards.map((c) => c.card)));

  let drawnSteps = -1;
  function update(s) {
    snap = s;
    steps.set(s.optSteps);
    play.textContent = s.optPlaying ? `❚❚ ${t('gd.desc.pause')}` : `▶ ${t('gd.desc.play')}`;
    play.setAttribute('aria-pressed', String(s.optPlaying));
    const k = Math.min(s.optSteps, STEPS);
    if (k === drawnSteps) return;
    drawnSteps = k;
    for (const c of cards) {
      const x = c.opt.path[2 * k];
      const y = c.opt.path[2 * k + 1];
      c.end.textContent = t('gd.opt.end', { k, x: short(x), y: short(y) });
      Object.assign(c.end.dataset, { x: String(x), y: String(y) });
      c.chart.schedule();
    }
  }
  update(snap);
  return { update, destroy() { for (const c of cards) c.chart.destroy(); } };
}
