// mount.js — the shell's half of a panel: it owns each panel's *run* (the
// model, no DOM) and mounts and destroys its *view* (the DOM) on top of it.
// Used by the full page (main.js), the iframe page (embed-page.js) and the
// <scratchnet-panel> custom element (embed.js), one host each.
//
// Why the split: a language switch or a tab switch rebuilds the view only, so
// a training run goes on through both (issue 15; TensorFlow Playground's
// nn.ts / playground.ts, done with a lifetime owner). The contract a panel
// module follows is in panels/index.js.
import { getCore } from './core.js';
import { PANELS } from './panels/index.js';
import { SETTINGS, parseSetting } from './state.js';
import { getLanguage, registerMessages, translator } from './i18n.js';
import { el, showError } from './ui.js';
import { missingFeatures } from './features.js';
import { timed } from './shared/profile.js';

registerMessages({
  ko: {
    'note.title': '링크의 일부 값을 바꾸거나 무시했습니다',
    'note.unknown': '{key}: 모르는 설정이라 무시했습니다',
    'note.not_allowed': '{key}={raw}: 허용되지 않는 값이라 기본값을 씁니다',
    'note.not_a_number': '{key}={raw}: 숫자가 아니라 기본값을 씁니다',
    'note.clamped': '{key}={raw}: 범위를 벗어나 {to}(으)로 맞췄습니다',
    'note.typed.title': '입력한 값을 바꿨습니다',
    'note.typed.clamped': '{key}: {raw}은(는) 범위를 벗어나 {to}(으)로 맞췄습니다',
    'note.typed.not_a_number': '{key}: "{raw}"은(는) 숫자가 아니어서 {to} 그대로 둡니다',
    'note.typed.not_allowed': '{key}: "{raw}"은(는) 허용되지 않는 값이라 {to} 그대로 둡니다',
    'mount.loading': '코어를 불러오는 중…',
    'mount.failed': '패널을 열지 못했습니다',
    'mount.unsupported': '이 브라우저에서는 scratchnet을 실행할 수 없습니다. 다음 기능이 없습니다: {list}. 최신 Chrome, Edge, Firefox 또는 Safari에서 열어 주세요.',
    'feature.wasm': 'WebAssembly',
    'feature.wasm-simd': 'WebAssembly SIMD',
    'feature.wasm-exceptions': 'WebAssembly 예외 처리',
    'feature.bigint': 'BigInt64Array',
  },
  en: {
    'note.title': 'Some values in the link were changed or ignored',
    'note.unknown': '{key}: unknown setting, ignored',
    'note.not_allowed': '{key}={raw}: not an allowed value, using the default',
    'note.not_a_number': '{key}={raw}: not a number, using the default',
    'note.clamped': '{key}={raw}: out of range, set to {to}',
    'note.typed.title': 'A value you entered was changed',
    'note.typed.clamped': '{key}: {raw} is out of range, set to {to}',
    'note.typed.not_a_number': '{key}: "{raw}" is not a number, kept {to}',
    'note.typed.not_allowed': '{key}: "{raw}" is not an allowed value, kept {to}',
    'mount.loading': 'Loading the core…',
    'mount.failed': 'The panel could not be opened',
    'mount.unsupported': 'scratchnet cannot run in this browser: it lacks {list}. Please open this page in a recent Chrome, Edge, Firefox or Safari.',
    'feature.wasm': 'WebAssembly',
    'feature.wasm-simd': 'WebAssembly SIMD',
    'feature.wasm-exceptions': 'WebAssembly exception handling',
    'feature.bigint': 'BigInt64Array',
  },
});

/**
 * A visible list of what was clamped or ignored; empty when nothing was.
 * kind 'url': values of the link; 'typed': values typed into the panel's fields
 * (their notes carry the field's label as key and the value kept as to).
 */
export function renderNotes(notes, t = translator(getLanguage()), kind = 'url') {
  const box = document.createElement('div');
  box.className = 'sn-notes';
  box.setAttribute('role', 'status');
  box.dataset.testid = 'notes';
  box.dataset.kind = kind;
  if (notes.length === 0) { box.hidden = true; return box; }
  const prefix = kind === 'typed' ? 'note.typed.' : 'note.';
  const title = document.createElement('strong');
  title.textContent = t(kind === 'typed' ? 'note.typed.title' : 'note.title');
  const list = document.createElement('ul');
  // A hostile link may carry 10,000-character values: show their start only.
  const short = (v) => (String(v).length > 60 ? `${String(v).slice(0, 60)}…` : v);
  for (const n of notes) {
    const li = document.createElement('li');
    li.textContent = t(`${prefix}${n.why}`, { ...n, key: short(n.key), raw: short(n.raw), to: short(n.to ?? '') });
    list.append(li);
  }
  box.append(title, list);
  return box;
}

/** The sentence a browser without what the core needs gets in place of the panel. */
function unsupportedMessage(missing, t) {
  const p = document.createElement('p');
  p.className = 'sn-error';
  p.setAttribute('role', 'alert');
  p.dataset.testid = 'unsupported';
  p.textContent = t('mount.unsupported', { list: missing.map((f) => t(`feature.${f}`)).join(', ') });
  return p;
}

/** Where keyboard focus was inside `root`, as something that survives a rebuild. */
function focusKey(root) {
  const a = root.ownerDocument.activeElement;
  if (!a || !root.contains(a)) return null;
  return a.dataset.testid ?? a.getAttribute('aria-label') ?? null;
}
function restoreFocus(root, key) {
  if (key === null) return;
  const target = [...root.querySelectorAll('[data-testid], [aria-label]')]
    .find((e) => (e.dataset.testid ?? e.getAttribute('aria-label')) === key);
  target?.focus({ preventScroll: true });
}

/**
 * A host owns the runs of the panels it shows and one view at a time.
 *   createHost({ embedded, onState, lang })
 *     .show(root, { state, notes })  mount panel state.panel (its run is kept or made)
 *     .refresh()                     rebuild the current view only (a language change)
 *     .dispose()                     destroy the view and every run
 * `state` is one object the host keeps for its lifetime: callers update it in
 * place. onState(state) hears every setting a view changes. Mounts are queued:
 * one finishes before the next starts, so no render overtakes another.
 * lang: the host's own language (an embed's lang attribute); the page's by default.
 */
export function createHost({ embedded = false, onState = () => {}, lang: fixedLang } = {}) {
  const runs = new Map();   // panel name → { key, run }
  let view = null;          // { destroy() } of the mounted view
  let shown = null;         // { root, state, notes, name }
  let queue = Promise.resolve();
  let disposed = false;

  const enqueue = (job) => {
    queue = queue.then(job).catch((e) => console.error(e));
    return queue;
  };

  function hideRun(name) {
    runs.get(name)?.run.setVisible?.(false);
  }

  /**
   * The run for this panel and state: kept while runKey(state) is unchanged.
   * Returns { run, discarded }: discarded = { step } when a trained run was
   * replaced, so the view can say that its weights are gone.
   */
  function runFor(module, name, sn, state) {
    if (!module.createRun) return { run: null, discarded: null };
    const key = module.runKey?.(state) ?? '';
    let entry = runs.get(name);
    let discarded = null;
    if (entry && entry.key !== key) {
      const step = entry.run.snapshot().step ?? 0;
      if (step > 0) discarded = { step };
      entry.run.dispose();
      runs.delete(name);
      entry = null;
    }
    if (!entry) {
      entry = { key, run: timed('new run', () => module.createRun({ sn, state })) };
      runs.set(name, entry);
    }
    return { run: entry.run, discarded };
  }

  async function mount({ root, state, notes, name, typed = [] }) {
    if (disposed) return;
    const lang = fixedLang ?? getLanguage();
    const t = translator(lang);
    const focus = focusKey(root);
    view?.destroy();
    view = null;
    if (shown && shown.name !== name) hideRun(shown.name);
    shown = { root, state, notes, name };
    root.replaceChildren();
    root.classList.add('scratchnet');
    // notes of values just typed (kept across the remount their setting caused), else the link's
    let notesBox = typed.length ? renderNotes(typed, t, 'typed') : renderNotes(notes, t);
    root.append(notesBox);
    const body = document.createElement('div');
    body.className = 'sn-panel';
    body.dataset.panel = name;
    body.textContent = t('mount.loading');
    root.append(body);
    const missing = missingFeatures();
    if (missing.length) {  // checked before the core loads: a clear sentence, not a blank panel
      body.replaceChildren(unsupportedMessage(missing, t));
      body.dataset.unsupported = missing.join(' ');
      return;
    }
    try {
      const [sn, module] = await Promise.all([getCore(), PANELS[name]()]);
      if (module.strings) registerMessages(module.strings);
      const { run, discarded } = runFor(module, name, sn, state);
      body.replaceChildren();
      // Values from controls are validated like values from a URL, and what had to
      // be clamped or refused gets the same visible note (naming the field's label).
      let lastTyped = typed;   // the notes on show (carried over a remount)
      const checkTyped = (partial) => {
        const values = {};
        const typedNotes = [];
        for (const [key, value] of Object.entries(partial)) {
          if (!SETTINGS[key]) continue;
          const r = parseSetting(key, Array.isArray(value) ? value.join(',') : String(value));
          if ('value' in r) values[key] = r.value;
          if (!r.note) continue;
          const field = body.querySelector(`[data-testid="${key}"]`);
          const label = field?.labels?.[0]?.textContent ?? field?.getAttribute('aria-label') ?? key;
          const kept = values[key] ?? state[key];
          typedNotes.push({ ...r.note, setting: key, key: label, to: Array.isArray(kept) ? kept.join(',') : String(kept) });
        }
        // a typed note stays while the value it explains stays, and goes when that setting gets another value
        const text = (v) => (Array.isArray(v) ? v.join(',') : String(v));
        const outdated = notesBox.dataset.kind === 'typed' && lastTyped.some((n) => n.setting in values && text(values[n.setting]) !== n.to);
        if (typedNotes.length || outdated) {
          lastTyped = typedNotes;
          const box = renderNotes(typedNotes, t, 'typed');
          notesBox.replaceWith(box);
          notesBox = box;
        }
        return values;
      };
      const setState = (partial) => {
        Object.assign(state, checkTyped(partial));
        onState(state);
        // a setting that needs a new run: the next mount makes it (focus and the notes are kept)
        if (run && (module.runKey?.(state) ?? '') !== runs.get(name)?.key) enqueue(() => mount({ ...shown, notes: [], typed: lastTyped }));
        return state;
      };
      const mountView = module.mountView ?? module.mount;
      view = timed('view', () => mountView(body, { run, sn, state, setState, checkTyped, t, lang, embedded, discarded }));
      run?.setVisible?.(true);
      body.dataset.ready = 'true';
      restoreFocus(root, focus);
    } catch (e) {
      body.replaceChildren();
      const p = el('p', { className: 'sn-error', role: 'alert' });
      showError(p, e, t('mount.failed'), lang);
      body.append(p);
      console.error(e);
    }
  }

  return {
    show(root, { state, notes = [] }) {
      return enqueue(() => mount({ root, state, notes, name: state.panel }));
    },
    refresh() {
      return enqueue(() => shown && mount(shown));
    },
    dispose() {
      return enqueue(() => {
        disposed = true;
        view?.destroy();
        view = null;
        for (const { run } of runs.values()) run.dispose();
        runs.clear();
      });
    },
  };
}
