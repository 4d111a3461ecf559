// parallel_for_test.cpp — element-wise loops split over the pool (cpp/kernels/parallel_for.hpp):
// every element is visited exactly once, by as many parts as the size allows,
// with range edges on multiples of 16 for long loops, and on the caller alone
// with one thread. Native builds have the pool too (threads.hpp), so these
// run here with std::thread.
#include "kernels/parallel_for.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <utility>
#include <vector>

#include "kernels/threads.hpp"

namespace scratchnet::kernels {
namespace {

// Puts the shared pool back to one thread when a test ends, whatever happens.
struct Threads {
  explicit Threads(int n) { set_thread_count(n); }
  ~Threads() { set_thread_count(1); }
};

std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> ranges_of(std::ptrdiff_t n, std::ptrdiff_t grain) {
  std::mutex m;
  std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> ranges;
  parallel_for(n, grain, [&](std::ptrdiff_t b, std::ptrdiff_t e) {
    std::lock_guard lock(m);
    ranges.emplace_back(b, e);
  });
  return ranges;
}

TEST(ParallelFor, EveryElementExactlyOnceOnThreeThreads) {
  Threads threads(3);
  ASSERT_EQ(thread_count(), 3);
  // 235,146: the parameters of 784-256-128-10; 32,768: Relu1 of its batch of 128.
  for (std::ptrdiff_t n : {0, 1, 100, 16383, 16384, 32768, 100000, 235146}) {
    std::vector<std::atomic<int>> seen(static_cast<std::size_t>(n));
    parallel_for(n, kParallelGrain, [&](std::ptrdiff_t b, std::ptrdiff_t e) {
      for (std::ptrdiff_t i = b; i < e; ++i) ++seen[static_cast<std::size_t>(i)];
    });
    for (std::ptrdiff_t i = 0; i < n; ++i) ASSERT_EQ(seen[static_cast<std::size_t>(i)].load(), 1) << "n " << n << " i " << i;
  }
}

TEST(ParallelFor, PartsFollowTheSizeAndEdgesStayAligned) {
  Threads threads(2);
  // below 2 grains: one range, the whole loop
  EXPECT_EQ(parallel_parts(2 * kParallelGrain - 1), 1);
  EXPECT_EQ(ranges_of(2 * kParallelGrain - 1, kParallelGrain).size(), 1u);
  // 2 threads × 2 parts each, at most n / grain
  EXPECT_EQ(parallel_parts(2 * kParallelGrain), 2);
  EXPECT_EQ(parallel_parts(3 * kParallelGrain), 3);
  EXPECT_EQ(parallel_parts(235146), 4);
  for (const auto& [b, e] : ranges_of(235146, kParallelGrain)) {
    EXPECT_EQ(b % 16, 0) << "a range starts at " << b;
    EXPECT_LT(b, e);
  }
  // a short loop (rows of a batch: grain 10 rows) is cut anywhere
  EXPECT_EQ(ranges_of(100, 10).size(), 4u);
}

TEST(ParallelFor, OneThreadRunsTheWholeLoopOnTheCaller) {
  ASSERT_EQ(thread_count(), 1);
  EXPECT_EQ(shared_pool(), nullptr);
  EXPECT_EQ(parallel_parts(1 << 20), 1);
  const auto ranges = ranges_of(1 << 20, kParallelGrain);
  ASSERT_EQ(ranges.size(), 1u);
  EXPECT_EQ(ranges[0], std::make_pair(std::ptrdiff_t{0}, std::ptrdiff_t{1 << 20}));
}

TEST(ParallelFor, CountsOnePoolJobPerSplitLoop) {
  Threads threads(2);
  const auto before = parallel_jobs();
  parallel_for(1 << 16, kParallelGrain, [](std::ptrdiff_t, std::ptrdiff_t) {});  // split
  parallel_for(100, kParallelGrain, [](std::ptrdiff_t, std::ptrdiff_t) {});      // not split
  EXPECT_EQ(parallel_jobs() - before, 1u);
}

}  // namespace
}  // namespace scratchnet::kernels
