// run.js — the MNIST panel's model (book ch. 3 inference, ch. 4–6 learning,
// vol. 2 ch. 1 Trainer): the training session (session.js, in a worker behind
// client.js), what it reported, and the actions on it. No DOM: the view
// (view.js) draws snapshots and is rebuilt on a language or tab switch while
// training goes on in the worker.
//
// Settings are read from the shell's `state` object when a network is built.
// A setting that needs a new network while trained weights exist does not
// drop them silently: the run keeps them and reports `pending` until the
// learner confirms (the view says they will be discarded and offers the .npz).
import { connect as connectSession } from './client.js';
import { LossHistory } from '../../shared/loss-history.js';

export const BUNDLED = {
  mnist: { dir: 'data/mnist', train: 'train', test: 'test' },
  fashion: { dir: 'data/fashion-mnist', train: 'train', test: 't10k' },
};
export const BOOK_MODEL = 'models/book-ch03.npz';
// The book's trained convnets (ch. 7 SimpleConvNet, ch. 8 DeepConvNet), converted by scripts/convert-book-convnets.py.
export const BOOK_CONVNETS = { ch7: 'models/book-ch07-simple_convnet.npz', ch8: 'models/book-ch08-deep_convnet.npz' };
// The settings a network is built from (the learning rate and the epochs change on the live run).
export const NET_KEYS = ['m_arch', 'm_hidden', 'm_act', 'm_init', 'm_opt', 'm_batch', 'm_wd', 'm_dropout', 'm_bn', 'm_seed'];

/**
 * createRun({ sn, state, assetBase, session }) → the run.
 *   assetBase  where data/ and models/ are (a URL)
 *   session    options for client.js connect() (tests: { inline: true, loadCore })
 *   autoload   load the bundled data set named by state.m_data at once (default)
 */
export function createRun({ state: st, assetBase, session: sessionOptions = {}, autoload = true }) {
  const listeners = new Set();
  let session = null;
  let disposed = false;
  let version = 0;
  let r = {
    mode: null,
    build: null,             // the core build the session runs: { name, simd, threads } (web/lib/builds.js)
    status: 'idle',          // idle | loading | ready | running | paused | done | diverged
    dataInfo: null,
    dataSource: null,        // { kind: 'bundled', name } | { kind: 'files', name, label, files }
    dataLoad: null,          // { progress, key, params } the line under the data controls
    dataError: null,
    netInfo: null,           // { sizes, stepsPerEpoch, lr }
    netVersion: 0,           // bumped when the weights are replaced (build, load, restart)
    workerLr: NaN,           // the rate the trainer in the worker reports using
    last: { step: 0, loss: NaN, samplesPerSec: NaN, etaMs: NaN },
    epochs: [],
    markers: [],
    divergences: [],
    diverged: null,          // { step, lr, restoredStep }
    error: null,
    note: null,              // { key, params }
    evaluation: null,        // the session's evaluate() result for the current weights
    book: null,              // { loading } | { result } | { error }
    pending: null,           // { step }: a new network is wanted, the trained weights would go
    workerHeap: NaN,
    workerLive: NaN,
    ready: false,            // the session is up (and, with autoload, the data loaded)
    loaded: false,           // the weights came from outside (the book's, an .npz): trained, though step is 0
  };
  const history = new LossHistory();
  let snapshotBytes = null;  // .npz of the last epoch end (for a worker restart)

  function set(partial) {
    if (disposed) return;
    Object.assign(r, partial);
    version++;
    const s = snapshot();
    for (const f of listeners) f(s);
  }
  function snapshot() {
    return { ...r, version, losses: history.points, totalSteps: r.netInfo ? r.netInfo.stepsPerEpoch * st.m_epochs : 0 };
  }
  const call = (type, args, transfer) => session.call(type, args, transfer);
  const busy = () => r.status === 'running' || r.status === 'loading';
  const trained = () => r.last.step > 0 && r.netInfo !== null;

  function clearTraining() {
    history.clear();
    snapshotBytes = null;
    return {
      markers: [], divergences: [], epochs: [], diverged: null, error: null, evaluation: null,
      last: { step: 0, loss: NaN, samplesPerSec: NaN, etaMs: NaN },
    };
  }

  function buildRequest() {
    return {
      // spec.hidden is the hidden layers' activation, as in sn.network; their sizes go separately
      spec: { hidden: st.m_act, init: st.m_init, initStd: 0.01, batchNorm: st.m_bn, dropout: st.m_dropout },
      arch: st.m_arch, hiddenSizes: st.m_hidden, optimizer: st.m_opt, lr: st.m_lr, wd: st.m_wd, batch: st.m_batch, seed: st.m_seed, epochs: st.m_epochs,
    };
  }

  async function build() {
    set({ ...clearTraining(), pending: null, loaded: false });
    try {
      const netInfo = await call('build', buildRequest());
      set({ netInfo, workerLr: netInfo.lr, status: 'ready', netVersion: r.netVersion + 1 });
    } catch (e) {
      set({ netInfo: null, status: 'idle', error: e, netVersion: r.netVersion + 1 });
    }
  }

  async function evaluate() {
    if (!r.netInfo || disposed) return;
    try {
      const evaluation = await call('evaluate');
      set({ evaluation });
    } catch (e) {
      if (!disposed) set({ error: e });
    }
  }

  async function loadData(source) {
    const previous = r.status;
    set({ status: 'loading', dataError: null, dataLoad: { progress: 0, key: 'mnist.data.loading' } });
    try {
      let info;
      if (source.kind === 'bundled') {
        const b = BUNDLED[source.name];
        const url = (f) => new URL(`${b.dir}/${f}`, assetBase).href;
        info = await call('loadUrls', {
          name: source.name,
          urls: {
            trainImages: url(`${b.train}-images-idx3-ubyte.gz`), trainLabels: url(`${b.train}-labels-idx1-ubyte.gz`),
            testImages: url(`${b.test}-images-idx3-ubyte.gz`), testLabels: url(`${b.test}-labels-idx1-ubyte.gz`),
          },
        });
      } else {
        // copies, so the run keeps the files for a worker restart
        const files = Object.fromEntries(Object.entries(source.files).map(([k, v]) => [k, v.slice(0)]));
        info = await call('loadFiles', { name: source.name, files }, Object.values(files));
      }
      set({
        dataInfo: info, dataSource: source, status: 'idle',
        dataLoad: {
          progress: 1, key: info.testIsTrain ? 'mnist.data.loaded.notest' : 'mnist.data.loaded',
          params: { name: source.kind === 'files' ? source.label : null, dataName: source.name, train: info.trainSize, test: info.testSize },
        },
      });
      await build();
      set({ ready: true });
    } catch (e) {
      // the previous data set (and network) are untouched
      set({
        status: previous === 'loading' ? 'idle' : previous === 'running' ? 'paused' : previous,
        dataError: e, dataLoad: r.dataInfo ? { progress: 0, key: 'mnist.data.kept' } : null,
      });
    }
  }

  function onEvent(e) {
    if (disposed) return;
    if (e.event === 'loading') {
      set({
        dataLoad: e.phase === 'decoding' ? { progress: r.dataLoad?.progress ?? 0, key: 'mnist.data.decoding' }
          : { progress: e.total ? e.loaded / e.total : 0, key: 'mnist.data.bytes', params: { mb: (e.loaded / 1048576).toFixed(1), total: e.total ? (e.total / 1048576).toFixed(1) : '?' } },
      });
      return;
    }
    if (e.event === 'progress') {
      history.pushMany(e.losses, e.step);
      let loss = r.last.loss;
      for (let i = e.losses.length - 1; i >= 0; i--) if (Number.isFinite(e.losses[i])) { loss = e.losses[i]; break; }
      if (e.snapshot) snapshotBytes = e.snapshot;
      set({
        last: { step: e.step, loss, samplesPerSec: e.samplesPerSec, etaMs: e.etaMs },
        workerLr: e.lr, workerHeap: e.heapBytes, workerLive: e.liveObjects,
        epochs: e.epochs.length ? [...r.epochs, ...e.epochs] : r.epochs,
      });
      if (e.epochs.length) evaluate();
      return;
    }
    if (e.event === 'diverged') {
      set({ status: 'diverged', divergences: [...r.divergences, { step: e.step }], diverged: { step: e.step, lr: e.lr, restoredStep: e.restoredStep } });
    } else if (e.event === 'done') {
      // 'done' always follows the progress event of the last epoch end, which
      // already evaluated these very weights.
      set({ status: 'done' });
      return;
    } else if (e.event === 'failed') {
      set({ status: 'paused', error: e.error });
    }
    evaluate();
  }

  async function onRestart() {
    if (disposed) return;
    const keep = snapshotBytes;
    const keptEpoch = r.epochs.length;
    const source = r.dataSource;
    set({ note: { key: 'mnist.restarted' }, status: 'idle', netInfo: null });
    try {
      await call('init');
      if (source) await loadData(source);
      if (keep) {
        const netInfo = await call('loadNpz', { bytes: keep.slice(0).buffer, spec: { hidden: st.m_act, batchNorm: st.m_bn, dropout: st.m_dropout } });
        snapshotBytes = keep;
        // Start goes on training these weights
        set({ netInfo, status: 'ready', netVersion: r.netVersion + 1, note: { key: 'mnist.restarted.weights', params: { epoch: keptEpoch } } });
        evaluate();
      }
    } catch (e) {
      set({ error: e });
    }
  }

  /** Weights that came from outside (the book's, an .npz): a fresh curve, the same settings. */
  function adopt(netInfo, extra = {}) {
    set({ ...clearTraining(), pending: null, netInfo, workerLr: netInfo.lr, status: 'ready', netVersion: r.netVersion + 1, loaded: true, ...extra });
    evaluate();
  }

  const run = {
    snapshot,
    subscribe(fn) { listeners.add(fn); return () => listeners.delete(fn); },

    async start() {
      set({ diverged: null, error: null });
      if (r.pending || r.status === 'done' || r.status === 'idle') await build();
      if (!r.netInfo) return;
      set({ status: 'running' });
      await call('start', { epochs: st.m_epochs });
    },
    async pause() {
      const p = await call('pause');
      set({ status: 'paused', last: { ...r.last, step: p.step } });
      evaluate();
    },
    async stop() {
      if (r.status === 'running') await run.pause();
      set({ status: 'done' });
    },
    /** A fresh network from the settings (Reset, or the learner confirmed the discard). */
    reset: () => build(),

    /**
     * Settings a network is built from have changed (state already holds them).
     * Untrained: build at once. Trained: keep the weights and report `pending`.
     */
    configure() {
      if (busy() || !r.dataInfo) return;
      if (trained()) set({ pending: { step: r.last.step } });
      else build();
    },
    /** More (or fewer) epochs: a finished run that has steps left goes on from here. */
    setEpochs() {
      set({ status: r.status === 'done' && r.last.step < r.netInfo?.stepsPerEpoch * st.m_epochs ? 'paused' : r.status });
    },
    /** The learning rate reaches the trainer between two minibatches; the curve marks the step. */
    async setLr(lr) {
      if (!r.netInfo) return;
      const s = await call('setLr', { lr });
      const markers = r.last.step > 0 ? [...r.markers, { step: s.step - 1, lr: s.lr }] : r.markers;
      set({ workerLr: s.lr, markers });
    },

    loadBundled: (name) => loadData({ kind: 'bundled', name }),
    loadFiles: (picked) => loadData({ kind: 'files', name: 'files', label: picked.label, files: picked.files }),
    dataFailed: (e) => set({ dataError: e }),

    /** The book's ch. 3 network (784-50-100-10, sigmoid) and its test accuracy; returns its sizes. */
    async book() {
      set({ book: { loading: true } });
      try {
        const result = await call('book', { url: new URL(BOOK_MODEL, assetBase).href });
        adopt(result, { book: { result } });   // Start trains the loaded weights further
        return result;
      } catch (e) {
        set({ book: { error: e } });
        return null;
      }
    },
    /** The book's trained convnet `which` ('ch7' | 'ch8'): its accuracy on the test split and on all digits. */
    async bookConvNet(which) {
      set({ book: { loading: true } });
      try {
        const result = await call('bookConvNet', { url: new URL(BOOK_CONVNETS[which], assetBase).href });
        adopt(result, { book: { result: { ...result, which } } });
        return result;
      } catch (e) {
        set({ book: { error: e } });
        return null;
      }
    },
    /** A convnet's feature maps of one image (the drawing); [] for an MLP. */
    featureMaps: (pixels) => call('featureMaps', { pixels }, [pixels.buffer]),
    async loadNpz(bytes, spec) {
      set({ error: null });
      try {
        const netInfo = await call('loadNpz', { bytes, spec }, [bytes]);
        adopt(netInfo);
        return netInfo;
      } catch (e) {
        set({ error: e });
        return null;
      }
    },
    /** The network's weights as .npz bytes. */
    saveNpz: () => call('saveNpz'),
    /** Ten class probabilities for one 28×28 image, from the network in the session. */
    predict: (pixels) => call('predict', { pixels }, [pixels.buffer]),
    setNote: (key, params) => set({ note: { key, params } }),
    setError: (e) => set({ error: e }),

    /** Fault injection for the tests: the worker throws, exactly as a crash would. */
    crash: () => session?.call('crash'),

    // Training goes on in its worker while the view is hidden: it costs the page nothing.
    setVisible() {},

    dispose() {
      disposed = true;
      listeners.clear();
      session?.destroy();
      session = null;
    },
  };

  connectSession({ onEvent, onRestart, ...sessionOptions }).then(async (s) => {
    if (disposed) { s.destroy(); return; }
    session = s;
    set({ mode: s.mode });
    const info = await call('init');
    set({ build: info?.build ?? null });
    if (autoload) await loadData({ kind: 'bundled', name: st.m_data });
    else set({ ready: true });
  }).catch((e) => set({ error: e }));

  return run;
}
