// json.cpp — see json.hpp.
#include "io/json.hpp"

#include <cstdlib>
#include <string>

#include "core/error.hpp"

namespace scratchnet {

const Json* Json::find(const std::string& key) const {
  if (type != Type::Object) return nullptr;
  for (const auto& [k, v] : members)
    if (k == key) return &v;
  return nullptr;
}

namespace {

constexpr int kMaxDepth = 64;

class Parser {
 public:
  explicit Parser(const std::string& s) : s_(s) {}

  Json document() {
    Json v = value(0);
    spaces();
    if (pos_ != s_.size()) fail("unexpected text after the value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw Error("json.syntax", "JSON: " + why + " at byte " + std::to_string(pos_));
  }
  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void spaces() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  void expect(char c) {
    spaces();
    if (peek() != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }
  bool word(const char* w) {
    const std::string ws(w);
    if (s_.compare(pos_, ws.size(), ws) != 0) return false;
    pos_ += ws.size();
    return true;
  }

  Json value(int depth) {
    if (depth > kMaxDepth) throw Error("json.too_deep", "JSON: nested more than 64 levels deep");
    spaces();
    Json v;
    const char c = peek();
    if (c == '{') {
      v.type = Json::Type::Object;
      ++pos_;
      spaces();
      if (peek() == '}') return ++pos_, v;
      while (true) {
        spaces();
        if (peek() != '"') fail("expected a member name in quotes");
        std::string key = string();
        if (v.find(key)) fail("the key \"" + key + "\" appears twice");
        expect(':');
        v.members.emplace_back(std::move(key), value(depth + 1));
        spaces();
        if (peek() == ',') { ++pos_; continue; }
        expect('}');
        return v;
      }
    }
    if (c == '[') {
      v.type = Json::Type::Array;
      ++pos_;
      spaces();
      if (peek() == ']') return ++pos_, v;
      while (true) {
        v.items.push_back(value(depth + 1));
        spaces();
        if (peek() == ',') { ++pos_; continue; }
        expect(']');
        return v;
      }
    }
    if (c == '"') {
      v.type = Json::Type::String;
      v.text = string();
      return v;
    }
    if (word("true")) { v.type = Json::Type::Bool; v.boolean = true; return v; }
    if (word("false")) { v.type = Json::Type::Bool; return v; }
    if (word("null")) return v;
    if (c == '-' || (c >= '0' && c <= '9')) {
      v.type = Json::Type::Number;
      v.number = number();
      return v;
    }
    fail("expected a value");
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? — checked by hand, converted by strtod.
  double number() {
    const std::size_t start = pos_;
    const auto digits = [&] {
      const std::size_t from = pos_;
      while (peek() >= '0' && peek() <= '9') ++pos_;
      if (pos_ == from) fail("expected a digit");
    };
    if (peek() == '-') ++pos_;
    if (peek() == '0') ++pos_;
    else digits();
    if (peek() == '.') { ++pos_; digits(); }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      digits();
    }
    return std::strtod(s_.substr(start, pos_ - start).c_str(), nullptr);
  }

  unsigned hex4() {
    unsigned v = 0;
    for (int i = 0; i < 4; ++i, ++pos_) {
      const char c = peek();
      v <<= 4;
      if (c >= '0' && c <= '9') v |= unsigned(c - '0');
      else if (c >= 'a' && c <= 'f') v |= unsigned(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= unsigned(c - 'A' + 10);
      else fail("expected 4 hex digits after \\u");
    }
    return v;
  }

  static void put_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out.push_back(char(cp));
    } else if (cp < 0x800) {
      out.push_back(char(0xC0 | (cp >> 6)));
      out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(char(0xE0 | (cp >> 12)));
      out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(char(0xF0 | (cp >> 18)));
      out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(char(0x80 | (cp & 0x3F)));
    }
  }

  std::string string() {
    ++pos_;  // the opening quote
    std::string out;
    while (true) {
      if (pos_ >= s_.size()) fail("unterminated string");
      const char c = s_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') { out.push_back(c); continue; }
      const char e = peek();
      ++pos_;
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair: \uD83D\uDE00
            if (!word("\\u")) fail("a high surrogate must be followed by \\u");
            const unsigned lo = hex4();
            if (lo < 0xDC00 || lo > 0xDFFF) fail("invalid low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail("lone low surrogate");
          }
          put_utf8(out, cp);
          break;
        }
        default: --pos_; fail("unknown escape");
      }
    }
  }

  const std::string& s_;
  std::size_t pos_ = 0;
};

}  // namespace

Json parse_json(const std::string& text) { return Parser(text).document(); }

}  // namespace scratchnet
