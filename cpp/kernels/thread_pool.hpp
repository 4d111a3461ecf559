// thread_pool.hpp — a small fixed pool of threads that runs the parts of one job.
//
// What it is for: the threads build of the wasm core (README "Performance")
// splits each large matrix product into a few blocks and computes them at the
// same time (gemm_parallel.hpp). A training step is a chain of such products
// separated by cheap elementwise work, so what matters is how fast a pool
// starts a job and notices that it is done — not scheduling, queues or
// futures. This pool does exactly one thing:
//
//   pool.run(parts, task)   calls task(p) for p = 0 … parts−1, part 0 on the
//                           calling thread, part p on worker p, and returns
//                           when every part has finished.
//
// Workers are started once, by the constructor, and live as long as the pool.
// Between jobs a worker first spins for a few microseconds (the next product
// of the same training step usually comes sooner than a sleeping thread could
// wake) and then sleeps on a condition variable (a futex; in the browser
// Atomics.wait), so an idle pool uses no CPU.
//
// What it is not: a general task system. One job at a time, called from one
// thread (the core above the kernels is single-threaded); tasks must not throw.
#pragma once

#include <atomic>
#include <condition_variable>
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

  // task(p) for every p in [0, parts); parts ≤ size(). Returns when all are done.
  template <class Task>
  void run(int parts, Task&& task) {
    run_job(parts, [](void* t, int p) { (*static_cast<std::remove_reference_t<Task>*>(t))(p); }, &task);
  }

 private:
  using Call = void (*)(void*, int);
  void run_job(int parts, Call call, void* task);
  void work(int index);

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;  // workers: a new job (or the end) is posted
  std::condition_variable done_;  // caller: the last part has finished
  // The job being run, written before `generation_` is bumped and read after
  // seeing the bump (release/acquire), so workers see a complete job.
  Call call_ = nullptr;
  void* task_ = nullptr;
  int parts_ = 0;
  std::atomic<unsigned> generation_{0};
  std::atomic<int> pending_{0};   // parts of the current job still running on workers
  bool stop_ = false;             // guarded by mutex_
};

}  // namespace scratchnet::kernels
