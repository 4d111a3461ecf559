// json.hpp — the little JSON a saved network needs: read a value, write a number.
//
// The architecture entry of an .npz (net/architecture.hpp) is one JSON text
// that both numpy users and this core read. The text comes from a file, i.e.
// from anyone, so the reader is strict (RFC 8259 values only, no comments, no
// trailing commas), bounded (nesting depth 32, 1 MiB of text) and throws
// Error("json.bad_text") with the byte offset instead of guessing.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace scratchnet {

struct JsonValue {
  enum class Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  double number = 0.0;
  std::string string;
  std::vector<JsonValue> array;
  std::map<std::string, JsonValue> object;  // a repeated key is refused

  // Member `key` of an object, or nullptr (also when this is not an object).
  const JsonValue* find(const std::string& key) const;
};

// Parses a whole JSON text (one value, surrounded by whitespace only).
JsonValue parse_json(const std::string& text);

// A JSON number that reads back as exactly `v` (shortest of %.15g … %.17g);
// "0" for 0. `v` must be finite.
std::string json_number(double v);
// A JSON string literal with the necessary escapes.
std::string json_string(const std::string& s);

}  // namespace scratchnet
