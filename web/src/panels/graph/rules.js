// The local rule of one graph node, as TeX with the core's numbers put in:
// forward "apple_price = apple × apple_num = 100 × 2 = 200", backward
// "∂L/∂apple = ∂L/∂apple_price · apple_num = 1.1 × 2 = 2.2" (book 5.3–5.6,
// vol. 2 1.3.4–1.3.5). It writes down values the core computed; the
// arithmetic in the formula is the core's, only typeset here.

/** A variable name as TeX: apple_num → \mathrm{apple\_num}. */
export const texName = (n) => `\\mathrm{${n.replace(/_/g, '\\_')}}`;
const d = (n) => `\\frac{\\partial L}{\\partial ${texName(n)}}`;
const paren = (s) => (s.startsWith('-') ? `(${s})` : s);

/** A value as TeX: a number, or a small pmatrix (3 × 4 at most shown). */
export function texValue(m, fmt) {
  if (m === null || m === undefined) return '?';
  if (typeof m === 'number') return fmt(m);
  const rows = [];
  for (let i = 0; i < Math.min(m.rows, 4); i++) {
    const cells = [];
    for (let j = 0; j < Math.min(m.cols, 4); j++) cells.push(fmt(m.data[i * m.cols + j]));
    if (m.cols > 4) cells.push('\\cdots');
    rows.push(cells.join(' & '));
  }
  if (m.rows > 4) rows.push('\\vdots');
  return `\\begin{pmatrix} ${rows.join(' \\\\ ')} \\end{pmatrix}`;
}
const shapeOf = (e) => `(${e.rows} \\times ${e.cols})`;
const under = (tex, e) => `\\underset{${shapeOf(e)}}{${tex}}`;

/**
 * TeX lines for node `n` in `phase` ('forward' | 'backward'); E maps edge names to edges.
 * Returns { general, numbers } — the rule in symbols, and with the numbers.
 */
export function nodeRule(n, phase, E, fmt) {
  const [a, b, c] = n.inputs;
  const out = n.outputs[0];
  const v = (name) => texValue(E[name]?.value, fmt);
  const g = (name) => texValue(E[name]?.grad, fmt);
  const s = (name) => paren(v(name));
  const gs = (name) => paren(g(name));
  const X = texName;
  const fwd = phase === 'forward';
  switch (n.op) {
    case 'MulLayer':
      return fwd
        ? { general: `${X(out)} = ${X(a)} \\times ${X(b)}`, numbers: `${X(out)} = ${s(a)} \\times ${s(b)} = ${v(out)}` }
        : { general: `\\begin{aligned} ${d(a)} &= ${d(out)} \\cdot ${X(b)} \\\\ ${d(b)} &= ${d(out)} \\cdot ${X(a)} \\end{aligned}`,
          numbers: `\\begin{aligned} ${d(a)} &= ${gs(out)} \\times ${s(b)} = ${g(a)} \\\\ ${d(b)} &= ${gs(out)} \\times ${s(a)} = ${g(b)} \\end{aligned}` };
    case 'AddLayer':
      return fwd
        ? { general: `${X(out)} = ${X(a)} + ${X(b)}`, numbers: `${X(out)} = ${s(a)} + ${s(b)} = ${v(out)}` }
        : { general: `\\begin{aligned} ${d(a)} &= ${d(out)} \\cdot 1 \\\\ ${d(b)} &= ${d(out)} \\cdot 1 \\end{aligned}`,
          numbers: `\\begin{aligned} ${d(a)} &= ${gs(out)} \\times 1 = ${g(a)} \\\\ ${d(b)} &= ${gs(out)} \\times 1 = ${g(b)} \\end{aligned}` };
    case 'Square':
      return fwd
        ? { general: `${X(out)} = ${X(a)}^2`, numbers: `${X(out)} = ${s(a)}^2 = ${v(out)}` }
        : { general: `${d(a)} = ${d(out)} \\cdot 2${X(a)}`, numbers: `${d(a)} = ${gs(out)} \\times 2 \\times ${s(a)} = ${g(a)}` };
    case 'Branch': {
      const outs = n.outputs;
      return fwd
        ? { general: outs.map((o) => `${X(o)} = ${X(a)}`).join(', \\quad '), numbers: `${outs.map(X).join(' = ')} = ${v(a)}` }
        : { general: `${d(a)} = ${outs.map(d).join(' + ')}`, numbers: `${d(a)} = ${outs.map(g).join(' + ')} = ${g(a)}` };
    }
    case 'Repeat':
      return fwd
        ? { general: `${X(out)} = \\mathrm{repeat}(${X(a)}, N = ${E[out].rows})`, numbers: `${under(v(out), E[out])} = \\mathrm{repeat}\\left(${under(v(a), E[a])}\\right)` }
        : { general: `${d(a)} = \\textstyle\\sum_{n} ${d(out)}_n`, numbers: `${under(g(a), E[a])} = \\textstyle\\sum_{n} ${under(g(out), E[out])}` };
    case 'Sum':
      return fwd
        ? { general: `${X(out)} = \\textstyle\\sum_{n} ${X(a)}_n`, numbers: `${under(v(out), E[out])} = \\textstyle\\sum_{n} ${under(v(a), E[a])}` }
        : { general: `${d(a)} = \\mathrm{repeat}\\left(${d(out)}, N = ${E[a].rows}\\right)`, numbers: `${under(g(a), E[a])} = \\mathrm{repeat}\\left(${under(g(out), E[out])}\\right)` };
    case 'MatMul':
      return fwd
        ? { general: `${X(out)} = ${X(a)} \\cdot ${X(b)}`, numbers: `${under(v(out), E[out])} = ${under(v(a), E[a])} \\cdot ${under(v(b), E[b])}` }
        : { general: `\\begin{aligned} ${d(a)} &= ${d(out)} \\cdot ${X(b)}^{\\mathsf T} \\\\ ${d(b)} &= ${X(a)}^{\\mathsf T} \\cdot ${d(out)} \\end{aligned}`,
          numbers: `\\begin{aligned} ${under(g(a), E[a])} &= ${under(g(out), E[out])} \\cdot ${v(b)}^{\\mathsf T} \\\\[4pt] ${under(g(b), E[b])} &= ${v(a)}^{\\mathsf T} \\cdot ${g(out)} \\end{aligned}` };
    case 'Sigmoid':
      return fwd
        ? { general: `${X(out)} = \\frac{1}{1 + \\exp(-${X(a)})}`, numbers: `${under(v(out), E[out])} = \\sigma\\left(${under(v(a), E[a])}\\right)` }
        : { general: `${d(a)} = ${d(out)} \\odot ${X(out)}(1 - ${X(out)})`, numbers: `${under(g(a), E[a])} = ${g(out)} \\odot ${v(out)} \\odot (1 - ${X(out)})` };
    case 'Relu':
      return fwd
        ? { general: `${X(out)} = \\max(0, ${X(a)})`, numbers: `${under(v(out), E[out])} = \\max\\left(0, ${under(v(a), E[a])}\\right)` }
        : { general: `${d(a)} = ${d(out)} \\odot [${X(a)} > 0]`, numbers: `${under(g(a), E[a])} = ${g(out)} \\odot [${X(a)} > 0]` };
    case 'Tanh':
      return fwd
        ? { general: `${X(out)} = \\tanh ${X(a)}`, numbers: `${under(v(out), E[out])} = \\tanh ${under(v(a), E[a])}` }
        : { general: `${d(a)} = ${d(out)} \\odot (1 - ${X(out)}^2)`, numbers: `${under(g(a), E[a])} = ${g(out)} \\odot (1 - ${X(out)}^2)` };
    case 'Affine':
      return fwd
        ? { general: `${X(out)} = ${X(a)} \\cdot ${X(b)} + ${X(c)}`, numbers: `${under(v(out), E[out])} = ${under(v(a), E[a])} \\cdot ${under(v(b), E[b])} + ${under(v(c), E[c])}` }
        : { general: `\\begin{aligned} ${d(a)} &= ${d(out)} \\cdot ${X(b)}^{\\mathsf T} \\\\ ${d(b)} &= ${X(a)}^{\\mathsf T} \\cdot ${d(out)} \\\\ ${d(c)} &= \\textstyle\\sum_n ${d(out)}_n \\end{aligned}`,
          numbers: `\\begin{aligned} ${under(g(a), E[a])} &= ${g(out)} \\cdot ${v(b)}^{\\mathsf T} \\\\[4pt] ${under(g(b), E[b])} &= ${v(a)}^{\\mathsf T} \\cdot ${g(out)} \\\\[4pt] ${under(g(c), E[c])} &= \\textstyle\\sum_n ${g(out)}_n \\end{aligned}` };
    case 'SoftmaxWithLoss':
      return fwd
        ? { general: `${X(out)} = -\\frac{1}{N} \\sum_n \\sum_k ${X(b)}_{nk} \\log \\mathrm{softmax}(${X(a)})_{nk}`,
          numbers: `${X(out)} = \\mathrm{CE}\\left(\\mathrm{softmax}${under(v(a), E[a])}, ${under(v(b), E[b])}\\right) = ${v(out)}` }
        : { general: `${d(a)} = \\frac{\\mathbf{y} - ${X(b)}}{N} \\cdot ${d(out)}, \\quad \\mathbf{y} = \\mathrm{softmax}(${X(a)})`,
          numbers: `${under(g(a), E[a])} = \\frac{\\mathbf{y} - ${v(b)}}{${E[a].rows}} \\times ${gs(out)}` };
    default:
      return { general: `\\mathrm{${n.op}}`, numbers: '' };
  }
}
