// view.js — the backprop playground's DOM (book ch. 5–6, vol. 2 ch. 1; TensorFlow
// Playground's picture, issue 11): the play cluster and the numbers, the network with
// a heat map in every neuron (network-view.js), the output over the plane with the data
// (plots.js), the train and test loss, then the settings folded under the picture, the
// gradient check and the formulas. Everything is drawn from the run's snapshot and its
// core numbers (run.js); destroying the view never touches the run.
import { SETTINGS, PLANE_PRESETS } from '../../state.js';
import { el, controlRow, formula, selectOf, showError, fmtSig, fmtTrim, roundSig, pct, idMaker } from '../../ui.js';
import { lossPlot } from '../../shared/loss-plot.js';
import { timed } from '../../shared/profile.js';
import { networkDiagram, edgeText, outputDomain } from './network-view.js';
import { outputMap, legend } from './plots.js';
import { SPEEDS, hiddenSizes } from './run.js';
import * as F from './formulas.js';

const LOSS_EVERY_MS = 250;          // the loss chart (an Observable Plot figure) at most this often while playing
const RATES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
const TEST_STROKE = '#8a6100';
const COMPACT_BELOW = 720;          // px: the phone layout (picture first, settings folded)

export function mountView(root, { run, state: st, setState: setStateRaw, t, embedded, discarded }) {
  const id = idMaker('sn-bp');
  const lrLimits = SETTINGS.lr;
  const allFeatures = SETTINGS.features.values;
  const s0 = run.snapshot();
  const width = Math.floor(root.clientWidth || root.ownerDocument.documentElement.clientWidth || 800);
  const compact = width < COMPACT_BELOW;
  const hidden = hiddenSizes(st);
  const regression = s0.regression;
  const gate = s0.gate;     // data=xor: the four points are train and test at once (no split, no noise)
  let logY = true;
  let lastLoss = 0;
  let lastEdge = 0;                 // when the selected edge's numbers were last shown
  let lossTimer = 0;                // a chart redraw waiting for its own task (while playing)
  let shownMaps = -1;
  let shownGc = null;
  let selected = null;      // the edge being edited { layer, i, j }
  let frameId = 0;
  let pending = null;       // the snapshot waiting for the next animation frame
  let destroyed = false;
  // a setting goes to the shell only when it changes: a second 'change' event for the same value
  // (a field's blur after Enter) must not queue a second remount, which would drop the discarded note
  const setState = (partial) => {
    if (Object.entries(partial).some(([k, v]) => String(v) !== String(st[k]))) setStateRaw(partial);
  };

  // ---- the head: title, the play cluster and the numbers ------------------------
  const head = el('section', { className: 'sn-wide sn-plane-head' }, el('h2', { text: t('bp.title') }));
  if (!embedded && !compact) head.append(el('p', { className: 'sn-explain sn-tight', text: t('bp.intro') }));
  const playBtn = el('button', { type: 'button', className: 'sn-primary sn-play', 'data-testid': 'play', 'aria-pressed': 'false' });
  const stepBtn = el('button', { type: 'button', text: t('bp.stepOnce'), 'data-testid': 'step-once' });
  const resetBtn = el('button', { type: 'button', text: t('bp.reset'), 'data-testid': 'reset' });
  const stats = el('dl', { className: 'sn-stats sn-plane-stats', 'aria-label': t('bp.stats') });
  const statEls = {};
  for (const [key, label] of [['step', 'bp.stat.step'], ['epoch', 'bp.stat.epoch'], ['loss', 'bp.stat.loss'], ['test-loss', 'bp.stat.testLoss'],
    ['accuracy', 'bp.stat.accuracy'], ['test-accuracy', 'bp.stat.testAccuracy'], ['lr-current', 'bp.stat.lr']]) {
    if (regression && key.endsWith('accuracy')) continue;
    if (gate && key.startsWith('test-')) continue;
    statEls[key] = el('dd', { className: 'sn-mono', 'data-testid': key });
    stats.append(el('div', {}, el('dt', { text: t(label) }), statEls[key]));
  }
  // the numbers sit under the title on a wide screen, under the picture on a phone
  head.append(el('div', { className: 'sn-plane-cluster', role: 'group', 'aria-label': t('bp.controls') }, resetBtn, playBtn, stepBtn));
  if (!compact) head.append(stats);
  const hintBox = el('p', { className: 'sn-notes', role: 'status', 'data-testid': 'lr-hint', hidden: true });
  const divergedBox = el('p', { className: 'sn-error', role: 'alert', 'data-testid': 'diverged', hidden: true });
  const errorBox = el('p', { className: 'sn-error', role: 'alert', 'data-testid': 'error', hidden: true });
  head.append(hintBox, divergedBox, errorBox);
  if (discarded) head.append(el('p', { className: 'sn-notes', role: 'status', 'data-testid': 'discarded', text: t('bp.discarded', discarded) }));

  // ---- the stage: the network, and the output over the plane with the loss -------
  const outSize = compact ? Math.min(width - 8, 300) : 280;
  const diagramWidth = compact ? width - 4 : Math.max(420, width - outSize - 48);
  const domain = outputDomain(regression);
  const diagram = timed('diagram', () => networkDiagram({
    t, gridN: s0.gridN, plane: s0.plane, allFeatures, features: st.features, hidden, outputs: s0.classes, act: st.act, regression,
    width: diagramWidth, compact,
    on: {
      toggleFeature(f) {
        const next = st.features.includes(f) ? st.features.filter((x) => x !== f) : allFeatures.filter((x) => x === f || st.features.includes(x));
        if (next.length) setState({ features: next });
      },
      layers(delta) {
        const sizes = hiddenSizes(st);
        const layers = Math.min(SETTINGS.layers.max, Math.max(0, st.layers + delta));
        if (layers > sizes.length) sizes.push(sizes.length ? sizes[sizes.length - 1] : 4);
        setState({ layers, neurons: (layers ? sizes.slice(0, layers) : st.neurons) });
      },
      neurons(c, delta) {
        const sizes = hiddenSizes(st);
        sizes[c - 1] = Math.min(SETTINGS.neurons.max, Math.max(1, sizes[c - 1] + delta));
        setState({ neurons: sizes });
      },
      selectEdge(edge) { selectEdge(edge); weightNum.focus(); weightNum.select(); },
      hoverEdge(edge, e) {
        if (!edge) { diagram.tip(null); return; }
        const { w, g } = edgeValues(edge);
        diagram.tip(edgeText(t, edge, w, g, regName()), e.clientX, e.clientY);
      },
    },
  }));
  const out = outputMap({ t, gridN: s0.gridN, plane: s0.plane, size: outSize, classes: s0.classes, regression, points: s0.points, showTest: st.showTest, domain });
  const logYBox = el('input', { type: 'checkbox', id: id('logy'), checked: true, 'data-testid': 'log-y' });
  const lossBox = el('div', { className: 'sn-plot', 'data-testid': 'loss-plot' });
  const showTestBox = el('input', { type: 'checkbox', id: id('showTest'), checked: st.showTest, 'data-testid': 'show-test' });
  const outCol = el('div', { className: 'sn-plane-out' },
    el('h3', { text: t(regression ? 'bp.heatmap.reg' : 'bp.heatmap') }), out.element,
    legend({ t, classes: s0.classes, regression, gate, domain }),
    gate ? null : el('div', {}, showTestBox, ' ', el('label', { for: id('showTest'), text: t('bp.showTest') })),
    el('h3', { text: t('bp.losscurve') }),
    el('p', { className: 'sn-explain sn-tight', 'data-testid': 'loss-key' },
      el('span', { className: 'sn-key-train', text: `— ${t('bp.loss.train')}` }), '  ', gate ? null : el('span', { className: 'sn-key-test', text: `- - ${t('bp.loss.test')}` })),
    lossBox,
    el('div', {}, logYBox, ' ', el('label', { for: id('logy'), text: t('bp.logy') })));
  outCol.style.width = `${outSize}px`;
  const netBox = el('div', { className: 'sn-plane-net' }, diagram.element);
  const archLine = el('p', { className: 'sn-explain sn-mono sn-tight', 'data-testid': 'architecture' });

  // the weight editor: the keyboard's way to every edge, and where a clicked edge lands
  const layerSel = el('select', { id: id('edge-layer'), 'data-testid': 'edge-layer' });
  const fromSel = el('select', { 'aria-label': t('bp.edge.from'), 'data-testid': 'edge-from' });
  const toSel = el('select', { 'aria-label': t('bp.edge.to'), 'data-testid': 'edge-to' });
  const weightNum = el('input', { type: 'number', step: 'any', 'aria-label': t('bp.edge.weight'), 'data-testid': 'edge-weight' });
  const edgeInfo = el('span', { className: 'sn-explain sn-mono', 'data-testid': 'edge-info', role: 'status' });
  const sizes = [st.features.length, ...hidden, s0.classes];
  for (let l = 1; l < sizes.length; l++) layerSel.append(el('option', { value: String(l), text: t('bp.edge.layer', { l }) }));
  const nodeName = (c, n) => (c === 0 ? t(`bp.feature.${st.features[n]}`) : t('bp.net.neuron', { n: n + 1 }));
  const fillNodes = (sel, c) => sel.replaceChildren(...Array.from({ length: sizes[c] }, (_, n) => el('option', { value: String(n), text: nodeName(c, n) })));
  const editor = el('div', { className: 'sn-plane-editor', 'data-testid': 'edge-editor' },
    el('label', { for: id('edge-layer'), text: t('bp.edge.title') }), layerSel, fromSel, el('span', { text: '→', 'aria-hidden': 'true' }), toSel, weightNum, edgeInfo);
  const stage = el('section', { className: 'sn-wide sn-plane-stage', 'aria-label': t('bp.stage') },
    el('div', { className: 'sn-plane-left' }, netBox, compact ? stats : null, archLine, editor), outCol);

  // ---- the settings, folded under the picture on a phone -------------------------
  const select = (key, testid, label) => selectOf(id(key), testid, SETTINGS[key].values, label);
  const dataSel = select('data', 'data', (v) => t(`bp.data.${v}`));
  const range = (key, step, testid) => el('input', { type: 'range', id: id(key), min: SETTINGS[key].min, max: SETTINGS[key].max, step, 'data-testid': testid });
  const noiseRange = range('noise', 0.05, 'noise');
  const ratioRange = range('ratio', 10, 'ratio');
  const batchRange = range('batch', 1, 'batch');
  const outText = () => el('output', { className: 'sn-mono' });
  const [noiseOut, ratioOut, batchOut] = [outText(), outText(), outText()];
  const seedNum = el('input', { type: 'number', id: id('seed'), min: SETTINGS.seed.min, max: SETTINGS.seed.max, step: 1, 'data-testid': 'seed' });
  const seedBtn = el('button', { type: 'button', className: 'sn-small', text: t('bp.seed.new'), 'data-testid': 'new-seed' });
  const actSel = select('act', 'act', (v) => t(`bp.act.${v}`));
  const optSel = select('optimizer', 'optimizer', (v) => t(`bp.opt.${v}`));
  const initSel = select('init', 'init', (v) => t(`bp.init.${v}`));
  const regSel = select('reg', 'reg', (v) => t(`bp.reg.${v}`));
  const rateSel = selectOf(id('rate'), 'rate', RATES.includes(st.rate) ? RATES : [...RATES, st.rate].sort((a, b) => a - b), (v) => String(v));
  const neuronsIn = el('input', { type: 'text', id: id('neurons'), inputmode: 'numeric', 'data-testid': 'neurons', spellcheck: false });
  const lrRange = el('input', { type: 'range', id: id('lr'), min: Math.log10(lrLimits.min), max: Math.log10(lrLimits.max), step: 0.05, 'data-testid': 'lr-range', 'aria-label': t('bp.lr.range') });
  const lrNum = el('input', { type: 'number', min: lrLimits.min, max: lrLimits.max, step: 'any', 'aria-label': t('bp.lr.number'), 'data-testid': 'lr-number' });
  const speedSel = selectOf(id('speed'), 'speed', SPEEDS, (n) => t('bp.speed.option', { n }));
  const gcBtn = el('button', { type: 'button', text: t('bp.gradcheck'), 'data-testid': 'gradcheck' });
  const settings = el('details', { className: 'sn-wide sn-plane-settings', open: !compact, 'data-testid': 'settings' },
    el('summary', { text: t('bp.settings') }),
    el('div', { className: 'sn-plane-groups' },
      el('div', { className: 'sn-controls', role: 'group', 'aria-label': t('bp.group.data') },
        el('h3', { text: t('bp.group.data') }),
        controlRow(t('bp.data'), id('data'), dataSel),
        // the XOR gate has four fixed points: a split or noise would not be XOR any more
        gate ? el('p', { className: 'sn-explain', 'data-testid': 'gate-note', text: t('bp.gate.note') }) : null,
        gate ? null : controlRow(t('bp.noise'), id('noise'), noiseRange, noiseOut),
        gate ? null : controlRow(t('bp.ratio'), id('ratio'), ratioRange, ratioOut),
        controlRow(t('bp.batch.label'), id('batch'), batchRange, batchOut),
        controlRow(t('bp.seed'), id('seed'), seedNum, seedBtn)),
      el('div', { className: 'sn-controls', role: 'group', 'aria-label': t('bp.group.net') },
        el('h3', { text: t('bp.group.net') }),
        controlRow(t('bp.neurons'), id('neurons'), neuronsIn),
        controlRow(t('bp.act'), id('act'), actSel),
        controlRow(t('bp.init'), id('init'), initSel)),
      el('div', { className: 'sn-controls', role: 'group', 'aria-label': t('bp.group.train') },
        el('h3', { text: t('bp.group.train') }),
        controlRow(t('bp.lr'), id('lr'), lrRange, lrNum),
        controlRow(t('bp.optimizer'), id('optimizer'), optSel),
        controlRow(t('bp.reg'), id('reg'), regSel),
        controlRow(t('bp.rate'), id('rate'), rateSel),
        controlRow(t('bp.speed'), id('speed'), speedSel),
        el('div', { className: 'sn-buttons' }, gcBtn))));

  // ---- below: gradient check, formulas, explanations ----------------------------
  const bottom = el('section', { className: 'sn-wide' });
  const gcBody = el('div', { className: 'sn-scroll' });
  const gcSection = el('div', { 'data-testid': 'gradcheck-section', hidden: true },
    el('h3', { text: t('bp.gc.title') }), el('p', { className: 'sn-explain', text: t('bp.gc.explain') }), gcBody);
  bottom.append(gcSection, timed('formulas', formulas));
  if (!embedded) {
    const ex = el('details', { open: !compact }, el('summary', { text: t('bp.explain.title') }));
    if (compact) ex.append(el('p', { className: 'sn-explain', text: t('bp.intro') }));
    for (const k of ['bp.explain.1', 'bp.explain.2', 'bp.explain.3', 'bp.explain.4']) ex.append(el('p', { className: 'sn-explain', text: t(k) }));
    bottom.append(ex);
  }
  root.append(head, stage, settings, bottom);
  // a test hook: browser tests ask the run for the core's own numbers (run.probe) to compare with the pixels
  root.snRun = run;

  function formulas() {
    const box = el('details', { open: !embedded }, el('summary', { text: t('bp.formulas') }));
    const add = (captionKey, tex, params) => box.append(el('p', { className: 'sn-explain sn-caption', text: t(captionKey, params) }), formula(tex));
    add('bp.f.forward', F.FORWARD);
    if (gate) add('bp.f.lossGate', F.LOSS_GATE);
    else if (regression) add('bp.f.lossMse', F.LOSS_MSE);
    else add('bp.f.softmax', F.SOFTMAX);
    add('bp.f.hidDelta', F.HID_DELTA);
    add('bp.f.actDeriv', F.ACT_DERIV[st.act]);
    add('bp.f.affine', F.AFFINE);
    if (st.reg !== 'none') add('bp.f.reg', F.REGULARIZATION[st.reg], { name: t(`bp.reg.${st.reg}`) });
    add('bp.f.update', F.UPDATE);
    add('bp.f.optimizer', F.OPTIMIZER[st.optimizer], { name: t(`bp.opt.${st.optimizer}`) });
    return box;
  }

  // ---- drawing from a snapshot, at most once per animation frame ---------------
  // a text is written only when it changes: rewriting the same words every frame still makes the
  // browser recompute style and layout of the page for that frame
  const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };
  const showErr = (e) => showError(errorBox, e);
  // fixed at mount: reading the box's width every redraw would force a layout in the middle of play
  const lossWidth = () => Math.max(220, compact ? width - 8 : outSize);

  /** The regularization's name while it acts (λ > 0): ∂L/∂w then carries its term (run.gradients). */
  const regName = () => (st.reg !== 'none' && st.rate > 0 ? t(`bp.reg.${st.reg}`) : null);

  function edgeValues(edge) {
    const w = run.weights()?.[edge.layer - 1];
    const g = run.gradients()?.[edge.layer - 1];
    const k = edge.i * (w?.cols ?? 0) + edge.j;
    return { w: w?.data[k] ?? NaN, g: g?.data[k] ?? NaN };
  }

  function selectEdge(edge) {
    selected = edge;
    layerSel.value = String(edge.layer);
    fillNodes(fromSel, edge.layer - 1);
    fillNodes(toSel, edge.layer);
    fromSel.value = String(edge.i);
    toSel.value = String(edge.j);
    diagram.select(edge);
    showEdge(true);
  }

  function showEdge(withValue) {
    if (!selected) return;
    const { w, g } = edgeValues(selected);
    const reg = regName();
    setText(edgeInfo, t(reg ? 'bp.edge.info.reg' : 'bp.edge.info', { w: fmtSig(w, 4), g: fmtSig(g, 3), name: reg }));
    edgeInfo.dataset.w = String(w);
    edgeInfo.dataset.g = String(g);
    if (withValue && root.ownerDocument.activeElement !== weightNum) weightNum.value = String(roundSig(w, 4));
  }

  function syncControls(s) {
    dataSel.value = st.data;
    noiseRange.value = String(st.noise);
    noiseOut.textContent = fmtTrim(st.noise, 2);
    ratioRange.value = String(st.ratio);
    ratioOut.textContent = `${st.ratio} %`;
    batchRange.value = String(st.batch);
    batchOut.textContent = String(st.batch);
    seedNum.value = String(st.seed);
    actSel.value = st.act;
    optSel.value = st.optimizer;
    initSel.value = st.init;
    regSel.value = st.reg;
    rateSel.value = String(st.rate);
    rateSel.disabled = st.reg === 'none';
    neuronsIn.value = hidden.join(',');
    lrRange.value = String(Math.log10(s.lr));
    lrNum.value = String(s.lr);
    speedSel.value = String(s.speed);
  }

  function renderGradCheck(gc) {
    shownGc = gc;
    gcSection.hidden = !gc;
    if (!gc) { gcBody.replaceChildren(); return; }
    const table = el('table', { 'data-testid': 'gradcheck-table' });
    table.append(el('caption', { className: 'sn-explain sn-left', text: t('bp.gc.rows', { rows: gc.rows }) }));
    const headRow = el('tr');
    for (const k of ['bp.gc.param', 'bp.gc.shape', 'bp.gc.abs', 'bp.gc.rel', 'bp.gc.result']) headRow.append(el('th', { scope: 'col', text: t(k) }));
    table.append(el('thead', {}, headRow));
    const body = el('tbody');
    let anyBad = false;
    for (const r of gc.results) {
      anyBad ||= !r.ok;   // the core's verdict: max |a − n| / max(1, |a| + |n|) < 1e-6 (net/gradient_check.hpp)
      body.append(el('tr', { className: r.ok ? 'sn-right' : 'sn-wrong', 'data-param': r.param, 'data-rel': String(r.maxRelError), 'data-ok': String(r.ok) },
        el('th', { scope: 'row', className: 'sn-mono', text: r.param }),
        el('td', { className: 'sn-mono', text: `${r.rows}×${r.cols}` }),
        el('td', { className: 'sn-mono', text: r.maxAbsDiff.toExponential(2) }),
        el('td', { className: 'sn-mono', text: r.maxError.toExponential(2) }),
        el('td', { text: r.ok ? `✓ ${t('bp.gc.ok')}` : `✗ ${t('bp.gc.bad')}` })));
    }
    table.append(body);
    gcBody.replaceChildren(table);
    if (anyBad && (st.act === 'relu' || st.act === 'leaky_relu')) gcBody.append(el('p', { className: 'sn-explain', text: t('bp.gc.kink') }));
  }

  function put(key, value, text) {
    if (!statEls[key]) return;
    statEls[key].dataset.value = String(value);
    setText(statEls[key], text);
  }

  function drawLoss(s) {
    lastLoss = performance.now();
    lossBox.replaceChildren(timed('loss chart', () => lossPlot({
      points: s.losses, markers: s.markers.map((m) => ({ ...m, label: fmtSig(m.lr, 3) })), divergences: s.divergences,
      more: [{ points: s.testLosses, stroke: TEST_STROKE, dash: '4 3', className: 'sn-test-loss' }],
      logY, lastStep: s.step, width: lossWidth(),
    })));
  }

  function render(s, { force = false } = {}) {
    if (destroyed) return;
    const feats = st.features.map((f) => t(`bp.feature.${f}`)).join(', ');
    setText(archLine, t('bp.arch', {
      inputs: feats, hidden: hidden.length ? hidden.join(' → ') : t('bp.arch.none'), act: t(`bp.act.${st.act}`),
      out: t(gate ? 'bp.arch.gate' : regression ? 'bp.arch.reg' : 'bp.arch.class', { k: s.classes }),
    }));
    setText(playBtn, s.playing ? `❚❚ ${t('bp.pause')}` : `▶ ${t('bp.play')}`);
    playBtn.setAttribute('aria-label', s.playing ? t('bp.pause') : t('bp.play'));
    playBtn.setAttribute('aria-pressed', String(s.playing));
    put('step', s.step, String(s.step));
    put('epoch', s.epoch, String(s.epoch));
    put('loss', s.trainLoss, fmtSig(s.trainLoss));
    put('test-loss', s.testLoss, fmtSig(s.testLoss));
    put('accuracy', s.acc, pct(s.acc));
    put('test-accuracy', s.testAcc, pct(s.testAcc));
    put('lr-current', s.lr, fmtSig(s.lr));
    hintBox.hidden = !s.hint;
    if (s.hint) { setText(hintBox, t(`bp.hint.${s.hint}`, { lr: fmtSig(s.lr) })); hintBox.dataset.kind = s.hint; }
    divergedBox.hidden = !s.diverged;
    if (s.diverged) divergedBox.textContent = t('bp.diverged', { step: s.diverged.step, lr: fmtSig(s.diverged.lr) });
    if (s.error) showErr(s.error);
    if (s.gradCheck !== shownGc) renderGradCheck(s.gradCheck);
    if (s.weightsVersion !== shownMaps || force) {
      try {
        const maps = run.maps();
        const weights = run.weights();
        if (maps) {
          timed('picture', () => {
            diagram.draw(maps, weights);
            out.draw(maps.layers[maps.layers.length - 1]);
          });
          netBox.dataset.version = String(s.weightsVersion);
        }
        shownMaps = s.weightsVersion;
      } catch (e) {
        showErr(e);
      }
    }
    // the selected edge's numbers; its field follows too while the learner is not typing in it.
    // While playing, as often as the loss chart: its ∂L/∂w is a backprop over the whole training
    // set (run.gradients), work for every frame that nobody can read at 40 changes a second
    if (selected && (!s.playing || performance.now() - lastEdge >= LOSS_EVERY_MS)) {
      lastEdge = performance.now();
      showEdge(!s.playing);
    }
    // The chart (an Observable Plot figure, 5–15 ms) always gets a task of its own, after this
    // one: with the network's frame, or with a new view's first drawing (a layer added), one task
    // grew over 50 ms; apart, each stays short. While playing, at most every LOSS_EVERY_MS.
    if (!lossTimer && (force || !s.playing || performance.now() - lastLoss >= LOSS_EVERY_MS)) {
      lossTimer = setTimeout(() => { lossTimer = 0; if (!destroyed) drawLoss(run.snapshot()); }, 0);
    }
  }

  // While playing, the run notifies once per animation frame, from inside it: draw at once (a
  // frame requested from inside a frame callback would come one frame late, halving the redraws).
  // Otherwise the run may notify several times between two frames: draw the last snapshot once.
  function schedule(s) {
    if (s.playing) { pending = null; render(s); return; }
    pending = s;
    if (frameId) return;
    frameId = requestAnimationFrame(() => {
      frameId = 0;
      const p = pending;
      pending = null;
      if (p) render(p);
    });
  }

  // ---- events: settings that need a new network go to the shell (setState → a new run) ----
  dataSel.addEventListener('change', () => setState({ data: dataSel.value, ...structuredClone(PLANE_PRESETS[dataSel.value]) }));
  noiseRange.addEventListener('input', () => { noiseOut.textContent = fmtTrim(Number(noiseRange.value), 2); });
  ratioRange.addEventListener('input', () => { ratioOut.textContent = `${ratioRange.value} %`; });
  batchRange.addEventListener('input', () => { batchOut.textContent = batchRange.value; });
  // 'change', not 'input': a drag makes one new data set when it ends, not one per pixel
  noiseRange.addEventListener('change', () => setState({ noise: Number(noiseRange.value) }));
  ratioRange.addEventListener('change', () => setState({ ratio: Number(ratioRange.value) }));
  batchRange.addEventListener('change', () => setState({ batch: Number(batchRange.value) }));
  seedNum.addEventListener('change', () => setState({ seed: seedNum.value }));
  seedBtn.addEventListener('click', () => setState({ seed: Math.floor(Math.random() * 1e6) }));
  for (const [c, key] of [[actSel, 'act'], [optSel, 'optimizer'], [initSel, 'init'], [regSel, 'reg']]) c.addEventListener('change', () => setState({ [key]: c.value }));
  regSel.addEventListener('change', () => { if (regSel.value !== 'none' && st.rate === 0) setState({ rate: 0.001 }); });
  rateSel.addEventListener('change', () => setState({ rate: Number(rateSel.value) }));
  neuronsIn.addEventListener('change', () => {
    const list = neuronsIn.value.split(',').map((v) => v.trim()).filter((v) => v !== '');
    if (list.length === 0) setState({ layers: 0 });
    else setState({ layers: Math.min(list.length, SETTINGS.layers.max), neurons: list.join(',') });
  });
  showTestBox.addEventListener('change', () => {
    setState({ showTest: showTestBox.checked });
    const fresh = outputMap({ t, gridN: s0.gridN, plane: s0.plane, size: outSize, classes: s0.classes, regression, points: s0.points, showTest: st.showTest, domain });
    out.element.replaceWith(fresh.element);
    Object.assign(out, fresh);
    const maps = run.maps();
    if (maps) out.draw(maps.layers[maps.layers.length - 1]);
  });

  /** The learning rate changes on the live run; the core checks its range. drag: a slider drag goes on. */
  function applyLr(raw, { report, drag = false }) {
    const v = Number(raw);
    if (raw === '' || !Number.isFinite(v)) {
      if (report) { errorBox.textContent = t('bp.lr.bad', lrLimits); errorBox.hidden = false; }
      return;
    }
    try {
      run.setLr(Math.max(v, lrLimits.min), { drag });
      errorBox.hidden = true;
      setState({ lr: run.snapshot().lr });
    } catch (e) {
      if (report) showErr(e);
    }
  }
  lrRange.addEventListener('input', () => {
    const v = roundSig(10 ** Number(lrRange.value));
    lrNum.value = String(v);
    applyLr(String(v), { report: true, drag: true });
  });
  lrRange.addEventListener('change', () => run.endDrag());   // the drag ends: its one marker is closed
  lrNum.addEventListener('input', () => {
    applyLr(lrNum.value, { report: false, drag: true });
    if (Number(lrNum.value) > 0) lrRange.value = String(Math.log10(Math.min(lrLimits.max, Math.max(lrLimits.min, Number(lrNum.value)))));
  });
  lrNum.addEventListener('change', () => {
    applyLr(lrNum.value, { report: true });
    run.endDrag();
    if (errorBox.hidden) lrNum.value = String(run.snapshot().lr);
  });
  speedSel.addEventListener('change', () => run.setSpeed(speedSel.value));
  logYBox.addEventListener('change', () => { logY = logYBox.checked; drawLoss(run.snapshot()); });

  // the weight editor
  const pick = () => selectEdge({ layer: Number(layerSel.value), i: Math.min(Number(fromSel.value) || 0, sizes[Number(layerSel.value) - 1] - 1), j: Math.min(Number(toSel.value) || 0, sizes[Number(layerSel.value)] - 1) });
  layerSel.addEventListener('change', pick);
  fromSel.addEventListener('change', pick);
  toSel.addEventListener('change', pick);
  weightNum.addEventListener('change', () => {
    const v = Number(weightNum.value);
    if (!selected || weightNum.value === '' || !Number.isFinite(v)) return;
    try {
      run.setWeight(selected.layer, selected.i, selected.j, v);
      errorBox.hidden = true;
    } catch (e) {
      showErr(e);
    }
  });

  playBtn.addEventListener('click', () => {
    errorBox.hidden = true;
    if (run.snapshot().playing) run.pause(); else run.start();
  });
  stepBtn.addEventListener('click', () => run.step());
  resetBtn.addEventListener('click', () => { errorBox.hidden = true; run.reset(); });
  gcBtn.addEventListener('click', () => run.gradientCheck());

  // ---- mount -------------------------------------------------------------------
  if (st.lr !== run.snapshot().lr) {
    try { run.setLr(st.lr); } catch (e) { showErr(e); }
  }
  syncControls(run.snapshot());
  selectEdge({ layer: sizes.length - 1, i: 0, j: 0 });
  const unsubscribe = run.subscribe(schedule);
  render(run.snapshot(), { force: true });

  return {
    destroy() {
      destroyed = true;
      if (frameId) cancelAnimationFrame(frameId);
      clearTimeout(lossTimer);
      unsubscribe();
      if (root.snRun === run) delete root.snRun;
    },
  };
}
