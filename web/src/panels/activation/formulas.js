// formulas.js — TeX for each activation and its derivative, in the book's notation
// (book 3.2: h(x) for the step, sigmoid and ReLU functions, σ(x)).
import { short } from './dom.js';

const cases = (a, b, ca = 'x > 0', cb = 'x \\le 0') => `\\begin{cases} ${a} & (${ca}) \\\\ ${b} & (${cb}) \\end{cases}`;

export function activationTex(fn, slope) {
  const a = short(slope);
  switch (fn) {
    case 'step':
      return {
        f: `h(x) = \\begin{cases} 0 & (x \\le 0) \\\\ 1 & (x > 0) \\end{cases}`,
        df: `h'(x) = 0 \\quad (x \\ne 0)`,
      };
    case 'sigmoid':
      return {
        f: `h(x) = \\sigma(x) = \\frac{1}{1 + \\exp(-x)}`,
        df: `h'(x) = \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)`,
      };
    case 'tanh':
      return {
        f: `h(x) = \\tanh(x) = \\frac{\\exp(x) - \\exp(-x)}{\\exp(x) + \\exp(-x)}`,
        df: `h'(x) = 1 - \\tanh^2(x)`,
      };
    case 'relu':
      return { f: `h(x) = ${cases('x', '0')}`, df: `h'(x) = ${cases('1', '0')}` };
    case 'leaky_relu':
      return {
        f: `h(x) = ${cases('x', 'a x')} \\qquad a = ${a}`,
        df: `h'(x) = ${cases('1', `a = ${a}`)}`,
      };
    case 'identity':
    default:
      return { f: 'h(x) = x', df: "h'(x) = 1" };
  }
}

export const SOFTMAX_TEX = 'y_k = \\frac{\\exp(a_k)}{\\sum_{i=1}^{n} \\exp(a_i)}';
export const SOFTMAX_STABLE_TEX = "\\begin{gathered} y_k = \\frac{\\exp(a_k - C')}{\\sum_{i=1}^{n} \\exp(a_i - C')} \\\\ C' = \\max_i a_i \\end{gathered}";
