// The table of broken .npz model files (tests/fuzz/corpus/broken.tsv): each
// is refused with exactly its error code and a message — by load_npz
// (role "alone") or, once loaded, by network_from_arrays (role "network") —
// and every real seed loads into a network. The fuzzer
// (tests/fuzz/npz_fuzz) starts from the same files.
#include <gtest/gtest.h>

#include "../corpus_table.hpp"
#include "../error_of.hpp"
#include "core/error.hpp"
#include "io/npz.hpp"
#include "net/network_npz.hpp"

namespace {

using scratchnet::testing::error_of;

TEST(NpzBroken, EveryBrokenFileIsRefusedWithItsCode) {
  const auto rows = corpus::broken("npz");
  ASSERT_GE(rows.size(), 30u);
  scratchnet::NetSpec spec;
  spec.hidden = "sigmoid";
  for (const auto& row : rows) {
    const auto bytes = corpus::read("npz", row.file);
    std::string message, stage = "load";
    const std::string code = error_of([&] {
      const auto arrays = scratchnet::load_npz(bytes.data(), bytes.size());
      stage = "network";
      scratchnet::network_from_arrays(arrays, spec);
      stage = "accepted";
    }, &message);
    EXPECT_EQ(code, row.code) << row.file << ": " << message;
    EXPECT_EQ(stage, row.role == "alone" ? "load" : "network") << row.file << " failed at the wrong stage";
    EXPECT_FALSE(message.empty()) << row.file;
  }
  std::printf("[ npz ] %zu broken .npz files refused with the expected code\n", rows.size());
}

TEST(NpzBroken, EveryCorpusFileIsEitherGoodOrInTheTable) {
  EXPECT_EQ(corpus::unlisted("npz"), std::vector<std::string>{}) << "corpus files without an expected code";
}

TEST(NpzBroken, TheRealSeedsLoadIntoANetwork) {
  const auto files = corpus::good("npz");
  ASSERT_GE(files.size(), 4u);
  for (const auto& file : files) {
    const auto bytes = corpus::read("npz", file);
    const auto arrays = scratchnet::load_npz(bytes.data(), bytes.size());
    scratchnet::NetSpec spec;
    spec.batch_norm = file.find("batchnorm") != std::string::npos;
    auto net = scratchnet::network_from_arrays(arrays, spec);
    EXPECT_EQ(net.params().size(), arrays.size()) << file;
    for (const auto& p : net.params()) EXPECT_EQ(*p.value, scratchnet::find_array(arrays, p.name)) << file;
  }
}

}  // namespace
