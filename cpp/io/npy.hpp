// npy.hpp — one NumPy array as bytes: the .npy format.
//
// Why .npy? It is what the book's Python code (and every NumPy user) can
// read with one call, np.load, so weights trained in the browser can be
// inspected in a notebook and weights from the book can be loaded here.
//
// The format (NEP 1, https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html):
//
//   "\x93NUMPY"  6 magic bytes
//   1, 0         major, minor version (v2.0/3.0 differ only in a 4-byte HLEN)
//   HLEN         uint16 little-endian: length of the header text
//   header       a Python dict literal, ASCII, padded with spaces and ending
//                in '\n' so the data starts at a multiple of 64 bytes:
//                {'descr': '<f4', 'fortran_order': False, 'shape': (784, 50), }
//   data         the raw numbers; '<f4' = little-endian float32, '<f8' =
//                float64; C order = row by row, like our Matrix.
//
// We read '<f4', '<f8' and '<f2' (converted to float), 1-D and 2-D, C order.
// '<f2' is IEEE half precision (kernels/float16.hpp): what the book's
// save_params writes (2권 1.5.1, params.astype(np.float16)) and what we
// write on request to halve a file.
// Fortran order (column by column) is refused with a hint rather than
// silently transposed. A 1-D array of n numbers loads as a (1, n) row
// vector — a bias b, ready to broadcast over a minibatch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/matrix.hpp"

namespace scratchnet {

// The header of one .npy buffer: dtype text ('<f4', '<U12', …), order, shape
// (empty for a 0-d array) and where the data starts. Checks the magic, the
// version and that the header fits. Errors: npy.bad_header, npz.truncated.
struct NpyHeader {
  std::string descr;
  bool fortran_order = false;
  std::vector<std::uint64_t> shape;
  std::size_t data_offset = 0;
};
NpyHeader parse_npy_header(const std::uint8_t* data, std::size_t size, const std::string& name);
// "(784, 50)", "(50,)" or "()" — a shape as NumPy writes it.
std::string npy_shape_text(const std::vector<std::uint64_t>& shape);
// Magic, version 1.0, the header dict for `descr` and `shape` (NumPy's text,
// e.g. "(50,)"), padded to 64 bytes, then `data_bytes` bytes of data.
std::vector<std::uint8_t> npy_bytes(const std::string& descr, const std::string& shape,
                                    const std::uint8_t* data, std::size_t data_bytes);

// Parses one .npy buffer. `name` is only used in error messages.
// Errors: npy.bad_header, npy.bad_dtype, npy.bad_shape, npz.truncated,
// size.too_large.
Matrix<float> parse_npy(const std::uint8_t* data, std::size_t size, const std::string& name);

// Like parse_npy, but any rank from 1 to 8: shape (d0, d1, …, dk) loads as
// the (d0, d1·…·dk) matrix — a conv layer's filters W (FN, C, FH, FW) as the
// book's W.reshape(FN, -1) — and `shape` receives the full shape.
Matrix<float> parse_npy_any_rank(const std::uint8_t* data, std::size_t size, const std::string& name,
                                 std::vector<std::uint64_t>& shape);

// The .npy bytes of m as '<f4', C order. With one_d the shape is written as
// (n,) — the way NumPy stores a bias; m must then have exactly one row.
// With dtype Float16 every number is rounded to the nearest half ('<f2').
enum class NpyFloat { Float32, Float16 };
std::vector<std::uint8_t> write_npy(const Matrix<float>& m, bool one_d, NpyFloat dtype = NpyFloat::Float32);
// "float32" → Float32, "float16" → Float16; anything else npy.bad_dtype.
NpyFloat npy_float_from_name(const std::string& name);

}  // namespace scratchnet
