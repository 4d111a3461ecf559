// npy.cpp — see npy.hpp for the format.
#include "io/npy.hpp"

#include <bit>
#include <cstring>

#include "core/error.hpp"
#include "kernels/float16.hpp"

namespace scratchnet {

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr std::size_t kMagicSize = 6;

static_assert(std::endian::native == std::endian::little,
              "the .npy reader/writer copies little-endian bytes directly");

// A tiny reader for the one Python dict literal NumPy writes. It accepts the
// keys in any order and optional spaces, and nothing more exotic.
class HeaderParser {
 public:
  HeaderParser(std::string text, std::string name) : s_(std::move(text)), name_(std::move(name)) {}

  std::string descr;
  bool fortran_order = false;
  std::vector<std::uint64_t> shape;

  void parse() {
    bool has_descr = false, has_order = false, has_shape = false;
    expect('{');
    while (true) {
      skip_spaces();
      if (peek() == '}') break;
      const std::string key = quoted();
      expect(':');
      if (key == "descr") {
        descr = quoted();
        has_descr = true;
      } else if (key == "fortran_order") {
        fortran_order = boolean();
        has_order = true;
      } else if (key == "shape") {
        shape = tuple();
        has_shape = true;
      } else {
        fail("unknown key '" + key + "'");
      }
      skip_spaces();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      skip_spaces();
      if (peek() != '}') fail("expected ',' or '}'");
    }
    ++pos_;
    if (!has_descr || !has_order || !has_shape) fail("'descr', 'fortran_order' and 'shape' are required");
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw Error("npy.bad_header", "array '" + name_ + "': malformed .npy header (" + why +
                                      " at character " + std::to_string(pos_) + ")");
  }
  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void skip_spaces() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n')) ++pos_;
  }
  void expect(char c) {
    skip_spaces();
    if (peek() != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }
  std::string quoted() {
    skip_spaces();
    const char q = peek();
    if (q != '\'' && q != '"') fail("expected a quoted string");
    const std::size_t end = s_.find(q, pos_ + 1);
    if (end == std::string::npos) fail("unterminated string");
    std::string out = s_.substr(pos_ + 1, end - pos_ - 1);
    pos_ = end + 1;
    return out;
  }
  bool boolean() {
    skip_spaces();
    if (s_.compare(pos_, 4, "True") == 0) return pos_ += 4, true;
    if (s_.compare(pos_, 5, "False") == 0) return pos_ += 5, false;
    fail("expected True or False");
  }
  std::vector<std::uint64_t> tuple() {
    expect('(');
    std::vector<std::uint64_t> dims;
    while (true) {
      skip_spaces();
      if (peek() == ')') break;
      if (peek() < '0' || peek() > '9') fail("expected a dimension");
      std::uint64_t v = 0;
      while (peek() >= '0' && peek() <= '9') {
        const std::uint64_t digit = static_cast<std::uint64_t>(peek() - '0');
        if (v > (UINT64_MAX - digit) / 10) fail("dimension too large");
        v = v * 10 + digit;
        ++pos_;
      }
      if (peek() == 'L') ++pos_;  // Python 2 wrote 784L
      dims.push_back(v);
      if (dims.size() > 32) fail("too many dimensions");
      skip_spaces();
      if (peek() == ',') ++pos_;
      else if (peek() != ')') fail("expected ',' or ')'");
    }
    ++pos_;
    return dims;
  }

  std::string s_;
  std::string name_;
  std::size_t pos_ = 0;
};

std::string shape_text(const std::vector<std::uint64_t>& shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + (shape.size() == 1 ? ",)" : ")");
}

}  // namespace

NpyHeader parse_npy_header(const std::uint8_t* data, std::size_t size, const std::string& name) {
  const std::string what = "array '" + name + "'";
  require(size >= kMagicSize + 2 && std::memcmp(data, kMagic, kMagicSize) == 0,
          "npy.bad_header", what + " is not a .npy array (it must start with \\x93NUMPY)");
  const int major = data[6];
  require(major >= 1 && major <= 3, "npy.bad_header",
          what + ": unsupported .npy version " + std::to_string(major) + "." +
              std::to_string(data[7]));
  // v1.0: 2-byte header length; v2.0 and v3.0: 4 bytes (both little-endian).
  const std::size_t len_bytes = major == 1 ? 2 : 4;
  const std::size_t prefix = kMagicSize + 2 + len_bytes;
  require(size >= prefix, "npz.truncated", what + ": the .npy header is cut off");
  std::uint64_t header_len = 0;
  for (std::size_t i = 0; i < len_bytes; ++i) header_len |= std::uint64_t{data[8 + i]} << (8 * i);
  require(header_len <= size - prefix, "npz.truncated",
          what + ": the .npy header says " + std::to_string(header_len) + " bytes but only " +
              std::to_string(size - prefix) + " follow");
  HeaderParser header(std::string(reinterpret_cast<const char*>(data + prefix),
                                  static_cast<std::size_t>(header_len)),
                      name);
  header.parse();
  return {header.descr, header.fortran_order, header.shape,
          prefix + static_cast<std::size_t>(header_len)};
}

std::string npy_shape_text(const std::vector<std::uint64_t>& shape) { return shape_text(shape); }

namespace {

// 4 for '<f4', 8 for '<f8', 2 for '<f2' (C order); anything else is refused.
std::size_t float_item_size(const NpyHeader& header, const std::string& what) {
  std::size_t item = 0;
  if (header.descr == "<f4") item = 4;
  else if (header.descr == "<f8") item = 8;
  else if (header.descr == "<f2") item = 2;
  require(item != 0, "npy.bad_dtype",
          what + " has dtype '" + header.descr +
              "'; only float32 ('<f4'), float64 ('<f8') and float16 ('<f2') are supported "
              "(in Python: arr.astype(np.float32))");
  require(!header.fortran_order, "npy.bad_shape",
          what + " is stored in Fortran (column-major) order; save it with "
                 "np.ascontiguousarray(arr) first");
  return item;
}

// A float array of `rows` × `cols` numbers of `item` bytes from the data
// after `header`; every element of `header.shape` is already in rows·cols.
Matrix<float> read_floats(const std::uint8_t* data, std::size_t size, const NpyHeader& header,
                          const std::string& what, std::size_t item, std::uint64_t rows,
                          std::uint64_t cols) {
  const bool overflow = rows != 0 && cols > UINT64_MAX / rows;
  const std::uint64_t count = overflow ? UINT64_MAX : rows * cols;
  require_allocation(count, sizeof(float), what + " of shape " + shape_text(header.shape));
  require(rows <= INT32_MAX && cols <= INT32_MAX, "size.too_large",
          what + " of shape " + shape_text(header.shape) + " has too many rows or columns");

  // Check that the bytes are really there *before* allocating the matrix.
  const std::size_t start = header.data_offset;
  const std::uint64_t need = count * item;  // count <= 2^28, cannot overflow
  const std::size_t have = size - start;
  require(have >= need, "npz.truncated",
          what + " of shape " + shape_text(header.shape) + " needs " + std::to_string(need) +
              " data bytes, got " + std::to_string(have));
  require(have == need, "npy.bad_shape",
          what + ": " + std::to_string(have - need) + " bytes follow the data that shape " +
              shape_text(header.shape) + " describes");

  Matrix<float> m(static_cast<Index>(rows), static_cast<Index>(cols));
  const std::uint8_t* src = data + start;
  if (item == 4) {
    if (count > 0) std::memcpy(m.data(), src, count * 4);
  } else if (item == 2) {
    for (std::uint64_t i = 0; i < count; ++i) {  // little-endian binary16, exact in float
      m.data()[i] = half_to_float(static_cast<std::uint16_t>(src[2 * i] | (src[2 * i + 1] << 8)));
    }
  } else {
    for (std::uint64_t i = 0; i < count; ++i) {
      double v;
      std::memcpy(&v, src + 8 * i, 8);
      m.data()[i] = static_cast<float>(v);
    }
  }
  return m;
}

}  // namespace

Matrix<float> parse_npy(const std::uint8_t* data, std::size_t size, const std::string& name) {
  const std::string what = "array '" + name + "'";
  const NpyHeader header = parse_npy_header(data, size, name);
  const std::size_t item = float_item_size(header, what);
  require(header.shape.size() == 1 || header.shape.size() == 2, "npy.bad_shape",
          what + " has shape " + shape_text(header.shape) + "; only 1-D and 2-D arrays are supported");
  const std::uint64_t rows = header.shape.size() == 1 ? 1 : header.shape[0];
  return read_floats(data, size, header, what, item, rows, header.shape.back());
}

Matrix<float> parse_npy_any_rank(const std::uint8_t* data, std::size_t size, const std::string& name,
                                 std::vector<std::uint64_t>& shape) {
  const std::string what = "array '" + name + "'";
  const NpyHeader header = parse_npy_header(data, size, name);
  const std::size_t item = float_item_size(header, what);
  require(!header.shape.empty() && header.shape.size() <= 8, "npy.bad_shape",
          what + " has shape " + shape_text(header.shape) + "; 1 to 8 dimensions are supported");
  // (d0, d1, …, dk) → (d0, d1·…·dk); a 1-D (n,) → (1, n) as in parse_npy.
  std::uint64_t rows = header.shape.size() == 1 ? 1 : header.shape[0], cols = 1;
  for (std::size_t i = header.shape.size() == 1 ? 0 : 1; i < header.shape.size(); ++i) {
    const std::uint64_t d = header.shape[i];
    cols = d != 0 && cols > UINT64_MAX / d ? UINT64_MAX : cols * d;
  }
  Matrix<float> m = read_floats(data, size, header, what, item, rows, cols);
  shape = header.shape;
  return m;
}

std::vector<std::uint8_t> npy_bytes(const std::string& descr, const std::string& shape,
                                    const std::uint8_t* data, std::size_t data_bytes) {
  std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ";
  header += shape;
  header += ", }";
  // Pad with spaces so magic + version + HLEN + header ends on a multiple
  // of 64 bytes, the last padding character being '\n' (as NumPy does), so
  // the data is aligned in memory when the file is mapped.
  const std::size_t prefix = kMagicSize + 2 + 2;
  const std::size_t total = (prefix + header.size() + 1 + 63) / 64 * 64;
  require(total - prefix <= 0xFFFF, "npy.bad_header", "the .npy header would be too long");
  header.append(total - prefix - header.size() - 1, ' ');
  header.push_back('\n');

  std::vector<std::uint8_t> out;
  out.reserve(total + data_bytes);
  for (std::size_t i = 0; i < kMagicSize; ++i) out.push_back(static_cast<std::uint8_t>(kMagic[i]));
  out.push_back(1);  // version 1.0
  out.push_back(0);
  out.push_back(static_cast<std::uint8_t>(header.size() & 0xFF));
  out.push_back(static_cast<std::uint8_t>(header.size() >> 8));
  out.insert(out.end(), header.begin(), header.end());
  if (data_bytes > 0) out.insert(out.end(), data, data + data_bytes);
  return out;
}

std::vector<std::uint8_t> write_npy(const Matrix<float>& m, bool one_d, NpyFloat dtype) {
  std::string shape = "(";
  if (one_d) {
    shape += std::to_string(m.cols());
    shape += ",)";
  } else {
    shape += std::to_string(m.rows());
    shape += ", ";
    shape += std::to_string(m.cols());
    shape += ")";
  }
  if (one_d && m.rows() != 1) {
    throw Error("npy.bad_shape", "only a matrix with one row can be written as a 1-D array");
  }
  if (dtype == NpyFloat::Float16) {
    std::vector<std::uint8_t> halves(static_cast<std::size_t>(m.size()) * 2);
    for (Index i = 0; i < m.size(); ++i) {
      const std::uint16_t h = float_to_half(m.data()[i]);
      halves[2 * static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(h & 0xFF);
      halves[2 * static_cast<std::size_t>(i) + 1] = static_cast<std::uint8_t>(h >> 8);
    }
    return npy_bytes("<f2", shape, halves.data(), halves.size());
  }
  return npy_bytes("<f4", shape, reinterpret_cast<const std::uint8_t*>(m.data()),
                   static_cast<std::size_t>(m.size()) * sizeof(float));
}

NpyFloat npy_float_from_name(const std::string& name) {
  if (name == "float32") return NpyFloat::Float32;
  if (name == "float16") return NpyFloat::Float16;
  throw Error("npy.bad_dtype", "weights are saved as 'float32' or 'float16', not '" + name + "'");
}

}  // namespace scratchnet
