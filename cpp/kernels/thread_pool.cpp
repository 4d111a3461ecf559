// thread_pool.cpp — see thread_pool.hpp.
#include "thread_pool.hpp"

namespace scratchnet::kernels {

namespace {

// How many times a waiting thread re-reads a counter before it sleeps. A
// training step's products follow each other within microseconds; waking a
// sleeping thread costs tens of them (a futex, in the browser Atomics.notify
// and a message-free wake of a Worker). ~20,000 relaxed loads are a few
// microseconds, short enough not to steal a shared core from anyone for long.
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
  for (int w = 1; w < threads; ++w) workers_.emplace_back([this, w] { work(w); });
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

void ThreadPool::run_job(int parts, Call call, void* task) {
  if (parts <= 1 || workers_.empty()) {
    for (int p = 0; p < parts; ++p) call(task, p);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    call_ = call;
    task_ = task;
    parts_ = parts;
    pending_.store(parts - 1, std::memory_order_relaxed);
    generation_.fetch_add(1, std::memory_order_release);  // publishes the job
  }
  wake_.notify_all();
  call(task, 0);  // the caller's own share
  const auto finished = [this] { return pending_.load(std::memory_order_acquire) == 0; };
  if (spin_until(finished)) return;
  std::unique_lock lock(mutex_);
  done_.wait(lock, finished);
}

void ThreadPool::work(int index) {
  unsigned seen = 0;
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
      // the mutex): a worker with no part in a job may see it only after the
      // caller has posted the next one, and must then run that one, once.
      std::lock_guard lock(mutex_);
      if (stop_) return;
      seen = generation_.load(std::memory_order_relaxed);
      call = call_;
      task = task_;
      parts = parts_;
    }
    if (index < parts) {
      call(task, index);
      if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        std::lock_guard lock(mutex_);  // the caller may be between its check and its wait
        done_.notify_one();
      }
    }
  }
}

}  // namespace scratchnet::kernels
