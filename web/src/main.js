// main.js — the full playground page: a tab per panel, the language switch,
// and the URL as the single source of the state (copy the link, get the view).
import { mountPanel } from './mount.js';
import { getCore } from './core.js';
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
    'app.core': 'scratchnet {version} ({flavor}) · wasm memory {mb} MB · live core objects {live}',
  },
});

const app = document.getElementById('app');
let { state, notes } = readState();
let current = null;

function header() {
  const h = document.createElement('header');
  const h1 = document.createElement('h1');
  h1.textContent = t('app.title');
  const tag = document.createElement('p');
  tag.textContent = t('app.tagline');

  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', t('app.panels'));
  for (const name of SETTINGS.panel.values) {
    const a = document.createElement('a');
    a.href = `#panel=${name}`;
    a.textContent = t(`panel.${name}`);
    a.dataset.panel = name;
    if (name === state.panel) a.setAttribute('aria-current', 'page');
    a.addEventListener('click', (e) => {
      e.preventDefault();
      if (state.panel === name) return;
      state.panel = name;
      writeStateToUrl(state);
      notes = [];
      render();
    });
    nav.append(a);
  }

  const langSel = document.createElement('select');
  langSel.id = 'sn-language';
  langSel.setAttribute('aria-label', t('app.language'));
  for (const l of languages) {
    const o = document.createElement('option');
    o.value = l;
    o.textContent = l === 'ko' ? '한국어' : 'English';
    o.selected = l === getLanguage();
    langSel.append(o);
  }
  langSel.addEventListener('change', () => setLanguage(langSel.value));
  h.append(h1, tag, nav, langSel);
  return h;
}

// A footer line with the page's own core: the wasm memory and how many core
// objects are alive. Both should stay flat while panels come and go.
const footer = document.createElement('footer');
footer.className = 'sn-page sn-footer';
footer.dataset.testid = 'core-stats';
document.body.append(footer);
getCore().then((sn) => {
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

async function render() {
  current?.destroy();
  document.documentElement.lang = getLanguage();
  document.title = t('app.title');
  const main = document.createElement('main');
  app.replaceChildren(header(), main);
  current = await mountPanel(main, { state, notes, onState: (s) => writeStateToUrl(s) });
}

onLanguageChange(() => render());
// Back/forward or a pasted link: re-read the URL.
window.addEventListener('hashchange', () => { ({ state, notes } = readState()); render(); });
writeStateToUrl(state);
render();
