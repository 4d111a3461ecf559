// Computational graphs through the JavaScript API: the book's shopping graphs
// (1권 5.4), the chain rule (5.2), vol. 2's nodes (1.3.4–1.3.5), and every
// example's backward against its numerical gradient.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, assertClose } from '../load.mjs';

const sn = await loadCore();
const edgeMap = (g) => Object.fromEntries(g.edges().map((e) => [e.name, e]));
const flat = (v) => (typeof v === 'number' ? [v] : [...v.data]);

test('the examples, by name', () => {
  assert.deepEqual(sn.graphExamples, ['apple', 'apple_orange', 'chain', 'branch', 'repeat', 'sum', 'matmul',
    'sigmoid', 'affine', 'softmax_with_loss']);
});

test('apple: 100 × 2 × 1.1 = 220; dapple 2.2, dapple_num 110, dtax 200', () => {
  sn.scope(() => {
    const g = sn.graph('apple');
    assert.deepEqual(g.nodes().map((n) => [n.name, n.op, n.inputs, n.outputs]), [
      ['mul_apple_layer', 'MulLayer', ['apple', 'apple_num'], ['apple_price']],
      ['mul_tax_layer', 'MulLayer', ['apple_price', 'tax'], ['price']],
    ]);
    let e = edgeMap(g);
    assert.equal(e.price.value, null);
    assert.deepEqual([e.apple.value, e.apple.isInput, e.price.isInput], [100, true, false]);
    g.forward();
    e = edgeMap(g);
    assert.ok(Math.abs(e.price.value - 220) < 1e-12, `price ${e.price.value}`);
    g.backward();  // dprice = 1
    e = edgeMap(g);
    assertClose(assert, [e.apple.grad, e.apple_num.grad, e.tax.grad], [2.2, 110, 200], 1e-12, 'dapple, dapple_num, dtax');
  });
});

test('apple_orange: 715; dapple_num 110, dapple 2.2, dorange 3.3, dorange_num 165, dtax 650', () => {
  sn.scope(() => {
    const g = sn.graph('apple_orange');
    g.forward();
    g.backward();
    const e = edgeMap(g);
    assert.ok(Math.abs(e.price.value - 715) < 1e-10);
    assert.ok(Math.abs(e.all_price.value - 650) < 1e-12);
    assertClose(assert, ['apple_num', 'apple', 'orange', 'orange_num', 'tax'].map((k) => e[k].grad),
      [110, 2.2, 3.3, 165, 650], 1e-10, 'gradients');
    // and doubling dprice doubles every gradient (the chain rule is linear in dout)
    g.backward(2);
    assert.ok(Math.abs(edgeMap(g).tax.grad - 1300) < 1e-9);
  });
});

test('chain: z = t², t = x + y; dz/dx = 2t, one node at a time', () => {
  sn.scope(() => {
    const g = sn.graph('chain');
    assert.throws(() => g.stepBackward(), { name: 'ScratchnetError', code: 'graph.forward_first' });
    assert.equal(g.stepForward(), 0);
    assert.equal(edgeMap(g).t.value, 3);
    assert.equal(edgeMap(g).z.value, null);
    assert.equal(g.stepForward(), 1);
    assert.equal(g.stepForward(), -1);
    assert.equal(edgeMap(g).z.value, 9);
    assert.equal(g.stepBackward(), 1);  // Square first: dz/dt = 2t = 6
    assert.equal(edgeMap(g).t.grad, 6);
    assert.equal(edgeMap(g).x.grad, null);
    assert.deepEqual(g.nodes().map((n) => [n.forwardDone, n.backwardDone]), [[true, false], [true, true]]);
    assert.equal(g.stepBackward(), 0);
    assert.equal(g.stepBackward(), -1);
    assert.deepEqual([edgeMap(g).x.grad, edgeMap(g).y.grad], [6, 6]);
    g.setInput('x', -4);  // t = −2 → dz/dx = −4; setting an input clears what was computed
    assert.equal(edgeMap(g).t.value, null);
    g.forward();
    g.backward();
    assert.equal(edgeMap(g).x.grad, -4);
    g.reset();
    assert.equal(edgeMap(g).z.value, null);
    assert.equal(edgeMap(g).x.value, -4);
  });
});

test('vol. 2 nodes: branch sums, repeat sums rows, sum repeats, matmul dW = xᵀ·dout, sigmoid y(1 − y), softmax (y − t)/N', () => {
  sn.scope(() => {
    const branch = sn.graph('branch');
    branch.forward();
    branch.backward({ y2: { rows: 1, cols: 3, data: [10, 20, 30] } });  // y1 keeps dout 1
    assert.deepEqual(flat(edgeMap(branch).x.grad), [11, 21, 31]);

    const repeat = sn.graph('repeat');
    repeat.forward();
    assert.deepEqual(edgeMap(repeat).y.value, { rows: 2, cols: 3, data: new Float64Array([1, 2, 3, 1, 2, 3]) });
    repeat.backward({ y: { rows: 2, cols: 3, data: [1, 2, 3, 4, 5, 6] } });
    assert.deepEqual(flat(edgeMap(repeat).x.grad), [5, 7, 9]);

    const sum = sn.graph('sum');
    sum.forward();
    assert.deepEqual(flat(edgeMap(sum).y.value), [5, 7, 9]);
    sum.backward({ y: { rows: 1, cols: 3, data: [1, 2, 3] } });
    assert.deepEqual(flat(edgeMap(sum).x.grad), [1, 2, 3, 1, 2, 3]);

    const mm = sn.graph('matmul');
    mm.forward();
    mm.backward();
    let e = edgeMap(mm);
    assertClose(assert, flat(e.y.value), [2.2, 2.8, 4.9, 6.4], 1e-12, 'y = x·W');
    assertClose(assert, flat(e.x.grad), [0.3, 0.7, 1.1, 0.3, 0.7, 1.1], 1e-12, 'dx = dout·Wᵀ');
    assertClose(assert, flat(e.W.grad), [5, 5, 7, 7, 9, 9], 1e-12, 'dW = xᵀ·dout');
    assert.deepEqual([e.W.rows, e.W.cols, e.y.rows, e.y.cols], [3, 2, 2, 2]);

    const sg = sn.graph('sigmoid');
    sg.forward();
    sg.backward();
    e = edgeMap(sg);
    const y = flat(e.y.value);
    assertClose(assert, flat(e.x.grad), y.map((v) => v * (1 - v)), 1e-15, 'dx = y(1 − y)');
    assert.equal(flat(e.x.grad)[1], 0.25);

    const af = sn.graph('affine');
    af.forward();
    af.backward();
    e = edgeMap(af);
    assertClose(assert, flat(e.out.value), [2.3, 3.0, 5.0, 6.6], 1e-12, 'out = x·W + b');
    assertClose(assert, flat(e.b.grad), [2, 2], 1e-12, 'db = Σ rows of dout');

    const sl = sn.graph('softmax_with_loss');
    sl.forward();
    sl.backward();
    e = edgeMap(sl);
    assert.equal(typeof e.L.value, 'number');
    assertClose(assert, flat(e.x.grad).slice(0, 3), [0.01821127 / 2, 0.24519181 / 2, (0.73659691 - 1) / 2], 1e-8,
      '(y − t)/N for the book\'s softmax([0.3, 2.9, 4.0])');
    assert.equal(e.t.grad, null);
    assert.equal(e.t.differentiable, false);
  });
});

test('every example: backward agrees with the numerical gradient (central difference, double)', () => {
  for (const name of sn.graphExamples) {
    sn.scope(() => {
      const g = sn.graph(name);
      g.forward();
      g.backward();
      const numerical = g.numericalGradient();
      const e = edgeMap(g);
      const inputs = g.edges().filter((x) => x.isInput && x.differentiable).map((x) => x.name);
      assert.deepEqual(Object.keys(numerical).sort(), inputs.sort(), name);
      for (const [edge, n] of Object.entries(numerical)) {
        const a = flat(e[edge].grad), b = flat(n);
        for (let i = 0; i < a.length; ++i) {
          const rel = Math.abs(a[i] - b[i]) / Math.max(1e-8, Math.abs(a[i]) + Math.abs(b[i]));
          assert.ok(rel < 1e-7, `${name} d${edge}[${i}]: backprop ${a[i]} vs numerical ${b[i]}`);
        }
      }
    });
  }
});

test('graph errors are ScratchnetErrors with codes, and delete() frees the graph', () => {
  const before = sn.liveObjects;
  assert.throws(() => sn.graph('pear'), { name: 'ScratchnetError', code: 'graph.unknown_example' });
  const g = sn.graph('apple');
  assert.throws(() => g.setInput('banana', 1), { code: 'graph.unknown_edge' });
  assert.throws(() => g.setInput('price', 1), { code: 'graph.not_input' });
  assert.throws(() => g.setInput('apple', NaN), { code: 'input.not_finite' });
  assert.throws(() => g.setInput('apple', { rows: 2, cols: 1, data: [1, 2] }), { code: 'shape.mismatch' });
  assert.throws(() => g.setInput('apple', 'many'), { code: 'shape.mismatch' });
  g.forward();
  assert.throws(() => g.backward({ apple: 1 }), { code: 'graph.not_output' });
  assert.throws(() => g.backward(Infinity), { code: 'input.not_finite' });
  assert.equal(sn.liveObjects, before + 1);
  g.delete();
  assert.equal(sn.liveObjects, before);
  assert.throws(() => g.forward(), { code: 'object.deleted' });
});

test('graphs, descents and traces free everything they allocate in wasm', () => {
  const once = () => sn.scope(() => {
    for (const name of sn.graphExamples) {
      const g = sn.graph(name);
      g.forward();
      g.stepForward();
      g.backward();
      g.numericalGradient();
      g.edges();
      g.nodes();
    }
    sn.gradientDescent('x2_20_plus_y2', { init: [-7, 2], lr: 0.3, steps: 30, optimizer: 'adam' });
    sn.numericalDiff('function_1', 5, { precision: 'float' });
    const net = sn.network({ sizes: [3, 4, 2], hidden: 'relu', batchNorm: true }, { seed: 1 });
    return net.traceBackward([0.1, 0.2, 0.3, -0.4, 0.5, -0.6], [1, 0, 0, 1], 2).loss;
  });
  const first = once();
  const [heap, used, live] = [sn.heapBytes, sn.heapUsed, sn.liveObjects];
  for (let i = 0; i < 10; i++) assert.equal(once(), first, 'the same loss every time');
  assert.equal(sn.heapBytes, heap, 'the wasm memory did not grow');
  assert.equal(sn.heapUsed, used, 'every byte allocated was freed');
  assert.equal(sn.liveObjects, live);
});
