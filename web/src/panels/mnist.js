// mnist.js — train a network on handwritten digits, in the browser
// (book ch. 3 inference, ch. 4–6 learning; vol. 2 ch. 1 Trainer).
//
// The training itself runs in a Web Worker (mnist/session.js behind
// mnist/client.js): this file builds the controls, sends requests, and draws
// what the session reports. The learning rate can be turned at any moment; it
// reaches the worker between two minibatches and the loss curve marks where.
import { errorMessage } from '../i18n.js';
import { el, controlRow, formula, selectOf, showError } from '../ui.js';
import { lossPlot } from '../shared/loss-plot.js';
import { LossHistory } from '../shared/loss-history.js';
import { strings } from './mnist/strings.js';
import { connect } from './mnist/client.js';
import { accuracyPlot, confusionPlot, probabilityPlot } from './mnist/plots.js';
import { testGrid, weightImages } from './mnist/results.js';
import { drawingCanvas, mnistInput, paintImage } from './mnist/draw.js';
import { identifyIdxFiles } from './mnist/files.js';

export { strings };

// Data and models are static files next to the site; an embedding page on
// another origin still finds them next to this script.
const ASSET_BASE = new URL(import.meta.env.BASE_URL, import.meta.url);
const BUNDLED = {
  mnist: { dir: 'data/mnist', train: 'train', test: 'test' },
  fashion: { dir: 'data/fashion-mnist', train: 'train', test: 't10k' },
};
const BOOK_MODEL = 'models/book-ch03.npz';

const PRESETS = {
  // 밑바닥부터 시작하는 딥러닝 1권 4.5 train_neuralnet.py: TwoLayerNet(784, 50, 10),
  // weight_init_std 0.01, SGD lr 0.1, batch 100, 10,000 iterations (≈ 17 epochs of 60,000).
  book: { m_hidden: [50], m_act: 'sigmoid', m_init: 'std', m_opt: 'sgd', m_lr: 0.1, m_batch: 100, m_epochs: 17, m_wd: 0, m_dropout: 0, m_bn: false },
  // ch. 6's advice: ReLU with He initialisation, Adam. ≈ 94–95 % on the bundled test split in a few seconds.
  fast: { m_hidden: [100], m_act: 'relu', m_init: 'he', m_opt: 'adam', m_lr: 0.002, m_batch: 50, m_epochs: 10, m_wd: 0, m_dropout: 0, m_bn: false },
};
const LR_MIN = 1e-5;
const LR_MAX = 10;
const DRAW_EVERY_MS = 250;

let instances = 0;

const fmtLr = (v) => String(Number(v.toPrecision(3)));
const pct = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—');
function fmtMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  return ms < 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export function mount(root, ctx) {
  const { t } = ctx;
  const st = ctx.state;
  const uid = `sn-mn-${++instances}`;
  const id = (k) => `${uid}-${k}`;

  let session = null;
  let destroyed = false;
  let dataInfo = null;
  let dataSource = null;        // { kind: 'bundled', name } | { kind: 'files', name, files }
  let netInfo = null;
  let status = 'idle';          // idle | loading | ready | running | paused | done | diverged
  let snapshot = null;          // .npz bytes of the last epoch end (for a worker restart)
  const history = new LossHistory();
  let markers = [];
  let divergences = [];
  let epochs = [];
  let last = { step: 0, loss: NaN, samplesPerSec: NaN, etaMs: NaN };
  // steps of the whole run, for the progress bar (the epochs setting may change mid-run)
  const totalSteps = () => (netInfo ? netInfo.stepsPerEpoch * st.m_epochs : 0);
  let lastDraw = 0;
  let drawTimer = 0;
  let names = [];
  let workerLr = NaN;           // the rate the trainer in the worker reports using

  // ---- DOM -------------------------------------------------------------------
  const left = el('section', { className: 'sn-controls', 'aria-label': t('mnist.settings') });
  const right = el('section');
  const bottom = el('section', { className: 'sn-wide' });
  root.append(left, right, bottom);
  left.append(el('h2', { text: t('mnist.title') }));
  if (!ctx.embedded) left.append(el('p', { className: 'sn-explain', text: t('mnist.intro') }));

  const select = (key, values, label) => selectOf(id(key), key, values, label);
  const num = (key, attrs) => el('input', { type: 'number', id: id(key), 'data-testid': key, ...attrs });

  // data
  const dataSel = select('m_data', ['mnist', 'fashion', 'files'], (v) => t(`mnist.data.${v}`));
  dataSel.options[2].disabled = true;
  const fileInput = el('input', { type: 'file', multiple: true, id: id('files'), 'data-testid': 'idx-files', accept: '.gz,.idx,.idx1-ubyte,.idx3-ubyte,application/gzip,application/octet-stream' });
  const dataProgress = el('progress', { max: 1, value: 0, 'data-testid': 'data-progress', 'aria-label': t('mnist.data.progress') });
  const dataStatus = el('p', { className: 'sn-explain', 'data-testid': 'data-status', role: 'status', style: { margin: '0' } });
  const dataError = el('p', { className: 'sn-error', role: 'alert', 'data-testid': 'data-error', hidden: true });
  const dropZone = el('div', { className: 'sn-dropzone', 'data-testid': 'drop-zone' },
    controlRow(t('mnist.data'), id('m_data'), dataSel),
    controlRow(t('mnist.files'), id('files'), fileInput),
    el('p', { className: 'sn-explain', text: t('mnist.files.hint'), style: { margin: '0' } }),
    dataProgress, dataStatus, dataError);
  left.append(dropZone);

  // model
  const presetSel = select('preset', ['', 'book', 'fast'], (v) => t(`mnist.preset.${v || 'custom'}`));
  const hiddenIn = el('input', { type: 'text', id: id('m_hidden'), 'data-testid': 'm_hidden', inputMode: 'numeric', spellcheck: false, size: 10 });
  const actSel = select('m_act', ['relu', 'sigmoid', 'tanh', 'leaky_relu'], (v) => t(`mnist.act.${v}`));
  const initSel = select('m_init', ['he', 'xavier', 'std'], (v) => t(`mnist.init.${v}`));
  const optSel = select('m_opt', ['adam', 'sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop'], (v) => t(`mnist.opt.${v}`));
  const batchIn = num('m_batch', { min: 1, max: 1000, step: 1 });
  const epochsIn = num('m_epochs', { min: 1, max: 100, step: 1 });
  const wdIn = num('m_wd', { min: 0, max: 0.1, step: 'any' });
  const dropIn = num('m_dropout', { min: 0, max: 0.9, step: 0.05 });
  const bnBox = el('input', { type: 'checkbox', id: id('m_bn'), 'data-testid': 'm_bn' });
  const seedIn = num('m_seed', { min: 0, max: 2 ** 31 - 1, step: 1 });
  const lrRange = el('input', { type: 'range', id: id('m_lr'), min: Math.log10(LR_MIN), max: Math.log10(LR_MAX), step: 0.05, 'data-testid': 'lr-range', 'aria-label': t('mnist.lr.range') });
  const lrNum = el('input', { type: 'number', min: LR_MIN, max: LR_MAX, step: 'any', 'data-testid': 'lr-number', 'aria-label': t('mnist.lr.number') });
  const modelControls = [presetSel, hiddenIn, actSel, initSel, optSel, batchIn, epochsIn, wdIn, dropIn, bnBox, seedIn];
  left.append(
    controlRow(t('mnist.preset'), id('preset'), presetSel),
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
    controlRow(t('mnist.lr'), id('m_lr'), lrRange, lrNum),
  );
  const archLine = el('p', { className: 'sn-explain sn-mono', 'data-testid': 'architecture', style: { margin: '0' } });
  left.append(archLine);

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
  const bookOut = el('div', { 'data-testid': 'book-result', role: 'status' });
  const saveBtn = el('button', { type: 'button', text: t('mnist.npz.save'), 'data-testid': 'download-npz' });
  const loadIn = el('input', { type: 'file', id: id('npz'), accept: '.npz,application/zip', 'data-testid': 'load-npz' });
  left.append(
    el('h3', { text: t('mnist.book.title') }), el('p', { className: 'sn-explain', text: t('mnist.book.explain') }),
    el('div', { className: 'sn-buttons' }, bookBtn), bookOut,
    el('h3', { text: t('mnist.npz.title') }), el('p', { className: 'sn-explain', text: t('mnist.npz.explain') }),
    el('div', { className: 'sn-buttons' }, saveBtn), controlRow(t('mnist.npz.load'), id('npz'), loadIn));

  // curves
  const lossBox = el('div', { className: 'sn-plot', 'data-testid': 'loss-plot' });
  const accBox = el('div', { className: 'sn-plot', 'data-testid': 'acc-plot' });
  right.append(el('h3', { text: t('mnist.loss') }), lossBox, el('h3', { text: t('mnist.acc') }), accBox);

  // results and drawing
  const confBox = el('div', { className: 'sn-plot', 'data-testid': 'confusion' });
  const gridBox = el('div');
  const pickBox = el('div', { 'data-testid': 'picked-probs' });
  const weightBox = el('div');
  const draw = drawingCanvas({ label: t('mnist.draw.canvas'), onChange: () => schedulePredict() });
  const seenCanvas = el('canvas', { width: 28, height: 28, className: 'sn-seen', role: 'img', 'aria-label': t('mnist.draw.seen'), 'data-testid': 'draw-seen' });
  const clearBtn = el('button', { type: 'button', text: t('mnist.draw.clear'), 'data-testid': 'draw-clear' });
  const drawProbs = el('div', { 'data-testid': 'draw-probs' });
  right.append(
    el('h3', { text: t('mnist.draw.title') }), el('p', { className: 'sn-explain', text: t('mnist.draw.explain') }),
    el('div', { className: 'sn-draw-row' }, draw.canvas, el('div', {}, seenCanvas, el('div', { className: 'sn-buttons' }, clearBtn)), drawProbs));
  bottom.append(
    el('h3', { text: t('mnist.confusion') }), el('p', { className: 'sn-explain', text: t('mnist.confusion.explain') }), confBox,
    el('h3', { text: t('mnist.grid') }), el('p', { className: 'sn-explain', text: t('mnist.grid.explain') }), gridBox, pickBox,
    el('h3', { text: t('mnist.weights') }), el('p', { className: 'sn-explain', text: t('mnist.weights.explain') }), weightBox,
  );
  const formulas = el('details', { open: !ctx.embedded }, el('summary', { text: t('mnist.formulas') }));
  for (const [k, tex] of [['mnist.f.forward', String.raw`\mathbf{Y} = \operatorname{softmax}(h(\mathbf{X}\mathbf{W}_1 + \mathbf{b}_1)\,\mathbf{W}_2 + \mathbf{b}_2)`],
    ['mnist.f.loss', String.raw`L = -\frac{1}{N}\sum_{n}\sum_{k} t_{nk}\log y_{nk}`],
    ['mnist.f.update', String.raw`\mathbf{W} \leftarrow \mathbf{W} - \eta\,\frac{\partial L}{\partial \mathbf{W}}`]]) {
    formulas.append(el('p', { className: 'sn-explain', text: t(k) }), formula(tex));
  }
  bottom.append(formulas);

  // ---- rendering -------------------------------------------------------------------
  const width = (box, max) => Math.max(220, Math.min(max, Math.floor(box.clientWidth || right.clientWidth || max)));
  const busy = () => status === 'running' || status === 'loading';

  function syncControls() {
    dataSel.value = dataSource?.kind === 'files' ? 'files' : st.m_data;
    hiddenIn.value = st.m_hidden.join(',');
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
    lrNum.value = fmtLr(st.m_lr);
    presetSel.value = Object.entries(PRESETS).find(([, p]) => Object.entries(p).every(([k, v]) => String(st[k]) === String(v)))?.[0] ?? '';
  }

  function updateButtons() {
    const text = { running: 'mnist.pause', paused: 'mnist.resume', diverged: 'mnist.resume' }[status] ?? 'mnist.start';
    trainBtn.textContent = t(text);
    trainBtn.setAttribute('aria-pressed', String(status === 'running'));
    trainBtn.disabled = !netInfo || status === 'loading';
    stopBtn.disabled = !(status === 'running' || status === 'paused' || status === 'diverged');
    resetBtn.disabled = busy() || !dataInfo;
    for (const c of [...modelControls, dataSel, fileInput, bookBtn, loadIn]) c.disabled = busy();
    saveBtn.disabled = busy() || !netInfo;
  }

  function put(key, value, text) {
    statEls[key].dataset.value = String(value);
    statEls[key].textContent = text;
  }
  function updateStats() {
    const lastEpoch = epochs[epochs.length - 1];
    put('status', status, t(`mnist.status.${status}`));
    put('step', last.step, String(last.step));
    put('epoch', epochs.length, netInfo ? `${epochs.length} / ${st.m_epochs}` : '—');
    put('loss', last.loss, Number.isFinite(last.loss) ? last.loss.toFixed(4) : '—');
    put('train-acc', lastEpoch?.trainAcc ?? NaN, pct(lastEpoch?.trainAcc));
    put('test-acc', lastEpoch?.testAcc ?? NaN, pct(lastEpoch?.testAcc));
    put('samples-per-sec', last.samplesPerSec, Number.isFinite(last.samplesPerSec) ? Math.round(last.samplesPerSec).toLocaleString('en') : '—');
    put('eta', last.etaMs, status === 'running' ? fmtMs(last.etaMs) : '—');
    put('lr-current', workerLr, Number.isFinite(workerLr) ? fmtLr(workerLr) : '—');
    trainProgress.value = totalSteps() ? last.step / totalSteps() : 0;
    archLine.textContent = netInfo ? t('mnist.arch', { sizes: netInfo.sizes.join('-'), steps: netInfo.stepsPerEpoch }) : '';
  }

  // Each figure is drawn in a task of its own, so that no single main-thread task
  // grows past ~50 ms while training (the page must stay responsive).
  const nextTask = () => new Promise((r) => { setTimeout(r, 0); });

  function drawLoss() {
    lastDraw = performance.now();
    lossBox.replaceChildren(lossPlot({ points: history.points, markers, divergences, logY: true, lastStep: last.step, width: width(lossBox, 560) }));
  }
  async function drawCurves() {
    drawLoss();
    await nextTask();
    if (!destroyed) accBox.replaceChildren(accuracyPlot({ epochs, width: width(accBox, 560), t }));
  }

  function note(key, params) {
    noteBox.textContent = t(key, params);
    noteBox.hidden = false;
  }

  async function call(type, args, transfer) {
    return session.call(type, args, transfer);
  }

  async function evaluate() {
    if (!netInfo || destroyed) return;
    const r = await call('evaluate');
    if (destroyed) return;
    confBox.replaceChildren(confusionPlot({ counts: r.confusion, classes: r.classes, names, width: width(confBox, 420), t }));
    await nextTask();
    if (destroyed) return;
    const side = dataInfo.side;
    gridBox.replaceChildren(side ? testGrid({
      grid: r.grid, classes: r.classes, side, names, t,
      onPick: (i, probs, label) => {
        pickBox.replaceChildren(el('p', { className: 'sn-explain', text: t('mnist.grid.picked', { i: i + 1, label: names[label] }) }),
          probabilityPlot({ probs, names, t, truth: label, width: width(pickBox, 420) }));
      },
    }) : '');
    await nextTask();
    if (destroyed) return;
    weightBox.replaceChildren(side ? weightImages({ weights: r.weights, side, t }) : '');
    schedulePredict();
  }

  // ---- data -------------------------------------------------------------------------
  function classNames(info) {
    if (info.name === 'fashion') return Array.from({ length: 10 }, (_, i) => t(`mnist.fashion.${i}`));
    return Array.from({ length: info.classes }, (_, i) => String(i));
  }

  async function loadData(source) {
    const previous = status;
    status = 'loading';
    dataError.hidden = true;
    dataProgress.value = 0;
    dataStatus.textContent = t('mnist.data.loading');
    updateButtons();
    try {
      let info;
      if (source.kind === 'bundled') {
        const b = BUNDLED[source.name];
        const url = (f) => new URL(`${b.dir}/${f}`, ASSET_BASE).href;
        info = await call('loadUrls', {
          name: source.name,
          urls: {
            trainImages: url(`${b.train}-images-idx3-ubyte.gz`), trainLabels: url(`${b.train}-labels-idx1-ubyte.gz`),
            testImages: url(`${b.test}-images-idx3-ubyte.gz`), testLabels: url(`${b.test}-labels-idx1-ubyte.gz`),
          },
        });
      } else {
        // copies, so the page keeps the files for a worker restart
        const files = Object.fromEntries(Object.entries(source.files).map(([k, v]) => [k, v.slice(0)]));
        info = await call('loadFiles', { name: source.name, files }, Object.values(files));
      }
      dataInfo = info;
      dataSource = source;
      dataSel.options[2].disabled = source.kind !== 'files';
      syncControls();
      names = classNames(info);
      dataProgress.value = 1;
      dataStatus.textContent = t(info.testIsTrain ? 'mnist.data.loaded.notest' : 'mnist.data.loaded', {
        name: source.kind === 'files' ? source.label : t(`mnist.data.${source.name}`), train: info.trainSize, test: info.testSize,
      });
      status = 'idle';
      await build();
    } catch (e) {
      // the previous data set (and network) are untouched
      status = previous === 'loading' ? 'idle' : previous === 'running' ? 'paused' : previous;
      showError(dataError, e);
      dataStatus.textContent = dataInfo ? t('mnist.data.kept') : '';
      syncControls();
      updateButtons();
      updateStats();
    }
  }

  // ---- training ------------------------------------------------------------------
  function clearRun() {
    history.clear();
    markers = [];
    divergences = [];
    epochs = [];
    snapshot = null;
    last = { step: 0, loss: NaN, samplesPerSec: NaN, etaMs: NaN };
    alertBox.hidden = true;
    errorBox.hidden = true;
  }

  function buildRequest() {
    return {
      // spec.hidden is the hidden layers' activation, as in sn.network; their sizes go separately
      spec: { hidden: st.m_act, init: st.m_init, initStd: 0.01, batchNorm: st.m_bn, dropout: st.m_dropout },
      hiddenSizes: st.m_hidden, optimizer: st.m_opt, lr: st.m_lr, wd: st.m_wd, batch: st.m_batch, seed: st.m_seed, epochs: st.m_epochs,
    };
  }

  async function build() {
    clearRun();
    try {
      netInfo = await call('build', buildRequest());
      workerLr = netInfo.lr;
      status = 'ready';
    } catch (e) {
      netInfo = null;
      status = 'idle';
      showError(errorBox, e);
    }
    syncControls();
    updateButtons();
    updateStats();
    drawCurves();
    confBox.replaceChildren();
    gridBox.replaceChildren();
    pickBox.replaceChildren();
    weightBox.replaceChildren();
    schedulePredict();
  }

  async function start() {
    alertBox.hidden = true;
    errorBox.hidden = true;
    if (status === 'done' || status === 'idle') await build();
    if (!netInfo) return;
    status = 'running';
    updateButtons();
    await call('start', { epochs: st.m_epochs });
  }

  async function pause() {
    const r = await call('pause');
    last.step = r.step;
    status = 'paused';
    updateButtons();
    updateStats();
    evaluate();
  }

  function onEvent(e) {
    if (destroyed) return;
    if (e.event === 'loading') {
      if (e.total) dataProgress.value = e.loaded / e.total;
      dataStatus.textContent = e.phase === 'decoding' ? t('mnist.data.decoding')
        : t('mnist.data.bytes', { mb: (e.loaded / 1048576).toFixed(1), total: e.total ? (e.total / 1048576).toFixed(1) : '?' });
      return;
    }
    if (e.event === 'progress') {
      history.pushMany(e.losses, e.step);
      for (let i = e.losses.length - 1; i >= 0; i--) if (Number.isFinite(e.losses[i])) { last.loss = e.losses[i]; break; }
      Object.assign(last, { step: e.step, samplesPerSec: e.samplesPerSec, etaMs: e.etaMs });
      workerLr = e.lr;
      stats.dataset.workerHeap = String(e.heapBytes);
      stats.dataset.workerLive = String(e.liveObjects);
      epochs.push(...e.epochs);
      if (e.snapshot) snapshot = e.snapshot;
      updateStats();
      if (e.epochs.length) drawCurves().then(evaluate);
      else if (performance.now() - lastDraw > DRAW_EVERY_MS) drawLoss();
      return;
    }
    if (e.event === 'diverged') {
      status = 'diverged';
      divergences.push({ step: e.step });
      alertBox.textContent = t(e.restoredStep === null ? 'mnist.diverged' : 'mnist.diverged.restored',
        { step: e.step, lr: fmtLr(e.lr), restored: e.restoredStep });
      alertBox.hidden = false;
    } else if (e.event === 'done') {
      status = 'done';
    } else if (e.event === 'failed') {
      status = 'paused';
      showError(errorBox, e.error);
    }
    updateButtons();
    updateStats();
    // 'done' always follows the progress event of the last epoch end, which
    // already redrew the curves and evaluated these very weights.
    if (e.event === 'done') return;
    drawCurves();
    evaluate();
  }

  async function onRestart() {
    if (destroyed) return;
    note('mnist.restarted');
    const keep = snapshot;
    const keptEpoch = epochs.length;
    const source = dataSource;
    status = 'idle';
    netInfo = null;
    try {
      await call('init');
      if (source) await loadData(source);
      if (keep) {
        netInfo = await call('loadNpz', { bytes: keep.slice(0).buffer, spec: { hidden: st.m_act, batchNorm: st.m_bn, dropout: st.m_dropout } });
        status = 'ready';   // Start goes on training these weights
        snapshot = keep;
        note('mnist.restarted.weights', { epoch: keptEpoch });
        evaluate();
      }
    } catch (e) {
      showError(errorBox, e);
    }
    updateButtons();
    updateStats();
  }

  // ---- controls ------------------------------------------------------------------------
  function applySettings(partial) {
    ctx.setState(partial);
    syncControls();
    if (!busy() && dataInfo) build();
  }

  dataSel.addEventListener('change', () => {
    if (dataSel.value === 'files') return;
    ctx.setState({ m_data: dataSel.value });
    loadData({ kind: 'bundled', name: dataSel.value });
  });
  async function takeFiles(list) {
    try {
      const picked = await identifyIdxFiles(list);
      loadData({ kind: 'files', name: 'files', label: picked.label, files: picked.files });
    } catch (e) {
      showError(dataError, e);
    }
  }
  fileInput.addEventListener('change', () => { if (fileInput.files.length) takeFiles([...fileInput.files]); fileInput.value = ''; });
  dropZone.addEventListener('dragover', (e) => { e.preventDefault(); dropZone.classList.add('sn-drop-active'); });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('sn-drop-active'));
  dropZone.addEventListener('drop', (e) => {
    e.preventDefault();
    dropZone.classList.remove('sn-drop-active');
    if (!busy() && e.dataTransfer?.files.length) takeFiles([...e.dataTransfer.files]);
  });

  presetSel.addEventListener('change', () => { if (PRESETS[presetSel.value]) applySettings(PRESETS[presetSel.value]); });
  hiddenIn.addEventListener('change', () => {
    const sizes = hiddenIn.value.split(/[\s,;-]+/).filter(Boolean);
    applySettings({ m_hidden: sizes.length ? sizes.join(',') : st.m_hidden.join(',') });
  });
  for (const [c, key] of [[actSel, 'm_act'], [initSel, 'm_init'], [optSel, 'm_opt'], [batchIn, 'm_batch'], [wdIn, 'm_wd'], [dropIn, 'm_dropout'], [seedIn, 'm_seed']]) {
    c.addEventListener('change', () => applySettings({ [key]: c.value }));
  }
  bnBox.addEventListener('change', () => applySettings({ m_bn: bnBox.checked }));
  epochsIn.addEventListener('change', () => {
    ctx.setState({ m_epochs: epochsIn.value });
    syncControls();
    if (status === 'done' && last.step < totalSteps()) status = 'paused';   // more epochs: go on from here
    updateButtons();
    updateStats();
  });

  // The learning rate is the one setting that changes while training runs.
  async function setLr(value) {
    ctx.setState({ m_lr: value });
    syncControls();
    if (!netInfo) return;
    const r = await call('setLr', { lr: st.m_lr });
    workerLr = r.lr;
    if (last.step > 0) markers.push({ step: r.step - 1, lr: r.lr, label: fmtLr(r.lr) });
    updateStats();
    drawCurves();
  }
  lrRange.addEventListener('input', () => { lrNum.value = fmtLr(10 ** Number(lrRange.value)); });
  lrRange.addEventListener('change', () => setLr(fmtLr(10 ** Number(lrRange.value))));
  lrNum.addEventListener('change', () => setLr(lrNum.value));

  trainBtn.addEventListener('click', () => (status === 'running' ? pause() : start()).catch((e) => showError(errorBox, e)));
  stopBtn.addEventListener('click', async () => {
    if (status === 'running') await pause();
    status = 'done';
    updateButtons();
    updateStats();
  });
  resetBtn.addEventListener('click', () => build());

  bookBtn.addEventListener('click', async () => {
    bookOut.replaceChildren(el('p', { className: 'sn-explain', text: t('mnist.book.loading') }));
    try {
      const r = await call('book', { url: new URL(BOOK_MODEL, ASSET_BASE).href });
      ctx.setState({ m_hidden: r.sizes.slice(1, -1).join(','), m_act: 'sigmoid' });
      syncControls();
      clearRun();
      netInfo = r;
      workerLr = r.lr;
      status = 'ready';   // Start trains the loaded weights further, it does not start over
      const lines = [t('mnist.book.acc', { acc: pct(r.testAcc), n: r.testSize })];
      if (r.allSize) lines.push(t('mnist.book.all', { acc: pct(r.allAcc), n: r.allSize }));
      lines.push(t('mnist.book.speed', { one: r.batch1Ms.toFixed(0), hundred: r.batch100Ms.toFixed(0), x: (r.batch1Ms / r.batch100Ms).toFixed(1) }));
      bookOut.replaceChildren(...lines.map((s, i) => el('p', { className: 'sn-mono', text: s, dataset: { testid: `book-line-${i}` } })));
      bookOut.dataset.testAcc = String(r.testAcc);
      bookOut.dataset.allAcc = String(r.allAcc ?? '');
      updateButtons();
      updateStats();
      evaluate();
    } catch (e) {
      bookOut.replaceChildren(el('p', { className: 'sn-error', role: 'alert', text: errorMessage(e) }));
    }
  });

  saveBtn.addEventListener('click', async () => {
    try {
      const bytes = await call('saveNpz');
      const a = el('a', { href: URL.createObjectURL(new Blob([bytes], { type: 'application/zip' })), download: `scratchnet-${netInfo.sizes.join('-')}-${st.m_act}.npz` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    } catch (e) {
      showError(errorBox, e);
    }
  });
  loadIn.addEventListener('change', async () => {
    const file = loadIn.files[0];
    loadIn.value = '';
    if (!file) return;
    errorBox.hidden = true;
    try {
      // The .npz holds weights only (like the book's pickle): the activation comes
      // from the file's name when we wrote it (…-relu.npz), else from the setting.
      const act = ['leaky_relu', 'sigmoid', 'tanh', 'relu'].find((a) => file.name.includes(`-${a}.`)) ?? st.m_act;
      const bytes = await file.arrayBuffer();
      const r = await call('loadNpz', { bytes, spec: { hidden: act, batchNorm: false, dropout: 0 } }, [bytes]);
      ctx.setState({ m_hidden: r.sizes.slice(1, -1).join(','), m_act: act, m_bn: false, m_dropout: 0 });
      syncControls();
      clearRun();
      netInfo = r;
      workerLr = r.lr;
      status = 'ready';   // Start trains the loaded weights further, it does not start over
      note('mnist.npz.loaded', { name: file.name, sizes: r.sizes.join('-'), act: t(`mnist.act.${act}`) });
      updateButtons();
      updateStats();
      evaluate();
    } catch (e) {
      showError(errorBox, e);
    }
  });

  // ---- drawing -----------------------------------------------------------------------
  function schedulePredict() {
    if (drawTimer) return;
    drawTimer = requestAnimationFrame(async () => {
      drawTimer = 0;
      const pixels = mnistInput(draw.canvas);
      if (!pixels || !netInfo || dataInfo?.features !== 784) {
        drawProbs.replaceChildren();
        delete drawProbs.dataset.sum;
        paintImage(seenCanvas, new Float32Array(784), 28);
        return;
      }
      paintImage(seenCanvas, pixels, 28);
      try {
        const probs = await call('predict', { pixels }, [pixels.buffer]);
        if (destroyed) return;
        drawProbs.dataset.sum = String(probs.reduce((a, b) => a + b, 0));
        drawProbs.dataset.probs = Array.from(probs, (p) => p.toFixed(4)).join(',');
        drawProbs.replaceChildren(probabilityPlot({ probs, names, t, width: width(drawProbs, 360) }));
      } catch (e) {
        showError(errorBox, e);
      }
    });
  }
  clearBtn.addEventListener('click', () => draw.clear());

  // Fault injection for the tests (issue: a worker that dies is restarted and the
  // UI says so): the event makes the worker throw, exactly as a crash would.
  root.addEventListener('scratchnet:fault', () => session?.call('crash'));

  // ---- start -----------------------------------------------------------------------
  syncControls();
  updateButtons();
  updateStats();
  connect({ onEvent, onRestart }).then(async (s) => {
    if (destroyed) { s.destroy(); return; }
    session = s;
    root.dataset.session = s.mode;
    await call('init');
    await loadData({ kind: 'bundled', name: st.m_data });
    drawCurves();
  }).catch((e) => showError(errorBox, e));

  return {
    destroy() {
      destroyed = true;
      cancelAnimationFrame(drawTimer);
      session?.destroy();
    },
  };
}
