// thread_pool.cpp — see thread_pool.hpp.
#include "thread_pool.hpp"

namespace scratchnet::kernels {

namespace {

// How many times a waiting thread re-reads a counter before it sleeps. A
// training step's products follow each other within microseconds; waking a
// sleeping thread costs tens of them (a futex; in the browser Atomics.notify).
// ~20,000 loads are a few microseconds, short enough not to steal a shared
// core from anyone for long.
constexpr int kSpins = 20000;

// Spin until pred() holds or the budget is spent; true when it held.
template <class Pred>
bool spin_until(Pred pred) {
  for (int i = 0; i < kSpins; ++i)
    if (pred()) return true;
  return false;
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
