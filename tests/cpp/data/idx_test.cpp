// Tests for cpp/data/idx.*: round trips, one hand-broken buffer per error
// code, gzip natively, random bytes never crash, and the real files
// (bundled MNIST, Debian's Fashion-MNIST) when they are present.
#include "data/idx.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/rng.hpp"
#include "../error_of.hpp"

namespace {

using scratchnet::Error;
using scratchnet::IdxArray;
using Bytes = std::vector<std::uint8_t>;

using scratchnet::testing::error_of;

std::string read_error(const Bytes& b, std::string* message = nullptr) {
  return error_of([&] { scratchnet::read_idx(b.data(), b.size()); }, message);
}

// gzip with zlib (windowBits 15 + 16 = gzip wrapper), like `gzip -c`.
Bytes gzip(const Bytes& in) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  Bytes out(deflateBound(&z, static_cast<uLong>(in.size())) + 32);
  z.next_in = const_cast<Bytef*>(in.data());
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

IdxArray sample_images(std::uint32_t n, std::uint32_t h, std::uint32_t w) {
  IdxArray a;
  a.dims = {n, h, w};
  for (std::uint32_t i = 0; i < n * h * w; ++i) a.values.push_back(static_cast<std::uint8_t>(i * 37 + 5));
  return a;
}

IdxArray sample_labels(std::vector<std::uint8_t> labels) {
  IdxArray a;
  a.dims = {static_cast<std::uint32_t>(labels.size())};
  a.values = std::move(labels);
  return a;
}

TEST(Idx, WriteThenReadGivesTheSameArray) {
  const IdxArray images = sample_images(3, 2, 4);
  const Bytes bytes = scratchnet::write_idx(images);
  // 00 00 08 03, then 3, 2, 4 as big-endian uint32.
  const Bytes header = {0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 4};
  ASSERT_EQ(bytes.size(), header.size() + 24);
  EXPECT_TRUE(std::equal(header.begin(), header.end(), bytes.begin()));
  const IdxArray back = scratchnet::read_idx(bytes.data(), bytes.size());
  EXPECT_EQ(back.dims, images.dims);
  EXPECT_EQ(back.values, images.values);
  EXPECT_EQ(back.elements(), 24u);
}

TEST(Idx, BigEndianDims) {
  IdxArray a;
  a.dims = {70000};  // 0x00011170
  a.values.assign(70000, 1);
  const Bytes b = scratchnet::write_idx(a);
  EXPECT_EQ(b[4], 0x00);
  EXPECT_EQ(b[5], 0x01);
  EXPECT_EQ(b[6], 0x11);
  EXPECT_EQ(b[7], 0x70);
  EXPECT_EQ(scratchnet::read_idx(b.data(), b.size()).dims[0], 70000u);
}

TEST(Idx, GzipRoundTrip) {
  const IdxArray images = sample_images(50, 28, 28);
  const Bytes gz = gzip(scratchnet::write_idx(images));
  ASSERT_EQ(gz[0], 0x1f);
  ASSERT_EQ(gz[1], 0x8b);
  const IdxArray back = scratchnet::read_idx(gz.data(), gz.size());
  EXPECT_EQ(back.dims, images.dims);
  EXPECT_EQ(back.values, images.values);
}

TEST(Idx, MakeDatasetScalesPixelsAndKeepsShape) {
  const IdxArray images = sample_images(3, 2, 4);
  const scratchnet::Dataset d =
      scratchnet::make_idx_dataset(images, sample_labels({2, 0, 9}), 10, "tiny");
  EXPECT_EQ(d.name, "tiny");
  EXPECT_EQ(d.size(), 3);
  EXPECT_EQ(d.features(), 8);
  EXPECT_EQ(d.height, 2);
  EXPECT_EQ(d.width, 4);
  EXPECT_EQ(d.classes, 10);
  EXPECT_EQ(d.labels, (std::vector<std::int32_t>{2, 0, 9}));
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 8; ++k)
      EXPECT_FLOAT_EQ(d.x(i, k), images.values[static_cast<std::size_t>(i * 8 + k)] / 255.0f);
}

// ---- one broken buffer per error code ------------------------------------

TEST(IdxErrors, BadMagic) {
  EXPECT_EQ(read_error({1, 0, 8, 1, 0, 0, 0, 1, 7}), "idx.bad_magic");
  EXPECT_EQ(read_error({'h', 'e', 'l', 'l', 'o'}), "idx.bad_magic");
  EXPECT_EQ(read_error({0, 7}), "idx.bad_magic");
}

TEST(IdxErrors, BadType) {
  std::string msg;
  EXPECT_EQ(read_error({0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0}, &msg), "idx.bad_type");
  EXPECT_NE(msg.find("0x0d"), std::string::npos) << msg;
  EXPECT_EQ(read_error({0, 0, 0x42, 1, 0, 0, 0, 0}), "idx.bad_type");
}

TEST(IdxErrors, BadDims) {
  EXPECT_EQ(read_error({0, 0, 8, 0}), "idx.bad_dims");
  const IdxArray labels = sample_labels({1, 2});
  IdxArray flat;  // 2-D "images"
  flat.dims = {2, 4};
  flat.values.assign(8, 0);
  EXPECT_EQ(error_of([&] { scratchnet::make_idx_dataset(flat, labels); }), "idx.bad_dims");
  const IdxArray images = sample_images(2, 2, 2);
  EXPECT_EQ(error_of([&] { scratchnet::make_idx_dataset(images, images); }), "idx.bad_dims");
  IdxArray wrong = sample_images(1, 1, 1);  // values do not match dims
  wrong.values.push_back(0);
  EXPECT_EQ(error_of([&] { scratchnet::write_idx(wrong); }), "idx.bad_dims");
}

TEST(IdxErrors, TruncatedSaysExpectedAndGot) {
  Bytes b = scratchnet::write_idx(sample_images(3, 2, 2));  // 16 + 12 = 28 bytes
  b.resize(20);
  std::string msg;
  EXPECT_EQ(read_error(b, &msg), "idx.truncated");
  EXPECT_NE(msg.find("28"), std::string::npos) << msg;
  EXPECT_NE(msg.find("20"), std::string::npos) << msg;
  EXPECT_EQ(read_error({}), "idx.truncated");
  EXPECT_EQ(read_error({0, 0, 8}), "idx.truncated");
  EXPECT_EQ(read_error({0, 0, 8, 3, 0, 0}), "idx.truncated");  // dims cut off
}

TEST(IdxErrors, TrailingBytes) {
  Bytes b = scratchnet::write_idx(sample_labels({1, 2, 3}));
  b.push_back(0);
  EXPECT_EQ(read_error(b), "idx.trailing_bytes");
}

TEST(IdxErrors, LabelOutOfRangeNamesIndexAndValue) {
  std::string msg;
  EXPECT_EQ(error_of([&] {
              scratchnet::make_idx_dataset(sample_images(3, 2, 2), sample_labels({1, 2, 12}));
            }, &msg),
            "idx.label_out_of_range");
  EXPECT_NE(msg.find("#2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("12"), std::string::npos) << msg;
  EXPECT_EQ(error_of([&] {
              scratchnet::make_idx_dataset(sample_images(2, 1, 1), sample_labels({0, 2}), 2);
            }),
            "idx.label_out_of_range");
}

TEST(IdxErrors, CountMismatch) {
  EXPECT_EQ(error_of([&] {
              scratchnet::make_idx_dataset(sample_images(3, 2, 2), sample_labels({1, 2}));
            }),
            "idx.count_mismatch");
}

TEST(IdxErrors, SizeTooLargeBeforeAllocating) {
  // 2^32-1 cubed overflows 64 bits; 65536 x 32768 = 2 GiB exceeds the limit.
  EXPECT_EQ(read_error({0, 0, 8, 3, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255}),
            "size.too_large");
  EXPECT_EQ(read_error({0, 0, 8, 2, 0, 1, 0, 0, 0, 0, 128, 0}), "size.too_large");
  EXPECT_EQ(read_error(gzip({0, 0, 8, 2, 0, 1, 0, 0, 0, 0, 128, 0})), "size.too_large");
}

TEST(IdxErrors, LyingGzipHeaderIsTruncatedNotAHugeAllocation) {
  // Claims 60000x28x28 (47 MB) but holds 10 pixels.
  Bytes b = {0, 0, 8, 3, 0, 0, 0xea, 0x60, 0, 0, 0, 28, 0, 0, 0, 28};
  b.insert(b.end(), 10, 7);
  std::string msg;
  EXPECT_EQ(read_error(gzip(b), &msg), "idx.truncated");
  EXPECT_NE(msg.find("47040016"), std::string::npos) << msg;  // expected bytes
  EXPECT_NE(msg.find("26"), std::string::npos) << msg;        // got bytes
}

TEST(IdxErrors, GzipCorrupt) {
  EXPECT_EQ(read_error({0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}), "gzip.corrupt");
  Bytes gz = gzip(scratchnet::write_idx(sample_images(4, 3, 3)));
  Bytes bad_crc = gz;
  bad_crc[bad_crc.size() - 6] ^= 0xFF;  // inside the CRC-32 trailer
  EXPECT_EQ(read_error(bad_crc), "gzip.corrupt");
  Bytes junk_after = gz;
  junk_after.push_back(0);
  EXPECT_EQ(read_error(junk_after), "gzip.corrupt");
  Bytes no_trailer = gz;
  no_trailer.resize(gz.size() - 8);  // all data there, CRC + size missing
  EXPECT_EQ(read_error(no_trailer), "gzip.corrupt");
  Bytes cut = gz;
  cut.resize(gz.size() / 2);
  EXPECT_EQ(read_error(cut), "idx.truncated");
}

TEST(IdxErrors, DatasetClassesMustBeSensible) {
  EXPECT_EQ(error_of([&] {
              scratchnet::make_idx_dataset(sample_images(1, 1, 1), sample_labels({0}), 0);
            }),
            "dataset.bad_classes");
}

TEST(IdxErrors, MissingFile) {
  EXPECT_EQ(error_of([] { scratchnet::read_idx_file("/nonexistent/x-idx3-ubyte"); }),
            "io.cannot_open");
}

// ---- never crash ----------------------------------------------------------

TEST(IdxRobustness, RandomBytesAndMutationsNeverCrash) {
  scratchnet::Rng rng(2024);
  const Bytes raw = scratchnet::write_idx(sample_images(5, 4, 4));
  const Bytes gz = gzip(raw);
  int loaded = 0, refused = 0;
  for (int round = 0; round < 3000; ++round) {
    Bytes b;
    if (round % 3 == 0) {  // pure noise, sometimes starting like IDX/gzip
      b.resize(rng.next_u32() % 64);
      for (auto& v : b) v = static_cast<std::uint8_t>(rng.next_u32());
      if (b.size() >= 4 && round % 2) b[0] = b[1] = 0, b[2] = 8, b[3] = b[3] % 4;
    } else {
      b = round % 3 == 1 ? raw : gz;
      const int edits = 1 + static_cast<int>(rng.next_u32() % 4);
      for (int e = 0; e < edits; ++e) {
        const std::uint32_t kind = rng.next_u32() % 3;
        if (kind == 0 && !b.empty()) b[rng.next_u32() % b.size()] = static_cast<std::uint8_t>(rng.next_u32());
        if (kind == 1 && !b.empty()) b.resize(rng.next_u32() % b.size());
        if (kind == 2) b.insert(b.begin() + (b.empty() ? 0 : rng.next_u32() % b.size()), static_cast<std::uint8_t>(rng.next_u32()));
      }
    }
    try {
      const IdxArray a = scratchnet::read_idx(b.data(), b.size());
      EXPECT_EQ(a.values.size(), a.elements());
      ++loaded;
    } catch (const Error&) {
      ++refused;
    }
  }
  EXPECT_EQ(loaded + refused, 3000);
  EXPECT_GT(refused, 0);
}

// ---- the real files -------------------------------------------------------

void expect_mnist_like(const scratchnet::Dataset& d, scratchnet::Index n) {
  EXPECT_EQ(d.size(), n);
  EXPECT_EQ(d.height, 28);
  EXPECT_EQ(d.width, 28);
  EXPECT_EQ(d.features(), 784);
  EXPECT_EQ(d.classes, 10);
  std::vector<int> per_class(10, 0);
  for (auto label : d.labels) {
    ASSERT_GE(label, 0);
    ASSERT_LT(label, 10);
    ++per_class[static_cast<std::size_t>(label)];
  }
  for (int c : per_class) EXPECT_GT(c, 0);
  EXPECT_GE(d.x.minCoeff(), 0.0f);
  EXPECT_LE(d.x.maxCoeff(), 1.0f);
  EXPECT_FLOAT_EQ(d.x.maxCoeff(), 1.0f);  // some pixel is fully inked
}

scratchnet::Dataset load_pair(const std::string& images, const std::string& labels) {
  return scratchnet::make_idx_dataset(scratchnet::read_idx_file(images),
                                      scratchnet::read_idx_file(labels));
}

TEST(IdxFiles, BundledMnist) {
  const std::string dir = std::string(SCRATCHNET_SOURCE_DIR) + "/web/public/data/mnist/";
  if (!std::filesystem::exists(dir + "train-images-idx3-ubyte.gz")) {
    GTEST_SKIP() << "no bundled MNIST; run: node scripts/make-mnist-idx.mjs";
  }
  expect_mnist_like(load_pair(dir + "train-images-idx3-ubyte.gz", dir + "train-labels-idx1-ubyte.gz"), 8000);
  expect_mnist_like(load_pair(dir + "test-images-idx3-ubyte.gz", dir + "test-labels-idx1-ubyte.gz"), 2000);
}

TEST(IdxFiles, FashionMnistFromDebian) {
  const std::string dir = "/usr/share/datasets/fashion-mnist/";
  if (!std::filesystem::exists(dir + "train-images-idx3-ubyte.gz")) {
    GTEST_SKIP() << "apt package dataset-fashion-mnist is not installed";
  }
  expect_mnist_like(load_pair(dir + "train-images-idx3-ubyte.gz", dir + "train-labels-idx1-ubyte.gz"), 60000);
  expect_mnist_like(load_pair(dir + "t10k-images-idx3-ubyte.gz", dir + "t10k-labels-idx1-ubyte.gz"), 10000);
}

}  // namespace
