// Tests for cpp/io/{npy,npz,crc32,inflate}: round trips, the book's
// weights, NumPy reading our files (and us reading NumPy's), a DEFLATE
// entry, one broken buffer per error code, and 2000 mutations that must
// never crash.
#include "io/npz.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/rng.hpp"
#include "io/binary_file.hpp"
#include "io/crc32.hpp"
#include "io/npy.hpp"
#include "../error_of.hpp"
#include "../python_numpy.hpp"

namespace {

using scratchnet::Error;
using scratchnet::Matrix;
using scratchnet::NamedArrays;
using Bytes = std::vector<std::uint8_t>;

const std::string kRoot = SCRATCHNET_SOURCE_DIR;

using scratchnet::testing::error_of;

std::string load_error(const Bytes& b, std::string* message = nullptr) {
  return error_of([&] { scratchnet::load_npz(b.data(), b.size()); }, message);
}

Matrix<float> counting(int rows, int cols, float scale) {
  Matrix<float> m(rows, cols);
  for (int i = 0; i < m.size(); ++i) m.data()[i] = scale * static_cast<float>(i) - 1.5f;
  return m;
}

NamedArrays sample_arrays() {
  return {{"W1", counting(3, 4, 0.25f)}, {"b1", counting(1, 4, -0.5f)}, {"W2", counting(4, 2, 1e-3f)}};
}

// A .npy with a hand-written header dict (padded like NumPy) and data.
Bytes npy(const std::string& dict, const Bytes& data) {
  std::string header = dict;
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  Bytes out = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, static_cast<std::uint8_t>(header.size()),
               static_cast<std::uint8_t>(header.size() >> 8)};
  for (char c : header) out.push_back(static_cast<std::uint8_t>(c));  // (insert() trips a GCC 12 false warning)
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

Bytes floats_bytes(const std::vector<float>& v) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(v.data());
  return Bytes(p, p + v.size() * sizeof(float));
}

// raw DEFLATE (no zlib/gzip wrapper), as inside a zip entry.
Bytes deflate_raw(const Bytes& in) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY), Z_OK);
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

// A minimal zip writer for tests, able to produce what save_npz never
// does: DEFLATE entries, odd methods, flags, wrong CRCs.
struct ZipEntry {
  std::string name;
  Bytes content;            // uncompressed
  std::uint16_t method = 0;  // 0 stored, 8 deflate
  std::uint16_t flags = 0;
  std::int64_t crc_override = -1;
};

void put16(Bytes& b, std::uint32_t v) { b.push_back(v & 0xFF), b.push_back((v >> 8) & 0xFF); }
void put32(Bytes& b, std::uint32_t v) { put16(b, v & 0xFFFF), put16(b, v >> 16); }

Bytes make_zip(const std::vector<ZipEntry>& entries) {
  Bytes out, central;
  for (const auto& e : entries) {
    const Bytes payload = e.method == 8 ? deflate_raw(e.content) : e.content;
    const std::uint32_t crc = e.crc_override >= 0 ? static_cast<std::uint32_t>(e.crc_override)
                                                  : scratchnet::crc32(e.content.data(), e.content.size());
    const auto offset = static_cast<std::uint32_t>(out.size());
    for (Bytes* b : {&out, &central}) {
      const bool local = b == &out;
      put32(*b, local ? 0x04034b50 : 0x02014b50);
      if (!local) put16(*b, 20);
      put16(*b, 20), put16(*b, e.flags), put16(*b, e.method), put16(*b, 0), put16(*b, 0x21);
      put32(*b, crc), put32(*b, static_cast<std::uint32_t>(payload.size()));
      put32(*b, static_cast<std::uint32_t>(e.content.size()));
      put16(*b, static_cast<std::uint32_t>(e.name.size())), put16(*b, 0);
      if (!local) put16(*b, 0), put16(*b, 0), put16(*b, 0), put32(*b, 0), put32(*b, offset);
      b->insert(b->end(), e.name.begin(), e.name.end());
      if (local) b->insert(b->end(), payload.begin(), payload.end());
    }
  }
  const auto cd_offset = static_cast<std::uint32_t>(out.size());
  out.insert(out.end(), central.begin(), central.end());
  put32(out, 0x06054b50), put16(out, 0), put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size())), put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size())), put32(out, cd_offset), put16(out, 0);
  return out;
}

const Bytes kGoodNpy = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }",
                           floats_bytes({1, 2, 3, 4}));

using scratchnet::testing::have_numpy;
using scratchnet::testing::run;
using scratchnet::testing::temp_path;

// ---- checksums ----------------------------------------------------------------

TEST(Crc32, KnownValueAndTableMatchesZlib) {
  const std::string check = "123456789";
  const auto* p = reinterpret_cast<const std::uint8_t*>(check.data());
  EXPECT_EQ(scratchnet::crc32(p, check.size()), 0xCBF43926u);
  EXPECT_EQ(scratchnet::detail::crc32_table(p, check.size()), 0xCBF43926u);
  scratchnet::Rng rng(5);
  Bytes data(10007);
  for (auto& v : data) v = static_cast<std::uint8_t>(rng.next_u32());
  EXPECT_EQ(scratchnet::crc32(data.data(), data.size()),
            scratchnet::detail::crc32_table(data.data(), data.size()));
  // Running checksum over two pieces == checksum of the whole.
  const std::uint32_t first = scratchnet::crc32(data.data(), 100);
  EXPECT_EQ(scratchnet::crc32(data.data() + 100, data.size() - 100, first),
            scratchnet::crc32(data.data(), data.size()));
}

// ---- round trips ----------------------------------------------------------

TEST(Npz, SaveThenLoadGivesTheSameArrays) {
  const NamedArrays arrays = sample_arrays();
  const Bytes bytes = scratchnet::save_npz(arrays);
  const NamedArrays back = scratchnet::load_npz(bytes.data(), bytes.size());
  ASSERT_EQ(back.size(), arrays.size());
  for (std::size_t i = 0; i < arrays.size(); ++i) {
    EXPECT_EQ(back[i].first, arrays[i].first);
    EXPECT_EQ(back[i].second.rows(), arrays[i].second.rows());
    EXPECT_EQ(back[i].second.cols(), arrays[i].second.cols());
    EXPECT_EQ(back[i].second, arrays[i].second);  // bit-exact
  }
  EXPECT_EQ(scratchnet::save_npz(back), bytes);  // reproducible bytes
}

TEST(Npz, BiasIsWrittenOneDimensional) {
  const Bytes b = scratchnet::write_npy(counting(1, 4, 1), true);
  const std::string header(b.begin() + 10, b.begin() + 10 + b[8]);
  EXPECT_NE(header.find("'shape': (4,)"), std::string::npos) << header;
  EXPECT_EQ((10 + header.size()) % 64, 0u);
  EXPECT_EQ(header.back(), '\n');
  const Bytes w = scratchnet::write_npy(counting(3, 4, 1), false);
  EXPECT_NE(std::string(w.begin(), w.begin() + 80).find("'shape': (3, 4)"), std::string::npos);
}

TEST(Npz, ReadsFloat64AndVersion2Headers) {
  std::vector<double> d = {0.5, -2.0, 1e-3};
  const auto* p = reinterpret_cast<const std::uint8_t*>(d.data());
  const Bytes f8 = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", Bytes(p, p + 24));
  const NamedArrays a = scratchnet::load_npz(make_zip({{"x.npy", f8}}).data(), make_zip({{"x.npy", f8}}).size());
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].first, "x");
  ASSERT_EQ(a[0].second.rows(), 1);
  ASSERT_EQ(a[0].second.cols(), 3);
  EXPECT_FLOAT_EQ(a[0].second(0, 1), -2.0f);
  // Version 2.0: the same but with a 4-byte header length.
  Bytes v2 = kGoodNpy;
  v2[6] = 2;
  v2.insert(v2.begin() + 10, {0, 0});
  const Matrix<float> m = scratchnet::parse_npy(v2.data(), v2.size(), "v2");
  EXPECT_EQ(m(1, 1), 4.0f);
}

TEST(Npz, DeflatedEntryLoadsNatively) {
  const Bytes stored_npy = scratchnet::write_npy(counting(20, 30, 0.01f), false);
  const Bytes zip = make_zip({{"W.npy", stored_npy, 8}, {"b.npy", kGoodNpy, 0}});
  const NamedArrays a = scratchnet::load_npz(zip.data(), zip.size());
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].second, counting(20, 30, 0.01f));
  EXPECT_EQ(a[1].second(1, 0), 3.0f);
}

TEST(Npz, FileHelpersAndFindArray) {
  const std::string path = temp_path("helpers.npz");
  scratchnet::save_npz_file(path, sample_arrays());
  const NamedArrays back = scratchnet::load_npz_file(path);
  EXPECT_EQ(scratchnet::find_array(back, "W2"), counting(4, 2, 1e-3f));
  EXPECT_EQ(error_of([&] { scratchnet::find_array(back, "W9"); }), "npz.missing_array");
  std::filesystem::remove(path);
}

// ---- the book's weights ---------------------------------------------------

TEST(Npz, BookWeightsHaveTheBookShapes) {
  const NamedArrays p = scratchnet::load_npz_file(kRoot + "/models/book-ch03.npz");
  const std::vector<std::tuple<std::string, int, int>> expected = {
      {"W1", 784, 50}, {"b1", 1, 50}, {"W2", 50, 100}, {"b2", 1, 100}, {"W3", 100, 10}, {"b3", 1, 10}};
  ASSERT_EQ(p.size(), expected.size());
  for (const auto& [name, rows, cols] : expected) {
    const Matrix<float>& m = scratchnet::find_array(p, name);
    EXPECT_EQ(m.rows(), rows) << name;
    EXPECT_EQ(m.cols(), cols) << name;
  }
  // First values as NumPy prints them (W1 was Fortran-ordered in the pickle;
  // these are W1[0, 0..1] after conversion to C order).
  EXPECT_FLOAT_EQ(scratchnet::find_array(p, "W1")(0, 0), -0.007412489f);
  EXPECT_FLOAT_EQ(scratchnet::find_array(p, "W1")(0, 1), -0.007904391f);
  EXPECT_FLOAT_EQ(scratchnet::find_array(p, "b1")(0, 0), -0.067503154f);
}

// ---- NumPy interop -----------------------------------------------------------

TEST(NpzNumpy, OurFileOpensWithNpLoad) {
  if (!have_numpy()) GTEST_SKIP() << "/usr/bin/python3 with numpy not available";
  const std::string path = temp_path("ours.npz");
  scratchnet::save_npz_file(path, sample_arrays());
  int status = 0;
  const std::string out =
      run("/usr/bin/python3 " + kRoot + "/scripts/check-npz-with-numpy.py " + path, &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_NE(out.find(R"("keys": ["W1", "b1", "W2"])"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("W1": {"shape": [3, 4], "dtype": "float32")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("b1": {"shape": [4], "dtype": "float32")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("first": [-1.5, -1.25, -1.0, -0.75])"), std::string::npos) << out;
  std::filesystem::remove(path);
}

TEST(NpzNumpy, BookWeightsEqualThePickle) {
  const std::string pkl = std::string(SCRATCHNET_SHARED_DIR) + "/reference/book-ch03-sample_weight.pkl";
  if (!have_numpy() || !std::filesystem::exists(pkl)) GTEST_SKIP() << "numpy or the pickle missing";
  int status = 0;
  const std::string out = run("/usr/bin/python3 " + kRoot + "/scripts/check-npz-with-numpy.py " +
                                  kRoot + "/models/book-ch03.npz --pickle " + pkl,
                              &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find(R"("matches_pickle": {"all": true)"), std::string::npos) << out;
}

TEST(NpzNumpy, WeReadNpSavezAndNpSavezCompressed) {
  if (!have_numpy()) GTEST_SKIP() << "/usr/bin/python3 with numpy not available";
  const std::string plain = temp_path("np_plain.npz"), packed = temp_path("np_packed.npz");
  int status = 0;
  run("/usr/bin/python3 -c \"import numpy as np; "
      "a = np.arange(12, dtype=np.float32).reshape(3, 4); b = np.linspace(0, 1, 5); "
      "np.savez('" + plain + "', a=a, b=b); np.savez_compressed('" + packed + "', a=a, b=b)\"",
      &status);
  ASSERT_EQ(status, 0);
  for (const std::string& path : {plain, packed}) {
    const NamedArrays p = scratchnet::load_npz_file(path);
    ASSERT_EQ(p.size(), 2u) << path;
    const Matrix<float> a = (counting(3, 4, 1.0f).array() + 1.5f).matrix();  // 0, 1, ..., 11
    EXPECT_EQ(scratchnet::find_array(p, "a"), a);
    const Matrix<float>& b = scratchnet::find_array(p, "b");  // float64 (5,) -> (1, 5)
    ASSERT_EQ(b.rows(), 1);
    ASSERT_EQ(b.cols(), 5);
    EXPECT_FLOAT_EQ(b(0, 3), 0.75f);
    std::filesystem::remove(path);
  }
}

// ---- one broken buffer per error code ------------------------------------

TEST(NpzErrors, NotZip) {
  EXPECT_EQ(load_error({'h', 'e', 'l', 'l', 'o'}), "npz.not_zip");
  std::string msg;
  EXPECT_EQ(load_error(kGoodNpy, &msg), "npz.not_zip");
  EXPECT_NE(msg.find(".npy"), std::string::npos) << msg;
}

TEST(NpzErrors, Truncated) {
  const Bytes good = scratchnet::save_npz(sample_arrays());
  EXPECT_EQ(load_error({}), "npz.truncated");
  EXPECT_EQ(load_error(Bytes(good.begin(), good.begin() + static_cast<long>(good.size() / 2))), "npz.truncated");
  // Data cut inside the .npy: shape (2, 2) but only 3 floats.
  Bytes short_npy = kGoodNpy;
  short_npy.resize(short_npy.size() - 4);
  EXPECT_EQ(load_error(make_zip({{"x.npy", short_npy}})), "npz.truncated");
  // Central directory pointing past the end.
  Bytes bad_offset = make_zip({{"x.npy", kGoodNpy}});
  bad_offset[bad_offset.size() - 6] = 0xF0;
  EXPECT_EQ(load_error(bad_offset), "npz.truncated");
}

TEST(NpzErrors, BadEntry) {
  std::string msg;
  EXPECT_EQ(load_error(make_zip({{"x.npy", kGoodNpy, 0, 0, 1234}}), &msg), "npz.bad_entry");
  EXPECT_NE(msg.find("CRC"), std::string::npos) << msg;
  EXPECT_EQ(load_error(make_zip({{"notes.txt", kGoodNpy}})), "npz.bad_entry");
  EXPECT_EQ(load_error(make_zip({{"x.npy", kGoodNpy, 12}})), "npz.bad_entry");      // bzip2
  EXPECT_EQ(load_error(make_zip({{"x.npy", kGoodNpy, 0, 1}})), "npz.bad_entry");    // encrypted
  EXPECT_EQ(load_error(make_zip({{"x.npy", kGoodNpy}, {"x.npy", kGoodNpy}})), "npz.bad_entry");
  Bytes garbled = make_zip({{"x.npy", kGoodNpy, 8}});
  garbled[30 + 5] ^= 0xFF;  // inside the deflate stream
  garbled[30 + 6] ^= 0xFF;
  EXPECT_EQ(load_error(garbled), "npz.bad_entry");
}

TEST(NpzErrors, NpyBadHeader) {
  EXPECT_EQ(load_error(make_zip({{"x.npy", npy("{'descr': '<f4', 'shape': (2, 2), }", floats_bytes({1, 2, 3, 4}))}})),
            "npy.bad_header");
  EXPECT_EQ(load_error(make_zip({{"x.npy", npy("not a dict", {})}})), "npy.bad_header");
  EXPECT_EQ(load_error(make_zip({{"x.npy", Bytes{'j', 'u', 'n', 'k'}}})), "npy.bad_header");
}

TEST(NpzErrors, NpyBadDtype) {
  std::string msg;
  EXPECT_EQ(load_error(make_zip({{"x.npy", npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", Bytes(8, 0))}}), &msg),
            "npy.bad_dtype");
  EXPECT_NE(msg.find("<i8"), std::string::npos) << msg;
}

TEST(NpzErrors, NpyBadShape) {
  EXPECT_EQ(load_error(make_zip({{"x.npy", npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", floats_bytes({1, 2, 3, 4}))}})),
            "npy.bad_shape");
  EXPECT_EQ(load_error(make_zip({{"x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 2), }", floats_bytes({1, 2, 3, 4}))}})),
            "npy.bad_shape");
  EXPECT_EQ(load_error(make_zip({{"x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", floats_bytes({1}))}})),
            "npy.bad_shape");
  EXPECT_EQ(load_error(make_zip({{"x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", floats_bytes({1, 2, 3, 4}))}})),
            "npy.bad_shape");  // one float too many
}

TEST(NpzErrors, SizeTooLarge) {
  EXPECT_EQ(load_error(make_zip({{"x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", {})}})),
            "size.too_large");
  EXPECT_EQ(load_error(make_zip({{"x.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (18446744073709551615, 2), }", {})}})),
            "size.too_large");
}

TEST(NpzErrors, SaveRefusesBadNames) {
  EXPECT_EQ(error_of([] { scratchnet::save_npz({{"a", counting(1, 1, 1)}, {"a", counting(1, 1, 1)}}); }),
            "npz.bad_name");
  EXPECT_EQ(error_of([] { scratchnet::save_npz({{"", counting(1, 1, 1)}}); }), "npz.bad_name");
}

// ---- never crash ----------------------------------------------------------

TEST(NpzRobustness, TwoThousandMutationsNeverCrash) {
  scratchnet::Rng rng(1234);
  const Bytes stored = scratchnet::save_npz(sample_arrays());
  const Bytes deflated = make_zip({{"W.npy", scratchnet::write_npy(counting(6, 5, 0.1f), false), 8},
                                   {"b.npy", scratchnet::write_npy(counting(1, 5, 0.1f), true), 0}});
  int loaded = 0, refused = 0;
  for (int round = 0; round < 2000; ++round) {
    Bytes b = round % 4 == 3 ? deflated : stored;
    const int edits = 1 + static_cast<int>(rng.next_u32() % 6);
    for (int e = 0; e < edits; ++e) {
      const std::uint32_t kind = rng.next_u32() % 8;
      const std::size_t at = b.empty() ? 0 : rng.next_u32() % b.size();
      if (kind <= 4 && !b.empty()) b[at] = static_cast<std::uint8_t>(rng.next_u32());  // overwrite
      if (kind == 5 && !b.empty()) b[at] ^= static_cast<std::uint8_t>(1u << (rng.next_u32() % 8));
      if (kind == 6) b.resize(at);                                                      // cut
      if (kind == 7) b.insert(b.begin() + static_cast<long>(at), static_cast<std::uint8_t>(rng.next_u32()));
    }
    try {
      const NamedArrays a = scratchnet::load_npz(b.data(), b.size());
      ++loaded;
      for (const auto& [name, m] : a) EXPECT_GE(m.size(), 0) << name;
    } catch (const Error&) {
      ++refused;
    }
  }
  EXPECT_EQ(loaded + refused, 2000);
  EXPECT_GT(refused, 1000);
  std::printf("mutations: %d loaded, %d refused with scratchnet::Error\n", loaded, refused);
}

}  // namespace
