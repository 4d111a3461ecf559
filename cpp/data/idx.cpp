// idx.cpp — see idx.hpp for the format.
#include "data/idx.hpp"

#include <algorithm>
#include <functional>

#include "core/error.hpp"
#include "io/binary_file.hpp"
#include "io/inflate.hpp"

namespace scratchnet {

namespace {

constexpr std::uint8_t kTypeUbyte = 0x08;

std::string type_name(std::uint8_t type) {
  switch (type) {
    case 0x08: return "unsigned byte";
    case 0x09: return "signed byte";
    case 0x0B: return "16-bit integer";
    case 0x0C: return "32-bit integer";
    case 0x0D: return "32-bit float";
    case 0x0E: return "64-bit float";
    default: return "unknown";
  }
}

std::string hex_byte(std::uint8_t b) {
  const char* digits = "0123456789abcdef";
  return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

std::string dims_string(const std::vector<std::uint32_t>& dims) {
  std::string s = "(";
  for (std::size_t i = 0; i < dims.size(); ++i) s += (i ? ", " : "") + std::to_string(dims[i]);
  return s + (dims.size() == 1 ? ",)" : ")");
}

// Appends up to n more bytes to `out` (fewer only at the end of the data).
// Hides whether the bytes come straight from the buffer or out of the gzip
// inflater. Appending, rather than filling a buffer sized in advance, means
// memory follows the bytes that really exist: a header that lies "1 GiB
// follows" in a 100-byte file costs 100 bytes, not 1 GiB.
using Fetch = std::function<void(std::vector<std::uint8_t>& out, std::size_t n)>;

// Parses the header and the values from `fetch`. `where` is appended to
// "truncated" messages ("" or " after gunzip").
IdxArray parse(const Fetch& fetch, const std::string& where) {
  std::vector<std::uint8_t> head;
  fetch(head, 4);
  const std::size_t got_head = head.size();
  require(got_head >= 1, "idx.truncated", "the IDX data is empty" + where);
  require(head[0] == 0 && (got_head < 2 || head[1] == 0), "idx.bad_magic",
          "not an IDX file: it must start with two zero bytes, but starts with " +
              hex_byte(head[0]) + (got_head >= 2 ? " " + hex_byte(head[1]) : std::string()));
  require(got_head == 4, "idx.truncated",
          "expected a 4-byte IDX header, got " + std::to_string(got_head) + " bytes" + where);
  const std::uint8_t type = head[2];
  const int ndim = head[3];
  require(type == kTypeUbyte, "idx.bad_type",
          "IDX element type " + hex_byte(type) + " (" + type_name(type) +
              ") is not supported; only 0x08 (unsigned byte, as in MNIST) is");
  require(ndim >= 1, "idx.bad_dims", "the IDX header says 0 dimensions");

  const std::size_t dims_bytes = 4 * static_cast<std::size_t>(ndim);
  std::vector<std::uint8_t> raw_dims;
  fetch(raw_dims, dims_bytes);
  const std::size_t got_dims = raw_dims.size();
  require(got_dims == dims_bytes, "idx.truncated",
          "expected " + std::to_string(4 + dims_bytes) + " header bytes for " +
              std::to_string(ndim) + " dimensions, got " + std::to_string(4 + got_dims) + where);

  IdxArray array;
  array.dims.resize(static_cast<std::size_t>(ndim));
  for (int d = 0; d < ndim; ++d) {
    const std::uint8_t* p = &raw_dims[4 * static_cast<std::size_t>(d)];
    // Big-endian: the most significant byte comes first.
    array.dims[static_cast<std::size_t>(d)] = (std::uint32_t{p[0]} << 24) |
                                              (std::uint32_t{p[1]} << 16) |
                                              (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
  }

  const std::uint64_t elements = array.elements();  // saturates instead of overflowing
  require_allocation(elements, 1, "an IDX array of shape " + dims_string(array.dims));

  const std::size_t body = static_cast<std::size_t>(elements);
  const std::size_t header_bytes = 4 + raw_dims.size();
  fetch(array.values, body);
  const std::size_t got = array.values.size();
  require(got == body, "idx.truncated",
          "shape " + dims_string(array.dims) + " needs " + std::to_string(header_bytes + body) +
              " bytes, got " + std::to_string(header_bytes + got) + where);
  std::vector<std::uint8_t> extra;
  fetch(extra, 1);
  require(extra.empty(), "idx.trailing_bytes",
          "unexpected bytes after the " + std::to_string(header_bytes + body) +
              " bytes that shape " + dims_string(array.dims) + " needs" + where);
  return array;
}

IdxArray read_gzip_idx(const std::uint8_t* data, std::size_t size) {
  require(kHaveZlib, "gzip.unsupported_here",
          "this build cannot decompress gzip; decompress the .gz file first "
          "(the web page does this with DecompressionStream)");
  Inflater inflater(data, size, DeflateWrapper::gzip, "gzip.corrupt");
  // Inflate only as many bytes as asked for: the header first, then exactly
  // the body its dims announce (already checked against the limit).
  const Fetch fetch = [&](std::vector<std::uint8_t>& out, std::size_t n) {
    inflater.read_into(out, n);
  };
  IdxArray array = parse(fetch, " after gunzip");
  require(inflater.finished(), "gzip.corrupt",
          "the gzip stream ends without its checksum trailer (is the .gz file cut off?)");
  require(inflater.unused_input() == 0, "gzip.corrupt",
          std::to_string(inflater.unused_input()) + " unexpected bytes follow the gzip stream");
  return array;
}

}  // namespace

std::uint64_t IdxArray::elements() const {
  // Three dims of 2^32-1 overflow 64 bits: stop at UINT64_MAX instead, which
  // every allocation check then refuses. A zero dim still gives 0.
  std::uint64_t n = 1;
  bool overflow = false;
  for (std::uint32_t d : dims) {
    if (d == 0) return 0;
    if (n > UINT64_MAX / d) overflow = true;
    else n *= d;
  }
  return overflow ? UINT64_MAX : n;
}

IdxArray read_idx(const std::uint8_t* data, std::size_t size) {
  if (data == nullptr) size = 0;
  if (looks_like_gzip(data, size)) return read_gzip_idx(data, size);
  std::size_t pos = 0;
  const Fetch fetch = [&](std::vector<std::uint8_t>& out, std::size_t n) {
    const std::size_t take = std::min(n, size - pos);
    out.insert(out.end(), data + pos, data + pos + take);
    pos += take;
  };
  return parse(fetch, "");
}

IdxArray read_idx_file(const std::string& path) {
  const std::vector<std::uint8_t> bytes = read_binary_file(path);
  return read_idx(bytes.data(), bytes.size());
}

std::vector<std::uint8_t> write_idx(const IdxArray& array) {
  require(!array.dims.empty() && array.dims.size() <= 255, "idx.bad_dims",
          "an IDX array needs 1 to 255 dimensions, not " + std::to_string(array.dims.size()));
  const std::uint64_t elements = array.elements();
  require(elements == array.values.size(), "idx.bad_dims",
          "shape " + dims_string(array.dims) + " has " + std::to_string(elements) +
              " elements but " + std::to_string(array.values.size()) + " values were given");
  std::vector<std::uint8_t> out;
  out.reserve(4 + 4 * array.dims.size() + array.values.size());
  out.push_back(0);
  out.push_back(0);
  out.push_back(kTypeUbyte);
  out.push_back(static_cast<std::uint8_t>(array.dims.size()));
  for (std::uint32_t d : array.dims) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(d >> shift));
  }
  out.insert(out.end(), array.values.begin(), array.values.end());
  return out;
}

Dataset make_idx_dataset(const IdxArray& images, const IdxArray& labels, int classes,
                         const std::string& name) {
  require(classes >= 1 && classes <= 256, "dataset.bad_classes",
          "classes must be between 1 and 256, not " + std::to_string(classes));
  require(images.dims.size() == 3, "idx.bad_dims",
          "an image file must be 3-D (count, height, width), but this one has shape " +
              dims_string(images.dims));
  require(labels.dims.size() == 1, "idx.bad_dims",
          "a label file must be 1-D (count,), but this one has shape " + dims_string(labels.dims));
  const std::uint32_t n = images.dims[0], h = images.dims[1], w = images.dims[2];
  require(n > 0 && h > 0 && w > 0, "idx.bad_dims",
          "image shape " + dims_string(images.dims) + " has no pixels");
  require(labels.dims[0] == n, "idx.count_mismatch",
          std::to_string(n) + " images but " + std::to_string(labels.dims[0]) + " labels");
  require(images.values.size() == images.elements() && labels.values.size() == n,
          "idx.bad_dims", "the IDX values do not match their dims");
  const std::uint64_t pixels = std::uint64_t{h} * w;
  require_allocation(images.elements(), sizeof(float),
                     "a dataset of " + std::to_string(n) + " images of " + std::to_string(h) +
                         "x" + std::to_string(w) + " floats");
  require(pixels <= static_cast<std::uint64_t>(INT32_MAX), "size.too_large",
          "images of " + std::to_string(pixels) + " pixels are too large");

  Dataset set;
  set.name = name;
  set.classes = classes;
  set.height = static_cast<int>(h);
  set.width = static_cast<int>(w);
  set.labels.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const int label = labels.values[i];
    require(label < classes, "idx.label_out_of_range",
            "label #" + std::to_string(i) + " is " + std::to_string(label) +
                ", but there are only " + std::to_string(classes) + " classes (0.." +
                std::to_string(classes - 1) + ")");
    set.labels[i] = label;
  }
  set.x.resize(static_cast<Index>(n), static_cast<Index>(pixels));
  // Row-major Matrix and row-major IDX: pixel k of image i is values[i*H*W + k].
  float* dst = set.x.data();
  const std::size_t total = static_cast<std::size_t>(std::uint64_t{n} * pixels);
  for (std::size_t k = 0; k < total; ++k) dst[k] = static_cast<float>(images.values[k]) / 255.0f;
  return set;
}

}  // namespace scratchnet
