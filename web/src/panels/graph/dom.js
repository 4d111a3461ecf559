// DOM pieces of the computational-graph panel; the project-wide ones are in ../../ui.js.
import { el } from '../../ui.js';

/**
 * A number for the graph: at most 8 significant digits, so the float noise of
 * 1.1 × 100 = 110.00000000000001 reads as the book's 110. Display only.
 */
export function fmtG(v) {
  if (!Number.isFinite(v)) return String(v);
  const s = String(Number(v.toPrecision(8)));
  return s === '-0' ? '0' : s;
}

/** A legend entry: a coloured bar and its text. */
export const legendItem = (color, text) => el('span', {}, el('i', { class: 'sn-swatch', style: { background: color } }), text);

/**
 * The step buttons every stepping view shares: ↺ reset, ◂ step back, step ▸,
 * ▶ play / ❚❚ pause. sync({ atStart, atEnd, playing }) keeps their states.
 */
export function transport(t, { reset, prev, next, play }) {
  const b = (action, text, fn, primary) => {
    const e = el('button', { type: 'button', 'data-action': action, text, class: primary ? 'sn-primary' : undefined });
    e.addEventListener('click', () => { if (e.getAttribute('aria-disabled') !== 'true') fn(); });
    return e;
  };
  const bReset = b('reset', `↺ ${t('cg.reset')}`, reset);
  const bPrev = b('prev', `◂ ${t('cg.prev')}`, prev);
  const bNext = b('next', `${t('cg.next')} ▸`, next, true);
  const bPlay = b('play', '', play);
  const group = el('div', { class: 'sn-buttons sn-transport', role: 'group', 'aria-label': t('cg.steps') }, bReset, bPrev, bNext, bPlay);
  return {
    group,
    sync({ atStart, atEnd, playing }) {
      bReset.setAttribute('aria-disabled', String(atStart));
      bPrev.setAttribute('aria-disabled', String(atStart));
      bNext.setAttribute('aria-disabled', String(atEnd));
      bPlay.textContent = playing ? `❚❚ ${t('cg.pause')}` : `▶ ${t('cg.play')}`;
      bPlay.setAttribute('aria-pressed', String(playing));
    },
  };
}

/**
 * Watch the width of `box`: narrow() is true below `limit` px (a phone), and
 * onChange() runs when that flips, so a drawing can turn top-to-bottom.
 */
export function watchNarrow(box, onChange, limit = 600) {
  let narrow = false;
  let frame = 0;
  const measure = () => {
    const w = box.clientWidth;
    const n = w > 0 && w < limit;
    if (n !== narrow) { narrow = n; onChange(); }
  };
  const ro = new ResizeObserver(() => { cancelAnimationFrame(frame); frame = requestAnimationFrame(measure); });
  ro.observe(box);
  return { narrow: () => narrow, measure, disconnect() { ro.disconnect(); cancelAnimationFrame(frame); } };
}

/** The drawing steps with the arrow keys too: → next, ← back (it is focusable and says so). */
export function arrowSteps(box, label, { prev, next }) {
  box.tabIndex = 0;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', label);
  box.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight') { e.preventDefault(); next(); }
    if (e.key === 'ArrowLeft') { e.preventDefault(); prev(); }
  });
}

/**
 * The end of both graph views: draw now, redraw on every change of the run and
 * when the box turns narrow or wide (a phone gets the graph top to bottom), and
 * keep the step in the URL. latest() is the snapshot show() drew last;
 * show(snapshot, vertical) draws top to bottom when vertical.
 */
export function followRun(diagram, run, { state, setState }, latest, show) {
  const narrow = watchNarrow(diagram, () => show(latest(), narrow.narrow()));
  narrow.measure();
  show(latest(), narrow.narrow());
  const off = run.subscribe((s) => {
    if (s.step !== state.cg_step) setState({ cg_step: s.step });
    show(s, narrow.narrow());
  });
  return { destroy() { off(); narrow.disconnect(); } };
}
