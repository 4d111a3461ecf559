// thread_pool_test.cpp — the pool of the threads build (cpp/kernels/thread_pool.*):
// every part of a job runs exactly once, on as many threads as asked, and the
// pool can run many short jobs in a row (a training step is dozens of them).
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "kernels/thread_pool.hpp"
#include "kernels/threads.hpp"

namespace scratchnet::kernels {
namespace {

TEST(ThreadPool, RunsEveryPartExactlyOnce) {
  ThreadPool pool(3);
  ASSERT_EQ(pool.size(), 3);
  std::vector<int> runs(50, 0);
  std::mutex m;
  std::set<std::thread::id> ids;
  pool.run(50, [&](int p) {
    ++runs[p];  // each part writes only its own slot
    std::lock_guard lock(m);
    ids.insert(std::this_thread::get_id());
  });
  EXPECT_EQ(runs, std::vector<int>(50, 1));
  EXPECT_LE(ids.size(), 3u) << "the caller and two workers";
}

TEST(ThreadPool, TheCallerTakesEveryPartWhenNoWorkerComes) {
  // A worker held up (here: by a part that waits for all the others) must not
  // hold up the job: the caller takes the remaining parts itself.
  ThreadPool pool(2);
  std::atomic<int> done{0};
  std::atomic<bool> worker_blocked{false};
  const auto me = std::this_thread::get_id();
  pool.run(20, [&](int) {
    if (std::this_thread::get_id() != me && !worker_blocked.exchange(true)) {
      while (done.load() < 19) std::this_thread::yield();   // the other 19 finish without it
    }
    ++done;
  });
  EXPECT_EQ(done.load(), 20);
}

TEST(ThreadPool, FewerPartsThanThreadsLeavesTheRestIdle) {
  ThreadPool pool(4);
  std::atomic<int> sum{0};
  pool.run(2, [&](int p) { sum += 10 + p; });
  EXPECT_EQ(sum.load(), 10 + 11);
}

TEST(ThreadPool, TenThousandShortJobsInARowEachComplete) {
  // The hand-off (a spin, then a condition variable) must never lose a wake-up
  // or let a job start before the previous one ended.
  ThreadPool pool(2);
  std::vector<long> a(4, 0);
  for (int job = 0; job < 10000; ++job) {
    pool.run(1 + job % 4, [&](int p) { a[p] += job; });   // 1 to 4 parts
  }
  std::vector<long> expected(4, 0);
  for (int job = 0; job < 10000; ++job)
    for (int p = 0; p < 1 + job % 4; ++p) expected[p] += job;
  EXPECT_EQ(a, expected);
}

TEST(ThreadPool, OneThreadRunsOnTheCaller) {
  ThreadPool pool(1);
  EXPECT_EQ(pool.size(), 1);
  std::thread::id who;
  pool.run(1, [&](int) { who = std::this_thread::get_id(); });
  EXPECT_EQ(who, std::this_thread::get_id());
}

TEST(Threads, NativeBuildsStartWithOneThreadAndStartAPoolWhenAsked) {
  // One thread by default: no pool, every loop and product on the caller.
  EXPECT_EQ(thread_count(), 1);
  EXPECT_EQ(shared_pool(), nullptr);
  // Asked for more (as the native tests do, to check that splitting changes
  // no number), a native build starts the same pool as the wasm threads build.
  EXPECT_EQ(set_thread_count(4), 4);
  ASSERT_NE(shared_pool(), nullptr);
  EXPECT_EQ(shared_pool()->size(), 4);
  // Back to one: the pool is kept (asleep) but no longer used.
  EXPECT_EQ(set_thread_count(1), 1);
  EXPECT_EQ(shared_pool(), nullptr);
  EXPECT_EQ(set_thread_count(100), kMaxThreads);  // clamped
  EXPECT_EQ(set_thread_count(1), 1);
}

}  // namespace
}  // namespace scratchnet::kernels
