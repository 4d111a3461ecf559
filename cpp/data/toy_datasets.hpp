// toy_datasets.hpp — small data sets generated in code, no download needed.
//
//   spiral()      밑바닥부터 시작하는 딥러닝 2권 1.4.1 "스파이럴 데이터셋"
//                 (dataset/spiral.py `load_data`): 3 arms that no straight
//                 line can separate — the reason a hidden layer is needed.
//   xor_dataset() 모두의 딥러닝 3장 / 밑바닥 1권 2.5: the four XOR rows.
//   gate_dataset() the logic gates of 밑바닥 1권 2장 (AND, NAND, OR, XOR).
//   toy_dataset()  the 2-D sets of TensorFlow Playground (circle, gauss, xor,
//                 spiral, reg-plane, reg-gauss) and the book's spiral on the
//                 same plane: small enough to watch every neuron learn.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dataset.hpp"

namespace scratchnet {

// `classes` arms of `points_per_class` points each, rows grouped by class
// (class 0 first), like the book. Point i of arm j:
//   rate   = i / N                 (0 at the centre ... (N−1)/N at the tip)
//   radius = 1.0 · rate
//   θ      = 4.0·j + 4.0·rate + 0.2·N(0, 1)
//   x      = (radius · sin θ, radius · cos θ),  label = j
// The noise comes from our own Rng, so the points are not NumPy's exactly,
// but they are the same in the native and in the browser build.
// Throws Error "spiral.bad_size" unless 1 ≤ points ≤ 100000 and 2 ≤ classes ≤ 10.
Dataset spiral(int points_per_class = 100, int classes = 3, std::uint64_t seed = 1984);

// (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0: labels (2 classes) and targets (4, 1)
// holding the same 0/1, for the MSE network of 모두의 딥러닝.
Dataset xor_dataset();

// "and" | "nand" | "or" | "xor" (any case): the four input rows of a 2-input
// gate with labels and (4, 1) targets. Throws Error "gate.unknown" otherwise.
Dataset gate_dataset(const std::string& gate);

// ---- the playground's 2-D sets ------------------------------------------------------
// Every point lies on the plane [−6, 6]² (TensorFlow Playground's), so one
// heat-map grid fits every set; kToyExtent is that half-width.
inline constexpr double kToyExtent = 6.0;

// toy_dataset(name, points, noise, seed): `points` rows of 2 features, drawn
// from Rng(seed) — the same seed gives the same points bit for bit, natively
// and in the browser. noise ∈ [0, 1] (the playground's slider shows 0–50 %);
// noise 0 puts every point exactly on its generator's region or curve.
// Classification sets have 2 (spiral3: 3) balanced classes, rows grouped by
// class; their noise *moves the point* and keeps its class, so classes start
// to overlap. Regression sets have (N, 1) targets and no labels; their noise
// moves the point at which the target is measured (target = f(p + e)).
// U(a, b) is uniform, N(0, 1) standard normal, e a noise offset per coordinate.
//
//   "circle"    class 0: inner disc, r ~ U(0, 2.5); class 1: ring, r ~ U(3.5, 5);
//               θ ~ U(0, 2π), p = (r sin θ, r cos θ), then p += noise·U(−5, 5)².
//               No line separates them; the features x1², x2² make it one.
//   "gauss"     class 0 around (2, 2), class 1 around (−2, −2):
//               p = c + σ·N(0, 1)², σ² = 0.5 + 7·noise (noise widens the clouds).
//   "xor"       a quarter of the points in each quadrant, |x_i| ~ U(0.3, 5) (a
//               0.3 gap at the axes); class = XOR(x1 > 0, x2 > 0), i.e. 1 when
//               x1·x2 < 0; then p += noise·U(−5, 5)².
//   "spiral"    two arms, m = points/2 each: for i < m, r = 5·i/m,
//               t = 1.75·2π·i/m + kπ (arm k = 0, 1), p = (r sin t, r cos t),
//               then p += noise·U(−1, 1)².
//   "spiral3"   the book's three arms (spiral() above, points/3 per class,
//               its own N(0, 0.2²) angle noise) scaled by 5 to the same plane,
//               then p += noise·U(−1, 1)².
//   "reg-plane" p ~ U(−6, 6)², target = (x1 + x2)/10 at p + noise·U(−6, 6)²:
//               a tilted plane in [−1.2, 1.2], learnable with no hidden layer.
//   "reg-gauss" p ~ U(−6, 6)², target = g(p + noise·U(−6, 6)²) with two bumps,
//               g(q) = exp(−‖q − (2, 2)‖²/4.5) − exp(−‖q + (2, 2)‖²/4.5)
//               (σ = 1.5): a hill and a valley, values in (−1, 1).
// Errors: "toy.unknown" for another name, "toy.bad_size" unless
// 4 ≤ points ≤ 100000, "toy.bad_noise" unless 0 ≤ noise ≤ 1.
Dataset toy_dataset(const std::string& name, int points, double noise = 0.0, std::uint64_t seed = 1);

// The names toy_dataset() knows, classification first.
const std::vector<std::string>& toy_dataset_names();

}  // namespace scratchnet
