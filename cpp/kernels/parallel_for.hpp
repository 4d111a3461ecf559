// parallel_for.hpp — an element-wise loop split across the threads of the pool.
//
// A training step is not only matrix products (gemm_parallel.hpp): the
// optimizer updates every parameter, the divergence guard reads them all,
// and the activations pass over every hidden value. On one thread those
// passes are about a third of a step, and by Amdahl's law they alone would
// hold two threads below 1.5× (README "Threads"). They are independent per
// element, so they split the same way the products do:
//
//   parallel_for(n, grain, [&](Index begin, Index end) { … elements [begin, end) … });
//
// calls the body on disjoint ranges that together cover [0, n): on the
// calling thread alone with one thread (every build but the threads build,
// unless a native test asks for more; and for n < 2·grain,
// where handing work to a worker costs more than it saves), else as parts
// of one pool job (thread_pool.hpp), two per thread. Range edges of long
// loops are multiples of 16 elements, so SIMD loops over floats keep their alignment.
//
// Each element is computed by exactly one thread with the same operations as
// in the plain loop, so the results are bit for bit those of one thread.
// A body that reduces (a sum, "all finite?") keeps one partial result per
// part and combines them afterwards (see parallel_parts below).
#pragma once

#include <algorithm>
#include <cstddef>

#include "threads.hpp"
#if SCRATCHNET_HAS_POOL
#include "thread_pool.hpp"
#endif

namespace scratchnet::kernels {

// Below this many elements per part, a loop runs on one thread. A float
// pass does ~4–8 elements per ns; a worker that is spinning takes a part in
// about a microsecond, so a part should be some thousands of elements.
inline constexpr std::ptrdiff_t kParallelGrain = 8192;

// How many parts parallel_for would cut n elements into (1 = not split).
inline int parallel_parts(std::ptrdiff_t n, std::ptrdiff_t grain = kParallelGrain) {
#if SCRATCHNET_HAS_POOL
  if (const ThreadPool* pool = shared_pool(); pool != nullptr && n >= 2 * grain)
    return static_cast<int>(std::min<std::ptrdiff_t>(pool->size() * 2, n / grain));
#endif
  (void)n;
  (void)grain;
  return 1;
}

// Part p of `parts` over n elements: [begin, end), edges on multiples of 16
// (of 1 for a short loop, e.g. over the rows of a batch).
inline std::ptrdiff_t part_edge(std::ptrdiff_t n, int parts, int p) {
  if (p >= parts) return n;
  const std::ptrdiff_t unit = n >= 64 * parts ? 16 : 1;
  return n / unit * p / parts * unit;
}

// body(p, begin, end) for every part p of `parts` (from parallel_parts).
template <class Body>
void parallel_parts_run(std::ptrdiff_t n, int parts, Body&& body) {
  if (parts <= 1) {
    body(0, std::ptrdiff_t{0}, n);
    return;
  }
#if SCRATCHNET_HAS_POOL
  shared_pool()->run(parts, [&](int p) { body(p, part_edge(n, parts, p), part_edge(n, parts, p + 1)); });
#endif
}

// body(begin, end) over disjoint ranges covering [0, n).
template <class Body>
void parallel_for(std::ptrdiff_t n, std::ptrdiff_t grain, Body&& body) {
  parallel_parts_run(n, parallel_parts(n, grain),
                     [&](int, std::ptrdiff_t begin, std::ptrdiff_t end) { body(begin, end); });
}

}  // namespace scratchnet::kernels
