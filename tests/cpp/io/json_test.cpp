// io/json: the small strict JSON reader the architecture entry needs.
#include "io/json.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../error_of.hpp"

using scratchnet::JsonValue;
using scratchnet::parse_json;
using scratchnet::testing::error_of;

TEST(Json, ReadsTheArchitectureShape) {
  const JsonValue v = parse_json(R"( {"format": "scratchnet/1", "sizes": [784, 100, 10], "batchNorm": false,
                                      "dropout": 0.5, "leakySlope": 1e-2, "s": "a\"\u00e9\ud835\udc01"} )");
  ASSERT_EQ(v.kind, JsonValue::Kind::Object);
  EXPECT_EQ(v.find("format")->string, "scratchnet/1");
  ASSERT_EQ(v.find("sizes")->array.size(), 3u);
  EXPECT_EQ(v.find("sizes")->array[1].number, 100.0);
  EXPECT_FALSE(v.find("batchNorm")->boolean);
  EXPECT_EQ(v.find("dropout")->number, 0.5);
  EXPECT_EQ(v.find("leakySlope")->number, 0.01);
  EXPECT_EQ(v.find("s")->string, "a\"é\xF0\x9D\x90\x81");
  EXPECT_EQ(v.find("missing"), nullptr);
}

TEST(Json, NumbersAreWrittenShortAndReadBackExactly) {
  EXPECT_EQ(scratchnet::json_number(0.01), "0.01");
  EXPECT_EQ(scratchnet::json_number(0.0), "0");
  EXPECT_EQ(scratchnet::json_number(784), "784");
  const double third = 1.0 / 3.0;
  EXPECT_EQ(parse_json(scratchnet::json_number(third)).number, third);
}

TEST(Json, RefusesWhatIsNotStrictJson) {
  for (const std::string& bad : std::vector<std::string>{"", "{", "[1,]", "{\"a\":1,}", "01", "1.", "NaN", "{'a': 1}", "\"\\x\"",
                                "{\"a\":1,\"a\":2}", "[1] x", "\"\\ud800\"", std::string(40, '[') + std::string(40, ']')}) {
    EXPECT_EQ(error_of([&] { parse_json(bad); }), "json.bad_text") << bad;
  }
}

// The agreement-A convnet text (arrays of objects), every literal and escape
// the strict reader knows, and a deep-but-allowed nesting.
TEST(Json, ReadsTheConvnetArchitectureAndEveryEscape) {
  const JsonValue v = parse_json(
      R"( {"format": "scratchnet/1", "kind": "convnet", "input": [1, 28, 28], "layers": [{"type":"conv","filters":30,
           "size":5,"stride":1,"pad":0}, {"type":"relu"}, {"type":"pool","size":2,"stride":2}, {"type":"affine","out":100},
           {"type":"relu"}, {"type":"dropout","ratio":0.5}, {"type":"affine","out":10}], "output": "softmax",
           "dropoutConvention": "scale_at_inference", "e": -1.5e2, "ok": true, "none": null} )");
  ASSERT_EQ(v.kind, JsonValue::Kind::Object);
  EXPECT_EQ(v.find("kind")->string, "convnet");
  ASSERT_EQ(v.find("input")->array.size(), 3u);
  EXPECT_EQ(v.find("input")->array[2].number, 28.0);
  const std::vector<JsonValue>& layers = v.find("layers")->array;
  ASSERT_EQ(layers.size(), 7u);
  EXPECT_EQ(layers[0].find("filters")->number, 30.0);
  EXPECT_EQ(layers[2].find("type")->string, "pool");
  EXPECT_EQ(layers[5].find("ratio")->number, 0.5);
  EXPECT_EQ(v.find("dropoutConvention")->string, "scale_at_inference");
  EXPECT_EQ(v.find("e")->number, -150.0);
  EXPECT_TRUE(v.find("ok")->boolean);
  EXPECT_EQ(v.find("none")->kind, JsonValue::Kind::Null);

  EXPECT_EQ(parse_json(R"("a\"b\\c\/d\n\t")").string, "a\"b\\c/d\n\t");
  EXPECT_EQ(parse_json(R"("\u00e9\uD55C")").string, "é한");
  EXPECT_EQ(parse_json(R"("\ud83d\ude00")").string, "\xF0\x9F\x98\x80");  // 😀 from a surrogate pair
  EXPECT_EQ(parse_json("\"합성곱\"").string, "합성곱");                    // UTF-8 passes through
  for (const std::string& bad : std::vector<std::string>{"\"\\udc00\"", "\"a\nb\"", "-", ".5", "tru", "[1, 2"}) {
    EXPECT_EQ(error_of([&] { parse_json(bad); }), "json.bad_text") << bad;
  }
  parse_json(std::string(30, '[') + std::string(30, ']'));  // deep but within the limit of 32
}
