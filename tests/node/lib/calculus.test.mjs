// Derivatives and gradient descent through the JavaScript API: the book's own
// numbers (밑바닥부터 시작하는 딥러닝 1권 4.3–4.4, 6.1.7 figure 6-8).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, assertClose } from '../load.mjs';

const sn = await loadCore();

test('the three book functions, their values and hand-derived gradients', () => {
  assert.deepEqual(sn.bookFunctions, ['function_1', 'function_2', 'x2_20_plus_y2']);
  assert.equal(sn.functionValue('function_1', 5), 0.75);                  // 0.01·25 + 0.5
  assert.equal(sn.functionValue('function_2', [3, 4]), 25);
  assert.equal(sn.functionValue('x2_20_plus_y2', [-7, 2]), 49 / 20 + 4);
  assert.ok(sn.analyticGradient('function_2', [3, 4]) instanceof Float64Array);
  assertClose(assert, sn.analyticGradient('function_1', 5), [0.2], 1e-15, "f'(5)");
  assertClose(assert, sn.analyticGradient('function_2', [3, 4]), [6, 8], 0, 'grad function_2');
  assertClose(assert, sn.analyticGradient('x2_20_plus_y2', [-7, 2]), [-0.7, 4], 1e-15, 'grad x²/20+y²');
});

test('numericalDiff gives the book\'s digits: f\'(5) = 0.1999999999990898, f\'(10) = 0.2999999999986347', () => {
  // Same operations in float64 as the book's Python: equal to the last bit.
  assert.equal(sn.numericalDiff('function_1', 5), 0.1999999999990898);
  assert.equal(sn.numericalDiff('function_1', 10), 0.2999999999986347);
  // book 4.3.3: the partial derivatives of function_2 at (3, 4)
  assert.equal(sn.numericalDiff('function_2', [3, 4], { axis: 0 }), 6.00000000000378);
  assert.equal(sn.numericalDiff('function_2', [3, 4], { axis: 1 }), 7.999999999999119);
});

test('h = 1e-50 is 0 in float32, so the float derivative is NaN; in double it is 0', () => {
  assert.ok(Number.isNaN(sn.numericalDiff('function_1', 5, { h: 1e-50, precision: 'float' })));
  assert.equal(sn.numericalDiff('function_1', 5, { h: 1e-50 }), 0);
  const rough = sn.numericalDiff('function_1', 5, { precision: 'float' });
  assert.ok(Math.abs(rough - 0.2) < 0.01 && rough !== 0.1999999999990898, `float32 gives ${rough}`);
});

test('numericalGradient of function_2 at (3,4), (0,2), (3,0) is [6,8], [0,4], [6,0]', () => {
  const g = sn.numericalGradient('function_2', [3, 4]);
  assert.ok(g instanceof Float64Array);
  assert.deepEqual([...g], [6.00000000000378, 7.999999999999119]);
  assertClose(assert, sn.numericalGradient('function_2', [0, 2]), [0, 4], 1e-10, '(0, 2)');
  assertClose(assert, sn.numericalGradient('function_2', [3, 0]), [6, 0], 1e-10, '(3, 0)');
});

test('gradient descent from (−3, 4), 100 steps: the book\'s three endings for η = 0.1, 10, 1e-10', () => {
  // Relative tolerance 1e-8: the book prints 9 significant digits. The method is the book's
  // (numerical gradient): only it stalls at −2.59e13 for η = 10 — the exact gradient goes to 1e128.
  const end = (r) => [r.path[r.path.length - 2], r.path[r.path.length - 1]];
  const expectRel = (got, want, what) =>
    assert.ok(Math.abs(got - want) <= Math.abs(want) * 1e-8, `${what}: ${got}, expected ${want}`);
  const r = sn.gradientDescent('function_2', { init: [-3, 4], lr: 0.1 });
  assert.equal(r.dims, 2);
  assert.ok(r.path instanceof Float64Array && r.values instanceof Float64Array);
  assert.equal(r.path.length, 202);
  assert.equal(r.values.length, 101);
  assert.deepEqual([r.path[0], r.path[1], r.values[0]], [-3, 4, 25]);
  const cases = [
    [0.1, [-6.11110793e-10, 8.14814391e-10]],
    [10, [-2.58983747e13, -1.29524862e12]],
    [1e-10, [-2.99999994, 3.99999992]],
  ];
  for (const [lr, want] of cases) {
    const [x0, x1] = end(sn.gradientDescent('function_2', { init: [-3, 4], lr, steps: 100 }));
    expectRel(x0, want[0], `lr ${lr}, x0`);
    expectRel(x1, want[1], `lr ${lr}, x1`);
  }
  const exact = end(sn.gradientDescent('function_2', { init: [-3, 4], lr: 10, gradient: 'analytic' }));
  assert.ok(Math.abs(exact[0]) > 1e100, `analytic η = 10 ends at ${exact[0]}`);
});

test('figure 6-8 on x²/20 + y² from (−7, 2): SGD η 0.95 zig-zags, Momentum, AdaGrad, Adam do not, all end near (0, 0)', () => {
  const walk = (optimizer, lr) => {
    const r = sn.gradientDescent('x2_20_plus_y2', { init: [-7, 2], lr, steps: 30, optimizer, gradient: 'analytic' });
    assert.equal(r.values.length, 31);
    let flips = 0;
    for (let k = 1; k <= 30; ++k) flips += r.path[2 * k + 1] * r.path[2 * k - 1] < 0 ? 1 : 0;
    return { x: r.path[60], y: r.path[61], flips };
  };
  // SGD in closed form: y ← −0.9y at every step, x ← 0.905x.
  const sgd = walk('sgd', 0.95);
  assert.equal(sgd.flips, 30);
  assertClose(assert, [sgd.x, sgd.y], [-7 * 0.905 ** 30, 2 * 0.9 ** 30], 1e-12, 'SGD after 30 steps');
  for (const [opt, lr] of [['momentum', 0.1], ['adagrad', 1.5], ['adam', 0.3], ['rmsprop', 0.15], ['nesterov', 0.1]]) {
    const w = walk(opt, lr);
    assert.ok(w.flips <= 5, `${opt}: y changed sign ${w.flips} times`);
    assert.ok(Math.hypot(w.x, w.y) < 1, `${opt} ends at (${w.x}, ${w.y})`);
  }
  const ada = walk('adagrad', 1.5);
  assert.ok(Math.hypot(ada.x, ada.y) < Math.hypot(sgd.x, sgd.y));
  // The numerical gradient draws the same picture (the bowl is a quadratic): within 1e-6.
  const a = sn.gradientDescent('x2_20_plus_y2', { init: [-7, 2], lr: 0.3, steps: 30, optimizer: 'adam', gradient: 'analytic' });
  const n = sn.gradientDescent('x2_20_plus_y2', { init: [-7, 2], lr: 0.3, steps: 30, optimizer: 'adam' });
  assertClose(assert, n.path, a.path, 1e-6, 'numerical vs analytic Adam path');
});

test('bad input is a ScratchnetError with a code', () => {
  const code = (fn) => {
    try { fn(); } catch (e) { assert.equal(e.name, 'ScratchnetError'); return e.code; }
    return 'no error';
  };
  assert.equal(code(() => sn.functionValue('function_3', 1)), 'calculus.unknown_function');
  assert.equal(code(() => sn.functionValue('function_2', [1])), 'calculus.bad_point');
  assert.equal(code(() => sn.functionValue('function_2', null)), 'calculus.bad_point');
  assert.equal(code(() => sn.numericalGradient('function_2', [1, NaN])), 'input.not_finite');
  assert.equal(code(() => sn.numericalDiff('function_1', Infinity)), 'input.not_finite');
  assert.equal(code(() => sn.numericalDiff('function_1', 1, { precision: 'half' })), 'calculus.unknown_precision');
  assert.equal(code(() => sn.numericalDiff('function_2', [1, 2], { axis: 2 })), 'calculus.bad_axis');
  assert.equal(code(() => sn.numericalGradient('function_2', [1, 2], { h: -1 })), 'calculus.bad_h');
  assert.equal(code(() => sn.gradientDescent('function_2', { init: [1, 2], lr: 0.1, steps: 1e6 })), 'calculus.bad_steps');
  assert.equal(code(() => sn.gradientDescent('function_2', { init: [1, 2], lr: 0.1, steps: 2.5 })), 'calculus.bad_steps');
  assert.equal(code(() => sn.gradientDescent('function_2', { init: [1, 2] })), 'optimizer.bad_lr');
  assert.equal(code(() => sn.gradientDescent('function_2', { init: [1, 2], lr: 100 })), 'optimizer.bad_lr');
  assert.equal(code(() => sn.gradientDescent('function_2', { init: [1, 2], lr: 0.1, optimizer: 'lbfgs' })), 'optimizer.unknown');
  assert.equal(code(() => sn.gradientDescent('function_2', { init: [1, 2], lr: 0.1, gradient: 'symbolic' })), 'calculus.unknown_gradient');
});
