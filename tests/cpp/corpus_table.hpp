// corpus_table.hpp — the broken inputs of tests/fuzz/corpus, as a table.
//
// scripts/make-fuzz-corpus.py writes every hand-broken file next to the
// fuzzers' seeds and lists it in tests/fuzz/corpus/broken.tsv with the error
// code it must produce. The C++ table tests (data/idx_broken_test.cpp,
// io/npz_broken_test.cpp) and the Node one (tests/node/lib/broken.test.mjs)
// read the same table, so a file added to the corpus is tested everywhere.
#pragma once

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "io/binary_file.hpp"

namespace corpus {

struct BrokenInput {
  std::string file;    // e.g. "bad-magic.idx"
  std::string role;    // alone | images | labels | network
  std::string code;    // the native build's error code
};

inline std::filesystem::path dir(const std::string& target) {
  return std::filesystem::path(SCRATCHNET_SOURCE_DIR) / "tests/fuzz/corpus" / target;
}

inline std::vector<std::uint8_t> read(const std::string& target, const std::string& file) {
  return scratchnet::read_binary_file((dir(target) / file).string());
}

// The rows of broken.tsv for one target ("idx" or "npz").
inline std::vector<BrokenInput> broken(const std::string& target) {
  std::ifstream in(std::filesystem::path(SCRATCHNET_SOURCE_DIR) / "tests/fuzz/corpus/broken.tsv");
  std::vector<BrokenInput> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string t, file, role, code;
    std::getline(fields, t, '\t');
    std::getline(fields, file, '\t');
    std::getline(fields, role, '\t');
    std::getline(fields, code, '\t');
    if (t == target) rows.push_back({file, role, code});
  }
  return rows;
}

inline bool is_good(const std::string& name) { return name.rfind("good-", 0) == 0; }

// Files of the corpus whose name starts with "good-".
inline std::vector<std::string> good(const std::string& target) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir(target))) {
    const std::string name = e.path().filename().string();
    if (is_good(name)) files.push_back(name);
  }
  return files;
}

// Files of the corpus that are neither "good-*" nor listed in broken.tsv: a file
// with no expected code, which the table tests would silently skip (should be none).
inline std::vector<std::string> unlisted(const std::string& target) {
  std::set<std::string> listed;
  for (const auto& row : broken(target)) listed.insert(row.file);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir(target))) {
    const std::string name = e.path().filename().string();
    if (!is_good(name) && !listed.count(name)) files.push_back(name);
  }
  return files;
}

}  // namespace corpus
