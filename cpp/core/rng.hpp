// rng.hpp — a small, seeded random number generator of our own.
//
// Why not std::mt19937 + std::normal_distribution? The *distributions* of the
// C++ standard library are implementation-defined: libstdc++ (native build)
// and libc++ (Emscripten) give different numbers for the same seed. With our
// own generator the same seed gives the same weights natively and in the
// browser, so a test can compare the two builds and a URL with a seed
// reproduces a run.
//
// Generator: PCG32 (O'Neill 2014) — 64-bit state, 32-bit output, tiny and
// statistically solid. Normals: Box–Muller.
#pragma once

#include <cmath>
#include <cstdint>
#include <utility>

namespace scratchnet {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 42) { reseed(seed); }

  void reseed(std::uint64_t seed) {
    state_ = 0;
    next_u32();
    state_ += seed;
    next_u32();
    has_spare_ = false;
  }

  std::uint32_t next_u32() {
    const std::uint64_t old = state_;
    state_ = old * 6364136223846793005ull + kIncrement;
    const auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
    const auto rot = static_cast<std::uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
  }

  // Uniform in [0, 1) with 24 random bits: exactly representable as float.
  double uniform() { return (next_u32() >> 8) * (1.0 / 16777216.0); }

  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Uniform integer in [0, n) without modulo bias (Lemire's method).
  std::uint32_t below(std::uint32_t n) {
    std::uint64_t m = std::uint64_t(next_u32()) * n;
    auto low = static_cast<std::uint32_t>(m);
    if (low < n) {
      const std::uint32_t threshold = (0u - n) % n;
      while (low < threshold) {
        m = std::uint64_t(next_u32()) * n;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

  // Standard normal N(0, 1) by Box–Muller; the second value is kept for the next call.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u1 = uniform();
    while (u1 <= 0.0) u1 = uniform();  // log(0) would be -inf
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double theta = 6.283185307179586 * u2;
    spare_ = r * std::sin(theta);
    has_spare_ = true;
    return r * std::cos(theta);
  }

  // Fisher–Yates shuffle of any random-access range.
  template <class It>
  void shuffle(It first, It last) {
    const auto n = last - first;
    for (auto i = n - 1; i > 0; --i) {
      const auto j = below(static_cast<std::uint32_t>(i + 1));
      std::swap(first[i], first[j]);
    }
  }

 private:
  static constexpr std::uint64_t kIncrement = 1442695040888963407ull;
  std::uint64_t state_ = 0;
  bool has_spare_ = false;
  double spare_ = 0.0;
};

}  // namespace scratchnet
