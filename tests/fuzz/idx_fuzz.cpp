// idx_fuzz.cpp — libFuzzer target for the IDX reader (data/idx.*).
//
// One input is one IDX file as a learner might drop it on the page: raw, or
// gzip when it starts with 1f 8b (inflated by io/inflate.*, zlib, exactly as
// the native build reads MNIST's .gz files). For every input we check:
//   1. read_idx either returns or throws a documented scratchnet::Error;
//   2. raw and gzip agree: the same bytes gzipped here give the same array,
//      or the same error code — so the streaming inflate path is fuzzed with
//      well-formed gzip too, not only with gzip the mutator has broken;
//   3. an accepted array paired into a Dataset (make_idx_dataset) as images
//      or as labels either gives exactly its pixels/255 and labels, or a
//      documented error (count mismatch, label ≥ classes, wrong dims).
// Run: build/fuzz/idx_fuzz tests/fuzz/corpus/idx  (scripts/fuzz.sh does it).
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "data/idx.hpp"
#include "fuzz_check.hpp"
#include "io/inflate.hpp"

namespace {

using scratchnet::Error;
using scratchnet::IdxArray;
using Bytes = std::vector<std::uint8_t>;

const std::initializer_list<const char*> kReadCodes = {
    "idx.bad_magic", "idx.bad_type",   "idx.bad_dims", "idx.truncated",
    "idx.trailing_bytes", "size.too_large", "gzip.corrupt"};
const std::initializer_list<const char*> kDatasetCodes = {
    "idx.bad_dims", "idx.count_mismatch", "idx.label_out_of_range", "size.too_large"};

Bytes gzip(const std::uint8_t* data, std::size_t size) {
  z_stream z{};
  deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  Bytes out(deflateBound(&z, static_cast<uLong>(size)) + 32);
  z.next_in = const_cast<Bytef*>(data);
  z.avail_in = static_cast<uInt>(size);
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  fuzz::check(deflate(&z, Z_FINISH) == Z_STREAM_END, "zlib deflate finishes");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Pairs images with labels; an accepted pair must hold exactly the input.
void check_dataset(const IdxArray& images, const IdxArray& labels) {
  try {
    const scratchnet::Dataset d = scratchnet::make_idx_dataset(images, labels, 10);
    fuzz::check(d.size() == images.dims[0] && d.features() == images.dims[1] * images.dims[2],
                "dataset shape is (count, height*width)");
    for (std::size_t k = 0; k < images.values.size(); ++k)
      fuzz::check(d.x.data()[k] == static_cast<float>(images.values[k]) / 255.0f, "pixel / 255");
    for (std::size_t i = 0; i < labels.values.size(); ++i)
      fuzz::check(d.labels[i] == labels.values[i] && d.labels[i] < 10, "labels kept, < classes");
  } catch (const Error& e) {
    fuzz::check_rejection(e, kDatasetCodes);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  IdxArray a;
  bool accepted = false;
  std::string code;
  try {
    a = scratchnet::read_idx(data, size);
    accepted = true;
    fuzz::check(a.values.size() == a.elements(), "values match the dims");
  } catch (const Error& e) {
    fuzz::check_rejection(e, kReadCodes);
    code = e.code();
  }

  if (!scratchnet::looks_like_gzip(data, size)) {
    const Bytes gz = gzip(data, size);
    try {
      const IdxArray b = scratchnet::read_idx(gz.data(), gz.size());
      fuzz::check(accepted && b.dims == a.dims && b.values == a.values, "gzip path reads the same array");
    } catch (const Error& e) {
      fuzz::check_rejection(e, kReadCodes);
      fuzz::check(!accepted && e.code() == code, "gzip path rejects with the same code");
    }
  }
  if (!accepted) return 0;

  // Its own values as labels (raw bytes: ≥ 10 must be refused), and the
  // 3 labels of the seed files (a count mismatch unless it has 3 images).
  IdxArray three_labels;
  three_labels.dims = {3};
  three_labels.values = {3, 5, 8};
  check_dataset(a, three_labels);
  if (a.dims.size() == 3 && a.elements() > 0) {
    IdxArray own;
    own.dims = {a.dims[0]};
    own.values.assign(a.values.begin(), a.values.begin() + a.dims[0]);
    check_dataset(a, own);
  }
  if (a.dims.size() == 1 && a.dims[0] <= (1u << 20)) {  // as labels of 1x1 images
    IdxArray images;
    images.dims = {a.dims[0], 1, 1};
    images.values.assign(a.dims[0], 128);
    check_dataset(images, a);
  }
  return 0;
}
