// i18n.js — 한국어 / English.
//
// Every string a learner sees goes through t(key). Each panel registers its
// own strings next to its code (registerMessages), so a panel module is
// complete on its own. The chosen language is remembered in localStorage and
// can be forced with ?lang=ko|en (an embedding page picks its own language).
const messages = { ko: {}, en: {} };
const listeners = new Set();
export const languages = ['ko', 'en'];
let lang = initialLanguage();

function initialLanguage() {
  const fromUrl = new URLSearchParams(location.search).get('lang')
    ?? new URLSearchParams(location.hash.slice(1)).get('lang');
  if (languages.includes(fromUrl)) return fromUrl;
  try {
    const saved = localStorage.getItem('scratchnet.lang');
    if (languages.includes(saved)) return saved;
  } catch { /* storage is blocked in some sandboxed iframes: fall through */ }
  return (navigator.language ?? '').startsWith('ko') ? 'ko' : 'en';
}

/** Add strings: registerMessages({ ko: { key: '…' }, en: { key: '…' } }). */
export function registerMessages(table) {
  for (const l of languages) Object.assign(messages[l], table[l]);
}

/** The string for key in the current language; {name} placeholders are filled from params. */
export function t(key, params = {}) {
  const s = messages[lang][key] ?? messages.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in params ? String(params[k]) : `{${k}}`));
}

export function getLanguage() { return lang; }

export function setLanguage(l, { remember = true } = {}) {
  if (!languages.includes(l) || l === lang) return;
  lang = l;
  if (remember) {
    try { localStorage.setItem('scratchnet.lang', l); } catch { /* not remembered, still switched */ }
  }
  document.documentElement.lang = l;
  for (const f of listeners) f(l);
}

export function onLanguageChange(f) { listeners.add(f); return () => listeners.delete(f); }

/** A translated sentence for an error from the core (by its code), with the core's details. */
export function errorMessage(err) {
  const key = `error.${err?.code ?? 'internal'}`;
  const known = messages[lang][key] ?? messages.en[key];
  const detail = err?.message ?? String(err);
  return known ? `${t(key)} (${detail})` : `${t('error.internal')} (${detail})`;
}

// Messages for the error codes of the core (cpp/core/error.hpp and friends).
registerMessages({
  ko: {
    'error.internal': '예상하지 못한 오류가 났습니다',
    'error.size.too_large': '크기가 너무 커서 메모리에 담을 수 없습니다',
    'error.memory.exhausted': 'WebAssembly 메모리가 부족합니다',
    'error.shape.mismatch': '행렬의 형상이 맞지 않습니다',
    'error.input.not_finite': '입력에 NaN이나 무한대가 있습니다',
    'error.activation.unknown': '모르는 활성화 함수입니다',
    'error.activation.bad_range': '그래프 범위가 올바르지 않습니다',
    'error.optimizer.unknown': '모르는 최적화 기법입니다',
    'error.optimizer.bad_lr': '학습률은 0보다 크고 10 이하여야 합니다',
    'error.net.layer_size': '층의 뉴런 수가 허용 범위를 벗어났습니다',
    'error.net.too_deep': '층이 너무 많습니다',
    'error.gate.unknown': '모르는 논리 게이트입니다',
    'error.idx.bad_magic': 'IDX 파일이 아닙니다 (매직 넘버가 다릅니다)',
    'error.idx.truncated': 'IDX 파일이 중간에 잘렸습니다',
    'error.idx.bad_dims': 'IDX 파일의 차원이 맞지 않습니다 (이미지는 3차원, 레이블은 1차원)',
    'error.idx.count_mismatch': '이미지 수와 레이블 수가 다릅니다',
    'error.idx.label_out_of_range': '레이블이 클래스 수보다 큽니다',
    'error.gzip.corrupt': 'gzip 압축이 깨져 있습니다',
    'error.npz.not_zip': '.npz(zip) 파일이 아닙니다',
    'error.npz.missing_param': '.npz 파일에 필요한 가중치가 없습니다',
    'error.object.deleted': '이미 삭제된 객체입니다',
  },
  en: {
    'error.internal': 'Something unexpected went wrong',
    'error.size.too_large': 'This is too large to fit in memory',
    'error.memory.exhausted': 'The WebAssembly memory is exhausted',
    'error.shape.mismatch': 'The matrix shapes do not match',
    'error.input.not_finite': 'The input contains NaN or infinity',
    'error.activation.unknown': 'Unknown activation function',
    'error.activation.bad_range': 'The plot range is not valid',
    'error.optimizer.unknown': 'Unknown optimizer',
    'error.optimizer.bad_lr': 'The learning rate must be above 0 and at most 10',
    'error.net.layer_size': 'A layer size is out of range',
    'error.net.too_deep': 'Too many layers',
    'error.gate.unknown': 'Unknown logic gate',
    'error.idx.bad_magic': 'Not an IDX file (wrong magic number)',
    'error.idx.truncated': 'The IDX file is cut short',
    'error.idx.bad_dims': 'The IDX file has the wrong dimensions (images are 3-D, labels 1-D)',
    'error.idx.count_mismatch': 'The numbers of images and labels differ',
    'error.idx.label_out_of_range': 'A label is larger than the number of classes',
    'error.gzip.corrupt': 'The gzip data is corrupt',
    'error.npz.not_zip': 'Not an .npz (zip) file',
    'error.npz.missing_param': 'The .npz file lacks a weight the network needs',
    'error.object.deleted': 'This object was already deleted',
  },
});
