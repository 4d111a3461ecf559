// strings.js — the texts of the activation-functions panel (book 3.2 and 3.5), in both languages.
// Notation follows the seeds: h(x) for an activation, a_k / y_k for softmax.
export const strings = {
  ko: {
    'act.title': '활성화 함수',
    'act.fn': '함수',
    'act.fn.step': '계단 함수',
    'act.fn.sigmoid': '시그모이드 함수',
    'act.fn.tanh': 'tanh 함수 (쌍곡탄젠트)',
    'act.fn.relu': 'ReLU 함수',
    'act.fn.leaky_relu': 'Leaky ReLU 함수',
    'act.fn.identity': '항등 함수',
    'act.slope': '음수 쪽 기울기 a',
    'act.slope.number': '음수 쪽 기울기 a 값',
    'act.deriv': "도함수 h'(x) 겹쳐 그리기",
    'act.compare': '다른 함수도 흐리게 그리기',
    'act.cursor': '커서 x',
    'act.cursor.number': '커서 x 값',
    'act.readout': '커서 위치의 값',
    'act.hint': '그래프 위에서 포인터를 움직이거나 커서 슬라이더(←/→ 키)로 x를 옮기세요.',
    'act.range': '그래프 범위',
    'act.xmin': 'x 최솟값',
    'act.xmax': 'x 최댓값',
    'act.zoomIn': '확대',
    'act.zoomOut': '축소',
    'act.reset': '범위 초기화',
    'act.range.bad': '범위를 바꾸지 못했습니다',
    'act.plot.failed': '그래프를 그리지 못했습니다',
    'act.plot.aria': '{name}의 그래프 (x: {xmin} ~ {xmax})',
    'act.legend': '범례',
    'act.legend.f': 'h(x)',
    'act.legend.df': "h'(x) (도함수)",
    'act.legend.others': '다른 활성화 함수',
    'act.legend.vanish': "h'(x) < 0.01: 기울기 소실 구간",
    'act.formula': '수식',
    'act.note': '기울기 이야기',
    'act.note.step': '계단 함수는 0과 1 중 하나만 내보냅니다. 도함수는 x = 0이 아닌 모든 곳에서 0이라(x = 0에서는 정의되지 않습니다) 가중치를 조금 바꿔도 출력이 변하지 않고, 기울기로는 학습할 수 '
      + '없습니다. 그래서 신경망은 시그모이드나 ReLU처럼 매끄럽게 변하는 함수를 씁니다.',
    'act.note.sigmoid': "시그모이드의 도함수는 x = 0에서 가장 크며 그 값은 h'(0) = {d0}입니다. |x|가 커지면 곡선이 평평해져 h'(x)가 0에 가까워집니다. 색칠한 구간은 h'(x) < 0.01인 "
      + "곳으로, 여기서는 기울기가 거의 전달되지 않습니다. 역전파는 층마다 h'(x)를 곱하므로(최대 {d0}) 층이 깊어질수록 기울기가 작아지다 사라집니다. 이것이 기울기 소실(vanishing "
      + "gradient) 문제입니다.",
    'act.note.tanh': "tanh의 도함수는 x = 0에서 h'(0) = {d0}로 시그모이드보다 크지만, |x|가 커지면 역시 곡선이 평평해집니다. 색칠한 구간(h'(x) < 0.01)에서는 기울기가 거의 전달되지 않아 "
      + "기울기 소실이 일어납니다.",
    'act.note.relu': 'ReLU의 도함수는 x > 0에서 1, x ≤ 0에서 0입니다. 양수 쪽에서는 기울기가 줄지 않고 그대로 전달되어 기울기 소실을 막고, 지수 함수가 없어 계산도 간단합니다. 음수 입력은 모두 0을 '
      + '내보내 일부 뉴런만 활성화됩니다(희소 활성화). 다만 입력이 늘 음수인 뉴런은 기울기가 0이라 더 배우지 못하는데(dying ReLU), Leaky ReLU가 이를 줄여 줍니다.',
    'act.note.leaky_relu': 'Leaky ReLU는 음수 쪽에도 작은 기울기 a = {slope}를 남겨, 입력이 음수여도 기울기가 0이 되지 않습니다(dying ReLU 방지). 기울기 a를 바꿔 보세요.',
    'act.note.identity': '항등 함수는 입력을 그대로 내보내고 도함수는 늘 1입니다. 회귀 문제의 출력층에 씁니다. 은닉층에 선형 함수 h(x) = cx를 쓰면 y(x) = h(h(h(x))) = c³x처럼 층을 쌓아도 '
      + '하나의 선형 함수와 같아서, 층을 깊게 하는 의미가 없어집니다.',
    'act.note.reluHelps': 'ReLU가 도움이 되는 이유: ReLU는 x > 0에서 기울기가 늘 1이라 층을 거쳐도 기울기가 줄지 않고, 계산도 간단합니다. 그래서 요즘은 은닉층에 ReLU를 많이 씁니다.',
    'act.vanish.none': "(지금 범위에는 h'(x) < 0.01인 곳이 없습니다. 축소해 보세요.)",
    'act.vanish.where': "지금 범위에서 h'(x) < 0.01인 곳: {where}",
    'act.vanish.interval': '{from} ~ {to}',

    'sm.title': '소프트맥스 함수',
    'sm.input': '입력 a (쉼표로 구분, 최대 {max}개)',
    'sm.out': '출력 y',
    'sm.sum': '출력의 합',
    'sm.chart.aria': '소프트맥스 출력 y_k의 막대 그래프',
    'sm.explain': '소프트맥스의 출력은 0과 1 사이이고 총합이 1이라 확률로 해석할 수 있습니다. 지수 함수는 단조 증가하므로 입력의 대소 관계가 출력에서도 그대로 유지됩니다.',
    'sm.err.empty': '숫자를 하나 이상 입력하세요',
    'sm.err.nan': '"{part}"은(는) 숫자가 아닙니다',
    'sm.err.count': '숫자는 최대 {max}개까지 넣을 수 있습니다',
    'sm.err.range': '각 숫자는 {min} 이상 {max} 이하여야 합니다 ("{part}")',
    'sm.err.kept': '마지막으로 올바른 결과를 그대로 보여 줍니다.',
    'sm.failed': '소프트맥스를 계산하지 못했습니다',
    'sm.overflow': '오버플로 예제 불러오기: [1010, 1000, 990]',
    'sm.compare': '그대로 계산한 식과 최댓값을 뺀 식',
    'sm.naive': '그대로 계산',
    'sm.stable': '최댓값 C′를 빼서 계산',
    'sm.naive.bad': 'NaN이 나왔습니다: 오버플로',
    'sm.same': '두 식의 결과가 같습니다',
    'sm.overflow.explain': 'exp(1000) 같은 큰 지수는 inf(무한대)가 되고(오버플로) inf / inf = NaN이 됩니다. 모든 a_i에서 같은 상수를 빼도 결과는 같으므로, 최댓값 C′ = max a_i = '
      + '{c}를 빼면 지수가 모두 0 이하가 되어 오버플로 없이 계산됩니다.',
  },
  en: {
    'act.title': 'Activation functions',
    'act.fn': 'Function',
    'act.fn.step': 'Step function',
    'act.fn.sigmoid': 'Sigmoid',
    'act.fn.tanh': 'tanh (hyperbolic tangent)',
    'act.fn.relu': 'ReLU',
    'act.fn.leaky_relu': 'Leaky ReLU',
    'act.fn.identity': 'Identity',
    'act.slope': 'Negative slope a',
    'act.slope.number': 'Negative slope a, value',
    'act.deriv': "Overlay the derivative h'(x)",
    'act.compare': 'Show the other functions faintly',
    'act.cursor': 'Cursor x',
    'act.cursor.number': 'Cursor x, value',
    'act.readout': 'Values at the cursor',
    'act.hint': 'Move the pointer over the graph, or move x with the cursor slider (← / → keys).',
    'act.range': 'Plot range',
    'act.xmin': 'x min',
    'act.xmax': 'x max',
    'act.zoomIn': 'Zoom in',
    'act.zoomOut': 'Zoom out',
    'act.reset': 'Reset range',
    'act.range.bad': 'The range could not be changed',
    'act.plot.failed': 'The graph could not be drawn',
    'act.plot.aria': 'Graph of {name} for x from {xmin} to {xmax}',
    'act.legend': 'Legend',
    'act.legend.f': 'h(x)',
    'act.legend.df': "h'(x) (derivative)",
    'act.legend.others': 'other activation functions',
    'act.legend.vanish': "h'(x) < 0.01: vanishing gradient",
    'act.formula': 'Formulas',
    'act.note': 'About the gradient',
    'act.note.step': 'The step function outputs only 0 or 1. Its derivative is 0 everywhere except at x = 0 (where it is '
      + 'undefined), so a small change of a weight does not change the output and gradient-based learning gets no '
      + 'signal. This is why neural networks use smoothly changing functions such as the sigmoid and ReLU.',
    'act.note.sigmoid': "The sigmoid's derivative is largest at x = 0, where h'(0) = {d0}. For large |x| the curve flattens and h'(x) "
      + "approaches 0. The shaded regions are where h'(x) < 0.01: almost no gradient passes there. Backpropagation "
      + "multiplies by h'(x) at every layer (at most {d0}), so the gradient shrinks layer after layer until it "
      + "vanishes — the vanishing gradient problem.",
    'act.note.tanh': "tanh's derivative at x = 0 is h'(0) = {d0}, larger than the sigmoid's, but for large |x| the curve flattens "
      + "too. In the shaded regions (h'(x) < 0.01) almost no gradient passes: the gradient vanishes.",
    'act.note.relu': "ReLU's derivative is 1 for x > 0 and 0 for x ≤ 0. On the positive side the gradient passes unchanged, which "
      + "prevents vanishing gradients, and there is no exponential to compute. Negative inputs all give 0, so only "
      + "some neurons are active (sparse activation). A neuron whose input is always negative gets a zero gradient and "
      + "stops learning (dying ReLU); Leaky ReLU softens this.",
    'act.note.leaky_relu': 'Leaky ReLU keeps a small slope a = {slope} on the negative side, so the gradient is not 0 for negative inputs '
      + '(no dying ReLU). Try changing the slope a.',
    'act.note.identity': 'The identity function passes its input through; its derivative is always 1. It is used in the output layer '
      + 'for regression. A linear function h(x) = cx in hidden layers gives y(x) = h(h(h(x))) = c³x: stacking layers '
      + 'is still one linear function, so depth adds nothing.',
    'act.note.reluHelps': 'Why ReLU helps: its derivative is 1 for every x > 0, so the gradient does not shrink from layer to layer, and '
      + 'it is cheap to compute. That is why hidden layers mostly use ReLU today.',
    'act.vanish.none': "(No region with h'(x) < 0.01 in this range. Try zooming out.)",
    'act.vanish.where': "Where h'(x) < 0.01 in this range: {where}",
    'act.vanish.interval': '{from} … {to}',

    'sm.title': 'The softmax function',
    'sm.input': 'Input a (comma-separated, up to {max} numbers)',
    'sm.out': 'Output y',
    'sm.sum': 'Sum of the outputs',
    'sm.chart.aria': 'Bar chart of the softmax outputs y_k',
    'sm.explain': 'Softmax outputs lie between 0 and 1 and sum to 1, so they can be read as probabilities. The exponential is '
      + 'increasing, so the order of the inputs is kept in the outputs.',
    'sm.err.empty': 'Enter at least one number',
    'sm.err.nan': '"{part}" is not a number',
    'sm.err.count': 'At most {max} numbers are allowed',
    'sm.err.range': 'Each number must be between {min} and {max} ("{part}")',
    'sm.err.kept': 'Showing the last valid result.',
    'sm.failed': 'The softmax could not be computed',
    'sm.overflow': 'Load the overflow example [1010, 1000, 990]',
    'sm.compare': 'Naive formula vs. subtracting the max',
    'sm.naive': 'Naive',
    'sm.stable': 'Subtract the max C′',
    'sm.naive.bad': 'NaN: overflow',
    'sm.same': 'Both formulas agree',
    'sm.overflow.explain': 'A large exponent such as exp(1000) overflows to inf, and inf / inf = NaN. Subtracting the same constant from '
      + 'every a_i does not change the result, so subtracting the maximum C′ = max a_i = {c} makes every exponent ≤ 0 '
      + 'and nothing overflows.',
  },
};
