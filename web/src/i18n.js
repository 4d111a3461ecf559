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

/** The string for key in language l (the page's by default); {name} placeholders are filled from params. */
export function t(key, params = {}, l = lang) {
  const s = messages[l]?.[key] ?? messages.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in params ? String(params[k]) : `{${k}}`));
}

/**
 * t for one language, whatever the page's is: two <scratchnet-panel lang="…">
 * on one page each speak their own (HTML's lang is per element, so is ours).
 */
export function translator(l) {
  const fixed = languages.includes(l) ? l : lang;
  return (key, params = {}) => t(key, params, fixed);
}

/** The language of an element as HTML defines it (its own or its closest ancestor's lang), or null when not ours. */
export function elementLanguage(el) {
  const l = (el.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().split('-')[0];
  return languages.includes(l) ? l : null;
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

/**
 * The translated sentence for an error from the core, by its code, in language
 * l (the page's by default). The core's own English detail is not mixed into
 * it (a Korean sentence with English in parentheses reads badly):
 * errorDetail() gives it, and ui.js's showError puts it behind a "details" toggle.
 */
export function errorMessage(err, l = lang) {
  const key = `error.${err?.code ?? 'internal'}`;
  return messages[l]?.[key] ?? messages.en[key] ? t(key, {}, l) : t('error.internal', {}, l);
}

/** The core's English detail of an error (what a bug report needs), '' when there is none. */
export function errorDetail(err) {
  const detail = err?.message ?? (err === undefined ? '' : String(err));
  return detail === errorMessage(err, 'en') || detail === errorMessage(err) ? '' : detail;
}

// Messages for the error codes of the core (cpp/core/error.hpp and friends).
registerMessages({
  ko: {
    'error.internal': '예상하지 못한 오류가 났습니다',
    // convolutional networks (cpp/layers/convolution, pooling; cpp/net/conv_net)
    'error.conv.bad_geometry': '합성곱·풀링의 크기(필터, 스트라이드, 패딩)가 입력과 맞지 않습니다',
    'error.convnet.bad_layer': '합성곱 신경망의 계층 설정이 올바르지 않습니다',
    'error.convnet.bad_architecture': '이 .npz의 합성곱 신경망 구조(architecture)가 올바르지 않습니다',
    // the plane's data sets, features and regularization (cpp/data, cpp/optim)
    'error.toy.unknown': '모르는 데이터셋 이름입니다',
    'error.toy.bad_size': '점의 개수는 4에서 100000 사이여야 합니다',
    'error.toy.bad_noise': '잡음은 0에서 1 사이여야 합니다',
    'error.dataset.bad_split': '테스트 비율이 올바르지 않습니다. 학습과 테스트 모두 점이 하나 이상 필요합니다',
    'error.feature.unknown': '모르는 입력 특성입니다',
    'error.feature.empty': '입력 특성을 하나 이상 고르세요',
    'error.grid.bad_size': '격자 크기가 올바르지 않습니다',
    'error.grid.bad_range': '격자 범위가 올바르지 않습니다',
    'error.optimizer.unknown_regularization': '모르는 정규화 방법입니다 (none, l1, l2)',
    'error.optimizer.bad_regularization_rate': '정규화 계수가 올바르지 않습니다',
    'error.optimizer.double_regularization': '가중치 감소와 정규화를 함께 설정할 수 없습니다',
    'error.details': '자세히 (코어의 영어 메시지)',
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
    'error.idx.bad_type': 'IDX 파일의 자료형이 unsigned byte(0x08)가 아닙니다',
    'error.idx.trailing_bytes': 'IDX 파일 끝에 알 수 없는 바이트가 더 있습니다',
    'error.gzip.unsupported_here': '이 빌드는 gzip을 풀 수 없습니다. 먼저 압축을 풀어 주세요',
    'error.dataset.bad_classes': '클래스 수가 올바르지 않습니다 (1~256)',
    'error.npz.truncated': '.npz 파일이 중간에 잘렸습니다',
    'error.npz.bad_entry': '.npz(zip) 파일 안의 항목이 깨져 있거나 지원하지 않는 형식입니다',
    'error.npz.missing_array': '.npz 파일에 필요한 배열이 없습니다',
    'error.npz.compressed_unsupported_here': '압축된 .npz(np.savez_compressed)는 여기서 읽을 수 없습니다. np.savez로 저장해 주세요',
    'error.npy.bad_header': '.npy 배열의 헤더가 올바르지 않습니다',
    'error.npy.bad_dtype': '배열의 자료형은 float32, float64 또는 float16이어야 합니다',
    'error.npy.bad_shape': '배열의 형상이 지원되지 않습니다 (1차원이나 2차원, C 순서)',
    'error.object.deleted': '이미 삭제된 객체입니다',
    'error.activation.bad_slope': 'Leaky ReLU의 기울기가 올바르지 않습니다',
    'error.batch_norm.bad_hyperparameter': '배치 정규화의 설정값(모멘텀, ε)이 올바르지 않습니다',
    'error.dropout.bad_ratio': '드롭아웃 비율은 0 이상 1 미만이어야 합니다',
    'error.gate.bad_input': '논리 게이트의 입력은 0 또는 1이어야 합니다',
    'error.gate.xor_no_preset': 'XOR은 퍼셉트론 하나로 만들 수 없어 프리셋이 없습니다',
    'error.input.empty': '입력이 비어 있습니다',
    'error.io.cannot_open': '파일을 열 수 없습니다',
    'error.io.read_failed': '파일을 읽지 못했습니다',
    'error.io.write_failed': '파일을 쓰지 못했습니다',
    'error.label.out_of_range': '레이블이 클래스 수를 벗어났습니다',
    'error.layer.no_forward': '순전파 전에 역전파를 불렀습니다',
    'error.net.bad_init_std': '초깃값의 표준편차가 올바르지 않습니다',
    'error.net.bad_seed': '시드가 올바르지 않습니다',
    'error.net.bad_spec': '신경망 설정이 올바르지 않습니다',
    'error.net.init_unknown': '모르는 초기화 방법입니다',
    'error.net.output_unknown': '모르는 출력층입니다',
    'error.net.too_few_layers': '층이 너무 적습니다 (입력과 출력 크기가 필요합니다)',
    'error.npz.bad_name': '.npz 안의 배열 이름이 올바르지 않습니다',
    'error.optimizer.bad_beta': 'Adam의 β 값이 올바르지 않습니다',
    'error.optimizer.bad_decay': 'RMSProp의 감쇠율이 올바르지 않습니다',
    'error.optimizer.bad_momentum': '모멘텀 계수가 올바르지 않습니다',
    'error.optimizer.bad_param': '최적화 대상 매개변수가 올바르지 않습니다',
    'error.optimizer.bad_weight_decay': '가중치 감소 계수가 올바르지 않습니다',
    'error.param.unknown': '그런 이름의 매개변수가 없습니다',
    'error.perceptron.bad_epochs': '에폭 수가 올바르지 않습니다',
    'error.perceptron.bad_lr': '퍼셉트론의 학습률이 올바르지 않습니다',
    'error.perceptron.unknown_rule': '모르는 학습 규칙입니다',
    'error.softmax.empty': '소프트맥스의 입력이 비어 있습니다',
    'error.spiral.bad_size': '나선형 데이터의 크기가 올바르지 않습니다',
    'error.target.not_distribution': '정답이 확률 분포(합이 1)가 아닙니다',
    'error.trainer.bad_samples': '평가에 쓸 샘플 수가 올바르지 않습니다',
    'error.trainer.finished': '학습이 이미 끝났습니다',
    'error.label.not_integer': '레이블은 0 이상의 정수여야 합니다',
    'error.json.bad_text': '구조(architecture) JSON이 올바르지 않습니다',
    'error.npz.bad_architecture': '.npz의 구조(architecture) 항목이 올바르지 않습니다',
    'error.npz.unsupported_architecture': '이 .npz에 담긴 신경망 종류는 여기서 불러올 수 없습니다',
    'error.npy.bad_text': '.npy 문자열 배열에 올바르지 않은 문자가 있습니다',
    'error.dataset.bad_shape': '데이터의 형상(특징 수나 높이×너비)이 올바르지 않습니다',
    'error.argument.invalid': '함수에 넘긴 인자의 형식이 올바르지 않습니다',
    // the loader's builds (web/lib/builds.js)
    'error.build.unknown': '모르는 빌드 이름입니다 (simd, scalar, threads 중 하나)',
    'error.build.unavailable': '스레드 빌드는 교차 출처 격리(COOP/COEP 헤더)된 페이지에서만 쓸 수 있습니다',
  },
  en: {
    'error.internal': 'Something unexpected went wrong',
    // convolutional networks (cpp/layers/convolution, pooling; cpp/net/conv_net)
    'error.conv.bad_geometry': 'The convolution or pooling sizes (filter, stride, padding) do not fit the input',
    'error.convnet.bad_layer': 'A layer of the convolutional network is not valid',
    'error.convnet.bad_architecture': 'The convolutional network architecture in this .npz is not valid',
    // the plane's data sets, features and regularization (cpp/data, cpp/optim)
    'error.toy.unknown': 'Unknown data set name',
    'error.toy.bad_size': 'The number of points must be between 4 and 100,000',
    'error.toy.bad_noise': 'Noise must be between 0 and 1',
    'error.dataset.bad_split': 'The test ratio is not valid: training and test each need at least one point',
    'error.feature.unknown': 'Unknown input feature',
    'error.feature.empty': 'Choose at least one input feature',
    'error.grid.bad_size': 'The grid size is not valid',
    'error.grid.bad_range': 'The grid range is not valid',
    'error.optimizer.unknown_regularization': 'Unknown regularization (none, l1, l2)',
    'error.optimizer.bad_regularization_rate': 'The regularization rate is not valid',
    'error.optimizer.double_regularization': 'Weight decay and a regularization cannot both be set',
    'error.details': 'details (the core\'s message)',
    'error.label.not_integer': 'A label must be a whole number ≥ 0',
    'error.json.bad_text': 'The architecture JSON is not valid',
    'error.npz.bad_architecture': 'The architecture entry of the .npz is not valid',
    'error.npz.unsupported_architecture': 'This .npz holds a kind of network that cannot be loaded here',
    'error.npy.bad_text': 'A .npy string array holds an invalid character',
    'error.dataset.bad_shape': 'The data shape (features, or height × width) is not valid',
    'error.argument.invalid': 'An argument passed to the function has the wrong type',
    // the loader's builds (web/lib/builds.js)
    'error.build.unknown': 'Unknown build name (one of simd, scalar, threads)',
    'error.build.unavailable': 'The threads build needs a cross-origin-isolated page (COOP/COEP headers)',
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
    'error.idx.bad_type': 'The IDX file is not of unsigned bytes (type 0x08)',
    'error.idx.trailing_bytes': 'The IDX file has unexpected bytes at its end',
    'error.gzip.unsupported_here': 'This build cannot decompress gzip; decompress the file first',
    'error.dataset.bad_classes': 'The number of classes is not valid (1 to 256)',
    'error.npz.truncated': 'The .npz file is cut short',
    'error.npz.bad_entry': 'An entry of the .npz (zip) file is damaged or of an unsupported kind',
    'error.npz.missing_array': 'The .npz file lacks an array the network needs',
    'error.npz.compressed_unsupported_here': 'A compressed .npz (np.savez_compressed) cannot be read here; save it with np.savez',
    'error.npy.bad_header': 'The header of a .npy array is not valid',
    'error.npy.bad_dtype': 'Arrays must be float32, float64 or float16',
    'error.npy.bad_shape': 'The array shape is not supported (1-D or 2-D, C order)',
    'error.object.deleted': 'This object was already deleted',
    'error.activation.bad_slope': 'The leaky ReLU slope is not valid',
    'error.batch_norm.bad_hyperparameter': 'A batch-normalization setting (momentum, ε) is not valid',
    'error.dropout.bad_ratio': 'The dropout ratio must be at least 0 and below 1',
    'error.gate.bad_input': 'A logic gate input must be 0 or 1',
    'error.gate.xor_no_preset': 'XOR has no preset: one perceptron cannot make it',
    'error.input.empty': 'The input is empty',
    'error.io.cannot_open': 'The file cannot be opened',
    'error.io.read_failed': 'The file could not be read',
    'error.io.write_failed': 'The file could not be written',
    'error.label.out_of_range': 'A label is outside the number of classes',
    'error.layer.no_forward': 'backward was called before forward',
    'error.net.bad_init_std': 'The initial weight standard deviation is not valid',
    'error.net.bad_seed': 'The seed is not valid',
    'error.net.bad_spec': 'The network specification is not valid',
    'error.net.init_unknown': 'Unknown weight initialization',
    'error.net.output_unknown': 'Unknown output layer',
    'error.net.too_few_layers': 'Too few layers (an input and an output size are needed)',
    'error.npz.bad_name': 'An array name in the .npz is not valid',
    'error.optimizer.bad_beta': "Adam's β values are not valid",
    'error.optimizer.bad_decay': "RMSProp's decay rate is not valid",
    'error.optimizer.bad_momentum': 'The momentum coefficient is not valid',
    'error.optimizer.bad_param': 'A parameter given to the optimizer is not valid',
    'error.optimizer.bad_weight_decay': 'The weight decay is not valid',
    'error.param.unknown': 'No parameter has that name',
    'error.perceptron.bad_epochs': 'The number of epochs is not valid',
    'error.perceptron.bad_lr': "The perceptron's learning rate is not valid",
    'error.perceptron.unknown_rule': 'Unknown learning rule',
    'error.softmax.empty': 'The softmax input is empty',
    'error.spiral.bad_size': 'The spiral data size is not valid',
    'error.target.not_distribution': 'The targets are not a probability distribution (sum 1)',
    'error.trainer.bad_samples': 'The number of evaluation samples is not valid',
    'error.trainer.finished': 'Training has already finished',
  },
});

// Messages for the codes of "how a network learns": derivatives, gradient descent and
// computational graphs (cpp/calculus, cpp/graph; book 4.3–4.4, 5.1–5.6).
registerMessages({
  ko: {
    'error.calculus.unknown_function': '모르는 함수입니다 (function_1, function_2, x2_20_plus_y2)',
    'error.calculus.bad_point': '점의 좌표 수가 함수의 변수 수와 다릅니다',
    'error.calculus.bad_axis': '편미분할 변수가 이 함수에 없습니다',
    'error.calculus.bad_h': '미분의 h는 0 이상의 유한한 수여야 합니다',
    'error.calculus.bad_steps': '경사 하강의 단계 수는 0 이상 100000 이하의 정수여야 합니다',
    'error.calculus.unknown_gradient': '기울기 계산 방법은 수치(numerical) 또는 해석(analytic)입니다',
    'error.calculus.unknown_precision': '정밀도는 double 또는 float입니다',
    'error.graph.unknown_example': '모르는 계산 그래프 예입니다',
    'error.graph.unknown_edge': '이 계산 그래프에 그런 이름의 변수(에지)가 없습니다',
    'error.graph.not_input': '노드가 계산하는 값은 바꿀 수 없습니다. 입력만 바꿀 수 있습니다',
    'error.graph.not_output': 'dout은 그래프의 마지막 출력에만 줄 수 있습니다',
    'error.graph.forward_first': '역전파 전에 순전파를 끝까지 해야 합니다',
    'error.graph.bad_node': '계산 그래프의 노드 연결이 올바르지 않습니다',
  },
  en: {
    'error.calculus.unknown_function': 'Unknown function (function_1, function_2, x2_20_plus_y2)',
    'error.calculus.bad_point': 'The point does not have one coordinate per variable of the function',
    'error.calculus.bad_axis': 'The function has no such variable to differentiate by',
    'error.calculus.bad_h': 'h must be a finite number, 0 or more',
    'error.calculus.bad_steps': 'The number of descent steps must be a whole number from 0 to 100000',
    'error.calculus.unknown_gradient': 'The gradient is numerical or analytic',
    'error.calculus.unknown_precision': 'The precision is double or float',
    'error.graph.unknown_example': 'Unknown computational graph example',
    'error.graph.unknown_edge': 'This graph has no variable (edge) of that name',
    'error.graph.not_input': 'A value computed by a node cannot be set; only inputs can',
    'error.graph.not_output': 'dout can be given only to the final outputs of the graph',
    'error.graph.forward_first': 'Run the forward pass to the end before backward',
    'error.graph.bad_node': 'The nodes of the computational graph are not connected correctly',
  },
});
