#include <catch2/catch.hpp>

#include <cmath>

#include "erflow/json.h"

using erflow::Json;
using erflow::ParseJson;

TEST_CASE("json parses values and keeps key order") {
  auto r = ParseJson(R"({"b": 1, "a": [true, null, -2.5, "中文\u00e9"], "c": {}})", "t.json");
  REQUIRE(r.ok());
  const Json& j = *r;
  REQUIRE(j.members().size() == 3);
  CHECK(j.members()[0].first == "b");
  CHECK(j["b"].is_int());
  CHECK(j["a"].items()[2].AsDouble() == -2.5);
  CHECK(j["a"].items()[3].AsString() == "中文é");
  CHECK(j.Dump() == R"({"b":1,"a":[true,null,-2.5,"中文é"],"c":{}})");
}

TEST_CASE("json round-trips through Dump") {
  auto r = ParseJson(R"({"x":"line\nbreak \"q\" \\","n":12345678901234,"d":1e3})", "t.json");
  REQUIRE(r.ok());
  auto again = ParseJson(r->Dump(), "again");
  REQUIRE(again.ok());
  CHECK(*again == *r);
  CHECK((*r)["n"].AsInt() == 12345678901234);
}

TEST_CASE("json syntax errors name line and column") {
  struct Case {
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"{\n  \"a\": 1,\n  \"b\": [1, 2,\n  }\n}", "t.json:4:3: expected a value"},
      {"{\"a\": 1,}", "t.json:1:9: trailing comma before '}'"},
      {"{\"a\": tru}", "t.json:1:7: expected a value"},
      {"{\"a\": 1} x", "t.json:1:10: unexpected text after the end"},
      {"{\"a\": 1, \"a\": 2}", "t.json:1:10: duplicate key \"a\""},
      {"{\"a\": \"\xff\"}", "t.json:1:8: invalid UTF-8"},
      {"[01]", "t.json:1:2: leading zeros"},
      {"{\"k\" 1}", "t.json:1:6: expected ':'"},
      {"\"abc", "t.json:1:5: unterminated string"},
      {"{\"中文\": x}", "t.json:1:8: expected a value"},
  };
  for (const auto& c : cases) {
    auto r = ParseJson(c.text, "t.json");
    INFO(c.text);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::StartsWith(c.expected));
  }
}

TEST_CASE("json refuses nesting deeper than the limit") {
  std::string deep(200, '[');
  deep += std::string(200, ']');
  auto r = ParseJson(deep, "deep");
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("nesting deeper"));
}

TEST_CASE("json values remember their position") {
  auto r = ParseJson("{\n  \"stages\": [\n    {\"id\": 5}\n  ]\n}", "t.json");
  REQUIRE(r.ok());
  const Json& id = (*r)["stages"].items()[0]["id"];
  CHECK(id.line() == 3);
  CHECK(id.column() == 12);
}

TEST_CASE("json AsInt saturates doubles beyond int64 instead of overflowing") {
  // Converting such a double is undefined behaviour (UBSan: float-cast-overflow).
  CHECK(ParseJson("1e300", "t")->AsInt() == INT64_MAX);
  CHECK(ParseJson("-1e300", "t")->AsInt() == INT64_MIN);
  CHECK(ParseJson("99999999999999999999", "t")->AsInt() == INT64_MAX);
  CHECK(ParseJson("-12.9", "t")->AsInt() == -12);
  CHECK(Json(std::nan("")).AsInt() == 0);
}

TEST_CASE("json writes valid UTF-8 whatever bytes a string holds") {
  // Well-formed text, Chinese included, goes out unchanged.
  CHECK(Json("档案员 ok").Dump() == "\"档案员 ok\"");
  // A stray byte (here from a URL path echoed in an error) becomes U+FFFD, so the output
  // is JSON that the reader accepts; overlong forms, surrogates and truncation too.
  for (const std::string& bad :
       {std::string("\xC6rchivist1"), std::string("a\xFF"), std::string("\xC0\xAF"),
        std::string("\xED\xA0\x80"), std::string("end\xE6\xA1")}) {
    const std::string text = Json(bad).Dump();
    INFO(text);
    auto back = ParseJson(text, "dump");
    REQUIRE(back.ok());
    CHECK(back->AsString().find("\xEF\xBF\xBD") != std::string::npos);
  }
  CHECK(Json(std::string("\xC6rchivist1")).Dump() == "\"\\ufffdrchivist1\"");
}
