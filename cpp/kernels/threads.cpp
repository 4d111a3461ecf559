// threads.cpp — see threads.hpp.
#include "threads.hpp"

#include <algorithm>

#if SCRATCHNET_HAS_POOL
#include <memory>

#include "thread_pool.hpp"
#endif

namespace scratchnet::kernels {

#if SCRATCHNET_HAS_POOL

namespace {
std::unique_ptr<ThreadPool> pool;  // replaced only by set_thread_count
bool single = true;                // one thread asked for: the pool (if any) is kept, idle
}

int thread_count() { return single ? 1 : pool->size(); }

int set_thread_count(int threads) {
  threads = std::clamp(threads, 1, kMaxThreads);
  // Back to one thread keeps the pool's workers (asleep after their spin), so
  // a page or a bench that switches between 1 and n threads does not start
  // new threads every time.
  single = threads == 1;
  if (!single && (!pool || pool->size() != threads)) {
    pool.reset();  // joins the old workers first
    pool = std::make_unique<ThreadPool>(threads);
  }
  return thread_count();
}

ThreadPool* shared_pool() { return single ? nullptr : pool.get(); }

std::uint64_t parallel_jobs() { return pool ? pool->jobs() : 0; }

#else

int thread_count() { return 1; }
int set_thread_count(int) { return 1; }
ThreadPool* shared_pool() { return nullptr; }
std::uint64_t parallel_jobs() { return 0; }

#endif

}  // namespace scratchnet::kernels
