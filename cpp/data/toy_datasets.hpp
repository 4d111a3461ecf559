// toy_datasets.hpp — small data sets generated in code, no download needed.
//
//   spiral()      밑바닥부터 시작하는 딥러닝 2권 1.4.1 "스파이럴 데이터셋"
//                 (dataset/spiral.py `load_data`): 3 arms that no straight
//                 line can separate — the reason a hidden layer is needed.
//   xor_dataset() 모두의 딥러닝 3장 / 밑바닥 1권 2.5: the four XOR rows.
//   gate_dataset() the logic gates of 밑바닥 1권 2장 (AND, NAND, OR, XOR).
#pragma once

#include <cstdint>
#include <string>

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

}  // namespace scratchnet
