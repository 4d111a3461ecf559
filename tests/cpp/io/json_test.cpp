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
