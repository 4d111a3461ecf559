// split.hpp — a seeded train/test split of a Dataset.
//
// 밑바닥부터 시작하는 딥러닝 1권 6.5.1 "검증 데이터": a model is judged on
// data it did not learn from. MNIST comes already split; a set generated in
// code (toy_datasets.hpp) is split here. TensorFlow Playground's "ratio of
// training to test data" slider is the same operation.
#pragma once

#include <cstdint>

#include "dataset.hpp"

namespace scratchnet {

// The rows in a random order drawn from Rng(seed) (Fisher–Yates), then the
// first round(N · test_ratio) rows become the test set and the rest the
// training set, both keeping name, classes, labels and targets. The same seed
// gives the same split natively and in the browser.
// Errors: "dataset.bad_split" unless 0 < test_ratio < 1 and both parts get at
// least one row.
TrainTest split_dataset(const Dataset& d, double test_ratio, std::uint64_t seed);

}  // namespace scratchnet
