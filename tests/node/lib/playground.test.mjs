// The core half of TensorFlow Playground (issue 11) through the JavaScript API:
// seeded 2-D data sets and their split, input features, L1/L2 regularization,
// and every neuron's map over the input plane from one traced forward pass.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadCore, assertClose } from '../load.mjs';

const sn = await loadCore();

// Row 0 of toy_dataset(name, 50, 0.1, 42) (and its target), the floats
// tests/cpp/data/toy_datasets_test.cpp FirstPointsAreTheOnesTheBrowserDraws asserts natively.
const ROW0 = {
  circle: [0.885308564, -1.89111948],
  gauss: [1.29620564, 2.39800286],
  xor: [3.82743907, 2.03114343],
  spiral: [0.0523116477, -0.0163825508],
  spiral3: [0.0885429606, 0.066420041],
  'reg-plane': [3.13869882, -0.982953072, 0.181284443],
  'reg-gauss': [3.13869882, -0.982953072, 0.0695960373],
};

const counts = (labels, classes) => {
  const c = new Array(classes).fill(0);
  for (const l of labels) c[l]++;
  return c;
};

test('toyDataset: the same seed gives the same points as the native build, bit for bit', () => {
  for (const [name, want] of Object.entries(ROW0)) {
    sn.scope(() => {
      const { train, test: held } = sn.toyDataset(name, { points: 50, noise: 0.1, seed: 42, testRatio: 0.5 });
      assert.equal(train.size + held.size, name === 'spiral3' ? 48 : 50);  // spiral3: 50/3 = 16 per class
      // row 0 of the whole set landed in one of the two parts: look in both
      const x = [...train.x(), ...held.x()];
      const [x1, x2] = [Math.fround(want[0]), Math.fround(want[1])];
      const at = x.findIndex((v, i) => i % 2 === 0 && v === x1 && x[i + 1] === x2);
      assert.ok(at >= 0, `${name}: row 0 (${want}) not found bit for bit`);
      if (want.length === 3) {
        const t = [...train.targets().data, ...held.targets().data];
        assert.equal(t[at / 2], Math.fround(want[2]), `${name}: target of row 0`);
      }
    });
  }
});

test('toyDataset: every set is seeded, balanced and split by the ratio', () => {
  sn.scope(() => {
    assert.deepEqual(sn.toyDatasetNames, ['circle', 'gauss', 'xor', 'spiral', 'spiral3', 'reg-plane', 'reg-gauss']);
    for (const name of sn.toyDatasetNames) {
      const a = sn.toyDataset(name, { points: 300, noise: 0.2, seed: 7, testRatio: 0.2 });
      const b = sn.toyDataset(name, { points: 300, noise: 0.2, seed: 7, testRatio: 0.2 });
      const c = sn.toyDataset(name, { points: 300, noise: 0.2, seed: 8, testRatio: 0.2 });
      assert.equal(a.train.size, 240, name);
      assert.equal(a.test.size, 60, name);
      assert.equal(a.train.features, 2);
      assert.deepEqual(a.train.x(), b.train.x(), name);
      assert.deepEqual(a.test.x(), b.test.x(), name);
      assert.notDeepEqual(a.train.x(), c.train.x(), name);
      if (name.startsWith('reg-')) {
        assert.equal(a.train.targets().rows, 240);
        continue;
      }
      const k = name === 'spiral3' ? 3 : 2;
      assert.equal(a.train.classes, k);
      const both = counts([...a.train.labels(), ...a.test.labels()], k);
      assert.deepEqual(both, new Array(k).fill(300 / k), name);
    }
  });
});

test('toyDataset: the circle without noise is a disc (r < 2.5) inside a ring (3.5 ≤ r < 5)', () => {
  sn.scope(() => {
    const { train, test: held } = sn.toyDataset('circle', { points: 600, noise: 0, seed: 3 });
    for (const d of [train, held]) {
      const x = d.x();
      const labels = d.labels();
      for (let i = 0; i < d.size; ++i) {
        const r = Math.hypot(x[2 * i], x[2 * i + 1]);
        if (labels[i] === 0) assert.ok(r < 2.5 + 1e-6, `inner r = ${r}`);
        else assert.ok(r >= 3.5 - 1e-6 && r < 5 + 1e-6, `ring r = ${r}`);
      }
    }
  });
});

test('toyDataset: bad arguments are ScratchnetErrors with codes', () => {
  const code = (fn) => { try { fn(); } catch (e) { return e.code; } return ''; };
  assert.equal(code(() => sn.toyDataset('moons')), 'toy.unknown');
  assert.equal(code(() => sn.toyDataset('circle', { points: 2 })), 'toy.bad_size');
  assert.equal(code(() => sn.toyDataset('circle', { noise: 2 })), 'toy.bad_noise');
  assert.equal(code(() => sn.toyDataset('circle', { testRatio: 1 })), 'dataset.bad_split');
  assert.equal(code(() => sn.toyDataset('circle', { features: ['x3'] })), 'feature.unknown');
  assert.equal(code(() => sn.featureMap([1, 2, 3], 1, ['x1'])), 'shape.mismatch');
  assert.equal(sn.liveObjects, 0, 'a failed call leaves nothing behind');
});

test('featureMap: x1, x2, x1², x2², x1·x2, sin x1, sin x2 by hand', () => {
  assert.deepEqual(sn.featureNames, ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2']);
  const f = sn.featureMap([2, -3, 0.5, 1], 2, sn.featureNames);
  assertClose(assert, f, [2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3),
    0.5, 1, 0.25, 1, 0.5, Math.sin(0.5), Math.sin(1)], 1e-6, 'features');
  sn.scope(() => {
    const { train } = sn.toyDataset('circle', { points: 20, seed: 1, features: ['x2sq', 'x1'] });
    const { train: raw } = sn.toyDataset('circle', { points: 20, seed: 1 });
    assert.equal(train.features, 2);
    const x = raw.x();
    const y = train.x();
    for (let i = 0; i < raw.size; ++i) {
      assert.equal(y[2 * i], Math.fround(x[2 * i + 1] * x[2 * i + 1]));
      assert.equal(y[2 * i + 1], x[2 * i]);
    }
    const mapped = sn.datasetWithFeatures(raw, ['x1x2']);
    assert.equal(mapped.features, 1);
    assert.deepEqual(mapped.labels(), raw.labels());
  });
});

// The claim of issue 11 (TensorFlow Playground's first lesson).
test('the circle is solved with no hidden layer given x1², x2² (test accuracy ≥ 0.95), not with x1, x2', () => {
  const accuracy = (features) => sn.scope(() => {
    const { train, test: held } = sn.toyDataset('circle', { points: 500, noise: 0, seed: 1, features });
    const net = sn.network({ sizes: [features.length, 2] }, { seed: 3 });
    const tr = sn.trainer(net, { train, test: held, optimizer: 'adam', learningRate: 0.03, batchSize: 10, seed: 4 });
    tr.run(40 * tr.stepsPerEpoch);
    return tr.evaluate(held);
  });
  const squared = accuracy(['x1sq', 'x2sq']);
  const plain = accuracy(['x1', 'x2']);
  assert.ok(squared >= 0.95, `with x1², x2²: ${squared}`);
  assert.ok(plain <= 0.8, `with x1, x2: ${plain}`);
});

test("L1 keeps only the circle's features x1², x2² (≥ 95 % of Σ|W|; about 40 % without)", () => {
  const all = sn.featureNames;
  const shareOnSquares = (opts) => sn.scope(() => {
    const { train, test: held } = sn.toyDataset('circle', { points: 500, noise: 0, seed: 1, features: all });
    const net = sn.network({ sizes: [7, 2] }, { seed: 3 });
    const tr = sn.trainer(net, { train, test: held, optimizer: 'adam', learningRate: 0.03, batchSize: 10, seed: 4, ...opts });
    tr.run(40 * tr.stepsPerEpoch);
    assert.ok(tr.evaluate(held) >= 0.95);
    const w = net.param('W1').data;  // 7 × 2, row-major: rows 2, 3 are x1², x2²
    const abs = (i) => Math.abs(w[i]);
    const total = w.reduce((s, v) => s + Math.abs(v), 0);
    return (abs(4) + abs(5) + abs(6) + abs(7)) / total;
  });
  const plain = shareOnSquares({});
  const sparse = shareOnSquares({ regularization: 'l1', regularizationRate: 0.01 });  // native: 0.970
  assert.ok(plain <= 0.6, `without L1: ${plain}`);
  assert.ok(sparse >= 0.95, `with L1 0.01: ${sparse}`);
});

test("trainer regularization: 'l1' adds λΣ|W| to the loss, 'l2' ½λΣ‖W‖², like weightDecay", () => {
  sn.scope(() => {
    const { train } = sn.toyDataset('xor', { points: 40, seed: 1, testRatio: 0.5 });
    const firstLoss = (opts) => {
      const net = sn.network({ sizes: [2, 3, 2] }, { seed: 3 });
      const tr = sn.trainer(net, { train, batchSize: 20, shuffle: false, optimizer: 'sgd', learningRate: 0.1, ...opts });
      const absW = ['W1', 'W2'].reduce((s, n) => s + net.param(n).data.reduce((a, w) => a + Math.abs(w), 0), 0);
      const sqW = ['W1', 'W2'].reduce((s, n) => s + net.param(n).data.reduce((a, w) => a + w * w, 0), 0);
      return { loss: tr.step().loss, absW, sqW };
    };
    const none = firstLoss({});
    const l1 = firstLoss({ regularization: 'l1', regularizationRate: 0.05 });
    const l2 = firstLoss({ regularization: 'l2', regularizationRate: 0.05 });
    const wd = firstLoss({ weightDecay: 0.05 });
    assert.ok(Math.abs(l1.loss - none.loss - 0.05 * l1.absW) < 1e-5, `l1 term ${l1.loss - none.loss}`);
    assert.ok(Math.abs(l2.loss - none.loss - 0.5 * 0.05 * l2.sqW) < 1e-5, `l2 term ${l2.loss - none.loss}`);
    assert.equal(wd.loss, l2.loss);
    const code = (fn) => { try { fn(); } catch (e) { return e.code; } return ''; };
    const net = sn.network({ sizes: [2, 2] });
    assert.equal(code(() => sn.trainer(net, { train, regularization: 'l3' })), 'optimizer.unknown_regularization');
    assert.equal(code(() => sn.trainer(net, { train, regularization: 'l1', regularizationRate: 2 })), 'optimizer.bad_regularization_rate');
    assert.equal(code(() => sn.trainer(net, { train, regularization: 'l1', regularizationRate: 0.1, weightDecay: 0.1 })),
      'optimizer.double_regularization');
  });
});

test('neuronMaps: each pixel is the value net.trace gives for that point', () => {
  sn.scope(() => {
    const features = ['x1', 'x2', 'x1sq'];
    const net = sn.network({ sizes: [3, 4, 3, 2], hidden: 'tanh' }, { seed: 5 });
    const grid = sn.planeGrid({ from: -6, to: 6, size: 6 });
    assert.equal(grid.length, 72);
    assert.deepEqual([grid[0], grid[1], grid[2], grid[3]], [-5, 5, -3, 5]);  // h = 2: centres −5, −3, …
    const x = sn.featureMap(grid, 36, features);
    const maps = net.neuronMaps(x, 36);
    assert.deepEqual(maps.map((m) => [m.layer, m.kind, m.neurons, m.points]),
      [['Tanh1', 'Z', 4, 36], ['Tanh2', 'Z', 3, 36], ['SoftmaxWithLoss', 'Y', 2, 36]]);
    const trace = net.trace(x, 36);
    const want = [trace[1], trace[3], trace[5]];
    maps.forEach((m, i) => {
      for (let j = 0; j < m.neurons; ++j) {
        for (let k = 0; k < m.points; ++k) {
          assert.equal(m.data[j * m.points + k], want[i].data[k * want[i].cols + j], `${m.layer} neuron ${j} point ${k}`);
        }
      }
    });
    // one point alone gives the same pixel (row independence of inference)
    const one = net.neuronMaps(x.slice(3 * 14, 3 * 15), 1);
    assert.ok(Math.abs(one[1].data[2] - maps[1].data[2 * 36 + 14]) < 1e-6);
  });
});

test('neuronMaps benchmark: 6 hidden layers × 8 neurons on a 40×40 grid (printed, not asserted)', () => {
  sn.scope(() => {
    const features = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];
    const net = sn.network({ sizes: [7, 8, 8, 8, 8, 8, 8, 1], hidden: 'tanh', output: 'tanh' }, { seed: 1 });
    const grid = sn.planeGrid({ size: 40 });
    const x = sn.featureMap(grid, 1600, features);
    const maps = net.neuronMaps(x, 1600);
    assert.equal(maps.length, 7);
    assert.equal(maps.reduce((s, m) => s + m.neurons, 0), 49);
    const runs = 50;
    let t0 = performance.now();
    for (let i = 0; i < runs; ++i) net.neuronMaps(sn.featureMap(grid, 1600, features), 1600);
    const withFeatures = (performance.now() - t0) / runs;
    t0 = performance.now();
    for (let i = 0; i < runs; ++i) net.neuronMaps(x, 1600);
    const mapsOnly = (performance.now() - t0) / runs;
    console.log(`# neuronMaps 6×8 tanh, 40×40 grid: ${mapsOnly.toFixed(2)} ms per call; with featureMap ${withFeatures.toFixed(2)} ms`);
  });
});
