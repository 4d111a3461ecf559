// idx.hpp — read (and write) the IDX files MNIST and Fashion-MNIST come in.
//
// The format, from Yann LeCun's MNIST page (http://yann.lecun.com/exdb/mnist/,
// section "FILE FORMATS FOR THE MNIST DATABASE"):
//
//   byte 0, 1   0x00 0x00         always zero
//   byte 2      type              0x08 unsigned byte, 0x09 signed byte,
//                                 0x0B short, 0x0C int, 0x0D float, 0x0E double
//   byte 3      ndim              number of dimensions
//   then ndim   uint32 BIG-endian sizes, e.g. 60000, 28, 28
//   then the    values, row-major ("the last index changes fastest")
//
// So train-images-idx3-ubyte starts 00 00 08 03 | 00 00 ea 60 | 00 00 00 1c |
// 00 00 00 1c and is followed by 60000*28*28 pixel bytes (0 = background,
// 255 = ink); the labels file is 1-D (00 00 08 01 | 00 00 ea 60) followed by
// one byte per image. Big-endian because the format dates from the SPARC
// workstations of the 1990s — a modern x86/ARM/wasm CPU is little-endian,
// which is why we assemble the sizes byte by byte instead of casting.
//
// Why so many checks? The bytes may come from anywhere (a user drops a file
// on the page), so every size is validated before it is trusted: a header
// that claims 2^32 x 2^32 images must give a clear error, not a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.hpp"

namespace scratchnet {

// One IDX file in memory. Only type 0x08 (unsigned byte) is supported —
// that is what MNIST and Fashion-MNIST use.
struct IdxArray {
  std::vector<std::uint32_t> dims;   // e.g. {60000, 28, 28}
  std::vector<std::uint8_t> values;  // product(dims) bytes, row-major

  std::uint64_t elements() const;  // product of dims (1 for no dims)
};

// Parses an IDX buffer. If it starts with the gzip magic 1f 8b it is
// inflated first (natively with zlib, never more than the header says;
// in the wasm build this throws "gzip.unsupported_here" because the
// browser decompresses before calling us).
// Errors: idx.bad_magic, idx.bad_type, idx.bad_dims, idx.truncated,
// idx.trailing_bytes, size.too_large, gzip.corrupt, gzip.unsupported_here.
IdxArray read_idx(const std::uint8_t* data, std::size_t size);

// read_idx on a whole file (+ io.cannot_open, io.read_failed).
IdxArray read_idx_file(const std::string& path);

// The raw (uncompressed) IDX bytes of `array` (type 0x08). Throws
// idx.bad_dims if values.size() does not match the dims.
std::vector<std::uint8_t> write_idx(const IdxArray& array);

// Pairs an image file (N, H, W) with its label file (N) into a Dataset:
// x is (N, H*W) with pixel/255 as float (the book's normalize=True),
// height/width come from the dims, labels must be < classes.
// Errors: idx.bad_dims, idx.count_mismatch, idx.label_out_of_range,
// dataset.bad_classes, size.too_large.
Dataset make_idx_dataset(const IdxArray& images, const IdxArray& labels, int classes = 10,
                         const std::string& name = "");

}  // namespace scratchnet
