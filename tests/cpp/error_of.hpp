// error_of.hpp — what the tests of bad input ask: which scratchnet::Error
// code did this call throw, and with what message?
#pragma once

#include <string>

#include "core/error.hpp"

namespace scratchnet::testing {

// The code of the scratchnet::Error `f` throws ("" when it returns); its
// message goes to *message when asked for.
template <class F>
std::string error_of(F&& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  return "";
}

}  // namespace scratchnet::testing
