// thread_pool.hpp — a small fixed pool of threads that shares out the parts of one job.
//
// What it is for: the threads build of the wasm core (README "Performance")
// splits each large matrix product into a few blocks and computes them at the
// same time (gemm_parallel.hpp). A training step is a chain of such products
// separated by cheap elementwise work, so what matters is how fast a pool
// starts a job and notices that it is done — not scheduling, queues or
// futures. This pool does exactly one thing:
//
//   pool.run(parts, task)   calls task(p) once for every p = 0 … parts−1 and
//                           returns when all have finished.
//
// The calling thread and the workers take parts from one shared counter until
// none is left, so a worker that is slow to wake (a busy machine, a sleeping
// futex) simply takes fewer parts, and the caller never waits for a part that
// nobody has started: at worst it computes them all itself. Give a job a few
// more parts than threads for that to pay.
//
// Workers are started once, by the constructor, and live as long as the pool.
// Between jobs a worker first spins for up to 2 ms (the next product of the
// same training step comes sooner than a sleeping thread could wake; see
// thread_pool.cpp) and then sleeps on a condition variable (a futex; in the browser
// Atomics.wait), so an idle pool uses no CPU.
//
// What it is not: a general task system. One job at a time, called from one
// thread (the core above the kernels is single-threaded); tasks must not throw.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace scratchnet::kernels {

class ThreadPool {
 public:
  // `threads` is the total, the calling thread included: threads − 1 workers start.
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // How many parts can run at the same time (workers + the caller).
  int size() const { return static_cast<int>(workers_.size()) + 1; }

  // Jobs handed to the workers so far (run() calls with more than one part).
  std::uint32_t jobs() const { return generation_.load(std::memory_order_relaxed); }

  // task(p) once for every p in [0, parts), on whichever threads take them.
  // Returns when all are done.
  template <class Task>
  void run(int parts, Task&& task) {
    run_job(parts, [](void* t, int p) { (*static_cast<std::remove_reference_t<Task>*>(t))(p); }, &task);
  }

 private:
  using Call = void (*)(void*, int);
  void run_job(int parts, Call call, void* task);
  void work();
  // Take and run parts of job `generation` until none is left.
  void take_parts(std::uint32_t generation, int parts, Call call, void* task);

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;  // workers: a new job (or the end) is posted
  std::condition_variable done_;  // caller: the last part has finished
  // The job being run; written under mutex_ together with the generation bump.
  Call call_ = nullptr;
  void* task_ = nullptr;
  int parts_ = 0;
  bool stop_ = false;
  std::atomic<std::uint32_t> generation_{0};
  // The next part to take, tagged with its job's generation in the high 32
  // bits: a worker still finishing an old job can never take a part of the
  // next one (its compare-exchange fails on the tag).
  std::atomic<std::uint64_t> next_{0};
  std::atomic<int> finished_{0};  // parts of the current job that have finished
};

}  // namespace scratchnet::kernels
