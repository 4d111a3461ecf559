// npy_text.hpp — one text string as a NumPy unicode array ('<U…' .npy).
//
// NumPy stores str arrays as fixed-width UTF-32 little-endian code points:
// np.array('{"a": 1}') is a 0-d array of dtype '<U8', 8 × 4 bytes, and
// np.load(f)['key'].item() gives the Python str back — no pickle involved,
// so a text entry can sit in an .npz next to float weights and numpy reads it
// with allow_pickle=False (its default). scratchnet uses it for the
// `architecture` entry of a saved network (net/network_npz.hpp); any other
// text that has to travel with arrays can use it too.
//
// Reading accepts a 0-d array or a 1-D array of one element; trailing NUL
// code points are padding (NumPy strips them too).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace scratchnet {

// True when a .npy header's dtype is a little-endian unicode string ('<U…').
bool is_npy_unicode_descr(const std::string& descr);

// The .npy bytes of `utf8` as a 0-d '<Un' array (n = its code points, at least 1).
// Errors: npy.bad_text (not valid UTF-8).
std::vector<std::uint8_t> write_npy_text(const std::string& utf8);

// The text of a 0-d (or one-element 1-D) '<U…' .npy buffer, as UTF-8.
// `name` is only used in error messages. Errors: npy.bad_header,
// npz.truncated, npy.bad_dtype (not '<U…'), npy.bad_shape (more than one
// string, or bytes that do not match the shape), npy.bad_text (a value that
// is not a Unicode code point).
std::string parse_npy_text(const std::uint8_t* data, std::size_t size, const std::string& name);

}  // namespace scratchnet
