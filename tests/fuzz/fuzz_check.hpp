// fuzz_check.hpp — what a fuzz target asserts about a rejection.
//
// A parser may say "no" to any input, but only the way error.hpp promises:
// a scratchnet::Error whose code is one of those its header documents and
// whose message is not empty. Anything else — an unknown code, an empty
// message, another exception type (std::bad_alloc, std::out_of_range) —
// aborts, and libFuzzer saves the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>

#include "core/error.hpp"

namespace fuzz {

inline void check_rejection(const scratchnet::Error& e, std::initializer_list<const char*> codes) {
  bool known = false;
  for (const char* c : codes) known = known || e.code() == c;
  if (!known || std::string(e.what()).empty()) {
    std::fprintf(stderr, "undocumented rejection: code '%s', message '%s'\n", e.code().c_str(), e.what());
    std::abort();
  }
}

// A property the target checks on an accepted input.
inline void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "property violated: %s\n", what);
    std::abort();
  }
}

}  // namespace fuzz
