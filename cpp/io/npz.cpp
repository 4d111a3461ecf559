// npz.cpp — see npz.hpp for the zip layout. Field offsets below follow
// APPNOTE.TXT sections 4.3.7 (local header), 4.3.12 (central directory
// header) and 4.3.16 (end of central directory record).
#include "io/npz.hpp"

#include <algorithm>
#include <cstring>
#include <set>

#include "core/error.hpp"
#include "io/binary_file.hpp"
#include "io/crc32.hpp"
#include "io/inflate.hpp"
#include "io/npy.hpp"
#include "io/npy_text.hpp"

namespace scratchnet {

namespace {

constexpr std::uint32_t kLocalSig = 0x04034b50;    // "PK\3\4"
constexpr std::uint32_t kCentralSig = 0x02014b50;  // "PK\1\2"
constexpr std::uint32_t kEndSig = 0x06054b50;      // "PK\5\6"
constexpr std::size_t kLocalSize = 30, kCentralSize = 46, kEndSize = 22;
constexpr std::uint16_t kStored = 0, kDeflated = 8;
constexpr std::uint16_t kDosDate1980 = (0 << 9) | (1 << 5) | 1;  // 1980-01-01: reproducible files
constexpr std::uint64_t kZipLimit = 0xFFFFFFFFull;                // beyond this zip64 is needed

// ---- little-endian helpers ------------------------------------------------

void put16(std::vector<std::uint8_t>& out, std::uint32_t v) {
  out.push_back(static_cast<std::uint8_t>(v));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}
// Callers have checked that p..p+1 / p..p+3 lie inside the buffer.
std::uint32_t get16(const std::uint8_t* p) { return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8; }
std::uint32_t get32(const std::uint8_t* p) { return get16(p) | get16(p + 2) << 16; }

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ---- reading one entry ----------------------------------------------------

struct CentralEntry {
  std::string name;
  std::uint32_t flags, method, crc, compressed, uncompressed, local_offset;
};

// The uncompressed bytes of one entry, checked against its CRC-32.
std::vector<std::uint8_t> entry_bytes(const std::uint8_t* data, std::size_t size,
                                      const CentralEntry& e) {
  const std::string what = "zip entry '" + e.name + "'";
  require((e.flags & 1u) == 0, "npz.bad_entry", what + " is encrypted");
  require(e.compressed != kZipLimit && e.uncompressed != kZipLimit && e.local_offset != kZipLimit,
          "npz.bad_entry", what + " uses zip64 (files over 4 GiB), which is not supported");
  require(e.method == kStored || e.method == kDeflated, "npz.bad_entry",
          what + " uses compression method " + std::to_string(e.method) +
              "; only 0 (stored, np.savez) and 8 (deflate, np.savez_compressed) are supported");

  // The local header repeats name and sizes; we trust the central
  // directory's sizes (NumPy's local headers carry a zip64 extra field and
  // streaming writers put zeros there) and only skip over name + extra.
  const std::uint64_t local = e.local_offset;
  require(local + kLocalSize <= size, "npz.truncated",
          what + ": its local header at byte " + std::to_string(local) + " is past the end");
  require(get32(data + local) == kLocalSig, "npz.bad_entry",
          what + ": no local header signature at byte " + std::to_string(local));
  const std::uint64_t start =
      local + kLocalSize + get16(data + local + 26) + get16(data + local + 28);
  require(start + e.compressed <= size, "npz.truncated",
          what + " needs bytes " + std::to_string(start) + ".." +
              std::to_string(start + e.compressed) + " but the file has " + std::to_string(size));
  const std::uint8_t* body = data + start;

  std::vector<std::uint8_t> bytes;
  if (e.method == kStored) {
    require(e.compressed == e.uncompressed, "npz.bad_entry",
            what + " is stored uncompressed but its two sizes differ");
    bytes.assign(body, body + e.compressed);
  } else {
    require(kHaveZlib, "npz.compressed_unsupported_here",
            what + " is compressed (np.savez_compressed), which this build cannot read; "
                   "save it with np.savez instead of np.savez_compressed");
    require_allocation(e.uncompressed, 1, what);
    // DEFLATE cannot shrink data more than about 1032:1, so a larger claimed
    // size is a lie; refuse it before inflating anything.
    require(e.uncompressed <= std::uint64_t{e.compressed} * 1032 + 1024, "npz.bad_entry",
            what + " claims " + std::to_string(e.uncompressed) + " bytes from only " +
                std::to_string(e.compressed) + " compressed bytes");
    Inflater inflater(body, e.compressed, DeflateWrapper::raw, "npz.bad_entry");
    inflater.read_into(bytes, e.uncompressed);
    std::uint8_t extra = 0;
    const bool overlong = bytes.size() == e.uncompressed && inflater.read(&extra, 1) != 0;
    require(bytes.size() == e.uncompressed && !overlong && inflater.finished(), "npz.bad_entry",
            what + " does not inflate to the " + std::to_string(e.uncompressed) +
                " bytes its header announces");
  }
  const std::uint32_t crc = crc32(bytes.data(), bytes.size());
  require(crc == e.crc, "npz.bad_entry",
          what + " is damaged: CRC-32 is " + std::to_string(crc) + ", the zip says " +
              std::to_string(e.crc));
  return bytes;
}

// Finds the end-of-central-directory record: the last "PK\5\6" that fits,
// searching back over the optional archive comment (at most 65535 bytes).
std::size_t find_end_record(const std::uint8_t* data, std::size_t size) {
  if (size < kEndSize) return SIZE_MAX;
  const std::size_t lowest = size - kEndSize > 65535 ? size - kEndSize - 65535 : 0;
  for (std::size_t pos = size - kEndSize + 1; pos-- > lowest;) {
    if (get32(data + pos) == kEndSig && pos + kEndSize + get16(data + pos + 20) <= size) return pos;
  }
  return SIZE_MAX;
}

}  // namespace

std::vector<std::uint8_t> save_npz(const NamedArrays& arrays, const NamedTexts& texts, NpyFloat dtype) {
  const std::size_t count = arrays.size() + texts.size();
  require(count < 0xFFFF, "size.too_large", "too many arrays for one .npz");
  std::vector<std::uint8_t> out, central;
  std::set<std::string> seen;
  for (std::size_t k = 0; k < count; ++k) {
    const bool is_text = k >= arrays.size();
    const std::string& name = is_text ? texts[k - arrays.size()].first : arrays[k].first;
    require(!name.empty() && name.size() <= 1000, "npz.bad_name",
            "array names must be 1 to 1000 characters long");
    require(seen.insert(name).second, "npz.bad_name", "the name '" + name + "' is used twice");
    const std::string file = name + ".npy";
    const std::vector<std::uint8_t> npy =
        is_text ? write_npy_text(texts[k - arrays.size()].second)
                : write_npy(arrays[k].second, arrays[k].second.rows() == 1, dtype);
    const std::uint64_t offset = out.size();
    require(offset + kLocalSize + file.size() + npy.size() < kZipLimit, "size.too_large",
            "the .npz would exceed 4 GiB, which needs zip64 (not supported)");
    const std::uint32_t crc = crc32(npy.data(), npy.size());
    const auto n = static_cast<std::uint32_t>(npy.size());

    // Local file header, then the data.
    put32(out, kLocalSig);
    put16(out, 20);            // version needed to extract: 2.0
    put16(out, 0);             // flags
    put16(out, kStored);       // method: stored, like np.savez
    put16(out, 0);             // time 00:00:00
    put16(out, kDosDate1980);  // date
    put32(out, crc);
    put32(out, n);  // compressed size
    put32(out, n);  // uncompressed size
    put16(out, static_cast<std::uint32_t>(file.size()));
    put16(out, 0);  // extra field length
    out.insert(out.end(), file.begin(), file.end());
    out.insert(out.end(), npy.begin(), npy.end());

    // Its central directory record, appended after all entries below.
    put32(central, kCentralSig);
    put16(central, 0x0314);  // made by: Unix (3), zip 2.0 — so permissions apply
    put16(central, 20);
    put16(central, 0);
    put16(central, kStored);
    put16(central, 0);
    put16(central, kDosDate1980);
    put32(central, crc);
    put32(central, n);
    put32(central, n);
    put16(central, static_cast<std::uint32_t>(file.size()));
    put16(central, 0);  // extra
    put16(central, 0);  // comment
    put16(central, 0);  // disk number
    put16(central, 0);  // internal attributes
    put32(central, 0644u << 16);  // external attributes: rw-r--r--
    put32(central, static_cast<std::uint32_t>(offset));
    central.insert(central.end(), file.begin(), file.end());
  }
  const std::uint64_t central_offset = out.size();
  require(central_offset + central.size() + kEndSize < kZipLimit, "size.too_large",
          "the .npz would exceed 4 GiB, which needs zip64 (not supported)");
  out.insert(out.end(), central.begin(), central.end());
  put32(out, kEndSig);
  put16(out, 0);  // this disk
  put16(out, 0);  // disk where the central directory starts
  put16(out, static_cast<std::uint32_t>(count));
  put16(out, static_cast<std::uint32_t>(count));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, static_cast<std::uint32_t>(central_offset));
  put16(out, 0);  // comment length
  return out;
}

NamedArrays load_npz(const std::uint8_t* data, std::size_t size, NamedTexts* texts,
                     std::vector<std::vector<std::uint64_t>>* shapes) {
  if (data == nullptr) size = 0;
  const bool starts_pk = size >= 2 && data[0] == 'P' && data[1] == 'K';
  if (!starts_pk) {
    std::string hint = "an .npz file is a zip archive and starts with 'PK'";
    if (size >= 6 && std::memcmp(data, "\x93NUMPY", 6) == 0) {
      hint = "this is a single .npy array, not an .npz archive";
    } else if (looks_like_gzip(data, size)) {
      hint = "this is a gzip file, not an .npz (zip) archive";
    }
    throw Error(size == 0 ? "npz.truncated" : "npz.not_zip",
                size == 0 ? std::string("the .npz data is empty") : hint);
  }
  const std::size_t end = find_end_record(data, size);
  require(end != SIZE_MAX, "npz.truncated",
          "the zip's end-of-central-directory record is missing: the file looks cut off");
  const std::uint8_t* e = data + end;
  const std::uint32_t disk = get16(e + 4), cd_disk = get16(e + 6);
  const std::uint32_t entries_here = get16(e + 8), entries = get16(e + 10);
  const std::uint64_t cd_size = get32(e + 12), cd_offset = get32(e + 16);
  require(disk == 0 && cd_disk == 0 && entries_here == entries, "npz.bad_entry",
          "multi-part zip archives are not supported");
  require(entries != 0xFFFF && cd_size != kZipLimit && cd_offset != kZipLimit, "npz.bad_entry",
          "this zip uses zip64 (over 4 GiB), which is not supported");
  require(cd_offset + cd_size <= end, "npz.truncated",
          "the zip's central directory (bytes " + std::to_string(cd_offset) + ".." +
              std::to_string(cd_offset + cd_size) + ") lies outside the file");

  NamedArrays arrays;
  std::set<std::string> seen;
  std::uint64_t total_floats = 0;
  std::uint64_t pos = cd_offset;
  const std::uint64_t cd_end = cd_offset + cd_size;
  for (std::uint32_t i = 0; i < entries; ++i) {
    require(pos + kCentralSize <= cd_end && get32(data + pos) == kCentralSig, "npz.bad_entry",
            "central directory record #" + std::to_string(i) + " is missing or damaged");
    const std::uint8_t* c = data + pos;
    CentralEntry entry{};
    entry.flags = get16(c + 8);
    entry.method = get16(c + 10);
    entry.crc = get32(c + 16);
    entry.compressed = get32(c + 20);
    entry.uncompressed = get32(c + 24);
    const std::uint64_t name_len = get16(c + 28), extra_len = get16(c + 30),
                        comment_len = get16(c + 32);
    entry.local_offset = get32(c + 42);
    require(pos + kCentralSize + name_len + extra_len + comment_len <= cd_end, "npz.bad_entry",
            "central directory record #" + std::to_string(i) + " runs past the directory");
    entry.name.assign(reinterpret_cast<const char*>(c + kCentralSize), name_len);
    pos += kCentralSize + name_len + extra_len + comment_len;

    if (ends_with(entry.name, "/") && entry.uncompressed == 0) continue;  // a folder
    require(ends_with(entry.name, ".npy") && entry.name.size() > 4, "npz.bad_entry",
            "zip entry '" + entry.name + "' is not a .npy array");
    const std::string name = entry.name.substr(0, entry.name.size() - 4);
    require(seen.insert(name).second, "npz.bad_entry", "the array '" + name + "' appears twice");

    const std::vector<std::uint8_t> bytes = entry_bytes(data, size, entry);
    // A unicode string entry ('<U…', e.g. the architecture of a saved network)
    // is text, not numbers: handed to the caller who asked for texts, else skipped.
    if (is_npy_unicode_descr(parse_npy_header(bytes.data(), bytes.size(), name).descr)) {
      if (texts != nullptr) texts->emplace_back(name, parse_npy_text(bytes.data(), bytes.size(), name));
      continue;
    }
    // A caller that asks for shapes takes any rank (a conv W (FN, C, FH, FW)
    // flattened to (FN, C·FH·FW)); everyone else gets 1-D/2-D only.
    std::vector<std::uint64_t> shape;
    Matrix<float> m = shapes != nullptr ? parse_npy_any_rank(bytes.data(), bytes.size(), name, shape)
                                        : parse_npy(bytes.data(), bytes.size(), name);
    if (shapes != nullptr) shapes->push_back(std::move(shape));
    total_floats += static_cast<std::uint64_t>(m.size());
    require_allocation(total_floats, sizeof(float), "the arrays of this .npz together");
    arrays.emplace_back(name, std::move(m));
  }
  return arrays;
}

void save_npz_file(const std::string& path, const NamedArrays& arrays, const NamedTexts& texts) {
  write_binary_file(path, save_npz(arrays, texts));
}

NamedArrays load_npz_file(const std::string& path, NamedTexts* texts) {
  const std::vector<std::uint8_t> bytes = read_binary_file(path);
  return load_npz(bytes.data(), bytes.size(), texts);
}

const std::string* find_text_or_null(const NamedTexts& texts, const std::string& name) {
  for (const auto& [n, t] : texts)
    if (n == name) return &t;
  return nullptr;
}

const Matrix<float>* find_array_or_null(const NamedArrays& arrays, const std::string& name) {
  for (const auto& [n, m] : arrays)
    if (n == name) return &m;
  return nullptr;
}

const Matrix<float>& find_array(const NamedArrays& arrays, const std::string& name) {
  if (const Matrix<float>* m = find_array_or_null(arrays, name)) return *m;
  std::string names;
  for (const auto& entry : arrays) names += (names.empty() ? "" : ", ") + entry.first;
  throw Error("npz.missing_array", "no array named '" + name + "' (the file has: " + names + ")");
}

}  // namespace scratchnet
