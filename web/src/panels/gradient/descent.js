// Section 3: gradient descent on x0² + x1² (book 4.4.1, fig. 4-10). A start
// point the learner clicks, a learning rate on a log slider, step / play /
// reset, the path drawn, and the book's three runs as presets with the points
// the book prints beside the core's.
import { el, formula } from '../../ui.js';
import { SETTINGS } from '../../state.js';
import { sliderNumber, chartBox, sig9, newId } from './dom.js';
import { descentPlot, lossPlot } from './plots.js';
import { PRESETS, STEPS, DESC_START } from './run.js';

const round1 = (v) => Math.round(v * 10) / 10;
/** η on the log slider: 10^p rounded to 3 significant digits (1e-10 … 10). */
const lrFromSlider = (p) => Number((10 ** p).toPrecision(3));

export function mountDescent(section, { run, t, setState, state }) {
  let snap = run.snapshot();
  const SX = SETTINGS.gd_x0;
  const SL = SETTINGS.gd_lr;
  const clampX = (v) => round1(Math.min(SX.max, Math.max(SX.min, v)));

  const setStart = (p) => {
    const q = p.map(clampX);
    setState({ gd_x0: q[0], gd_x1: q[1] });
    run.setStart(q);
  };
  const lr = sliderNumber({
    key: 'gd_lr', label: t('gd.desc.lr'), sliderLabel: t('gd.desc.lrSlider'), numberLabel: t('gd.desc.lrNumber'),
    min: SL.min, max: SL.max, step: 0.1, value: snap.lr,
    toSlider: (v) => Math.log10(v).toFixed(1), fromSlider: lrFromSlider,
    onValue: (v) => { setState({ gd_lr: v }); run.setLr(state.gd_lr); },
  });
  const start = [0, 1].map((i) => {
    const id = newId(`x${i}`);
    const input = el('input', { type: 'number', id, min: String(SX.min), max: String(SX.max), step: '0.1', class: 'sn-mono', 'data-key': `gd_x${i}` });
    input.addEventListener('change', () => {
      if (Number.isFinite(input.valueAsNumber)) setStart(i === 0 ? [input.valueAsNumber, snap.start[1]] : [snap.start[0], input.valueAsNumber]);
    });
    return { input, label: el('label', { for: id, text: t(`gd.desc.x${i}`) }) };
  });
  const startRow = el('div', { class: 'sn-inline-row', role: 'group', 'aria-label': t('gd.desc.start') },
    ...start.map((s) => el('span', { class: 'sn-pair' }, s.label, s.input)));

  const presets = el('div', { class: 'sn-buttons', role: 'group', 'aria-label': t('gd.desc.presets') },
    ...Object.keys(PRESETS).map((name) => {
      const b = el('button', { type: 'button', 'data-preset': name, text: t(`gd.desc.preset.${name}`) });
      b.addEventListener('click', () => {
        setState({ gd_lr: PRESETS[name].lr, gd_x0: DESC_START[0], gd_x1: DESC_START[1], gd_step: STEPS });
        run.preset(name);
      });
      return b;
    }));

  const btn = (action, text) => el('button', { type: 'button', 'data-action': action, text });
  const reset = btn('reset', `↺ ${t('gd.desc.reset')}`);
  const step = btn('step', `${t('gd.desc.step')} ▸`);
  const play = btn('play', '');
  const all = btn('all', t('gd.desc.all'));
  reset.addEventListener('click', () => run.setStep(0));
  step.addEventListener('click', () => run.step());
  play.addEventListener('click', () => (snap.playing ? run.pause() : run.play()));
  all.addEventListener('click', () => run.setStep(STEPS));
  const stepButtons = el('div', { class: 'sn-buttons sn-transport', role: 'group', 'aria-label': t('gd.desc.steps') }, reset, step, play, all);

  const status = el('p', { class: 'sn-status sn-mono', role: 'status', 'aria-live': 'polite', 'data-testid': 'desc-status' });
  const bookLine = el('p', { class: 'sn-explain sn-mono', 'data-testid': 'desc-book' });
  const note = el('p', { class: 'sn-explain', 'data-testid': 'desc-note' });

  const chart = chartBox('descent-plot', (width) => descentPlot({
    descent: snap.descent, step: snap.step, contour: snap.descContour, width, height: Math.min(width, 440),
    ariaLabel: t('gd.desc.plot', { x0: snap.start[0], x1: snap.start[1], lr: snap.lr, k: snap.step }),
  }), {
    onPointer: (p, e) => { if (e.type === 'pointerdown') setStart(p); },
    onArrow: ([dx, dy]) => setStart([snap.start[0] + 0.1 * dx, snap.start[1] + 0.1 * dy]),
    label: t('gd.desc.keys'),
  });

  // f(x_k) for all 100 steps: the part already taken drawn strong
  const curve = chartBox('descent-values', (width) => lossPlot({
    values: snap.descent.values, step: snap.step, width, ariaLabel: t('gd.desc.values', { lr: snap.lr }),
  }));

  section.append(
    el('h3', { text: t('gd.desc.title') }),
    el('p', { class: 'sn-explain', text: t('gd.desc.lead') }),
    el('div', { class: 'sn-split' },
      el('div', {},
        formula('\\mathbf{x} \\leftarrow \\mathbf{x} - \\eta \\, \\nabla f(\\mathbf{x})'),
        el('h4', { text: t('gd.desc.presets') }), presets,
        el('div', { class: 'sn-controls' }, lr.row), startRow,
        el('h4', { text: t('gd.desc.steps') }), stepButtons, status, bookLine, note,
        el('p', { class: 'sn-explain', text: t('gd.desc.pick') })),
      el('figure', { class: 'sn-figure' }, chart.box, curve.box, el('figcaption', { class: 'sn-explain', text: t('gd.desc.valuesCaption') }))));

  let drawnKey = '';
  function update(s) {
    snap = s;
    const d = s.descent;
    if (!d) return;
    lr.set(s.lr);
    start.forEach((x, i) => { if (document.activeElement !== x.input) x.input.value = String(s.start[i]); });
    play.textContent = s.playing ? `❚❚ ${t('gd.desc.pause')}` : `▶ ${t('gd.desc.play')}`;
    play.setAttribute('aria-pressed', String(s.playing));
    reset.setAttribute('aria-disabled', String(s.step === 0));
    step.setAttribute('aria-disabled', String(s.step >= STEPS));
    const k = s.step;
    const x0 = d.path[2 * k];
    const x1 = d.path[2 * k + 1];
    status.textContent = t('gd.desc.status', { k, n: STEPS, x0: sig9(x0), x1: sig9(x1), f: sig9(d.values[k]) });
    Object.assign(status.dataset, { step: String(k), x0: String(x0), x1: String(x1) });
    // the book's printout, when this is one of its runs
    const preset = Object.entries(PRESETS).find(([, p]) => p.lr === s.lr && s.start[0] === DESC_START[0] && s.start[1] === DESC_START[1]);
    bookLine.hidden = !preset || k !== STEPS;
    if (preset) bookLine.textContent = t('gd.desc.book', { a: sig9(preset[1].book[0]), b: sig9(preset[1].book[1]) });
    const far = Math.max(Math.abs(x0), Math.abs(x1));
    note.textContent = !Number.isFinite(far) || far > 4.5 ? t('gd.desc.out', { v: sig9(far) }) : preset ? t(`gd.desc.note.${preset[0]}`) : '';
    for (const b of presets.children) b.setAttribute('aria-pressed', String(preset?.[0] === b.dataset.preset));
    const key = `${d.start}|${d.lr}|${k}`;
    if (key !== drawnKey) { drawnKey = key; chart.schedule(); curve.schedule(); }
  }
  update(snap);
  return { update, destroy() { chart.destroy(); curve.destroy(); } };
}
