// thread_pool.cpp — see thread_pool.hpp.
#include "thread_pool.hpp"

#include <chrono>

namespace scratchnet::kernels {

namespace {

// How long a waiting thread re-reads a counter before it sleeps. The products
// of a training step come a few hundred microseconds apart (the elementwise
// work between them), and waking a sleeping thread (a futex; in the browser
// Atomics.notify) takes about as long on a busy machine — by then the caller
// has taken the parts itself and the second thread never helps (measured:
// with a 20 µs spin, two threads trained no faster than one). 2 ms covers the
// gaps of a step and still lets an idle pool sleep almost at once.
constexpr auto kSpin = std::chrono::microseconds(2000);

// Spin until pred() holds or the budget is spent; true when it held. The
// clock is read every 256 tries (in wasm it is a call out to JavaScript).
template <class Pred>
bool spin_until(Pred pred) {
  const auto end = std::chrono::steady_clock::now() + kSpin;
  for (;;) {
    for (int i = 0; i < 256; ++i)
      if (pred()) return true;
    if (std::chrono::steady_clock::now() >= end) return false;
  }
}

}  // namespace

ThreadPool::ThreadPool(int threads) {
  for (int w = 1; w < threads; ++w) workers_.emplace_back([this] { work(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    generation_.fetch_add(1, std::memory_order_release);
  }
  wake_.notify_all();
  for (auto& t : workers_) t.join();
}

void ThreadPool::take_parts(std::uint32_t generation, int parts, Call call, void* task) {
  const std::uint64_t tag = std::uint64_t{generation} << 32;
  std::uint64_t next = next_.load(std::memory_order_acquire);
  while ((next & ~std::uint64_t{0xffffffff}) == tag && static_cast<int>(next & 0xffffffff) < parts) {
    if (!next_.compare_exchange_weak(next, next + 1, std::memory_order_acq_rel)) continue;  // next reloaded
    call(task, static_cast<int>(next & 0xffffffff));
    if (finished_.fetch_add(1, std::memory_order_acq_rel) + 1 == parts) {
      std::lock_guard lock(mutex_);  // the caller may be between its check and its wait
      done_.notify_one();
    }
    next = next_.load(std::memory_order_acquire);
  }
}

void ThreadPool::run_job(int parts, Call call, void* task) {
  if (parts <= 1 || workers_.empty()) {
    for (int p = 0; p < parts; ++p) call(task, p);
    return;
  }
  std::uint32_t generation;
  {
    std::lock_guard lock(mutex_);
    call_ = call;
    task_ = task;
    parts_ = parts;
    finished_.store(0, std::memory_order_relaxed);
    generation = generation_.load(std::memory_order_relaxed) + 1;
    next_.store(std::uint64_t{generation} << 32, std::memory_order_relaxed);
    generation_.store(generation, std::memory_order_release);  // publishes the job
  }
  wake_.notify_all();
  take_parts(generation, parts, call, task);  // the caller works too
  const auto all_done = [&] { return finished_.load(std::memory_order_acquire) == parts; };
  if (spin_until(all_done)) return;
  std::unique_lock lock(mutex_);
  done_.wait(lock, all_done);
}

void ThreadPool::work() {
  std::uint32_t seen = 0;
  for (;;) {
    const auto posted = [&] { return generation_.load(std::memory_order_acquire) != seen; };
    if (!spin_until(posted)) {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, posted);
    }
    Call call;
    void* task;
    int parts;
    {
      // The generation and its job are read together (both are written under
      // the mutex): a worker that wakes late may see the next job directly.
      std::lock_guard lock(mutex_);
      if (stop_) return;
      seen = generation_.load(std::memory_order_relaxed);
      call = call_;
      task = task_;
      parts = parts_;
    }
    take_parts(seen, parts, call, task);
  }
}

}  // namespace scratchnet::kernels
