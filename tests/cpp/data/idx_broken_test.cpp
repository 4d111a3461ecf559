// The table of broken IDX files (tests/fuzz/corpus/broken.tsv): each one is
// refused with exactly its error code and a message, never a crash; every
// real seed of the fuzz corpus is accepted. The fuzzer (tests/fuzz/idx_fuzz)
// starts from the same files.
#include <gtest/gtest.h>

#include "../corpus_table.hpp"
#include "../error_of.hpp"
#include "core/error.hpp"
#include "data/idx.hpp"

namespace {

using scratchnet::Error;
using scratchnet::testing::error_of;

struct Outcome {
  std::string code, message;
};

Outcome try_file(const corpus::BrokenInput& row) {
  const auto bytes = corpus::read("idx", row.file);
  Outcome o;
  o.code = error_of([&] {
    const auto array = scratchnet::read_idx(bytes.data(), bytes.size());
    const auto partner_bytes = corpus::read("idx", row.role == "labels" ? "good-images-3.idx" : "good-labels-3.idx");
    const auto partner = scratchnet::read_idx(partner_bytes.data(), partner_bytes.size());
    if (row.role == "labels") scratchnet::make_idx_dataset(partner, array, 10);
    else scratchnet::make_idx_dataset(array, partner, 10);
  }, &o.message);
  return o;
}

TEST(IdxBroken, EveryBrokenFileIsRefusedWithItsCode) {
  const auto rows = corpus::broken("idx");
  ASSERT_GE(rows.size(), 25u);
  for (const auto& row : rows) {
    const Outcome o = try_file(row);
    EXPECT_EQ(o.code, row.code) << row.file << ": " << o.message;
    EXPECT_FALSE(o.message.empty()) << row.file;
    // Read-time errors must already happen alone; pairing errors only in a pair.
    const auto bytes = corpus::read("idx", row.file);
    if (row.role == "alone") {
      EXPECT_THROW(scratchnet::read_idx(bytes.data(), bytes.size()), Error) << row.file;
    } else {
      EXPECT_NO_THROW(scratchnet::read_idx(bytes.data(), bytes.size())) << row.file << " already fails alone";
    }
  }
  std::printf("[ idx ] %zu broken IDX files refused with the expected code\n", rows.size());
}

TEST(IdxBroken, EveryCorpusFileIsEitherGoodOrInTheTable) {
  EXPECT_EQ(corpus::unlisted("idx"), std::vector<std::string>{}) << "corpus files without an expected code";
}

TEST(IdxBroken, TheRealSeedsAreAccepted) {
  const auto images = scratchnet::read_idx_file((corpus::dir("idx") / "good-images-3.idx.gz").string());
  const auto labels = scratchnet::read_idx_file((corpus::dir("idx") / "good-labels-3.idx").string());
  const auto set = scratchnet::make_idx_dataset(images, labels, 10);
  EXPECT_EQ(set.size(), 3);
  EXPECT_EQ(set.features(), 784);
  EXPECT_EQ(set.labels, (std::vector<std::int32_t>{3, 5, 8}));  // the bundled test split's first three
  for (const auto& file : corpus::good("idx")) {
    const auto bytes = corpus::read("idx", file);
    EXPECT_NO_THROW(scratchnet::read_idx(bytes.data(), bytes.size())) << file;
  }
}

}  // namespace
