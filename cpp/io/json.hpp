// json.hpp — a small JSON reader for the `architecture` text a saved network
// carries (agreement "scratchnet/1": {"format": …, "kind": "convnet", …}).
//
// Only what RFC 8259 allows, nothing more: objects, arrays, strings (with
// \u escapes, surrogate pairs included), numbers, true/false/null. Nesting is
// capped (64 levels) so a hostile file cannot overflow the stack. Numbers are
// doubles. Object members keep their file order; a repeated key is an error.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace scratchnet {

struct Json {
  enum class Type { Null, Bool, Number, String, Array, Object };
  Type type = Type::Null;
  bool boolean = false;
  double number = 0;
  std::string text;                                  // Type::String
  std::vector<Json> items;                           // Type::Array
  std::vector<std::pair<std::string, Json>> members;  // Type::Object, file order

  // The member called `key` of an object, or nullptr (also when this is not an object).
  const Json* find(const std::string& key) const;
};

// Parses one JSON text (surrounding white space allowed).
// Errors: json.syntax (the message gives the byte offset), json.too_deep.
Json parse_json(const std::string& text);

}  // namespace scratchnet
