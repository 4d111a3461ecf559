// view.js — the speed-up panel's DOM (agreement B): three sheets drawn from
// run.snapshot(), rebuilt freely (language, resize) without touching the run.
import { el, fmt, fmtSig, controlRow, idMaker, showError } from '../../ui.js';
import { errorMessage } from '../../i18n.js';
import { lossPlot, speedBars } from './plots.js';
import { BUILDS, BUILD_LOSS_TOLERANCE } from './run.js';

const percent = (v) => (Number.isFinite(v) ? `${fmt(100 * v, 2)} %` : '—');
const bytes = (n) => `${n.toLocaleString('en')} B`;
const width = (box, max) => Math.max(260, Math.min(max, Math.floor(box.clientWidth || max)));

/** One network's three precisions as a table (float64, float32, float16 rows). */
function precisionTable({ rows, caption, t, testid }) {
  const head = el('tr', {}, ...['sp.prec.dtype', 'sp.prec.acc', 'sp.prec.bytes', 'sp.prec.dy', 'sp.prec.dw']
    .map((k) => el('th', { scope: 'col', text: t(k) })));
  const body = rows.map((r) => el('tr', { 'data-dtype': r.dtype },
    el('th', { scope: 'row', text: r.dtype }),
    el('td', { text: percent(r.accuracy), 'data-testid': `${testid}-acc-${r.dtype}`, 'data-value': r.accuracy }),
    el('td', { text: bytes(r.weightBytes), 'data-testid': `${testid}-bytes-${r.dtype}`, 'data-value': r.weightBytes }),
    el('td', { text: fmtSig(r.maxOutputChange, 3), 'data-testid': `${testid}-dy-${r.dtype}`, 'data-value': r.maxOutputChange }),
    el('td', { text: fmtSig(r.maxWeightChange, 3) })));
  return el('div', { className: 'sn-scroll' },
    el('table', { className: 'sn-table', 'data-testid': testid }, el('caption', { text: caption }), el('thead', {}, head), el('tbody', {}, ...body)));
}

export function mountView(root, { run, state, setState, t, embedded, sn }) {
  const id = idMaker('sn-sp');
  const yesNo = (b) => t(b ? 'sp.yes' : 'sp.no');
  const head = el('div', { className: 'sn-wide' }, el('h2', { text: t('sp.title') }));
  if (!embedded) head.append(el('p', { className: 'sn-explain sn-lead', text: t('sp.intro') }));
  const error = el('p', { className: 'sn-error sn-wide', role: 'alert', hidden: true, 'data-testid': 'sp-error' });
  const status = el('p', { className: 'sn-explain', role: 'status', 'aria-live': 'polite', 'data-testid': 'sp-status' });

  // ---- bit precision ----
  const precBtn = el('button', { type: 'button', text: t('sp.prec.run'), 'data-testid': 'sp-measure' });
  precBtn.addEventListener('click', () => run.measurePrecision());
  const precOut = el('div', { 'data-testid': 'sp-precision' });
  const precision = el('section', { className: 'sn-sheet sn-wide', 'data-section': 'precision' },
    el('h3', { text: t('sp.prec.title') }), el('p', { className: 'sn-explain', text: t('sp.prec.intro') }),
    el('div', { className: 'sn-buttons' }, precBtn), precOut);

  // ---- float64 vs float32 training ----
  const stepsIn = el('input', { id: id('steps'), type: 'number', min: 20, max: 2000, step: 10, value: String(state.sp_steps), 'data-testid': 'sp_steps', inputMode: 'numeric' });
  const seedIn = el('input', { id: id('seed'), type: 'number', min: 0, max: 9999, step: 1, value: String(state.sp_seed), 'data-testid': 'sp_seed', inputMode: 'numeric' });
  stepsIn.addEventListener('change', () => { stepsIn.value = String(setState({ sp_steps: stepsIn.value }).sp_steps); });
  seedIn.addEventListener('change', () => { seedIn.value = String(setState({ sp_seed: seedIn.value }).sp_seed); });
  const trainBtn = el('button', { type: 'button', text: t('sp.train.run'), 'data-testid': 'sp-train' });
  trainBtn.addEventListener('click', () => run.trainPrecisions());
  const trainOut = el('div', { 'data-testid': 'sp-training' });
  const training = el('section', { className: 'sn-sheet sn-wide', 'data-section': 'training' },
    el('h3', { text: t('sp.train.title') }), el('p', { className: 'sn-explain', text: t('sp.train.intro') }),
    controlRow(t('sp.train.steps'), id('steps'), stepsIn), controlRow(t('sp.train.seed'), id('seed'), seedIn),
    el('div', { className: 'sn-buttons' }, trainBtn), trainOut);

  // ---- acceleration: the builds, and the GPU ----
  const pb = run.snapshot().pageBuild;
  const buildsBtn = el('button', { type: 'button', text: t('sp.acc.run'), 'data-testid': 'sp-builds' });
  buildsBtn.addEventListener('click', () => run.runBuilds());
  const buildsOut = el('div', { 'data-testid': 'sp-builds-out' });
  const acceleration = el('section', { className: 'sn-sheet sn-wide', 'data-section': 'acceleration' },
    el('h3', { text: t('sp.acc.title') }), el('p', { className: 'sn-explain', text: t('sp.acc.intro') }),
    el('p', { 'data-testid': 'sp-page-build', text: t('sp.acc.page', { name: pb.name, simd: yesNo(pb.simd), threads: pb.threads }) }),
    el('div', { className: 'sn-buttons' }, buildsBtn), buildsOut,
    el('h4', { text: t('sp.gpu.title') }), el('p', { className: 'sn-explain', 'data-testid': 'sp-gpu', text: t('sp.gpu.text') }));

  root.append(head, error, status, precision, training, acceleration);

  function drawPrecision(p) {
    if (!p) { precOut.replaceChildren(); return; }
    const same = (rows) => rows.every((r) => r.accuracy === rows[0].accuracy);
    const note = (rows) => el('p', { className: 'sn-explain', text: same(rows) ? t('sp.prec.same')
      : t('sp.prec.differ', { a16: percent(rows[2].accuracy), a64: percent(rows[0].accuracy) }) });
    const bookCap = t('sp.prec.net.book', { n: p.book.n.toLocaleString('en') });
    const bookTable = precisionTable({ rows: p.book.rows, caption: bookCap, t, testid: 'sp-book' });
    if (!p.trained) { precOut.replaceChildren(bookTable, note(p.book.rows)); return; }
    const trainedCap = t('sp.prec.net.trained', { n: p.trained.n.toLocaleString('en') });
    const dl = el('button', { type: 'button', text: t('sp.npz.download'), 'data-testid': 'sp-download' });
    dl.addEventListener('click', () => {
      const file = run.float16Npz();
      if (!file) return;
      const a = el('a', { href: URL.createObjectURL(new Blob([file], { type: 'application/octet-stream' })), download: 'scratchnet-784-100-10-relu-float16.npz' });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    });
    precOut.replaceChildren(
      bookTable, note(p.book.rows),
      precisionTable({ rows: p.trained.rows, caption: trainedCap, t, testid: 'sp-trained' }), note(p.trained.rows),
      el('h4', { text: t('sp.npz.title') }),
      el('p', { 'data-testid': 'sp-npz', 'data-bytes32': p.npz.bytes32, 'data-bytes16': p.npz.bytes16, text: t('sp.npz.sizes', { b32: bytes(p.npz.bytes32), b16: bytes(p.npz.bytes16), ratio: fmt(p.npz.bytes32 / p.npz.bytes16, 2) }) }),
      el('p', { 'data-testid': 'sp-npz-back', 'data-value': p.npz.backAcc, text: t('sp.npz.back', { acc: percent(p.npz.backAcc) }) }),
      el('div', { className: 'sn-buttons' }, dl));
  }

  function drawTraining(tr) {
    if (!tr) { trainOut.replaceChildren(); return; }
    const rows = ['float32', 'float64'].filter((d) => tr[d]);
    const lines = rows.filter((d) => tr[d].samplesPerSec).map((d) => el('p', { 'data-testid': `sp-speed-${d}`, 'data-value': tr[d].samplesPerSec,
      text: t('sp.train.speed', { dtype: d, sps: Math.round(tr[d].samplesPerSec).toLocaleString('en'), s: fmt(tr[d].seconds, 2) }) }));
    const curves = rows.map((d) => ({ name: d, losses: tr[d].losses })).filter((c) => c.losses.length);
    const plotBox = el('div');
    trainOut.replaceChildren(...lines, plotBox);
    if (tr.ratio) trainOut.append(el('p', { 'data-testid': 'sp-ratio', 'data-value': tr.ratio, text: t('sp.train.ratio', { ratio: fmt(tr.ratio, 2) }) }));
    if (tr.maxLossDiff !== null) trainOut.append(el('p', { 'data-testid': 'sp-train-match', 'data-value': tr.maxLossDiff, text: t('sp.train.match', { d: fmtSig(tr.maxLossDiff, 3) }) }));
    if (curves.length) plotBox.append(lossPlot({ curves, width: width(trainOut, 640), t, aria: t('sp.curve.aria') }));
  }

  const label = (b) => t(`sp.acc.build.${b}`);
  function drawBuilds(bs) {
    if (!bs) { buildsOut.replaceChildren(); return; }
    const lines = BUILDS.map((b) => {
      const r = bs[b];
      let text = '';
      if (r.status === 'unavailable') text = t('sp.acc.unavailable', { label: label(b) });
      else if (r.status === 'failed') text = t('sp.acc.failed', { label: label(b), msg: errorMessage(r.error) });
      else if (r.build) {
        text = t('sp.acc.loaded', { label: label(b), name: r.build.name, simd: yesNo(r.build.simd), threads: r.build.threads });
        // until a build exists the loader runs the SIMD module in its place (agreement D): say so
        if ((b === 'scalar' && r.build.simd) || (b === 'threads' && r.build.threads === 1)) text += ` — ${t('sp.acc.stand_in')}`;
      }
      else text = `${label(b)}: …`;
      return el('li', { 'data-testid': `sp-build-${b}`, 'data-status': r.status, 'data-value': r.samplesPerSec ?? undefined,
        'data-build': r.build ? JSON.stringify(r.build) : undefined, 'data-losses': r.losses.length, text });
    });
    const bars = BUILDS.filter((b) => bs[b].samplesPerSec || bs[b].status === 'unavailable')
      .map((b) => ({ name: label(b), value: bs[b].samplesPerSec, note: bs[b].status === 'unavailable' ? t('sp.acc.na') : null }));
    const curves = BUILDS.filter((b) => bs[b].losses.length).map((b) => ({ name: label(b), losses: bs[b].losses }));
    buildsOut.replaceChildren(el('ul', {}, ...lines));
    if (bars.some((b) => b.value !== null)) buildsOut.append(el('div', { 'data-testid': 'sp-bars' }, speedBars({ bars, width: width(buildsOut, 640), t, aria: t('sp.acc.bars.aria') })));
    if (bs.simd.samplesPerSec && bs.scalar.samplesPerSec) {
      buildsOut.append(el('p', { 'data-testid': 'sp-simd-speedup', 'data-value': bs.simd.samplesPerSec / bs.scalar.samplesPerSec, text: t('sp.acc.speedup', { ratio: fmt(bs.simd.samplesPerSec / bs.scalar.samplesPerSec, 2) }) }));
    }
    if (curves.length) buildsOut.append(lossPlot({ curves, width: width(buildsOut, 640), t, aria: t('sp.acc.curves.aria') }));
    if (bs.maxLossDiff !== null) {
      const ok = bs.maxLossDiff <= BUILD_LOSS_TOLERANCE;
      buildsOut.append(el('p', { 'data-testid': 'sp-builds-match', 'data-ok': String(ok), 'data-value': bs.maxLossDiff,
        text: t(ok ? 'sp.acc.match' : 'sp.acc.mismatch', { d: fmtSig(bs.maxLossDiff, 3), tol: fmtSig(BUILD_LOSS_TOLERANCE, 2) }) }));
    }
  }

  let last = {};
  function update(s) {
    for (const b of [precBtn, trainBtn, buildsBtn]) b.disabled = s.busy !== null;
    if (s.error) showError(error, s.error, t('sp.error'));
    else error.hidden = true;
    const tr = s.training;
    const bs = s.builds;
    const running = bs && BUILDS.find((b) => bs[b].status === 'running');
    status.textContent = s.busy === 'precision' ? t('sp.prec.running')
      : s.busy === 'training' && tr ? t('sp.train.running', { dtype: tr.float64 ? 'float64' : 'float32', steps: (tr.float64 ?? tr.float32).steps, total: tr.total })
        : s.busy === 'builds' && running ? t('sp.acc.running', { build: label(running), steps: bs[running].steps, total: bs.total })
          : s.busy ? t('sp.load') : '';
    if (s.precision !== last.precision) drawPrecision(s.precision);
    if (s.training !== last.training) drawTraining(s.training);
    if (s.builds !== last.builds) drawBuilds(s.builds);
    last = s;
  }
  update(run.snapshot());
  const unsubscribe = run.subscribe(update);
  return { destroy() { unsubscribe(); } };
}
