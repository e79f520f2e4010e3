#include <catch2/catch.hpp>

#include "erflow/form_schema.h"

using namespace erflow;

namespace {

FormSchema Form() {
  auto doc = ParseJson(R"({
    "id": "f", "name": {"zh": "表"},
    "fields": [
      {"id": "t", "type": "text", "required": true, "maxLength": 4, "label": {"zh": "标题"}},
      {"id": "n", "type": "integer", "min": 0, "max": 10, "label": {"zh": "数量"}},
      {"id": "d", "type": "decimal", "label": {"zh": "金额"}},
      {"id": "at", "type": "datetime", "label": {"zh": "时间"}},
      {"id": "e", "type": "enum", "values": [{"id": "x", "zh": "甲"}, {"id": "y", "zh": "乙"}], "label": {"zh": "类"}},
      {"id": "b", "type": "boolean", "label": {"zh": "是否"}},
      {"id": "l", "type": "list", "items": "enum", "minItems": 1, "values": [{"id": "p", "zh": "丙"}], "label": {"zh": "组"}}
    ]})",
                       "f.json");
  REQUIRE(doc.ok());
  auto form = ParseFormSchema(*doc, "f.json");
  REQUIRE(form.ok());
  return *form;
}

}  // namespace

TEST_CASE("valid data is accepted and normalised") {
  auto data = ParseJson(
      R"({"t": "中文标题", "n": 3, "d": 1.5, "at": "2025-10-14T09:00:00Z", "e": "y", "b": true, "l": ["p"]})",
      "d");
  auto out = ValidateFormData(Form(), *data);
  REQUIRE(out.ok());
  CHECK((*out)["at"].AsString() == "2025-10-14T17:00:00+08:00");
  CHECK((*out)["t"].AsString() == "中文标题");
}

TEST_CASE("each kind of bad value is reported with its path") {
  struct Case {
    const char* data;
    const char* expected;
  };
  const Case cases[] = {
      {R"({"n": 1})", "form.t: is required (标题)"},
      {R"({"t": "12345"})", "form.t: must be at most 4 characters (has 5)"},
      {R"({"t": 5})", "form.t: expected text, found integer"},
      {R"({"t": "a", "n": 11})", "form.n: must be at most 10"},
      {R"({"t": "a", "n": 1.5})", "form.n: expected a whole number"},
      {R"({"t": "a", "n": "3"})", "form.n: expected a number, found string"},
      {R"({"t": "a", "at": "2025-10-14 09:00"})",
       "form.at: time \"2025-10-14 09:00\" has no offset"},
      {R"({"t": "a", "e": "z"})", "form.e: \"z\" is not allowed (expected one of: x, y)"},
      {R"({"t": "a", "b": "yes"})", "form.b: expected true or false, found string"},
      {R"({"t": "a", "l": []})", "form.l: needs at least 1 item(s)"},
      {R"({"t": "a", "l": ["q"]})", "form.l[0]: \"q\" is not allowed"},
      {R"({"t": "a", "colour": "red"})", "form.colour: unknown field \"colour\" (not in form f)"},
      {R"([1, 2])", "form: expected an object of field values, found array"},
  };
  for (const auto& c : cases) {
    INFO(c.data);
    auto out = ValidateFormData(Form(), *ParseJson(c.data, "d"));
    REQUIRE_FALSE(out.ok());
    CHECK_THAT(out.status().message(), Catch::Contains(c.expected));
  }
}

TEST_CASE("form schema errors name the path") {
  auto doc = ParseJson(R"({"id": "f", "name": {"zh": "表"}, "fields": [
      {"id": "a", "type": "colour", "label": {"zh": "甲"}},
      {"id": "a", "type": "text", "label": {"zh": "乙"}, "maxLen": 3},
      {"id": "c", "type": "enum", "label": {"zh": "丙"}, "values": []}]})",
                       "forms/f.json");
  auto form = ParseFormSchema(*doc, "forms/f.json");
  REQUIRE_FALSE(form.ok());
  const std::string& m = form.status().message();
  CHECK_THAT(m,
             Catch::Contains("forms/f.json:2:27: fields[0].type: unknown field type \"colour\""));
  CHECK_THAT(m, Catch::Contains("fields[1].maxLen: unknown key \"maxLen\""));
  CHECK_THAT(m, Catch::Contains("fields[1].id: duplicate field id \"a\""));
  CHECK_THAT(m, Catch::Contains("fields[2].values: expected at least 1 item"));
}

TEST_CASE("a whole number beyond 64 bits is refused, not wrapped past its minimum") {
  // Found by the form fuzzer (tests/fuzz/regressions/form/): 5.6e54 serious injuries
  // parsed as a double, passed "min": 0 and was stored as a negative integer.
  auto doc = ParseJson(R"({"id": "f", "name": {"zh": "表"}, "fields": [
      {"id": "n", "type": "integer", "min": 0, "label": {"zh": "重伤人数"}}]})",
                       "f.json");
  auto form = ParseFormSchema(*doc, "f.json");
  REQUIRE(form.ok());
  for (const char* text : {R"({"n": 5555555555555555555555555555555555555555555555555555551})",
                           R"({"n": 9223372036854775808})", R"({"n": -1e300})"}) {
    INFO(text);
    auto out = ValidateFormData(*form, *ParseJson(text, "d"));
    REQUIRE_FALSE(out.ok());
    CHECK_THAT(out.status().message(), Catch::Contains("form.n"));
  }
  auto largest = ValidateFormData(*form, *ParseJson(R"({"n": 9223372036854775807})", "d"));
  REQUIRE(largest.ok());
  CHECK((*largest)["n"].AsInt() == INT64_MAX);
  auto whole = ValidateFormData(*form, *ParseJson(R"({"n": 4.0e3})", "d"));
  REQUIRE(whole.ok());
  CHECK((*whole)["n"].is_int());
  CHECK((*whole)["n"].AsInt() == 4000);
}
