// The definition-error table: each bad definition with the message an author gets —
// file, line:column, JSON path and what was expected.
#include <catch2/catch.hpp>

#include "erflow/definition_loader.h"
#include "test_support.h"

using namespace erflow;
using erflow::test::SourceDir;
using erflow::test::TempDir;
using erflow::test::WriteFile;

namespace {

// A valid minimal definition; each case below breaks one thing in it.
const char kValid[] = R"({
  "id": "t",
  "name": {"zh": "测试"},
  "start": "a",
  "stages": [
    {"id": "s1", "name": {"zh": "一"}, "tasks": [
      {"id": "a", "name": {"zh": "甲"}, "role": "clerk", "form": "basic-assessment", "next": "g"}
    ]},
    {"id": "s2", "name": {"zh": "二"}, "tasks": [
      {"id": "b", "name": {"zh": "乙"}, "role": "supervisor", "next": "end"}
    ]}
  ],
  "gateways": [
    {"id": "g", "type": "exclusive", "branches": [
      {"when": {"field": "a.nature", "op": "eq", "value": "false_alarm"}, "next": "end"},
      {"next": "b"}
    ]}
  ],
  "ends": [{"id": "end", "name": {"zh": "完"}}]
})";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  auto pos = s.find(from);
  REQUIRE(pos != std::string::npos);
  return s.replace(pos, from.size(), to);
}

Status Load(const std::string& text) {
  TempDir dir;
  std::string file = dir.File("t.json");
  WriteFile(file, text);
  auto def = LoadDefinitionFile(file, SourceDir() + "/forms");
  return def.ok() ? Status::Ok() : def.status();
}

}  // namespace

TEST_CASE("the valid base definition loads") {
  CHECK(Load(kValid).ok());
}

TEST_CASE("definition errors name file, position, path and what was expected") {
  struct Case {
    const char* what;
    std::string text;
    std::vector<std::string> expected;  // substrings of the message
  };
  const std::vector<Case> cases = {
      {"syntax error",
       Replace(kValid, "\"role\": \"clerk\",", "\"role\": \"clerk\""),
       {"t.json:7:56: expected ',' or '}' in object, found '\"'"}},
      {"unknown key",
       Replace(kValid, "\"role\": \"clerk\",", "\"role\": \"clerk\", \"colour\": \"red\","),
       {"t.json:7:67: stages[0].tasks[0].colour: unknown key \"colour\""}},
      {"wrong type",
       Replace(kValid, "\"role\": \"supervisor\"", "\"role\": 5"),
       {"stages[1].tasks[0].role: expected string, found integer"}},
      {"unknown role",
       Replace(kValid, "\"role\": \"supervisor\"", "\"role\": \"superviser\""),
       {"stages[1].tasks[0].role: unknown role \"superviser\" (expected one of: clerk, "
        "supervisor"}},
      {"duplicate id",
       Replace(kValid, "{\"id\": \"b\",", "{\"id\": \"a\","),
       {"stages[1].tasks[0].id: duplicate id \"a\" (also declared at stages[0].tasks[0])"}},
      {"missing form",
       Replace(kValid, "\"basic-assessment\"", "\"no-such-form\""),
       {"stages[0].tasks[0].form: form \"no-such-form\" not found (expected "
        "forms/no-such-form.json)"}},
      {"missing next",
       Replace(kValid, "\"next\": \"g\"", "\"next\": \"nowhere\""),
       {"stages[0].tasks[0].next: no task, gateway or end with id \"nowhere\""}},
      {"missing required key",
       Replace(kValid, "\"start\": \"a\",", ""),
       {"t.json:1:1: start: missing required string"}},
      {"unreachable stage",
       Replace(kValid, "{\"next\": \"b\"}", "{\"next\": \"end\"}"),
       {"stages[1]: stage \"s2\" is unreachable: no path from start \"a\" leads to any of its "
        "tasks"}},
      {"no way to an end",
       Replace(kValid, "\"role\": \"supervisor\", \"next\": \"end\"",
               "\"role\": \"supervisor\", \"next\": \"b\""),
       {"stages[1].tasks[0]: \"b\" has no way to an end"}},
      {"exclusive without default",
       Replace(kValid, "{\"next\": \"b\"}",
               "{\"when\": {\"field\": \"a.nature\", \"op\": \"eq\", \"value\": \"genuine\"}, "
               "\"next\": \"b\"}"),
       {"gateways[0].branches[1].when: the last branch must have no \"when\""}},
      {"variable of a missing field",
       Replace(kValid, "\"field\": \"a.nature\"", "\"field\": \"a.colour\""),
       {"gateways[0].branches[0].when.field: variable \"a.colour\": task \"a\" has no field "
        "\"colour\" in its form"}},
      {"bad operator",
       Replace(kValid, "\"op\": \"eq\"", "\"op\": \"equals\""),
       {"gateways[0].branches[0].when.op: unknown operator \"equals\""}},
      {"return without returnTo",
       Replace(kValid, "\"role\": \"supervisor\",",
               "\"role\": \"supervisor\", \"actions\": [\"submit\", \"return\"],"),
       {"stages[1].tasks[0].actions: action \"return\" needs \"returnTo\""}},
      {"join with one arc",
       Replace(Replace(kValid, "{\"next\": \"b\"}", "{\"next\": \"j\"}"), "\"gateways\": [",
               "\"gateways\": [{\"id\": \"j\", \"type\": \"join\", \"next\": \"b\"},"),
       {"gateways[0]: join \"j\" has 1 incoming arc(s); a join needs at least 2"}},
      {"bad unit reference",
       Replace(kValid, "\"role\": \"supervisor\"",
               "\"role\": \"supervisor\", \"unit\": \"@actor:\""),
       {"stages[1].tasks[0].unit: \"@actor:\" is not a unit reference"}},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    Status s = Load(c.text);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == Status::Code::kInvalidArgument);
    for (const auto& e : c.expected) CHECK_THAT(s.message(), Catch::Contains(e));
  }
}

TEST_CASE("several problems are all reported at once") {
  std::string text =
      Replace(Replace(kValid, "\"role\": \"supervisor\"", "\"role\": \"superviser\""),
              "\"basic-assessment\"", "\"nope\"");
  Status s = Load(text);
  CHECK_THAT(s.message(), Catch::Contains("superviser") && Catch::Contains("\"nope\" not found"));
}

TEST_CASE("every shipped definition validates") {
  for (const auto& file : ListJsonFiles(SourceDir() + "/workflows")) {
    INFO(file);
    auto def = LoadDefinitionFile(file, SourceDir() + "/forms");
    CHECK(def.ok());
    if (!def.ok()) FAIL(def.status().message());
  }
}
