// precision.hpp — one trained network with its weights in float64, float32
// and float16: accuracy, bytes of weights, and how far the outputs move.
//
// 밑바닥부터 시작하는 딥러닝 1권 8.3.4 "연산 정밀도와 비트 줄이기"
// (ch08/half_float_network.py) and 2권 1.5.1 "비트 정밀도": a trained
// network keeps its accuracy when every weight is stored in 16 bits, and
// the book's save_params writes its weights as float16 to halve the file:
//
//   for key, val in network.params.items():
//       network.params[key] = val.astype(np.float16)   # and NumPy computes on in float32
//
// So "float16" here means: every weight rounded to the nearest half and back
// (kernels/float16.hpp), then the same float32 arithmetic — what NumPy does
// when float16 weights meet float32 inputs. "float64" is the same network
// cast to double (Network::cast), the reference every output is compared to.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../data/dataset.hpp"
#include "network.hpp"

namespace scratchnet {

struct PrecisionResult {
  std::string dtype;             // "float64", "float32", "float16"
  int bits = 0;                  // 64, 32, 16
  double accuracy = 0;           // on every row of the data set
  std::uint64_t weight_bytes = 0;  // parameter_count · bits / 8 (what the weights take to store)
  double max_output_change = 0;  // max |y − y_float64| over every output of every row
  double max_weight_change = 0;  // max |w − w_float32| over every parameter (0 for float32)
};

// A copy of `net` whose parameters (W, b, γ, β) are rounded to float16 and
// back. BatchNorm's running statistics are kept in float32: the book's
// half_float_network rounds only `params`.
Network<float> with_half_weights(const Network<float>& net);

// The three rows above, in the order float64, float32, float16, for `net` on
// `data` (labels needed: dataset.no_labels). The outputs are the network's
// output() (softmax probabilities), compared in chunks of kForwardChunkRows rows.
std::vector<PrecisionResult> compare_precisions(const Network<float>& net, const Dataset& data);

}  // namespace scratchnet
