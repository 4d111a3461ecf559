// threads.cpp — see threads.hpp.
#include "threads.hpp"

#include <algorithm>

#if defined(SCRATCHNET_THREADS)
#include <memory>

#include "thread_pool.hpp"
#endif

namespace scratchnet::kernels {

#if defined(SCRATCHNET_THREADS)

namespace {
std::unique_ptr<ThreadPool> pool;  // replaced only by set_thread_count
}

int thread_count() { return pool ? pool->size() : 1; }

int set_thread_count(int threads) {
  threads = std::clamp(threads, 1, kMaxThreads);
  if (threads != thread_count()) {
    pool.reset();  // joins the old workers first
    if (threads > 1) pool = std::make_unique<ThreadPool>(threads);
  }
  return thread_count();
}

ThreadPool* shared_pool() { return pool.get(); }

#else

int thread_count() { return 1; }
int set_thread_count(int) { return 1; }
ThreadPool* shared_pool() { return nullptr; }

#endif

}  // namespace scratchnet::kernels
