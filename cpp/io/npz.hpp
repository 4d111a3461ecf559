// npz.hpp — several named arrays in one file: NumPy's .npz.
//
// An .npz is nothing but a zip archive holding one .npy file per array:
// np.savez("w.npz", W1=W1, b1=b1) writes the entries "W1.npy" and "b1.npy",
// and np.load("w.npz")["W1"] reads one back. So a network's parameters
// saved here open in Python with np.load, and vice versa.
//
// The zip format (PKWARE APPNOTE.TXT, https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT):
//
//   [local header "PK\3\4" + name + data] ...   one per entry
//   [central directory "PK\1\2" + name] ...      the table of contents
//   [end of central directory "PK\5\6"]          where the table starts
//
// A reader starts at the END: it finds the end record, follows it to the
// central directory, and from each directory entry to the entry's data.
// Every number is little-endian; every entry carries the CRC-32 of its
// uncompressed bytes (see crc32.hpp), which we check.
//
// We write entries STORED (uncompressed), exactly like np.savez — simple and
// readable everywhere. We read STORED and DEFLATE (np.savez_compressed);
// the browser build has no zlib, so there a compressed entry gives the
// error "npz.compressed_unsupported_here". Zip64 (archives over 4 GiB) is
// not needed for a teaching network and is refused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/matrix.hpp"
#include "io/npy.hpp"

namespace scratchnet {

// Arrays in file order, e.g. {{"W1", (784,50)}, {"b1", (1,50)}, ...}.
using NamedArrays = std::vector<std::pair<std::string, Matrix<float>>>;
// Text entries: one string each, stored as a 0-d unicode array (io/npy_text.hpp).
using NamedTexts = std::vector<std::pair<std::string, std::string>>;

// Builds an .npz archive: each array becomes "<name>.npy", float32, C
// order; a (1, n) matrix (a bias) is written 1-D with shape (n,), as NumPy
// code like the book's stores b1. Each text becomes a 0-d '<U…' array after
// the arrays. Names must be non-empty and unique across both.
// Errors: npz.bad_name, npy.bad_text, size.too_large.
// dtype Float16 writes every array as '<f2' (2권 1.5.1: the book's save_params).
std::vector<std::uint8_t> save_npz(const NamedArrays& arrays, const NamedTexts& texts = {},
                                   NpyFloat dtype = NpyFloat::Float32);

// Reads an .npz archive. 1-D arrays come back as (1, n) row vectors and
// names lose their ".npy" suffix. Unicode string entries go to `texts` when
// it is given and are skipped otherwise. Without `shapes` only 1-D and 2-D
// arrays are accepted; with it any rank 1–8 (see parse_npy_any_rank) and
// (*shapes)[i] receives the NumPy shape of the returned arrays[i].
// Errors: npz.not_zip, npz.truncated, npz.bad_entry,
// npz.compressed_unsupported_here, npy.bad_header, npy.bad_dtype,
// npy.bad_shape, npy.bad_text, size.too_large.
NamedArrays load_npz(const std::uint8_t* data, std::size_t size, NamedTexts* texts = nullptr,
                     std::vector<std::vector<std::uint64_t>>* shapes = nullptr);

// File helpers (+ io.cannot_open, io.read_failed, io.write_failed).
void save_npz_file(const std::string& path, const NamedArrays& arrays, const NamedTexts& texts = {});
NamedArrays load_npz_file(const std::string& path, NamedTexts* texts = nullptr);

// The text called `name`, or nullptr.
const std::string* find_text_or_null(const NamedTexts& texts, const std::string& name);

// The array called `name`, or Error "npz.missing_array" naming what exists.
const Matrix<float>& find_array(const NamedArrays& arrays, const std::string& name);
// The array called `name`, or nullptr.
const Matrix<float>* find_array_or_null(const NamedArrays& arrays, const std::string& name);

}  // namespace scratchnet
