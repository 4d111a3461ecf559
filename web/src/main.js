// main.js — the full playground page: a tab per panel, the language switch,
// and the URL as the single source of the state (copy the link, get the view).
// The header is built once and re-labelled on a language change, so keyboard
// focus stays where it was; the panel host (mount.js) keeps each panel's run
// through tab and language switches.
import { createHost } from './mount.js';
import { getCore } from './core.js';
import { missingFeatures } from './features.js';
import { readState, writeStateToUrl, SETTINGS } from './state.js';
import { t, registerMessages, getLanguage, setLanguage, onLanguageChange, languages } from './i18n.js';
import 'katex/dist/katex.min.css';
import './style.css';

registerMessages({
  ko: {
    'app.title': 'scratchnet — 밑바닥부터 만드는 신경망',
    'app.tagline': 'C++ 신경망 코어를 WebAssembly로 브라우저에서 돌립니다. 모든 숫자는 코어가 계산합니다.',
    'app.panels': '패널',
    'app.language': '언어',
    'panel.perceptron': '퍼셉트론과 논리 게이트',
    'panel.activation': '활성화 함수',
    'panel.forward': '순전파',
    'panel.gradient': '경사 하강법',
    'panel.graph': '계산 그래프',
    'panel.backprop': '오차역전파 놀이터',
    'panel.mnist': 'MNIST 학습',
    'panel.speed': '계산 고속화',
    'app.core': 'scratchnet {version} ({flavor}) · wasm 메모리 {mb} MB · 살아 있는 코어 객체 {live}개',
  },
  en: {
    'app.title': 'scratchnet — neural networks from scratch',
    'app.tagline': 'A C++ neural-network core running in your browser as WebAssembly. Every number is computed by the core.',
    'app.panels': 'Panels',
    'app.language': 'Language',
    'panel.perceptron': 'Perceptron & logic gates',
    'panel.activation': 'Activation functions',
    'panel.forward': 'Forward pass',
    'panel.gradient': 'Gradient descent',
    'panel.graph': 'Computational graph',
    'panel.backprop': 'Backprop playground',
    'panel.mnist': 'Train MNIST',
    'panel.speed': 'Speed-up',
    'app.core': 'scratchnet {version} ({flavor}) · wasm memory {mb} MB · live core objects {live}',
  },
});

const app = document.getElementById('app');
const { state, notes: firstNotes } = readState();   // one state object for the page's lifetime
const host = createHost({ onState: (s) => writeStateToUrl(s) });
const main = document.createElement('main');

/** Keep ?lang= in the address in step with the language, so a copied link keeps it. */
function writeLanguageToUrl() {
  const url = new URL(location.href);
  if (url.searchParams.get('lang') === getLanguage()) return;
  url.searchParams.set('lang', getLanguage());
  history.replaceState(null, '', url);
}

const h1 = document.createElement('h1');
const tagline = document.createElement('p');
const nav = document.createElement('nav');
const links = SETTINGS.panel.values.map((name) => {
  const a = document.createElement('a');
  a.href = `#panel=${name}`;
  a.dataset.panel = name;
  a.addEventListener('click', (e) => {
    e.preventDefault();
    if (state.panel === name) return;
    state.panel = name;
    writeStateToUrl(state);
    showPanel([]);
  });
  nav.append(a);
  return a;
});

// A closed <select> fires `change` on every arrow key: arrowing from 한국어 to
// English would rebuild the page at each step. Keys only choose; Enter or
// leaving the control applies. A mouse or touch pick applies at once.
const langSel = document.createElement('select');
langSel.id = 'sn-language';
let chosenByKeys = false;
for (const l of languages) {
  const o = document.createElement('option');
  o.value = l;
  o.textContent = l === 'ko' ? '한국어' : 'English';
  langSel.append(o);
}
const applyLanguage = () => { chosenByKeys = false; setLanguage(langSel.value); };
langSel.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') applyLanguage();
  else if (e.key.startsWith('Arrow') || ['Home', 'End', 'PageUp', 'PageDown'].includes(e.key) || e.key.length === 1) chosenByKeys = true;
});
langSel.addEventListener('change', () => { if (!chosenByKeys) applyLanguage(); });
langSel.addEventListener('blur', () => { if (chosenByKeys) applyLanguage(); });

const header = document.createElement('header');
header.append(h1, tagline, nav, langSel);
app.replaceChildren(header, main);

/** Every text of the header in the current language, and the current tab marked. */
function label() {
  document.documentElement.lang = getLanguage();
  document.title = t('app.title');
  h1.textContent = t('app.title');
  tagline.textContent = t('app.tagline');
  nav.setAttribute('aria-label', t('app.panels'));
  for (const a of links) {
    a.textContent = t(`panel.${a.dataset.panel}`);
    if (a.dataset.panel === state.panel) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  langSel.setAttribute('aria-label', t('app.language'));
  langSel.value = getLanguage();
  revealCurrent();
}

/**
 * On a phone the panel links are one row that scrolls sideways (style.css): the current
 * panel's link is brought into the row's view — by the row's own scrollLeft, not
 * scrollIntoView, so the page does not move and focus stays where it is — and the row's
 * ends fade where more links are hidden (sn-more-left / sn-more-right).
 */
function revealCurrent() {
  revealLink(links.find((a) => a.dataset.panel === state.panel));
}
/** Centre `a` in the row when the row scrolls (a link the browser scrolls to on focus may stay half under the fade). */
function revealLink(a) {
  if (a && nav.scrollWidth > nav.clientWidth) {
    const row = nav.getBoundingClientRect();
    const link = a.getBoundingClientRect();
    nav.scrollLeft += (link.left + link.width / 2) - (row.left + row.width / 2);
  }
  markHiddenLinks();
}
function markHiddenLinks() {
  const more = nav.scrollWidth - nav.clientWidth;
  nav.classList.toggle('sn-more-left', more > 1 && nav.scrollLeft > 1);
  nav.classList.toggle('sn-more-right', more > 1 && nav.scrollLeft < more - 1);
}
nav.addEventListener('scroll', markHiddenLinks, { passive: true });
nav.addEventListener('focusin', (e) => revealLink(e.target.closest('a')));   // Tab along the row: each link in full view
window.addEventListener('resize', revealCurrent);
document.fonts?.ready.then(revealCurrent);   // the links' widths once the web fonts are in

function showPanel(notes) {
  label();
  host.show(main, { state, notes });
}

// A footer line with the page's own core: the wasm memory and how many core
// objects are alive. Both should stay flat while panels come and go.
const footer = document.createElement('footer');
footer.className = 'sn-page sn-footer';
footer.dataset.testid = 'core-stats';
document.body.append(footer);
// A browser that cannot run the core is told so by the panel (mount.js); the footer then stays empty.
if (missingFeatures().length === 0) getCore().then((sn) => {
  let updates = 0;
  const update = () => {
    footer.dataset.updates = String(++updates);   // so a test can wait for a fresh reading
    footer.dataset.heap = String(sn.heapBytes);
    footer.dataset.live = String(sn.liveObjects);
    footer.textContent = t('app.core', { version: sn.version, flavor: sn.buildFlavor, mb: (sn.heapBytes / 1048576).toFixed(1), live: sn.liveObjects });
  };
  update();
  setInterval(update, 1000);
});

// A language change re-labels the header and rebuilds the view only: the runs go on.
onLanguageChange(() => {
  writeLanguageToUrl();
  label();
  host.refresh();
});
// Back/forward or a pasted link: re-read the URL into the same state object.
window.addEventListener('hashchange', () => {
  const { state: fresh, notes } = readState();
  Object.assign(state, fresh);
  showPanel(notes);
});
writeStateToUrl(state);
writeLanguageToUrl();
showPanel(firstNotes);
