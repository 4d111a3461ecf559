// python_numpy.hpp — what the tests that ask NumPy itself need: run a shell
// command, know whether /usr/bin/python3 has numpy, and a temp file name.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace scratchnet::testing {

// Runs a shell command, returns its stdout and exit status.
inline std::string run(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    *status = -1;
    return out;
  }
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int rc = pclose(pipe);
  *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

inline bool have_numpy() {
  if (!std::filesystem::exists("/usr/bin/python3")) return false;
  int status = 0;
  run("/usr/bin/python3 -c 'import numpy' 2>/dev/null", &status);
  return status == 0;
}

inline std::string temp_path(const std::string& name) {
  // The process id keeps parallel test runs (several build dirs) apart.
  return (std::filesystem::path(::testing::TempDir()) /
          ("scratchnet_" + std::to_string(getpid()) + "_" + name))
      .string();
}

}  // namespace scratchnet::testing
