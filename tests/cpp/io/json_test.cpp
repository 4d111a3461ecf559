// Tests for cpp/io/json.hpp: the values an architecture text uses, escapes,
// and the errors a broken or hostile text gets.
#include "io/json.hpp"

#include <gtest/gtest.h>

#include "../layers/layer_test_util.hpp"

using namespace scratchnet;
using scratchnet::test::expect_error;

TEST(Json, ParsesAnArchitectureLikeObject) {
  const Json j = parse_json(
      R"( {"format": "scratchnet/1", "input": [1, 28, 28], "ratio": 0.5, "e": -1.5e2,
           "ok": true, "no": false, "none": null, "layers": [{"type": "relu"}, {}]} )");
  ASSERT_EQ(j.type, Json::Type::Object);
  EXPECT_EQ(j.find("format")->text, "scratchnet/1");
  EXPECT_EQ(j.find("input")->items.size(), 3u);
  EXPECT_EQ(j.find("input")->items[1].number, 28);
  EXPECT_EQ(j.find("ratio")->number, 0.5);
  EXPECT_EQ(j.find("e")->number, -150);
  EXPECT_TRUE(j.find("ok")->boolean);
  EXPECT_EQ(j.find("no")->type, Json::Type::Bool);
  EXPECT_EQ(j.find("none")->type, Json::Type::Null);
  EXPECT_EQ(j.find("layers")->items[0].find("type")->text, "relu");
  EXPECT_EQ(j.find("missing"), nullptr);
  EXPECT_EQ(j.members.front().first, "format");  // file order kept
}

TEST(Json, StringEscapes) {
  EXPECT_EQ(parse_json(R"("a\"b\\c\/d\n\t")").text, "a\"b\\c/d\n\t");
  EXPECT_EQ(parse_json(R"("\u00e9\uD55C")").text, "é한");
  EXPECT_EQ(parse_json(R"("\ud83d\ude00")").text, "\xF0\x9F\x98\x80");  // 😀 from a surrogate pair
  EXPECT_EQ(parse_json("\"합성곱\"").text, "합성곱");                    // UTF-8 passes through
}

TEST(Json, Errors) {
  for (const char* bad : {"", "{", "[1, 2", "{\"a\" 1}", "{\"a\": 1,}", "[1,]", "01", "1.", "-", ".5",
                          "tru", "\"abc", "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "{} x", "{'a': 1}",
                          "\"a\nb\"", "{\"a\": 1, \"a\": 2}", "NaN"}) {
    expect_error("json.syntax", [&] { parse_json(bad); });
  }
  expect_error("json.too_deep", [] { parse_json(std::string(100, '[') + std::string(100, ']')); });
  parse_json(std::string(60, '[') + std::string(60, ']'));  // deep but allowed
}
