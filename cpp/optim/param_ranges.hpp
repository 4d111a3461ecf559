// param_ranges.hpp — one element-wise pass over every parameter, split across threads.
//
// An optimizer's update (W ← W − η·g, Adam's m, v and W, …) and the trainer's
// divergence guard (are all gradients finite? copy the weights; are all
// weights finite?) touch every one of the network's parameters once per
// step: 235,146 floats for 784-256-128-10. Each element is independent of
// the others, so the whole list is treated as one long vector (W1, b1, W2, …
// back to back) and cut into ranges for the threads of the pool
// (kernels/parallel_for.hpp). One range may end inside W1 and the next start
// there; a range also spans several small matrices (a bias of 10 values is
// never a job of its own).
//
// Every element is computed by one thread with the same operations as in the
// one-thread loop, so the numbers do not depend on the number of threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "../core/matrix.hpp"
#include "../kernels/parallel_for.hpp"
#include "../layers/layer.hpp"

namespace scratchnet {

// The elements [begin, end) of a matrix, as a flat array (Matrix is dense).
template <class S>
Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>> flat(Matrix<S>& m, Index begin, Index end) {
  return {m.data() + begin, end - begin};
}

// Σ sizes of the parameters' values.
template <class S>
Index total_size(const std::vector<Param<S>>& params) {
  Index n = 0;
  for (const auto& p : params) n += p.value->size();
  return n;
}

// The parameters' elements in [begin, end) of the back-to-back vector:
// body(i, lo, hi) for every parameter i that overlaps it, lo/hi within it.
template <class S, class Body>
void for_params_in(const std::vector<Param<S>>& params, Index begin, Index end, Body& body) {
  Index offset = 0;
  for (std::size_t i = 0; i < params.size() && offset < end; ++i) {
    const Index n = params[i].value->size();
    const Index lo = std::max(begin, offset), hi = std::min(end, offset + n);
    if (lo < hi) body(i, lo - offset, hi - offset);
    offset += n;
  }
}

// body(i, lo, hi) over all elements of all parameters, split across threads.
template <class S, class Body>
void parallel_over_params(const std::vector<Param<S>>& params, Body&& body) {
  kernels::parallel_for(total_size(params), kernels::kParallelGrain,
                        [&](std::ptrdiff_t begin, std::ptrdiff_t end) { for_params_in(params, begin, end, body); });
}

// True when pred(i, lo, hi) holds for every range; each part keeps its own
// answer (no shared write) and they are combined afterwards.
template <class S, class Pred>
bool parallel_all_params(const std::vector<Param<S>>& params, Pred&& pred) {
  const Index n = total_size(params);
  const int parts = kernels::parallel_parts(n);
  std::vector<char> ok(static_cast<std::size_t>(parts), 1);
  kernels::parallel_parts_run(n, parts, [&](int p, std::ptrdiff_t begin, std::ptrdiff_t end) {
    auto check = [&](std::size_t i, Index lo, Index hi) {
      if (ok[static_cast<std::size_t>(p)] && !pred(i, lo, hi)) ok[static_cast<std::size_t>(p)] = 0;
    };
    for_params_in(params, begin, end, check);
  });
  for (char o : ok)
    if (!o) return false;
  return true;
}

}  // namespace scratchnet
