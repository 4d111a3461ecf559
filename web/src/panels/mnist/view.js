// view.js — the MNIST panel's DOM (book ch. 3–6): controls, numbers, curves,
// results and the drawing canvas, drawn from the run's snapshot (run.js).
// Destroying it never touches the run: training goes on in its worker through
// a language or a tab switch, and a new view draws where the run has got to.
import { SETTINGS } from '../../state.js';
import { el, panelLayout, controlRow, formula, selectOf, showError, roundSig, pct, idMaker } from '../../ui.js';
import { lossPlot } from '../../shared/loss-plot.js';
import { accuracyPlot, confusionPlot, probabilityPlot } from './plots.js';
import { testGrid, weightImages } from './results.js';
import { filterImages, featureMapImages } from './filters.js';
import { drawingCanvas, mnistInput, paintImage } from './draw.js';
import { identifyIdxFiles } from './files.js';
import { argmax } from './argmax.js';
import { NET_KEYS } from './run.js';
import { strings } from './strings.js';

const PRESETS = {
  // 밑바닥부터 시작하는 딥러닝 1권 4.5 train_neuralnet.py: TwoLayerNet(784, 50, 10),
  // weight_init_std 0.01, SGD lr 0.1, batch 100, 10,000 iterations (≈ 17 epochs of 60,000).
  book: { m_arch: 'mlp', m_hidden: [50], m_act: 'sigmoid', m_init: 'std', m_opt: 'sgd', m_lr: 0.1, m_batch: 100, m_epochs: 17, m_wd: 0, m_dropout: 0, m_bn: false },
  // ch. 6's advice: ReLU with He initialisation, Adam. ≈ 94–95 % on the bundled test split in a few seconds.
  fast: { m_arch: 'mlp', m_hidden: [100], m_act: 'relu', m_init: 'he', m_opt: 'adam', m_lr: 0.002, m_batch: 50, m_epochs: 10, m_wd: 0, m_dropout: 0, m_bn: false },
  // 밑바닥부터 시작하는 딥러닝 1권 7.5 train_convnet.py: SimpleConvNet, Adam lr 0.001, batch 100
  // (He initial weights here instead of the book's N(0, 0.01²): the first epoch learns faster).
  cnn: { m_arch: 'simplecnn', m_init: 'he', m_opt: 'adam', m_lr: 0.001, m_batch: 100, m_epochs: 10, m_wd: 0 },
};
// A convnet's layer list as one line: conv 30×5×5 → relu → pool 2 → affine 100 → relu → affine 10.
const layerText = (layers) => layers.map((l) => ({
  conv: () => `conv ${l.filters}×${l.size}×${l.size}${l.pad ? ` pad ${l.pad}` : ''}`, pool: () => `pool ${l.size}`,
  affine: () => `affine ${l.out}`, dropout: () => `dropout ${l.ratio}`,
}[l.type]?.() ?? l.type)).join(' → ');
const DRAW_EVERY_MS = 250;
// Phones: the settings fold away so that the curves and the drawing pad come soon after Start.
const NARROW = '(max-width: 720px)';

function fmtMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  return ms < 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export function mountView(root, { run, state: st, setState, t, embedded }) {
  const id = idMaker('sn-mn');
  let destroyed = false;
  let lastDraw = 0;
  let drawTimer = 0;
  let shown = {};   // the snapshot last drawn: parts that did not change are not drawn again

  // ---- DOM -------------------------------------------------------------------
  const { left, right, bottom } = panelLayout(root, { title: t('mnist.title'), intro: t('mnist.intro'), label: t('mnist.settings'), embedded });
  // The settings fold: open on a wide screen, folded on a phone (then the curves
  // and the drawing pad are reached without scrolling past every setting).
  const narrow = root.ownerDocument.defaultView?.matchMedia?.(NARROW).matches ?? false;
  const settings = el('details', { className: 'sn-fold', open: !narrow, 'data-testid': 'settings-fold' },
    el('summary', { className: 'sn-summary', text: t('mnist.settings.fold') }));
  const more = el('details', { className: 'sn-fold', open: !narrow, 'data-testid': 'more-fold' },
    el('summary', { className: 'sn-summary', text: t('mnist.more.fold') }));

  // controls built from the settings table (state.js): its values and limits, nowhere else
  const select = (key, values, label) => selectOf(id(key), key, values, label);
  const num = (key) => el('input', { type: 'number', id: id(key), 'data-testid': key, min: SETTINGS[key].min, max: SETTINGS[key].max, step: SETTINGS[key].type === 'int' ? 1 : 'any' });

  // data
  const dataSel = select('m_data', [...SETTINGS.m_data.values, 'files'], (v) => t(`mnist.data.${v}`));
  const fileInput = el('input', { type: 'file', multiple: true, id: id('files'), 'data-testid': 'idx-files', accept: '.gz,.idx,.idx1-ubyte,.idx3-ubyte,application/gzip,application/octet-stream' });
  const dataProgress = el('progress', { max: 1, value: 0, 'data-testid': 'data-progress', 'aria-label': t('mnist.data.progress') });
  const dataStatus = el('p', { className: 'sn-explain sn-tight', 'data-testid': 'data-status', role: 'status' });
  const dataError = el('p', { className: 'sn-error', role: 'alert', 'data-testid': 'data-error', hidden: true });
  const dropZone = el('div', { className: 'sn-dropzone', 'data-testid': 'drop-zone' },
    controlRow(t('mnist.data'), id('m_data'), dataSel),
    controlRow(t('mnist.files'), id('files'), fileInput),
    el('p', { className: 'sn-explain sn-tight', text: t('mnist.files.hint') }),
    dataProgress, dataStatus, dataError);
  settings.append(dropZone);

  // model
  const presetSel = select('preset', ['', 'book', 'fast', 'cnn'], (v) => t(`mnist.preset.${v || 'custom'}`));
  const archSel = select('m_arch', SETTINGS.m_arch.values, (v) => t(`mnist.arch.kind.${v}`));
  const cnnNote = el('p', { className: 'sn-explain sn-tight', text: t('mnist.arch.cnn.off'), hidden: true });
  const hiddenIn = el('input', { type: 'text', id: id('m_hidden'), 'data-testid': 'm_hidden', inputMode: 'numeric', spellcheck: false, size: 10 });
  const actSel = select('m_act', SETTINGS.m_act.values, (v) => t(`mnist.act.${v}`));
  const initSel = select('m_init', SETTINGS.m_init.values, (v) => t(`mnist.init.${v}`));
  const optSel = select('m_opt', SETTINGS.m_opt.values, (v) => t(`mnist.opt.${v}`));
  const batchIn = num('m_batch');
  const epochsIn = num('m_epochs');
  const wdIn = num('m_wd');
  const dropIn = num('m_dropout');
  const bnBox = el('input', { type: 'checkbox', id: id('m_bn'), 'data-testid': 'm_bn' });
  const seedIn = num('m_seed');
  const lr = SETTINGS.m_lr;
  const lrRange = el('input', { type: 'range', id: id('m_lr'), min: Math.log10(lr.min), max: Math.log10(lr.max), step: 0.05, 'data-testid': 'lr-range', 'aria-label': t('mnist.lr.range') });
  const lrNum = el('input', { type: 'number', min: lr.min, max: lr.max, step: 'any', 'data-testid': 'lr-number', 'aria-label': t('mnist.lr.number') });
  const modelControls = [presetSel, archSel, hiddenIn, actSel, initSel, optSel, batchIn, epochsIn, wdIn, dropIn, bnBox, seedIn];
  settings.append(
    controlRow(t('mnist.preset'), id('preset'), presetSel),
    controlRow(t('mnist.arch.kind'), id('m_arch'), archSel), cnnNote,
    controlRow(t('mnist.hidden'), id('m_hidden'), hiddenIn),
    controlRow(t('mnist.act'), id('m_act'), actSel),
    controlRow(t('mnist.init'), id('m_init'), initSel),
    controlRow(t('mnist.opt'), id('m_opt'), optSel),
    controlRow(t('mnist.batch'), id('m_batch'), batchIn),
    controlRow(t('mnist.epochs'), id('m_epochs'), epochsIn),
    controlRow(t('mnist.wd'), id('m_wd'), wdIn),
    controlRow(t('mnist.dropout'), id('m_dropout'), dropIn),
    controlRow(t('mnist.bn'), id('m_bn'), bnBox),
    controlRow(t('mnist.seed'), id('m_seed'), seedIn),
  );
  const archLine = el('p', { className: 'sn-explain sn-mono sn-tight', 'data-testid': 'architecture' });
  settings.append(archLine);
  // which build of the core trains (threads on a cross-origin-isolated page, else single-thread SIMD)
  const buildLine = el('p', { className: 'sn-explain sn-tight', 'data-testid': 'core-build' });
  settings.append(buildLine);
  // the learning rate stays out of the fold: it is the one setting turned while training runs
  left.append(settings, controlRow(t('mnist.lr'), id('m_lr'), lrRange, lrNum));

  // a change that needs a new network while trained weights exist: say so, offer the download
  const discardText = el('p', { className: 'sn-tight' });
  const discardSave = el('button', { type: 'button', text: t('mnist.npz.save'), 'data-testid': 'discard-download' });
  const discardOk = el('button', { type: 'button', text: t('mnist.discard.confirm'), 'data-testid': 'discard-confirm' });
  const discardBox = el('div', { className: 'sn-notes', role: 'alert', 'data-testid': 'discard-note', hidden: true },
    discardText, el('div', { className: 'sn-buttons' }, discardSave, discardOk));
  left.append(discardBox);

  const trainBtn = el('button', { type: 'button', className: 'sn-primary', 'data-testid': 'train', 'aria-pressed': 'false' });
  const stopBtn = el('button', { type: 'button', text: t('mnist.stop'), 'data-testid': 'stop' });
  const resetBtn = el('button', { type: 'button', text: t('mnist.reset'), 'data-testid': 'reset' });
  left.append(el('div', { className: 'sn-buttons' }, trainBtn, stopBtn, resetBtn));
  const trainProgress = el('progress', { max: 1, value: 0, 'data-testid': 'train-progress', 'aria-label': t('mnist.train.progress') });
  left.append(trainProgress);

  const stats = el('dl', { className: 'sn-stats', 'aria-label': t('mnist.stats') });
  const statEls = {};
  for (const key of ['status', 'step', 'epoch', 'loss', 'train-acc', 'test-acc', 'samples-per-sec', 'eta', 'lr-current']) {
    statEls[key] = el('dd', { className: 'sn-mono', 'data-testid': key });
    stats.append(el('dt', { text: t(`mnist.stat.${key}`) }), statEls[key]);
  }
  left.append(stats);
  const alertBox = el('p', { className: 'sn-error', role: 'alert', 'data-testid': 'diverged', hidden: true });
  const errorBox = el('p', { className: 'sn-error', role: 'alert', 'data-testid': 'error', hidden: true });
  const noteBox = el('p', { className: 'sn-notes', role: 'status', 'data-testid': 'session-note', hidden: true });
  left.append(alertBox, errorBox, noteBox);

  // the book's network, and model files
  const bookBtn = el('button', { type: 'button', text: t('mnist.book.run'), 'data-testid': 'book' });
  const bookCnnBtns = ['ch7', 'ch8'].map((which) => el('button', { type: 'button', text: t(`mnist.book.${which}`), 'data-testid': `book-${which}` }));
  const bookCnnOut = el('div', { 'data-testid': 'book-cnn-result', role: 'status' });
  const bookOut = el('div', { 'data-testid': 'book-result', role: 'status' });
  const saveBtn = el('button', { type: 'button', text: t('mnist.npz.save'), 'data-testid': 'download-npz' });
  const loadIn = el('input', { type: 'file', id: id('npz'), accept: '.npz,application/zip', 'data-testid': 'load-npz' });
  more.append(
    el('h3', { text: t('mnist.book.title') }), el('p', { className: 'sn-explain', text: t('mnist.book.explain') }),
    el('div', { className: 'sn-buttons' }, bookBtn), bookOut,
    el('h3', { text: t('mnist.book.cnn.title') }), el('p', { className: 'sn-explain', text: t('mnist.book.cnn.explain') }),
    el('div', { className: 'sn-buttons' }, ...bookCnnBtns), bookCnnOut,
    el('h3', { text: t('mnist.npz.title') }), el('p', { className: 'sn-explain', text: t('mnist.npz.explain') }),
    el('div', { className: 'sn-buttons' }, saveBtn), controlRow(t('mnist.npz.load'), id('npz'), loadIn));
  left.append(more);

  // curves
  const lossBox = el('div', { className: 'sn-plot', 'data-testid': 'loss-plot' });
  const accBox = el('div', { className: 'sn-plot', 'data-testid': 'acc-plot' });
  const lossHead = el('h3', { text: t('mnist.loss') });
  const accHead = el('h3', { text: t('mnist.acc') });
  right.append(lossHead, lossBox, accHead, accBox);

  // results and drawing
  const confBox = el('div', { className: 'sn-plot', 'data-testid': 'confusion' });
  const gridBox = el('div');
  const gridExplain = el('p', { className: 'sn-explain' });
  const confExplain = el('p', { className: 'sn-explain', text: t('mnist.confusion.explain') });
  const pickBox = el('div', { 'data-testid': 'picked-probs' });
  const weightBox = el('div');
  const weightExplain = el('p', { className: 'sn-explain', text: t('mnist.weights.explain') });   // an MLP's; a convnet's filters explain themselves
  const draw = drawingCanvas({ label: t('mnist.draw.canvas'), onChange: () => schedulePredict() });
  const seenCanvas = el('canvas', { width: 28, height: 28, className: 'sn-seen', role: 'img', 'aria-label': t('mnist.draw.seen'), 'data-testid': 'draw-seen' });
  const clearBtn = el('button', { type: 'button', text: t('mnist.draw.clear'), 'data-testid': 'draw-clear' });
  const drawProbs = el('div', { 'data-testid': 'draw-probs' });
  // the network's answer, large, above its ten bars; or, before any training, a word that it only guesses
  const drawAnswer = el('p', { className: 'sn-answer sn-mono', 'data-testid': 'draw-answer', 'aria-live': 'polite', hidden: true });
  const drawHint = el('p', { className: 'sn-notes', role: 'status', 'data-testid': 'draw-untrained', hidden: true });
  const drawTitle = el('h3');
  const drawExplain = el('p', { className: 'sn-explain' });
  const drawRow = el('div', { className: 'sn-draw-row' }, draw.canvas, el('div', {}, seenCanvas, el('div', { className: 'sn-buttons' }, clearBtn)),
    el('div', { className: 'sn-draw-out' }, drawHint, drawAnswer, drawProbs));
  // a convnet's feature maps of the drawing (hidden for an MLP)
  const featBox = el('div', { 'data-testid': 'feature-maps' });
  const featPart = el('div', { hidden: true }, el('h4', { text: t('mnist.featuremaps') }),
    el('p', { className: 'sn-explain', text: t('mnist.featuremaps.explain') }), featBox);
  right.append(drawTitle, drawExplain, drawRow, featPart);
  if (narrow) {
    // a phone: right after Start come the live loss curve and the drawing pad; the
    // numbers, the accuracy curve and the book's network follow them (in the DOM,
    // so that the keyboard meets them in the same order as the eye)
    right.replaceChildren(lossHead, lossBox, drawTitle, drawRow, featPart, drawExplain, stats, accHead, accBox, more);
  }
  bottom.append(
    el('h3', { text: t('mnist.confusion') }), confExplain, confBox,
    el('h3', { text: t('mnist.grid') }), gridExplain, gridBox, pickBox,
    el('h3', { text: t('mnist.weights') }), weightExplain, weightBox,
  );
  const formulas = el('details', { open: !embedded }, el('summary', { text: t('mnist.formulas') }));
  for (const [k, tex] of [['mnist.f.forward', String.raw`\mathbf{Y} = \operatorname{softmax}(h(\mathbf{X}\mathbf{W}_1 + \mathbf{b}_1)\,\mathbf{W}_2 + \mathbf{b}_2)`],
    ['mnist.f.loss', String.raw`L = -\frac{1}{N}\sum_{n}\sum_{k} t_{nk}\log y_{nk}`],
    ['mnist.f.update', String.raw`\mathbf{W} \leftarrow \mathbf{W} - \eta\,\frac{\partial L}{\partial \mathbf{W}}`]]) {
    formulas.append(el('p', { className: 'sn-explain', text: t(k) }), formula(tex));
  }
  bottom.append(formulas);

  // Texts that speak of the data: digits for MNIST, garments for Fashion-MNIST (a key.fashion variant).
  const dataTexts = [
    [left.querySelector('h2'), 'mnist.title'], [embedded ? null : left.querySelector('h2 + p'), 'mnist.intro'],
    [drawTitle, 'mnist.draw.title'], [drawExplain, 'mnist.draw.explain'], [gridExplain, 'mnist.grid.explain'],
  ];
  let textsFor = null;
  function syncDataTexts(s) {
    const fashion = s.dataInfo ? s.dataInfo.name === 'fashion' : st.m_data === 'fashion';
    if (fashion === textsFor) return;
    textsFor = fashion;
    const key = (k) => (fashion && `${k}.fashion` in strings.en ? `${k}.fashion` : k);
    for (const [e, k] of dataTexts) if (e) e.textContent = t(key(k));
    draw.canvas.setAttribute('aria-label', t(key('mnist.draw.canvas')));
    root.dataset.data = fashion ? 'fashion' : 'digits';
  }

  // ---- rendering -------------------------------------------------------------------
  const width = (box, max) => Math.max(220, Math.min(max, Math.floor(box.clientWidth || right.clientWidth || max)));
  const busy = (s) => s.status === 'running' || s.status === 'loading';
  const names = (s) => {
    if (!s.dataInfo) return [];
    if (s.dataInfo.name === 'fashion') return Array.from({ length: 10 }, (_, i) => t(`mnist.fashion.${i}`));
    return Array.from({ length: s.dataInfo.classes }, (_, i) => String(i));
  };

  function syncControls(s) {
    dataSel.value = s.dataSource?.kind === 'files' ? 'files' : st.m_data;
    dataSel.options[dataSel.options.length - 1].disabled = s.dataSource?.kind !== 'files';
    hiddenIn.value = st.m_hidden.join(',');
    archSel.value = st.m_arch;
    cnnNote.hidden = st.m_arch !== 'simplecnn';
    actSel.value = st.m_act;
    initSel.value = st.m_init;
    optSel.value = st.m_opt;
    batchIn.value = String(st.m_batch);
    epochsIn.value = String(st.m_epochs);
    wdIn.value = String(st.m_wd);
    dropIn.value = String(st.m_dropout);
    bnBox.checked = st.m_bn;
    seedIn.value = String(st.m_seed);
    lrRange.value = String(Math.log10(st.m_lr));
    lrNum.value = String(roundSig(st.m_lr));
    presetSel.value = Object.entries(PRESETS).find(([, p]) => Object.entries(p).every(([k, v]) => String(st[k]) === String(v)))?.[0] ?? '';
  }

  function put(key, value, text) {
    statEls[key].dataset.value = String(value);
    statEls[key].textContent = text;
  }

  // Each figure is drawn in a task of its own, so that no single main-thread task
  // grows past ~50 ms while training (the page must stay responsive).
  const nextTask = () => new Promise((r) => { setTimeout(r, 0); });

  function drawLoss(s) {
    lastDraw = performance.now();
    lossBox.replaceChildren(lossPlot({
      points: s.losses, markers: s.markers.map((m) => ({ ...m, label: String(roundSig(m.lr)) })), divergences: s.divergences,
      logY: true, lastStep: s.last.step, width: width(lossBox, 560),
    }));
  }
  async function drawCurves(s) {
    drawLoss(s);
    await nextTask();
    if (!destroyed) accBox.replaceChildren(accuracyPlot({ epochs: s.epochs, width: width(accBox, 560), t }));
  }

  async function drawResults(s) {
    const r = s.evaluation;
    if (!r) {
      for (const b of [confBox, gridBox, pickBox, weightBox]) b.replaceChildren();
      return;
    }
    const labels = names(s);
    confBox.replaceChildren(confusionPlot({ counts: r.confusion, classes: r.classes, names: labels, width: width(confBox, 420), t }));
    await nextTask();
    if (destroyed) return;
    const side = s.dataInfo.side;
    gridBox.replaceChildren(side ? testGrid({
      grid: r.grid, classes: r.classes, side, names: labels, t,
      onPick: (i, probs, label) => {
        pickBox.replaceChildren(el('p', { className: 'sn-explain', text: t('mnist.grid.picked', { i: i + 1, label: labels[label] }) }),
          probabilityPlot({ probs, names: labels, t, truth: label, width: width(pickBox, 420) }));
      },
    }) : '');
    await nextTask();
    if (destroyed) return;
    weightExplain.hidden = !!r.filters;
    if (r.filters) weightBox.replaceChildren(filtersView(r.filters));
    else weightBox.replaceChildren(side && r.weights ? weightImages({ weights: r.weights, side, t }) : '');
  }

  function render(s) {
    if (destroyed) return;
    // buttons
    const text = { running: 'mnist.pause', paused: 'mnist.resume', diverged: 'mnist.resume' }[s.status] ?? 'mnist.start';
    trainBtn.textContent = t(text);
    trainBtn.setAttribute('aria-pressed', String(s.status === 'running'));
    trainBtn.disabled = !s.netInfo || s.status === 'loading';
    stopBtn.disabled = !(s.status === 'running' || s.status === 'paused' || s.status === 'diverged');
    resetBtn.disabled = busy(s) || !s.dataInfo;
    for (const c of [...modelControls, dataSel, fileInput, bookBtn, ...bookCnnBtns, loadIn]) c.disabled = busy(s);
    // settings a convnet does not use (its layers are the book's SimpleConvNet)
    if (st.m_arch === 'simplecnn') for (const c of [hiddenIn, actSel, dropIn, bnBox]) c.disabled = true;
    saveBtn.disabled = busy(s) || !s.netInfo;
    // stats
    const lastEpoch = s.epochs[s.epochs.length - 1];
    put('status', s.status, t(`mnist.status.${s.status}`));
    put('step', s.last.step, String(s.last.step));
    put('epoch', s.epochs.length, s.netInfo ? `${s.epochs.length} / ${st.m_epochs}` : '—');
    put('loss', s.last.loss, Number.isFinite(s.last.loss) ? s.last.loss.toFixed(4) : '—');
    put('train-acc', lastEpoch?.trainAcc ?? NaN, pct(lastEpoch?.trainAcc));
    put('test-acc', lastEpoch?.testAcc ?? NaN, pct(lastEpoch?.testAcc));
    put('samples-per-sec', s.last.samplesPerSec, Number.isFinite(s.last.samplesPerSec) ? Math.round(s.last.samplesPerSec).toLocaleString('en') : '—');
    put('eta', s.last.etaMs, s.status === 'running' ? fmtMs(s.last.etaMs) : '—');
    put('lr-current', s.workerLr, Number.isFinite(s.workerLr) ? String(roundSig(s.workerLr)) : '—');
    stats.dataset.workerHeap = String(s.workerHeap);
    stats.dataset.workerLive = String(s.workerLive);
    trainProgress.value = s.totalSteps ? s.last.step / s.totalSteps : 0;
    archLine.textContent = !s.netInfo ? ''
      : s.netInfo.kind === 'convnet' ? t('mnist.arch.cnn', { layers: layerText(s.netInfo.layers), steps: s.netInfo.stepsPerEpoch })
        : t('mnist.arch', { sizes: s.netInfo.sizes.join('-'), steps: s.netInfo.stepsPerEpoch });
    if (s.mode) root.dataset.session = s.mode;
    if (s.build) {
      buildLine.dataset.build = s.build.name;
      buildLine.textContent = t(`mnist.build.${s.build.threads > 1 ? 'threads' : 'single'}`, { name: s.build.name, threads: s.build.threads });
    }
    syncDataTexts(s);
    // data
    dataProgress.value = s.dataLoad?.progress ?? 0;
    const p = s.dataLoad?.params;
    dataStatus.textContent = s.dataLoad ? t(s.dataLoad.key, p ? { ...p, name: p.name ?? t(`mnist.data.${p.dataName}`) } : {}) : '';
    if (s.dataError !== shown.dataError) {
      if (s.dataError) showError(dataError, s.dataError); else dataError.hidden = true;
    }
    // messages
    alertBox.hidden = !s.diverged;
    if (s.diverged) {
      alertBox.textContent = t(s.diverged.restoredStep === null ? 'mnist.diverged' : 'mnist.diverged.restored',
        { step: s.diverged.step, lr: String(roundSig(s.diverged.lr)), restored: s.diverged.restoredStep });
    }
    if (s.error !== shown.error) {
      if (s.error) showError(errorBox, s.error); else errorBox.hidden = true;
    }
    if (s.note !== shown.note && s.note) {
      noteBox.textContent = t(s.note.key, s.note.params);
      noteBox.hidden = false;
    }
    discardBox.hidden = !s.pending;
    if (s.pending) discardText.textContent = t('mnist.discard', { step: s.pending.step });
    if (s.book !== shown.book) renderBook(s.book);
    // figures: the curves at most every DRAW_EVERY_MS, the results when they change
    if (s.epochs !== shown.epochs || s.markers !== shown.markers || s.status !== 'running') drawCurves(s);
    else if (performance.now() - lastDraw > DRAW_EVERY_MS) drawLoss(s);
    if (s.evaluation !== shown.evaluation) drawResults(s).then(() => schedulePredict());
    else if (s.netVersion !== shown.netVersion) schedulePredict();
    // the controls follow a new network or data set (never mid-typing of the learning rate)
    if (s.netVersion !== shown.netVersion || s.dataSource !== shown.dataSource) syncControls(s);
    shown = s;
  }

  // Book fig. 7-24: the first conv layer's filters before training and now.
  function filtersView({ before, now }) {
    const label = (j) => t('mnist.filters.one', { j });
    return el('div', { 'data-testid': 'filters' },
      el('h4', { text: t('mnist.filters') }), el('p', { className: 'sn-explain', text: t('mnist.filters.explain') }),
      el('p', { className: 'sn-tight', text: t('mnist.filters.before') }),
      before ? filterImages(before, { testid: 'filters-before', label }) : el('p', { className: 'sn-explain', text: t('mnist.filters.loaded') }),
      el('p', { className: 'sn-tight', text: t('mnist.filters.now') }), filterImages(now, { testid: 'filters-now', label }));
  }

  function renderBook(b) {
    if (b?.result?.which || (b && !b.result && bookTarget === 'cnn')) { renderBookCnn(b); return; }
    bookCnnOut.replaceChildren();
    if (!b) { bookOut.replaceChildren(); return; }
    if (b.loading) { bookOut.replaceChildren(el('p', { className: 'sn-explain', text: t('mnist.book.loading') })); return; }
    if (b.error) { const p = el('p', { className: 'sn-error', role: 'alert' }); showError(p, b.error); bookOut.replaceChildren(p); return; }
    const r = b.result;
    const lines = [t('mnist.book.acc', { acc: pct(r.testAcc), n: r.testSize })];
    if (r.allSize) lines.push(t('mnist.book.all', { acc: pct(r.allAcc), n: r.allSize }));
    lines.push(t('mnist.book.speed', { one: r.batch1Ms.toFixed(0), hundred: r.batch100Ms.toFixed(0), x: (r.batch1Ms / r.batch100Ms).toFixed(1) }));
    bookOut.replaceChildren(...lines.map((s, i) => el('p', { className: 'sn-mono', text: s, 'data-testid': `book-line-${i}` })));
    bookOut.dataset.testAcc = String(r.testAcc);
    bookOut.dataset.allAcc = String(r.allAcc ?? '');
  }

  function renderBookCnn(b) {
    bookOut.replaceChildren();
    if (!b) { bookCnnOut.replaceChildren(); return; }
    if (b.loading) { bookCnnOut.replaceChildren(el('p', { className: 'sn-explain', text: t('mnist.book.loading') })); return; }
    if (b.error) { const p = el('p', { className: 'sn-error', role: 'alert' }); showError(p, b.error); bookCnnOut.replaceChildren(p); return; }
    const r = b.result;
    // two decimals: the book's NumPy code gives 0.9600 and 0.9758 on all 10,000 digits
    const pct2 = (v) => `${(100 * v).toFixed(2)} %`;
    const lines = [t(`mnist.book.${r.which}`), t('mnist.book.acc', { acc: pct2(r.testAcc), n: r.testSize })];
    if (r.allSize) lines.push(t('mnist.book.all', { acc: pct2(r.allAcc), n: r.allSize }));
    bookCnnOut.replaceChildren(...lines.map((line, i) => el('p', { className: 'sn-mono', text: line, 'data-testid': `book-cnn-line-${i}` })));
    bookCnnOut.dataset.testAcc = String(r.testAcc);
    bookCnnOut.dataset.allAcc = String(r.allAcc ?? '');
  }

  // ---- controls ------------------------------------------------------------------------
  const report = (e) => showError(errorBox, e);
  function applySettings(partial) {
    const before = NET_KEYS.map((k) => String(st[k])).join('|');
    setState(partial);
    syncControls(run.snapshot());
    // a refused value (hidden sizes "abc") changes nothing: no new network, and no
    // rebuild that would reset a field the learner is typing in again
    if (NET_KEYS.some((k) => k in partial) && NET_KEYS.map((k) => String(st[k])).join('|') !== before) run.configure();
  }

  dataSel.addEventListener('change', () => {
    if (dataSel.value === 'files') return;
    setState({ m_data: dataSel.value });
    run.loadBundled(dataSel.value);
  });
  async function takeFiles(list) {
    try {
      run.loadFiles(await identifyIdxFiles(list));
    } catch (e) {
      run.dataFailed(e);
    }
  }
  fileInput.addEventListener('change', () => { if (fileInput.files.length) takeFiles([...fileInput.files]); fileInput.value = ''; });
  dropZone.addEventListener('dragover', (e) => { e.preventDefault(); dropZone.classList.add('sn-drop-active'); });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('sn-drop-active'));
  dropZone.addEventListener('drop', (e) => {
    e.preventDefault();
    dropZone.classList.remove('sn-drop-active');
    if (!busy(run.snapshot()) && e.dataTransfer?.files.length) takeFiles([...e.dataTransfer.files]);
  });

  presetSel.addEventListener('change', () => { if (PRESETS[presetSel.value]) applySettings(PRESETS[presetSel.value]); });
  hiddenIn.addEventListener('change', () => {
    const sizes = hiddenIn.value.split(/[\s,;-]+/).filter(Boolean);
    applySettings({ m_hidden: sizes.length ? sizes.join(',') : st.m_hidden.join(',') });
  });
  for (const [c, key] of [[archSel, 'm_arch'], [actSel, 'm_act'], [initSel, 'm_init'], [optSel, 'm_opt'], [batchIn, 'm_batch'], [wdIn, 'm_wd'], [dropIn, 'm_dropout'], [seedIn, 'm_seed']]) {
    c.addEventListener('change', () => applySettings({ [key]: c.value }));
  }
  bnBox.addEventListener('change', () => applySettings({ m_bn: bnBox.checked }));
  epochsIn.addEventListener('change', () => {
    setState({ m_epochs: epochsIn.value });
    syncControls(run.snapshot());
    run.setEpochs();
  });

  // The learning rate is the one setting that changes while training runs.
  function setLr(value) {
    setState({ m_lr: value });
    syncControls(run.snapshot());
    run.setLr(st.m_lr).catch(report);
  }
  lrRange.addEventListener('input', () => { lrNum.value = String(roundSig(10 ** Number(lrRange.value))); });
  lrRange.addEventListener('change', () => setLr(roundSig(10 ** Number(lrRange.value))));
  lrNum.addEventListener('change', () => setLr(lrNum.value));

  trainBtn.addEventListener('click', () => (run.snapshot().status === 'running' ? run.pause() : run.start()).catch(report));
  stopBtn.addEventListener('click', () => run.stop().catch(report));
  resetBtn.addEventListener('click', () => run.reset());
  discardOk.addEventListener('click', () => run.reset());

  let bookTarget = 'mlp';   // which of the two book boxes the run's `book` state is for
  bookCnnBtns.forEach((btn, i) => btn.addEventListener('click', async () => {
    bookTarget = 'cnn';
    const which = ['ch7', 'ch8'][i];
    const r = await run.bookConvNet(which);
    // ch. 7's network is the CNN setting's; ch. 8's has no setting of its own (Reset builds the setting's network)
    if (r && which === 'ch7') { setState({ m_arch: 'simplecnn' }); syncControls(run.snapshot()); }
  }));
  bookBtn.addEventListener('click', async () => {
    bookTarget = 'mlp';
    const r = await run.book();
    if (r) {
      setState({ m_arch: 'mlp', m_hidden: r.sizes.slice(1, -1).join(','), m_act: 'sigmoid' });
      syncControls(run.snapshot());
    }
  });

  async function download() {
    try {
      const bytes = await run.saveNpz();
      const a = el('a', { href: URL.createObjectURL(new Blob([bytes], { type: 'application/zip' })), download: run.snapshot().netInfo.kind === 'convnet' ? 'scratchnet-convnet.npz' : `scratchnet-${run.snapshot().netInfo.sizes.join('-')}-${st.m_act}.npz` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    } catch (e) {
      report(e);
    }
  }
  saveBtn.addEventListener('click', download);
  discardSave.addEventListener('click', download);
  loadIn.addEventListener('change', async () => {
    const file = loadIn.files[0];
    loadIn.value = '';
    if (!file) return;
    // The .npz holds weights only (like the book's pickle): the activation comes
    // from the file's name when we wrote it (…-relu.npz), else from the setting.
    const act = SETTINGS.m_act.values.find((a) => file.name.includes(`-${a}.`)) ?? st.m_act;
    const r = await run.loadNpz(await file.arrayBuffer(), { hidden: act, batchNorm: false, dropout: 0 });
    if (!r) return;
    if (r.kind === 'convnet') {
      setState({ m_arch: 'simplecnn' });
      syncControls(run.snapshot());
      run.setNote('mnist.npz.loaded.cnn', { name: file.name, layers: layerText(r.layers) });
      return;
    }
    setState({ m_arch: 'mlp', m_hidden: r.sizes.slice(1, -1).join(','), m_act: act, m_bn: false, m_dropout: 0 });
    syncControls(run.snapshot());
    run.setNote('mnist.npz.loaded', { name: file.name, sizes: r.sizes.join('-'), act: t(`mnist.act.${act}`) });
  });

  // ---- drawing -----------------------------------------------------------------------
  function schedulePredict() {
    if (drawTimer || destroyed) return;
    drawTimer = requestAnimationFrame(async () => {
      drawTimer = 0;
      const s = run.snapshot();
      const pixels = mnistInput(draw.canvas);
      if (!pixels || !s.netInfo || s.dataInfo?.features !== 784) {
        drawProbs.replaceChildren();
        delete drawProbs.dataset.sum;
        drawAnswer.hidden = true;
        drawHint.hidden = true;
        featPart.hidden = true;
        paintImage(seenCanvas, new Float32Array(784), 28);
        return;
      }
      paintImage(seenCanvas, pixels, 28);
      try {
        const forMaps = s.netInfo.kind === 'convnet' ? pixels.slice() : null;   // predict() transfers pixels away
        const probs = await run.predict(pixels);
        if (destroyed) return;
        drawProbs.dataset.sum = String(probs.reduce((a, b) => a + b, 0));
        drawProbs.dataset.probs = Array.from(probs, (p) => p.toFixed(4)).join(',');
        drawProbs.replaceChildren(probabilityPlot({ probs, names: names(s), t, width: width(drawProbs, 360) }));
        // An untrained network's answer is a guess: say so instead of announcing it.
        const trained = s.last.step > 0 || s.loaded;
        drawHint.hidden = trained;
        drawHint.textContent = trained ? '' : t('mnist.draw.untrained');
        drawAnswer.hidden = !trained;
        const best = argmax(probs, 0, probs.length);
        const answer = { name: names(s)[best], p: Math.round(100 * probs[best]) };
        drawAnswer.textContent = t('mnist.draw.answer', answer);
        drawAnswer.dataset.value = String(best);
        if (forMaps) showFeatureMaps(await run.featureMaps(forMaps));
      } catch (e) {
        report(e);
      }
    });
  }
  clearBtn.addEventListener('click', () => draw.clear());

  // The conv layer after its ReLU (24×24) and the pooling layer (12×12), one picture per channel.
  function showFeatureMaps(maps) {
    if (destroyed) return;
    const shownMaps = maps.filter((m) => /^(Relu|Pooling)1$/.test(m.layer));
    featBox.replaceChildren(...shownMaps.map((m) => featureMapImages(m, {
      testid: `featuremaps-${m.layer}`, label: (j) => t('mnist.featuremaps.map', { layer: m.layer, j }),
    })));
    featPart.hidden = shownMaps.length === 0;
  }

  // Fault injection for the tests (a worker that dies is restarted and the UI says so).
  root.addEventListener('scratchnet:fault', () => run.crash());

  // ---- mount: draw where the run has got to ---------------------------------------------
  syncControls(run.snapshot());
  const unsubscribe = run.subscribe(render);
  render(run.snapshot());

  return {
    destroy() {
      destroyed = true;
      unsubscribe();
      cancelAnimationFrame(drawTimer);
    },
  };
}
