// threads.hpp — how many threads the core's matrix products and passes use.
//
// The wasm threads build (CMake SCRATCHNET_THREADS, Emscripten -pthread) runs
// more than one: there the JavaScript loader asks for
// navigator.hardwareConcurrency threads once, at load time, and every large
// gemm<float> (gemm_parallel.hpp) and every long element-wise pass of a
// training step (parallel_for.hpp) is split across them. The single-thread
// SIMD and scalar wasm builds have exactly one and never include <thread>, so
// they behave as before this file existed. Native builds have the pool but
// use one thread unless asked (the tests ask; their products stay Eigen's).
#pragma once

#include <cstdint>

// Builds that have the pool: the wasm threads build, and every native build
// (std::thread; one thread unless set_thread_count asks for more, which the
// native tests do to check that splitting changes no number). The
// single-thread wasm builds have no pool and never include <thread>.
#if defined(SCRATCHNET_THREADS) || !defined(__EMSCRIPTEN__)
#define SCRATCHNET_HAS_POOL 1
#else
#define SCRATCHNET_HAS_POOL 0
#endif

namespace scratchnet::kernels {

class ThreadPool;

inline constexpr int kMaxThreads = 8;

// The number of threads products are split across (1 = the calling thread only).
int thread_count();

// Start a pool of `threads` (clamped to [1, kMaxThreads]; the caller counts as
// one) and return the count in effect. Single-thread builds ignore it: 1.
// Not to be called while a product runs.
int set_thread_count(int threads);

// The pool products are split over, or nullptr with one thread.
ThreadPool* shared_pool();

// How many jobs the pool has handed to its workers since it started (0
// without a pool): the fork/joins, which scripts/profile-step.mjs counts per step.
std::uint64_t parallel_jobs();

}  // namespace scratchnet::kernels
