#include <catch2/catch.hpp>

#include <map>

#include "erflow/condition.h"

using namespace erflow;

namespace {

class MapVars : public VariableSource {
 public:
  std::map<std::string, Json> values;
  Json Get(const std::string& name) const override {
    auto it = values.find(name);
    return it == values.end() ? Json() : it->second;
  }
};

bool Eval(const std::string& text, const MapVars& vars) {
  Problems p("c");
  Condition c;
  auto doc = ParseJson(text, "c");
  REQUIRE(doc.ok());
  REQUIRE(Condition::Parse(*doc, "when", &p, &c));
  return c.Evaluate(vars);
}

}  // namespace

TEST_CASE("conditions compare numbers, strings and references, absent values fail") {
  MapVars v;
  v.values["a.minutes"] = Json(int64_t{150});
  v.values["a.people"] = Json(int64_t{2000000});
  v.values["a.level"] = Json("II");
  v.values["d.proposed"] = Json("I");
  CHECK(Eval(R"({"field": "a.minutes", "op": "ge", "value": 120})", v));
  CHECK_FALSE(Eval(R"({"field": "a.minutes", "op": "lt", "value": 120})", v));
  CHECK(Eval(
      R"({"all": [{"field": "a.minutes", "op": "ge", "value": 120}, {"field": "a.people", "op": "ge", "value": 1000000}]})",
      v));
  CHECK(Eval(R"({"field": "a.level", "op": "ne", "ref": "d.proposed"})", v));
  CHECK(Eval(R"({"field": "a.level", "op": "in", "value": ["I", "II"]})", v));
  CHECK(Eval(R"({"not": {"field": "a.level", "op": "eq", "value": "I"}})", v));
  CHECK(Eval(R"({"field": "a.missing", "op": "absent"})", v));
  CHECK_FALSE(Eval(R"({"field": "a.missing", "op": "ge", "value": 0})", v));
  CHECK_FALSE(Eval(R"({"field": "a.missing", "op": "eq", "value": null})", v));
  CHECK(Eval(
      R"({"any": [{"field": "a.missing", "op": "gt", "value": 1}, {"field": "a.level", "op": "eq", "value": "II"}]})",
      v));
}

TEST_CASE("malformed conditions are reported with their path") {
  Problems p("c");
  Condition c;
  auto doc = ParseJson(R"({"field": "x.y", "op": "in", "value": 3, "extra": 1})", "c");
  CHECK_FALSE(Condition::Parse(*doc, "branches[0].when", &p, &c));
  REQUIRE(p.size() == 2);
  CHECK_THAT(p.ToStatus().message(), Catch::Contains("branches[0].when.extra: unknown key"));
  CHECK_THAT(p.ToStatus().message(),
             Catch::Contains("branches[0].when.value: operator \"in\" needs an array value"));
}
