// perceptron.js — "Perceptron & logic gates" (book ch. 2; seeds 003 and 002).
//
// The learner sets w1, w2 and b (or θ = −b) by hand and sees, live, the truth
// table against a gate and the decision line over the four inputs; then lets a
// learning rule (perceptron rule, delta rule / Adaline, Hebb) find the weights
// step by step; and finally builds XOR from NAND + OR → AND.
// Every answer of a perceptron comes from the core: sn.truthTable,
// sn.perceptronTrainer, sn.xorTwoLayer, sn.gatePresets.
import { parseSetting } from '../state.js';
import { el, controlRow, renderTex, showError as showErrorIn } from '../ui.js';
import { uid, fmt, fieldValue, scrollBox, srOnly } from './perceptron/dom.js';
import { decisionPlot, xorPlot, errorChart, COLORS } from './perceptron/plots.js';

export const strings = {
  ko: {
    'pc.title': '퍼셉트론과 논리 게이트',
    'pc.intro': '가중치와 바이어스를 직접 움직여 AND, NAND, OR 게이트를 만들어 보세요. 진리표와 결정 경계(직선)가 바로 바뀝니다.',
    'pc.formula.label': '퍼셉트론의 식 (임계값 θ 형식과 바이어스 b 형식)',
    'pc.formula.swap': 'θ를 −b로 치환',
    'pc.w1': '가중치 w₁',
    'pc.w2': '가중치 w₂',
    'pc.b': '바이어스 b',
    'pc.theta': '임계값 θ',
    'pc.number': '{name} 값 입력',
    'pc.thetaToggle': 'θ로 보기 (b = −θ)',
    'pc.gate': '게이트',
    'pc.gate.and': 'AND',
    'pc.gate.nand': 'NAND',
    'pc.gate.or': 'OR',
    'pc.gate.xor': 'XOR',
    'pc.presets': '책의 값 (w₁, w₂, {third})',
    'pc.preset.aria': '{gate} 게이트의 책 값으로: w₁ = {w1}, w₂ = {w2}, {third} = {v}',
    'pc.explain.weights': '가중치 w₁, w₂는 각 입력 신호가 결과에 주는 영향력(중요도)을 조절하는 매개변수입니다.',
    'pc.explain.bias': '바이어스 b는 뉴런이 얼마나 쉽게 활성화하느냐(결과로 1을 출력하느냐)를 조정하는 매개변수입니다. b가 클수록(θ = −b가 작을수록) 1이 나오기 쉽습니다. 예: AND의 b = −0.7을 −0.2로 올리면 입력 하나만 1이어도 켜져서 OR이 됩니다.',
    'pc.table.caption': '{gate} 게이트에 대한 진리표',
    'pc.table.net': 'w·x + b',
    'pc.table.netTheta': 'w·x − θ',
    'pc.table.target': '정답',
    'pc.table.check': '판정',
    'pc.table.right': '맞음',
    'pc.table.wrong': '틀림',
    'pc.table.summary': '{right}/{n} 정답',
    'pc.table.xorNote': 'XOR은 어떤 (w₁, w₂, b)로도 네 행을 모두 맞힐 수 없습니다 — 최대 3/4. 아래 “학습시키기”와 “NAND + OR → AND”를 보세요.',
    'pc.plot.aria': '입력 네 점과 결정 경계 w₁x₁ + w₂x₂ + b = 0. 파란 쪽은 y = 1, 주황 쪽은 y = 0.',
    'pc.legend.one': 'y = 1 쪽',
    'pc.legend.zero': 'y = 0 쪽',
    'pc.legend.t1': '● 정답 1',
    'pc.legend.t0': '○ 정답 0',
    'pc.legend.wrong': '빨간 고리: 틀린 점',
    'pc.legend.current': '노란 점선: 학습 중인 샘플',
    'pc.plot.noLine': 'w₁ = w₂ = 0이라 직선이 없습니다: b만으로 평면 전체가 한쪽(y = {y})입니다.',
    'pc.learn.title': '학습시키기: 규칙이 가중치를 찾게 하기',
    'pc.learn.intro': '가중치를 0에서 시작해 샘플을 하나씩 보며 학습 규칙대로 고칩니다. 한 에포크 = 네 샘플을 한 번씩 보는 것. 슬라이더와 직선이 학습된 가중치를 따라 움직입니다.',
    'pc.rule': '학습 규칙',
    'pc.rule.perceptron': '퍼셉트론 규칙 (로젠블라트)',
    'pc.rule.delta': '델타 규칙 / Adaline (위드로-호프)',
    'pc.rule.hebb': '헵 규칙 (양극 −1/+1)',
    'pc.speed': '속도',
    'pc.speed.option': '초당 {n}단계',
    'pc.play': '▶ 재생',
    'pc.pause': '일시 정지',
    'pc.step': '한 단계',
    'pc.reset': '처음으로',
    'pc.learn.ready': '준비: 가중치는 0에서 시작합니다 (학습률 {lr}, 최대 {max} 에포크).',
    'pc.learn.running': '학습 중… 에포크 {epoch}',
    'pc.learn.paused': '일시 정지: 에포크 {epoch}, 샘플 {sample}까지 보았습니다.',
    'pc.learn.converged': '{n} 에포크 만에 수렴했습니다: 네 샘플을 모두 맞힙니다.',
    'pc.learn.settledOk': '{n} 에포크 뒤 수렴했습니다 (MSE가 더 이상 변하지 않음): 네 샘플을 모두 맞힙니다.',
    'pc.learn.settledWrong': '{n} 에포크 뒤 MSE는 더 변하지 않지만 {right}/{count}만 맞힙니다 — 올바른 답에는 결코 자리 잡지 못합니다 (never settles).',
    'pc.learn.never': '자리 잡지 못합니다 (never settles): 에포크 한도 {n}에 이르렀는데도 {right}/{count}만 맞힙니다.',
    'pc.learn.weights': '지금 가중치 (에포크 {epoch}): {weights}',
    'pc.learn.weightsDelta': 'Adaline은 선형 출력 w·x + b가 0.5보다 클 때 1로 답하므로, 슬라이더에는 같은 직선을 b − 0.5로 보여 줍니다: {shown}',
    'pc.learn.weightsHebb': '헵 규칙은 −1/+1 입력으로 학습하므로, 슬라이더에는 0/1 입력에서 같은 직선을 보여 줍니다 (x = 2u − 1 대입: w′ = 2w, b′ = b − w₁ − w₂): {shown}',
    'pc.learn.noSample': '아직 본 샘플이 없습니다.',
    'pc.learn.sample': '에포크 {epoch} · 샘플 {k}/{count}: x = ({x1}, {x2}), 정답 d = {d}, 출력 y = {y}',
    'pc.learn.sample.perceptron': ' → d − y = {e}{tail}',
    'pc.learn.sample.unchanged': ' (맞았으니 가중치는 그대로)',
    'pc.learn.sample.changed': ' (틀렸으니 w ← w + (d − y)·x)',
    'pc.learn.sample.delta': ' → 선형 출력의 오차 d − net = {e} (맞아도 고칩니다)',
    'pc.learn.sample.hebb': ' → Δw = α·d·x (맞든 틀리든 매번 더합니다)',
    'pc.learn.chart.aria': '에포크별 오차',
    'pc.learn.chart.empty': '에포크가 끝나면 오차 그래프가 그려집니다.',
    'pc.learn.epoch': '에포크',
    'pc.learn.err.perceptron': '오차 (1/s)Σ|d − y|',
    'pc.learn.err.delta': 'MSE (1/s)Σ(d − net)²',
    'pc.learn.err.hebb': '틀린 비율',
    'pc.learn.rule.perceptron': '틀린 샘플에서만 가중치를 고칩니다 (b는 입력이 늘 1인 w₀). 학습률 η = 1.',
    'pc.learn.rule.delta': '선형 출력 net = w·x + b의 오차 제곱을 경사 하강법으로 줄입니다 (오차역전파의 뿌리). 학습률 η = 0.1, 답은 net > 0.5일 때 1.',
    'pc.learn.rule.hebb': '“함께 발화하면 함께 연결된다”: 입력과 정답이 같은 부호면 가중치를 키웁니다. 0/1로는 0인 입력·정답이 아무것도 배우지 못하므로 −1/+1(양극)을 씁니다. 고전적인 헵 학습은 데이터를 한 번만 훑습니다.',
    'pc.why.title': '왜 XOR은 학습되지 않을까요?',
    'pc.why.xor': '퍼셉트론은 직선 하나로 평면을 두 영역으로 나눌 뿐입니다(퍼셉트론의 한계). XOR에서 1이 되는 (1,0), (0,1)과 0이 되는 (0,0), (1,1)은 대각선으로 엇갈려 있어서, 어떤 직선을 그어도 적어도 한 점은 반대쪽에 남습니다 — 잘해야 3/4입니다.',
    'pc.why.perceptron': '퍼셉트론 규칙은 틀린 샘플이 있으면 반드시 가중치를 고치는데, XOR에서는 틀린 샘플이 늘 남으므로 가중치가 영원히 바뀝니다. 수렴 정리는 데이터가 직선으로 나뉠 때(선형 분리 가능)에만 유한 번 만에 멈춘다고 보장합니다.',
    'pc.why.delta': '델타 규칙은 오차 제곱이 가장 작은 직선에 자리 잡으므로 MSE는 멈춥니다. 하지만 그 직선도 XOR의 네 점을 나누지 못합니다.',
    'pc.why.hebb': '헵 규칙으로 한 번 훑은 뒤의 가중치로는 네 점을 나눌 수 없습니다 — XOR에서는 더하는 값들이 서로 상쇄됩니다.',
    'pc.why.fix': '해결책은 층을 쌓는 것입니다: 아래의 NAND + OR → AND (다층 퍼셉트론).',
    'pc.why.other': '에포크 한도 안에 끝나지 않았습니다. 이 게이트는 직선으로 나뉘므로, 더 오래 학습하면 수렴합니다.',
    'pc.learn.cycle': '순환 감지: {epoch}번째 에포크가 끝났을 때의 가중치가 {prev}번째 에포크 끝과 똑같습니다. 샘플 순서가 고정되어 있으니 같은 에포크가 영원히 되풀이됩니다 — 절대 수렴하지 않는다는 증거입니다 (코어의 퍼셉트론 트레이너도 같은 방식으로 순환을 감지합니다).',
    'pc.xor.title': 'XOR = NAND + OR → AND (2층 퍼셉트론)',
    'pc.xor.intro': '1층에서 NAND(s₁)와 OR(s₂)이 각자 직선을 긋고, 2층의 AND가 두 결과를 받습니다. 두 직선 사이의 띠(파란 부분)가 XOR = 1인 곳입니다.',
    'pc.xor.caption': 'XOR 게이트를 NAND, OR, AND 게이트로 표현',
    'pc.xor.plot.aria': 'NAND 직선과 OR 직선, 그리고 두 직선 사이의 띠: XOR이 1인 영역',
    'pc.xor.band': '두 직선 사이 = XOR 1',
    'pc.xor.explain': '단층 퍼셉트론은 직선형 영역만 구별할 수 있지만, 층을 쌓은 다층 퍼셉트론은 비선형 영역도 표현할 수 있습니다. NAND와 OR의 가중치는 위의 책 값 그대로입니다.',
    'pc.more': '설명',
    'error.perceptron.unknown_rule': '모르는 학습 규칙입니다',
    'error.perceptron.bad_lr': '학습률이 허용 범위를 벗어났습니다',
    'error.perceptron.bad_epochs': '에포크 수가 허용 범위를 벗어났습니다',
    'error.trainer.finished': '학습이 이미 끝났습니다. “처음으로”를 누르세요',
    'error.trainer.bad_config': '학습 설정이 올바르지 않습니다',
    'error.trainer.bad_samples': '학습 샘플이 올바르지 않습니다',
    'error.gate.xor_no_preset': 'XOR에는 책의 값이 없습니다 (직선 하나로 나뉘지 않습니다)',
    'error.gate.bad_input': '게이트 입력은 0 또는 1이어야 합니다',
  },
  en: {
    'pc.title': 'Perceptron & logic gates',
    'pc.intro': 'Move the weights and the bias yourself to build AND, NAND and OR gates. The truth table and the decision line follow at once.',
    'pc.formula.label': 'The perceptron (threshold θ form and bias b form)',
    'pc.formula.swap': 'replace θ by −b',
    'pc.w1': 'weight w₁',
    'pc.w2': 'weight w₂',
    'pc.b': 'bias b',
    'pc.theta': 'threshold θ',
    'pc.number': '{name}, exact value',
    'pc.thetaToggle': 'Show θ (b = −θ)',
    'pc.gate': 'Gate',
    'pc.gate.and': 'AND',
    'pc.gate.nand': 'NAND',
    'pc.gate.or': 'OR',
    'pc.gate.xor': 'XOR',
    'pc.presets': "The book's values (w₁, w₂, {third})",
    'pc.preset.aria': "{gate} gate with the book's values: w₁ = {w1}, w₂ = {w2}, {third} = {v}",
    'pc.explain.weights': 'The weights w₁, w₂ set how much each input signal matters to the result.',
    'pc.explain.bias': 'The bias b sets how easily the neuron fires (outputs 1): the larger b (the smaller θ = −b), the more easily. E.g. raising AND’s b = −0.7 to −0.2 lets a single 1 input switch it on: it becomes OR.',
    'pc.table.caption': 'Truth table against the {gate} gate',
    'pc.table.net': 'w·x + b',
    'pc.table.netTheta': 'w·x − θ',
    'pc.table.target': 'target',
    'pc.table.check': 'check',
    'pc.table.right': 'right',
    'pc.table.wrong': 'wrong',
    'pc.table.summary': '{right}/{n} correct',
    'pc.table.xorNote': 'No (w₁, w₂, b) gets all four XOR rows right — 3/4 at best. See “Learn it” and “NAND + OR → AND” below.',
    'pc.plot.aria': 'The four inputs and the decision line w₁x₁ + w₂x₂ + b = 0. The blue side gives y = 1, the orange side y = 0.',
    'pc.legend.one': 'y = 1 side',
    'pc.legend.zero': 'y = 0 side',
    'pc.legend.t1': '● target 1',
    'pc.legend.t0': '○ target 0',
    'pc.legend.wrong': 'red ring: wrong',
    'pc.legend.current': 'yellow dashes: sample being learned',
    'pc.plot.noLine': 'w₁ = w₂ = 0, so there is no line: b alone puts the whole plane on one side (y = {y}).',
    'pc.learn.title': 'Learn it: let a rule find the weights',
    'pc.learn.intro': 'The weights start at 0; the rule looks at one sample at a time and corrects them. One epoch = one pass over the four samples. The sliders and the line follow the learned weights.',
    'pc.rule': 'Learning rule',
    'pc.rule.perceptron': 'Perceptron rule (Rosenblatt)',
    'pc.rule.delta': 'Delta rule / Adaline (Widrow–Hoff)',
    'pc.rule.hebb': 'Hebb’s rule (bipolar −1/+1)',
    'pc.speed': 'Speed',
    'pc.speed.option': '{n} steps/s',
    'pc.play': '▶ Play',
    'pc.pause': 'Pause',
    'pc.step': 'Step',
    'pc.reset': 'Reset',
    'pc.learn.ready': 'Ready: the weights start at 0 (learning rate {lr}, at most {max} epochs).',
    'pc.learn.running': 'Learning… epoch {epoch}',
    'pc.learn.paused': 'Paused: seen up to epoch {epoch}, sample {sample}.',
    'pc.learn.converged': 'Converged after {n} epoch{s}: all four samples right.',
    'pc.learn.settledOk': 'Converged after {n} epoch{s} (the MSE stopped changing): all four samples right.',
    'pc.learn.settledWrong': 'After {n} epoch{s} the MSE stopped changing, but only {right}/{count} are right — it never settles on a correct answer.',
    'pc.learn.never': 'Never settles: after {n} epoch{s} (the limit) only {right}/{count} are right.',
    'pc.learn.weights': 'Current weights (epoch {epoch}): {weights}',
    'pc.learn.weightsDelta': 'Adaline answers 1 when its linear output w·x + b exceeds 0.5, so the sliders show the same line with b − 0.5: {shown}',
    'pc.learn.weightsHebb': 'Hebb’s rule learns on −1/+1 inputs, so the sliders show the same line for 0/1 inputs (put x = 2u − 1: w′ = 2w, b′ = b − w₁ − w₂): {shown}',
    'pc.learn.noSample': 'No sample seen yet.',
    'pc.learn.sample': 'Epoch {epoch} · sample {k}/{count}: x = ({x1}, {x2}), target d = {d}, output y = {y}',
    'pc.learn.sample.perceptron': ' → d − y = {e}{tail}',
    'pc.learn.sample.unchanged': ' (right, so the weights stay)',
    'pc.learn.sample.changed': ' (wrong, so w ← w + (d − y)·x)',
    'pc.learn.sample.delta': ' → error of the linear output d − net = {e} (it corrects even right answers)',
    'pc.learn.sample.hebb': ' → Δw = α·d·x (added on every sample, right or wrong)',
    'pc.learn.chart.aria': 'Error per epoch',
    'pc.learn.chart.empty': 'The error chart appears when an epoch is complete.',
    'pc.learn.epoch': 'epoch',
    'pc.learn.err.perceptron': 'error (1/s)Σ|d − y|',
    'pc.learn.err.delta': 'MSE (1/s)Σ(d − net)²',
    'pc.learn.err.hebb': 'share wrong',
    'pc.learn.rule.perceptron': 'Changes the weights only on wrong samples (b is w₀ with a constant input 1). Learning rate η = 1.',
    'pc.learn.rule.delta': 'Gradient descent on the squared error of the linear output net = w·x + b (the root of backpropagation). Learning rate η = 0.1; the answer is 1 when net > 0.5.',
    'pc.learn.rule.hebb': '“Fire together, wire together”: a weight grows when its input and the target agree in sign. With 0/1, a 0 input or target would teach nothing, so inputs and targets are −1/+1 (bipolar). Classic Hebb makes a single pass over the data.',
    'pc.why.title': 'Why is XOR never learned?',
    'pc.why.xor': 'A perceptron only splits the plane in two with one straight line (the limit of the perceptron). XOR’s 1s, (1,0) and (0,1), and its 0s, (0,0) and (1,1), sit on crossing diagonals, so whatever line you draw, at least one point stays on the wrong side — 3/4 at best.',
    'pc.why.perceptron': 'The perceptron rule always corrects the weights when a sample is wrong, and on XOR a wrong sample always remains, so the weights change forever. The convergence theorem promises a finite number of corrections only when the data are linearly separable.',
    'pc.why.delta': 'The delta rule settles on the line with the smallest squared error, so the MSE stops changing — but that line cannot separate XOR’s four points either.',
    'pc.why.hebb': 'The weights Hebb’s rule builds in its pass cannot separate the four points — on XOR the additions cancel each other out.',
    'pc.why.fix': 'The way out is to stack layers: NAND + OR → AND below (a multilayer perceptron).',
    'pc.why.other': 'It did not finish within the epoch limit. This gate is linearly separable, so more epochs would make it converge.',
    'pc.learn.cycle': 'Cycling detected: the weights at the end of epoch {epoch} are exactly those at the end of epoch {prev}. The samples come in a fixed order, so the same epochs repeat forever — proof that it will never converge (the core’s perceptron trainer detects cycling the same way).',
    'pc.xor.title': 'XOR = NAND + OR → AND (a two-layer perceptron)',
    'pc.xor.intro': 'In layer 1, NAND (s₁) and OR (s₂) each draw a line; AND in layer 2 combines them. The band between the two lines (blue) is where XOR = 1.',
    'pc.xor.caption': 'XOR built from the NAND, OR and AND gates',
    'pc.xor.plot.aria': 'The NAND line, the OR line and the band between them: where XOR is 1',
    'pc.xor.band': 'between the lines = XOR 1',
    'pc.xor.explain': 'A single-layer perceptron can only separate linear regions; a multilayer perceptron can represent non-linear ones. NAND and OR use the book’s values from above.',
    'pc.more': 'Explanation',
    'error.perceptron.unknown_rule': 'Unknown learning rule',
    'error.perceptron.bad_lr': 'The learning rate is out of range',
    'error.perceptron.bad_epochs': 'The number of epochs is out of range',
    'error.trainer.finished': 'Training has finished; press Reset',
    'error.trainer.bad_config': 'The training settings are not valid',
    'error.trainer.bad_samples': 'The training samples are not valid',
    'error.gate.xor_no_preset': 'XOR has no preset (no single line separates it)',
    'error.gate.bad_input': 'Gate inputs must be 0 or 1',
  },
};

const GATES = ['and', 'nand', 'or', 'xor'];
const PRESET_GATES = ['and', 'nand', 'or'];
// Learning rate and epoch limit per rule (the trainer starts from zero weights).
const RULES = {
  perceptron: { learningRate: 1, maxEpochs: 50 },
  delta: { learningRate: 0.1, maxEpochs: 1000 },
  hebb: { learningRate: 1, maxEpochs: 1 },
};
const SPEEDS = [1, 4, 16, 64, 256, 1024];  // steps per second
const DEFAULT_SPEED = 4;
const WEIGHT_KEYS = ['w1', 'w2', 'b'];

// A number inside a TeX formula (ASCII minus is fine there).
const texNum = (v) => String(Number(v.toFixed(3)));

export function mount(root, ctx) {
  const { sn, state, setState, t, embedded } = ctx;

  // ---- state on screen ---------------------------------------------------------------
  // The weights shown: from the sliders, a preset, or the trainer (which may
  // go beyond the slider range; the URL keeps the clamped value).
  const w = { w1: state.w1, w2: state.w2, b: state.b };
  let presets = {};
  let renderRaf = 0;
  let urlTimer = 0;
  let playRaf = 0;
  let playing = false;
  let lastFrame = 0;
  let budget = 0;
  let speed = DEFAULT_SPEED;
  let trainer = null;
  let samples = [];
  let lastStep = null;
  let boundaries = new Map();  // epoch-boundary weights → epoch (cycle detection)
  let cycle = null;
  let destroyed = false;

  const errorBox = el('p', { className: 'sn-error sn-wide', attrs: { role: 'alert' }, 'data-testid': 'pc-error', hidden: true });
  const showError = (e) => showErrorIn(errorBox, e);
  function clearError() { errorBox.hidden = true; errorBox.textContent = ''; }
  // Run a core call; a thrown error is shown in the panel instead of breaking it.
  function guard(fn, fallback) {
    try { return fn(); } catch (e) { showError(e); return fallback; }
  }

  presets = guard(() => sn.gatePresets, {});

  const explain = (...paragraphs) => {
    const ps = paragraphs.map((p) => (typeof p === 'string' ? el('p', { className: 'sn-explain', text: p }) : p));
    if (!embedded) return ps;
    return [el('details', {}, el('summary', { text: t('pc.more') }), ...ps)];
  };

  // ---- 1. controls ---------------------------------------------------------------------
  const formulaTheta = el('div', { className: 'sn-formula', 'data-testid': 'formula-theta' });
  const formulaBias = el('div', { className: 'sn-formula', 'data-testid': 'formula-bias' });
  const formulaLive = el('div', { className: 'sn-formula', 'data-testid': 'formula-live' });
  renderTex(formulaTheta, String.raw`y = \begin{cases} 0 & (w_1 x_1 + w_2 x_2 \le \theta) \\ 1 & (w_1 x_1 + w_2 x_2 > \theta) \end{cases}`);
  renderTex(formulaBias, String.raw`y = \begin{cases} 0 & (b + w_1 x_1 + w_2 x_2 \le 0) \\ 1 & (b + w_1 x_1 + w_2 x_2 > 0) \end{cases}`);

  const controls = {};
  const thetaView = () => state.theta;
  // what the third control shows: b, or θ = −b
  const shownValue = (key) => (key === 'b' && thetaView() ? -w.b : w[key]);
  const controlName = (key) => (key === 'b' ? t(thetaView() ? 'pc.theta' : 'pc.b') : t(`pc.${key}`));

  for (const key of WEIGHT_KEYS) {
    const id = uid(key);
    const label = el('label', { attrs: { for: id } });
    const range = el('input', { type: 'range', id, min: '-5', max: '5', step: '0.05', 'data-testid': `slider-${key}` });
    const num = el('input', { type: 'number', step: '0.05', 'data-testid': `num-${key}`, attrs: { inputmode: 'decimal' } });
    range.addEventListener('input', () => onWeightInput(key, range.value));
    range.addEventListener('change', () => flushUrl());
    num.addEventListener('input', () => onWeightInput(key, num.value));
    num.addEventListener('change', () => { flushUrl(); num.value = fieldValue(shownValue(key)); });
    controls[key] = { label, range, num, row: el('div', { className: 'sn-control' }, label, range, num) };
  }

  const thetaId = uid('theta');
  const thetaBox = el('input', { type: 'checkbox', id: thetaId, checked: state.theta, 'data-testid': 'theta-toggle' });
  thetaBox.addEventListener('change', () => {
    setState({ theta: thetaBox.checked });
    syncLabels();
    renderLearn();
    scheduleRender();
  });
  const thetaRow = el('div', {}, thetaBox, ' ', el('label', { attrs: { for: thetaId }, text: t('pc.thetaToggle') }));

  const gateId = uid('gate');
  const gateSelect = el('select', { id: gateId, 'data-testid': 'gate-select' },
    ...GATES.map((g) => el('option', { value: g, text: t(`pc.gate.${g}`), selected: g === state.gate })));
  gateSelect.addEventListener('change', () => {
    setState({ gate: gateSelect.value });
    newTrainer();
    scheduleRender();
  });
  const gateRow = controlRow(t('pc.gate'), gateId, gateSelect);

  const presetTitle = el('div', { className: 'sn-explain', style: { margin: '0.6rem 0 0.3rem' } });
  const presetButtons = {};
  for (const g of PRESET_GATES) {
    if (!presets[g]) continue;
    const b = el('button', { type: 'button', 'data-testid': `preset-${g}` });
    b.addEventListener('click', () => applyPreset(g));
    presetButtons[g] = b;
  }
  const presetRow = el('div', { className: 'sn-buttons' }, ...Object.values(presetButtons));

  const titleId = uid('h');
  const controlSection = el('section', { attrs: embedded ? { 'aria-label': t('pc.title') } : { 'aria-labelledby': titleId } });
  const title = el('h2', { id: titleId, text: t('pc.title') });
  controlSection.append(...[
    embedded ? null : title,  // an embedding page has its own heading
    embedded ? null : el('p', { className: 'sn-explain', text: t('pc.intro') }),
    el('div', { attrs: { role: 'group', 'aria-label': t('pc.formula.label') } },
      formulaTheta,
      el('div', { className: 'sn-explain', text: `↓ ${t('pc.formula.swap')}`, style: { textAlign: 'center' } }),
      formulaBias),
    el('div', { className: 'sn-controls' }, ...WEIGHT_KEYS.map((k) => controls[k].row), thetaRow, gateRow),
    presetTitle,
    presetRow,
    ...explain(t('pc.explain.weights'), t('pc.explain.bias')),
  ].filter(Boolean));

  // ---- 2. plot and truth table ---------------------------------------------------------
  const plotBox = el('div', { className: 'sn-plot', 'data-testid': 'decision-plot' });
  const noLineNote = el('p', { className: 'sn-explain', hidden: true, 'data-testid': 'no-line' });
  const swatch = (color, text, border) => el('span', { style: { display: 'inline-flex', alignItems: 'center', gap: '0.3rem', marginRight: '0.8rem' } },
    el('span', { attrs: { 'aria-hidden': 'true' }, style: { display: 'inline-block', width: '0.9rem', height: '0.9rem', background: color, border: `1px solid ${border ?? '#999'}` } }),
    text);
  const legendItem = (text) => el('span', { text, style: { display: 'inline-block', marginRight: '0.8rem' } });
  const legend = el('div', { className: 'sn-explain', style: { fontSize: '0.85rem' } },
    swatch(COLORS.one, t('pc.legend.one')), swatch(COLORS.zero, t('pc.legend.zero')),
    legendItem(t('pc.legend.t1')), legendItem(t('pc.legend.t0')), legendItem(t('pc.legend.wrong')), legendItem(t('pc.legend.current')));
  const tableBox = el('div');
  const summary = el('p', { 'data-testid': 'tt-summary', style: { fontWeight: 'bold', margin: '0.3rem 0' } });
  const xorNote = el('p', { className: 'sn-explain', text: t('pc.table.xorNote'), hidden: true, 'data-testid': 'xor-note' });
  const viewSection = el('section', {},
    formulaLive, plotBox, legend, noLineNote, scrollBox(tableBox), summary, xorNote);

  // ---- 3. learn it -----------------------------------------------------------------------
  const ruleId = uid('rule');
  const ruleSelect = el('select', { id: ruleId, 'data-testid': 'rule-select' },
    ...Object.keys(RULES).map((r) => el('option', { value: r, text: t(`pc.rule.${r}`), selected: r === state.rule })));
  ruleSelect.addEventListener('change', () => {
    setState({ rule: ruleSelect.value });
    newTrainer();
    scheduleRender();
  });
  const speedId = uid('speed');
  const speedSelect = el('select', { id: speedId, 'data-testid': 'speed-select' },
    ...SPEEDS.map((n) => el('option', { value: String(n), text: t('pc.speed.option', { n }), selected: n === speed })));
  speedSelect.addEventListener('change', () => { speed = Number(speedSelect.value); });

  const playBtn = el('button', { type: 'button', className: 'sn-primary', text: t('pc.play'), 'data-testid': 'learn-play' });
  const pauseBtn = el('button', { type: 'button', text: t('pc.pause'), 'data-testid': 'learn-pause' });
  const stepBtn = el('button', { type: 'button', text: t('pc.step'), 'data-testid': 'learn-step' });
  const resetBtn = el('button', { type: 'button', text: t('pc.reset'), 'data-testid': 'learn-reset' });
  playBtn.addEventListener('click', play);
  pauseBtn.addEventListener('click', () => { pause(); renderLearn(); });
  stepBtn.addEventListener('click', () => {
    pause();
    if (guard(() => doStep(), false)) { followTrainer(); flushUrl(); }
    renderLearn();
  });
  resetBtn.addEventListener('click', () => {
    pause();
    guard(() => trainer?.reset());
    resetLearnMemory();
    renderLearn();
    scheduleRender();
  });

  const ruleFormula = el('div', { className: 'sn-formula', 'data-testid': 'rule-formula' });
  const ruleNote = el('p', { className: 'sn-explain' });
  const status = el('p', { 'data-testid': 'learn-status', attrs: { 'aria-live': 'polite' }, style: { fontWeight: 'bold', margin: '0.4rem 0' } });
  const weightsLine = el('p', { className: 'sn-mono', 'data-testid': 'learn-weights', style: { margin: '0.2rem 0', overflowWrap: 'anywhere' } });
  const shownLine = el('p', { className: 'sn-explain', 'data-testid': 'learn-shown', style: { margin: '0.2rem 0', overflowWrap: 'anywhere' } });
  const sampleLine = el('p', { className: 'sn-mono', 'data-testid': 'learn-sample', style: { margin: '0.2rem 0', overflowWrap: 'anywhere' } });
  const chartBox = el('div', { className: 'sn-plot', 'data-testid': 'error-chart' });
  const whyBox = el('div', { 'data-testid': 'learn-why', hidden: true, style: { borderLeft: `4px solid ${COLORS.wrong}`, paddingLeft: '0.6rem' } });
  const cycleBox = el('p', { className: 'sn-explain', 'data-testid': 'learn-cycle', hidden: true });

  const learnTitleId = uid('learn');
  // A full-width section; embedded in someone's page it starts folded, to stay compact.
  const wideSection = (titleId, titleText, ...content) => (embedded
    ? el('details', { className: 'sn-wide' },
      el('summary', { id: titleId, text: titleText, style: { fontWeight: 'bold', fontSize: '1.1rem', cursor: 'pointer' } }), ...content)
    : el('section', { className: 'sn-wide', attrs: { 'aria-labelledby': titleId } },
      el('h2', { id: titleId, text: titleText }), ...content));
  const learnSection = wideSection(learnTitleId, t('pc.learn.title'),
    embedded ? null : el('p', { className: 'sn-explain', text: t('pc.learn.intro') }),
    el('div', { style: { display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'flex-start' } },
      el('div', { style: { flex: '1 1 18rem', minWidth: '0' } },
        el('div', { className: 'sn-controls' },
          controlRow(t('pc.rule'), ruleId, ruleSelect),
          controlRow(t('pc.speed'), speedId, speedSelect)),
        el('div', { className: 'sn-buttons', style: { margin: '0.5rem 0' } }, playBtn, pauseBtn, stepBtn, resetBtn),
        ruleFormula, ruleNote),
      el('div', { style: { flex: '1 1 18rem', minWidth: '0' } },
        status, weightsLine, shownLine, sampleLine, chartBox)),
    cycleBox,
    whyBox,
  );

  // ---- 4. XOR from two layers --------------------------------------------------------------
  const xorTitleId = uid('xor');
  const xorFormula = el('div', { className: 'sn-formula' });
  renderTex(xorFormula, String.raw`\begin{gathered} s_1 = \mathrm{NAND}(x_1, x_2),\quad s_2 = \mathrm{OR}(x_1, x_2) \\ y = \mathrm{AND}(s_1, s_2) \end{gathered}`);
  const xorTableBox = el('div');
  const xorPlotBox = el('div', { className: 'sn-plot', 'data-testid': 'xor-plot' });
  const xorSection = wideSection(xorTitleId, t('pc.xor.title'),
    el('p', { className: 'sn-explain', text: t('pc.xor.intro') }),
    xorFormula,
    el('div', { style: { display: 'flex', flexWrap: 'wrap', gap: '1.5rem', alignItems: 'flex-start' } },
      scrollBox(xorTableBox), xorPlotBox),
    ...explain(t('pc.xor.explain')),
  );

  root.append(errorBox, controlSection, viewSection, learnSection, xorSection);

  // ---- behaviour ----------------------------------------------------------------------------
  function onWeightInput(key, raw) {
    const v = Number(raw);
    if (String(raw).trim() === '' || !Number.isFinite(v)) return;  // half-typed: wait
    const value = key === 'b' && thetaView() ? -v : v;
    // validated exactly like a value from the URL (clamped to the allowed range)
    const r = parseSetting(key, String(value));
    if (!('value' in r)) return;
    w[key] = r.value;
    if (playing) pause();
    renderLearnButtons();
    scheduleRender();
    scheduleUrl();
  }

  const round4 = (v) => Number(v.toFixed(4));
  function writeUrlNow() {
    clearTimeout(urlTimer);
    urlTimer = 0;
    if (destroyed) return;
    setState({ w1: round4(w.w1), w2: round4(w.w2), b: round4(w.b) });
  }
  // The address bar follows the sliders, but not at 60 writes per second.
  function scheduleUrl() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrlNow, 250);
  }
  function flushUrl() { writeUrlNow(); }

  function applyPreset(g) {
    const p = presets[g];
    if (!p) return;
    pause();
    Object.assign(w, { w1: p.w1, w2: p.w2, b: p.b });
    const gateChanged = state.gate !== g;
    setState({ gate: g, w1: p.w1, w2: p.w2, b: p.b });
    gateSelect.value = g;
    if (gateChanged) newTrainer();
    renderLearn();
    scheduleRender();
  }

  function syncLabels() {
    for (const key of WEIGHT_KEYS) {
      const c = controls[key];
      c.label.textContent = controlName(key);
      c.num.setAttribute('aria-label', t('pc.number', { name: controlName(key) }));
    }
    const third = thetaView() ? 'θ' : 'b';
    presetTitle.textContent = t('pc.presets', { third });
    for (const [g, btn] of Object.entries(presetButtons)) {
      const p = presets[g];
      const v = thetaView() ? -p.b : p.b;
      btn.textContent = `${t(`pc.gate.${g}`)} (${fmt(p.w1)}, ${fmt(p.w2)}, ${fmt(v)})`;
      btn.setAttribute('aria-label', t('pc.preset.aria', { gate: t(`pc.gate.${g}`), w1: fmt(p.w1), w2: fmt(p.w2), third, v: fmt(v) }));
    }
  }

  function scheduleRender() {
    if (renderRaf || destroyed) return;
    renderRaf = requestAnimationFrame(() => { renderRaf = 0; render(); });
  }

  // the 0/1 index of the sample the trainer just processed (for highlighting)
  const currentSample = () => (lastStep ? lastStep.sample : -1);

  function render() {
    if (destroyed) return;
    // controls follow the weights (except a number field the learner is typing in)
    for (const key of WEIGHT_KEYS) {
      const c = controls[key];
      const v = shownValue(key);
      c.range.value = String(v);
      c.range.setAttribute('aria-valuetext', fmt(v));
      if (document.activeElement !== c.num) c.num.value = fieldValue(v);
    }
    for (const [g, btn] of Object.entries(presetButtons)) {
      const p = presets[g];
      btn.setAttribute('aria-pressed', String(state.gate === g && p.w1 === w.w1 && p.w2 === w.w2 && p.b === w.b));
    }
    renderLiveFormula();
    const rows = guard(() => sn.truthTable(w, state.gate), null);
    if (rows) {
      renderTable(rows);
      renderPlot(rows);
    }
    xorNote.hidden = state.gate !== 'xor';
  }

  // e.g. y = 1 ⇔ 0.5x₁ + 0.5x₂ − 0.7 > 0 (terms that are 0 are left out, 1·x is written x)
  function renderLiveFormula() {
    const terms = [];
    const add = (c, x) => {
      if (texNum(c) === '0') return;
      const mag = texNum(Math.abs(c));
      const body = x && mag === '1' ? x : `${mag}${x}`;
      terms.push(`${c < 0 ? '-' : terms.length ? '+' : ''} ${body}`);
    };
    add(w.w1, 'x_1');
    add(w.w2, 'x_2');
    if (thetaView()) {
      const lhs = terms.length ? terms.join(' ') : '0';
      renderTex(formulaLive, String.raw`y = 1 \iff ${lhs} > ${texNum(-w.b)}`);
    } else {
      add(w.b, '');
      const lhs = terms.length ? terms.join(' ') : '0';
      renderTex(formulaLive, String.raw`y = 1 \iff ${lhs} > 0`);
    }
  }

  function renderTable(rows) {
    const gateName = t(`pc.gate.${state.gate}`);
    const head = ['x₁', 'x₂', t(thetaView() ? 'pc.table.netTheta' : 'pc.table.net'), 'y', t('pc.table.target'), t('pc.table.check')];
    const cur = currentSample();
    const table = el('table', { 'data-testid': 'truth-table', attrs: { 'data-gate': state.gate } },
      el('caption', { text: t('pc.table.caption', { gate: gateName }), style: { textAlign: 'left', fontWeight: 'bold' } }),
      el('thead', {}, el('tr', {}, ...head.map((s) => el('th', { text: s, attrs: { scope: 'col' } })))),
      el('tbody', {}, ...rows.map((r, i) => el('tr', {
        className: r.correct ? 'sn-right' : 'sn-wrong',
        attrs: { 'data-correct': String(r.correct), 'data-row': i },
        style: i === cur ? { outline: `3px dashed ${COLORS.current}`, outlineOffset: '-3px' } : {},
      },
      el('td', { text: String(r.x1) }),
      el('td', { text: String(r.x2) }),
      el('td', { text: fmt(r.net), 'data-testid': `net-${i}` }),
      el('td', { text: String(r.y), 'data-testid': `y-${i}`, style: { fontWeight: 'bold' } }),
      el('td', { text: String(r.target), 'data-testid': `target-${i}` }),
      el('td', { style: { textAlign: 'center' }, 'data-testid': `check-${i}` },
        r.correct ? '✓' : '✗', srOnly(` ${t(r.correct ? 'pc.table.right' : 'pc.table.wrong')}`))))));
    tableBox.replaceChildren(table);
    const right = rows.filter((r) => r.correct).length;
    summary.textContent = t('pc.table.summary', { right, n: rows.length });
    summary.dataset.right = String(right);
  }

  function renderPlot(rows) {
    const size = embedded ? 280 : 340;
    const svg = guard(() => decisionPlot({ weights: w, rows, current: currentSample(), size, ariaLabel: t('pc.plot.aria') }), null);
    if (svg) plotBox.replaceChildren(svg);
    const noLine = w.w1 === 0 && w.w2 === 0;
    noLineNote.hidden = !noLine;
    if (noLine) noLineNote.textContent = t('pc.plot.noLine', { y: rows[0].y });
  }

  // ---- learning --------------------------------------------------------------------------------
  function resetLearnMemory() {
    lastStep = null;
    cycle = null;
    boundaries = new Map();
    const start = guard(() => trainer?.weights(), null);
    if (start) boundaries.set(`${start.w1},${start.w2},${start.b}`, 0);
  }

  function newTrainer() {
    pause();
    if (trainer) { trainer.delete(); trainer = null; }
    samples = [];
    const opts = RULES[state.rule];
    trainer = guard(() => sn.perceptronTrainer({ rule: state.rule, gate: state.gate, ...opts }), null);
    if (trainer) {
      clearError();
      samples = guard(() => trainer.samples(), []);
    }
    resetLearnMemory();
    renderLearn();
  }

  // One update by the core; remembers epoch-boundary weights to notice cycling.
  function doStep() {
    if (!trainer || trainer.finished()) return false;
    const s = trainer.step();
    lastStep = s;
    if (trainer.nextSample() === 0 && state.rule === 'perceptron' && !s.converged && !cycle) {
      const key = `${s.w1},${s.w2},${s.b}`;
      const epoch = trainer.epochs();
      if (boundaries.has(key)) cycle = { epoch, prev: boundaries.get(key) };
      else boundaries.set(key, epoch);
    }
    return true;
  }

  // The trainer's weights as the equivalent perceptron on 0/1 inputs (what the
  // sliders, the truth table and the plot show).
  function sliderWeights(raw) {
    if (state.rule === 'delta') return { w1: raw.w1, w2: raw.w2, b: raw.b - 0.5 };  // y = 1 iff net > 0.5
    if (state.rule === 'hebb') return { w1: 2 * raw.w1, w2: 2 * raw.w2, b: raw.b - raw.w1 - raw.w2 };  // x = 2u − 1
    return { w1: raw.w1, w2: raw.w2, b: raw.b };
  }

  function followTrainer() {
    const raw = guard(() => trainer?.weights(), null);
    if (!raw) return;
    Object.assign(w, sliderWeights(raw));
    scheduleRender();
  }

  function play() {
    if (!trainer || playing || guard(() => trainer.finished(), true)) return;
    playing = true;
    budget = 1;  // the first step at once
    lastFrame = 0;
    renderLearn();
    playRaf = requestAnimationFrame(frame);
  }

  function pause() {
    if (playRaf) cancelAnimationFrame(playRaf);
    playRaf = 0;
    if (playing) {
      playing = false;
      flushUrl();
    }
  }

  function frame(ts) {
    playRaf = 0;
    if (!playing || destroyed) return;
    if (lastFrame) budget += ((ts - lastFrame) * speed) / 1000;
    lastFrame = ts;
    budget = Math.min(budget, 64);
    let n = Math.floor(budget);
    budget -= n;
    let stepped = false;
    while (n > 0) {
      n -= 1;
      const ok = guard(() => doStep(), false);
      if (!ok) break;
      stepped = true;
      if (trainer.finished()) break;
    }
    if (stepped) followTrainer();
    if (!trainer || guard(() => trainer.finished(), true)) {
      playing = false;
      flushUrl();
    } else {
      scheduleUrl();
    }
    renderLearn();
    if (playing) playRaf = requestAnimationFrame(frame);
  }

  function renderLearnButtons() {
    const finished = !trainer || guard(() => trainer.finished(), true);
    playBtn.disabled = playing || finished;
    pauseBtn.disabled = !playing;
    stepBtn.disabled = finished;
    resetBtn.disabled = !trainer;
    playBtn.setAttribute('aria-pressed', String(playing));
  }

  function weightsText(p) {
    const third = thetaView() ? `θ = ${fmt(-p.b, 4)}` : `b = ${fmt(p.b, 4)}`;
    return `w₁ = ${fmt(p.w1, 4)}, w₂ = ${fmt(p.w2, 4)}, ${third}`;
  }

  function renderLearn() {
    if (destroyed) return;
    renderLearnButtons();
    const rule = state.rule;
    const opts = RULES[rule];
    renderTex(ruleFormula, {
      perceptron: String.raw`\begin{gathered} w_i(t+1) = w_i(t) + (d_j - y_j(t))\,x_{j,i} \\ b = w_0,\quad x_{j,0} = 1 \end{gathered}`,
      delta: String.raw`\begin{gathered} w_i(t+1) = w_i(t) + \eta\,(d_j - \mathrm{net}_j(t))\,x_{j,i} \\ \mathrm{net}_j = \mathbf{w}(t)\cdot\mathbf{x}_j,\quad \eta = 0.1 \end{gathered}`,
      hebb: String.raw`\begin{gathered} w_i(t+1) = w_i(t) + \alpha\,x_{j,i}\,d_j \\ x_{j,i},\ d_j \in \{-1, +1\},\quad \alpha = 1 \end{gathered}`,
    }[rule]);
    ruleNote.textContent = t(`pc.learn.rule.${rule}`);
    if (!trainer) {
      status.textContent = '';
      status.dataset.state = 'error';
      return;
    }
    const info = guard(() => ({
      epochs: trainer.epochs(),
      next: trainer.nextSample(),
      finished: trainer.finished(),
      converged: trainer.converged(),
      accuracy: trainer.accuracy(),
      weights: trainer.weights(),
      errors: trainer.epochErrors(),
    }), null);
    if (!info) return;
    const count = samples.length || 4;
    const right = Math.round(info.accuracy * count);
    let key;
    let st;
    if (info.finished && info.converged && right === count) {
      st = 'converged';
      key = rule === 'delta' ? 'pc.learn.settledOk' : 'pc.learn.converged';
    } else if (info.finished && info.converged) {
      st = 'failed';
      key = 'pc.learn.settledWrong';
    } else if (info.finished) {
      st = 'failed';
      key = 'pc.learn.never';
    } else if (playing) {
      st = 'running';
      key = 'pc.learn.running';
    } else if (lastStep) {
      st = 'paused';
      key = 'pc.learn.paused';
    } else {
      st = 'ready';
      key = 'pc.learn.ready';
    }
    const text = t(key, {
      n: info.epochs, s: info.epochs === 1 ? '' : 's', right, count, lr: opts.learningRate, max: opts.maxEpochs,
      epoch: info.epochs + (info.next > 0 ? 1 : 0), sample: lastStep ? lastStep.sample + 1 : 0,
    });
    if (status.textContent !== text) status.textContent = text;
    // while it runs, the live region is busy: a screen reader hears the outcome, not every epoch
    status.setAttribute('aria-busy', String(st === 'running'));
    status.dataset.state = st;
    status.dataset.epochs = String(info.epochs);

    weightsLine.textContent = t('pc.learn.weights', { epoch: info.epochs, weights: weightsText(info.weights) });
    if (rule === 'delta' || rule === 'hebb') {
      shownLine.hidden = false;
      shownLine.textContent = t(rule === 'delta' ? 'pc.learn.weightsDelta' : 'pc.learn.weightsHebb', { shown: weightsText(sliderWeights(info.weights)) });
    } else {
      shownLine.hidden = true;
    }
    sampleLine.textContent = lastStep ? sampleText(lastStep) : t('pc.learn.noSample');

    if (info.errors.length) {
      const svg = guard(() => errorChart({
        errors: info.errors,
        width: embedded ? 300 : 360,
        yLabel: t(`pc.learn.err.${rule}`),
        xLabel: t('pc.learn.epoch'),
        ariaLabel: t('pc.learn.chart.aria'),
      }), null);
      if (svg) chartBox.replaceChildren(svg);
    } else {
      chartBox.replaceChildren(el('p', { className: 'sn-explain', text: t('pc.learn.chart.empty') }));
    }

    cycleBox.hidden = !cycle;
    if (cycle) cycleBox.textContent = t('pc.learn.cycle', cycle);

    whyBox.hidden = st !== 'failed';
    if (st === 'failed') {
      const paragraphs = state.gate === 'xor'
        ? [el('strong', { text: t('pc.why.title') }), t('pc.why.xor'), t(`pc.why.${rule}`), t('pc.why.fix')]
        : [t('pc.why.other')];
      whyBox.replaceChildren(...paragraphs.map((p) => (typeof p === 'string' ? el('p', { className: 'sn-explain', text: p }) : p)));
    }
  }

  function sampleText(s) {
    const x = samples[s.sample] ?? { x1: '?', x2: '?' };
    let text = t('pc.learn.sample', {
      epoch: s.epoch, k: s.sample + 1, count: samples.length || 4,
      x1: fmt(x.x1), x2: fmt(x.x2), d: fmt(s.target), y: fmt(s.y),
    });
    if (state.rule === 'perceptron') {
      text += t('pc.learn.sample.perceptron', {
        e: fmt(s.error), tail: t(s.error === 0 ? 'pc.learn.sample.unchanged' : 'pc.learn.sample.changed'),
      });
    } else if (state.rule === 'delta') {
      text += t('pc.learn.sample.delta', { e: fmt(s.error, 4) });
    } else {
      text += t('pc.learn.sample.hebb');
    }
    return `${text} → ${weightsText(s)}`;
  }

  function renderXor() {
    const rows = guard(() => sn.xorTwoLayer(), null);
    if (!rows) return;
    const head = ['x₁', 'x₂', 's₁', 's₂', 'y'];
    const sub = ['', '', 'NAND', 'OR', 'AND'];
    xorTableBox.replaceChildren(el('table', { 'data-testid': 'xor-table' },
      el('caption', { text: t('pc.xor.caption'), style: { textAlign: 'left', fontWeight: 'bold' } }),
      el('thead', {},
        el('tr', {}, ...head.map((s) => el('th', { text: s, attrs: { scope: 'col' } }))),
        el('tr', {}, ...sub.map((s) => el('th', { text: s, style: { fontWeight: 'normal', fontSize: '0.8rem' } })))),
      el('tbody', {}, ...rows.map((r, i) => el('tr', { attrs: { 'data-row': i } },
        ...['x1', 'x2', 's1', 's2', 'y'].map((k) => el('td', { text: String(r[k]), attrs: { 'data-col': k } })))))));
    if (presets.nand && presets.or) {
      const svg = guard(() => xorPlot({
        nand: presets.nand, or: presets.or, rows, size: embedded ? 260 : 300,
        ariaLabel: t('pc.xor.plot.aria'), labels: { nand: 'NAND', or: 'OR' },
      }), null);
      if (svg) xorPlotBox.replaceChildren(svg, el('div', { className: 'sn-explain', style: { fontSize: '0.85rem' } }, swatch(COLORS.band, t('pc.xor.band'))));
    }
  }

  // ---- first paint -------------------------------------------------------------------------------
  syncLabels();
  newTrainer();
  render();
  renderXor();

  return {
    destroy() {
      destroyed = true;
      pause();
      if (renderRaf) cancelAnimationFrame(renderRaf);
      renderRaf = 0;
      clearTimeout(urlTimer);
      if (trainer) { trainer.delete(); trainer = null; }
    },
  };
}
