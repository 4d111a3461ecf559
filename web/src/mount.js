// mount.js — put one panel into an element, with its notes and its errors.
// Used by the full page (main.js), the iframe page (embed-page.js) and the
// <scratchnet-panel> custom element (embed.js).
import { getCore } from './core.js';
import { PANELS } from './panels/index.js';
import { SETTINGS, parseSetting } from './state.js';
import { t, getLanguage, registerMessages, errorMessage } from './i18n.js';

registerMessages({
  ko: {
    'note.title': '링크의 일부 값을 바꾸거나 무시했습니다',
    'note.unknown': '{key}: 모르는 설정이라 무시했습니다',
    'note.not_allowed': '{key}={raw}: 허용되지 않는 값이라 기본값을 씁니다',
    'note.not_a_number': '{key}={raw}: 숫자가 아니라 기본값을 씁니다',
    'note.clamped': '{key}={raw}: 범위를 벗어나 {to}(으)로 맞췄습니다',
    'mount.loading': '코어를 불러오는 중…',
    'mount.failed': '패널을 열지 못했습니다',
  },
  en: {
    'note.title': 'Some values in the link were changed or ignored',
    'note.unknown': '{key}: unknown setting, ignored',
    'note.not_allowed': '{key}={raw}: not an allowed value, using the default',
    'note.not_a_number': '{key}={raw}: not a number, using the default',
    'note.clamped': '{key}={raw}: out of range, set to {to}',
    'mount.loading': 'Loading the core…',
    'mount.failed': 'The panel could not be opened',
  },
});

/** A visible list of what was clamped or ignored; empty when nothing was. */
export function renderNotes(notes) {
  const box = document.createElement('div');
  box.className = 'sn-notes';
  box.setAttribute('role', 'status');
  if (notes.length === 0) { box.hidden = true; return box; }
  const title = document.createElement('strong');
  title.textContent = t('note.title');
  const list = document.createElement('ul');
  // A hostile link may carry 10,000-character values: show their start only.
  const short = (v) => (String(v).length > 60 ? `${String(v).slice(0, 60)}…` : v);
  for (const n of notes) {
    const li = document.createElement('li');
    li.textContent = t(`note.${n.why}`, { ...n, key: short(n.key), raw: short(n.raw), to: short(n.to ?? '') });
    list.append(li);
  }
  box.append(title, list);
  return box;
}

/**
 * Mount panel `state.panel` into `root`. onState(state) is called whenever the
 * panel changes a setting (the page writes it to the URL; an embed may ignore it).
 */
export async function mountPanel(root, { state, notes = [], onState = () => {}, embedded = false }) {
  root.replaceChildren();
  root.classList.add('scratchnet');
  root.append(renderNotes(notes));
  const body = document.createElement('div');
  body.className = 'sn-panel';
  body.dataset.panel = state.panel;
  body.textContent = t('mount.loading');
  root.append(body);
  try {
    const [sn, module] = await Promise.all([getCore(), PANELS[state.panel]()]);
    if (module.strings) registerMessages(module.strings);
    body.replaceChildren();
    const setState = (partial) => {
      for (const [key, value] of Object.entries(partial)) {
        // values from controls are validated like values from a URL
        const r = parseSetting(key, Array.isArray(value) ? value.join(',') : String(value));
        if ('value' in r && SETTINGS[key]) state[key] = r.value;
      }
      onState(state);
      return state;
    };
    const ctx = { sn, state, setState, t, lang: getLanguage(), embedded };
    // A run/view panel (agreement B): the run owns the core objects, the view the DOM.
    // (A small shim until the panel-shape shell lands: the run lives as long as the view.)
    let handle;
    if (module.mountView) {
      let run = null;
      let view = null;
      let key = '';
      const build = () => {
        key = module.runKey ? module.runKey(state) : '';
        run = module.createRun ? module.createRun({ sn, state }) : null;
        body.replaceChildren();
        view = module.mountView(body, { ...ctx, run });
      };
      // a setting that changes runKey(state) needs a new run (and a view on it)
      ctx.setState = (partial) => {
        setState(partial);
        if (module.runKey && module.runKey(state) !== key) { view.destroy(); run?.dispose(); build(); }
        return state;
      };
      build();
      handle = { destroy() { view.destroy(); run?.dispose(); } };
    } else {
      handle = module.mount(body, ctx);
    }
    body.dataset.ready = 'true';
    return handle;
  } catch (e) {
    body.replaceChildren();
    const p = document.createElement('p');
    p.className = 'sn-error';
    p.setAttribute('role', 'alert');
    p.textContent = `${t('mount.failed')}: ${errorMessage(e)}`;
    body.append(p);
    console.error(e);
    return { destroy() {} };
  }
}
