// `erflow calendar` driven through the real binary: due, day, years, --json, the refusal
// of a year the calendar does not know (exit 6), bad calendar files (exit 3) and usage
// errors (exit 2). Expected values worked out by hand from ../shared/calendar-cn.md.
#include <catch2/catch.hpp>

#include <string>

#include "erflow/json.h"
#include "test_support.h"

using erflow::test::RunErflow;

namespace {

erflow::Json ParseOut(const erflow::test::RunResult& r) {
  auto j = erflow::ParseJson(r.out, "stdout");
  INFO(r.out << r.err);
  REQUIRE(j.ok());
  return *j;
}

}  // namespace

TEST_CASE("calendar due: the domain.md example", "[calendar][cli]") {
  auto r =
      RunErflow({"calendar", "due", "--from", "2025-09-30T18:00:00+08:00", "--working-days", "5"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("due:      2025-10-15T00:00:00+08:00  (2025年10月14日 24:00)"));
  CHECK_THAT(r.out, Catch::Contains("2025-10-11 Saturday (调休上班 国庆节、中秋节)"));
  CHECK(r.err.empty());
}

TEST_CASE("calendar due --json, each rule kind", "[calendar][cli]") {
  struct Case {
    std::vector<std::string> rule;
    const char* due;
    const char* due_zh;
  };
  const Case cases[] = {
      // Sep 5 + 30 = Oct 5 (holiday) -> Oct 9 -> 24:00.
      {{"--days", "30"}, "2025-10-10T00:00:00+08:00", "2025年10月09日 24:00"},
      {{"--days", "30", "--no-roll"}, "2025-10-06T00:00:00+08:00", "2025年10月05日 24:00"},
      {{"--duration", "P30D"}, "2025-10-10T00:00:00+08:00", "2025年10月09日 24:00"},
      {{"--duration", "PT30M"}, "2025-09-05T10:30:00+08:00", "2025年09月05日 10:30"},
      // Fri Sep 5: Mon 8 .. Fri 12 are 1-5.
      {{"--working-days", "5"}, "2025-09-13T00:00:00+08:00", "2025年09月12日 24:00"},
      {{"--daily-at", "17:00"}, "2025-09-05T17:00:00+08:00", "2025年09月05日 17:00"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"--json", "calendar", "due", "--from", "2025-09-05T02:00:00Z"};
    args.insert(args.end(), c.rule.begin(), c.rule.end());
    auto r = RunErflow(args);
    INFO(c.rule[0] << " " << r.out << r.err);
    REQUIRE(r.exit_code == 0);
    erflow::Json j = ParseOut(r);
    CHECK(j["from"].AsString() == "2025-09-05T10:00:00+08:00");
    CHECK(j["due"].AsString() == c.due);
    CHECK(j["dueTextZh"].AsString() == c.due_zh);
  }
}

TEST_CASE("calendar due takes --from from the global --now and accepts --json after",
          "[calendar][cli]") {
  auto r = RunErflow(
      {"--now", "2025-09-30T05:00:00-05:00", "calendar", "due", "--working-days", "5", "--json"});
  REQUIRE(r.exit_code == 0);
  erflow::Json j = ParseOut(r);
  CHECK(j["due"].AsString() == "2025-10-15T00:00:00+08:00");
  CHECK(j["lastDay"].AsString() == "2025-10-14");
  REQUIRE(j["counted"].items().size() == 5);
  CHECK(j["counted"].items()[2]["kind"].AsString() == "adjusted_working_day");
}

TEST_CASE("calendar day says why", "[calendar][cli]") {
  auto r = RunErflow({"calendar", "day", "2025-10-11"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "2025-10-11 Saturday: working day: adjusted working day (调休上班) for 国庆节、中秋节 "
        "National Day & Mid-Autumn\n");
  r = RunErflow({"calendar", "day", "2026-02-14"});
  CHECK_THAT(r.out, Catch::Contains("adjusted working day (调休上班) for 春节"));
  r = RunErflow({"calendar", "day", "2025-10-12"});
  CHECK(r.out == "2025-10-12 Sunday: rest day (weekend)\n");

  r = RunErflow({"calendar", "day", "2026-02-16", "--json"});
  REQUIRE(r.exit_code == 0);
  erflow::Json j = ParseOut(r);
  CHECK(j["working"].AsBool() == false);
  CHECK(j["kind"].AsString() == "holiday");
  CHECK(j["holiday"]["zh"].AsString() == "春节");
  CHECK(j["holiday"]["en"].AsString() == "Spring Festival");
}

TEST_CASE("calendar years lists the notices", "[calendar][cli]") {
  auto r = RunErflow({"calendar", "years"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("2024  国务院办公厅关于2024年部分节假日安排的通知 "
                                    "(国办发明电〔2023〕7号, issued 2023-10-25)"));
  CHECK_THAT(r.out, Catch::Contains("2025  国务院办公厅关于2025年部分节假日安排的通知 "
                                    "(国办发明电〔2024〕12号, issued 2024-11-12)"));
  CHECK_THAT(r.out, Catch::Contains("2026  "));
  r = RunErflow({"--json", "calendar", "years"});
  REQUIRE(r.exit_code == 0);
  CHECK(ParseOut(r)["years"].items().size() == 3);
}

TEST_CASE("a 2027 date is refused with exit 6, naming the year", "[calendar][cli]") {
  auto r = RunErflow({"calendar", "day", "2027-01-04"});
  CHECK(r.exit_code == 6);
  CHECK(r.out.empty());
  CHECK_THAT(r.err,
             Catch::StartsWith("erflow: not_found: the calendar has no data for 2027 (known: "
                               "2024–2026); add "));
  CHECK_THAT(r.err, Catch::Contains("/calendars/2027.json"));

  r = RunErflow({"calendar", "due", "--from", "2026-12-30T10:00:00+08:00", "--working-days", "5"});
  CHECK(r.exit_code == 6);
  CHECK_THAT(r.err, Catch::Contains("counting 5 working days after 2026-12-30: the calendar has no "
                                    "data for 2027"));

  r = RunErflow({"--json", "calendar", "day", "2027-01-04"});
  CHECK(r.exit_code == 6);
  erflow::Json j = ParseOut(r);
  CHECK(j["error"].AsString() == "not_found");
  CHECK_THAT(j["message"].AsString(), Catch::Contains("2027"));
}

TEST_CASE("a bad calendar file is exit 3 naming file and JSON path", "[calendar][cli]") {
  erflow::test::TempDir data;
  erflow::test::RunShell("mkdir " + erflow::test::ShellQuote(data.File("calendars")));
  erflow::test::WriteFile(
      data.File("calendars/2025.json"),
      "{\"year\": 2025, \"source\": {\"title\": \"t\", \"issued\": \"2024-11-12\"},\n"
      "\"holidays\": [{\"name\": {\"zh\": \"元旦\", \"en\": \"New Year\"},\n"
      "\"first\": \"2025-01-01\", \"last\": \"2025-01-01\", \"adjustedWorkingDays\": "
      "[\"2025-01-06\"]}]}\n");
  auto r = RunErflow({"--data", data.path(), "calendar", "day", "2025-01-02"});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "erflow: invalid_argument: " + data.File("calendars/2025.json") +
                     ":3:70: holidays[0].adjustedWorkingDays[0]: 2025-01-06 is a Monday; an "
                     "adjusted working day (调休上班) must be a Saturday or Sunday\n");
}

TEST_CASE("calendar usage errors are exit 2, --help is exit 0", "[calendar][cli]") {
  const std::vector<std::vector<std::string>> usage = {
      {"calendar"},
      {"calendar", "bogus"},
      {"calendar", "due", "--from", "2025-09-30T18:00:00+08:00"},
      {"calendar", "due", "--from", "2025-09-30T18:00:00+08:00", "--days", "5", "--working-days",
       "3"},
      {"calendar", "due", "--from", "2025-09-30T18:00:00", "--days", "5"},
      {"calendar", "due", "--from", "2025-09-30T18:00:00+08:00", "--days", "five"},
      {"calendar", "due", "--from", "2025-09-30T18:00:00+08:00", "--duration", "30m"},
      {"calendar", "due", "--from", "2025-09-30T18:00:00+08:00", "--working-days", "5",
       "--no-roll"},
      {"calendar", "due", "--from", "2025-09-30T18:00:00+08:00", "--daily-at", "25:00"},
      {"calendar", "due", "--bogus"},
      {"calendar", "day"},
      {"calendar", "day", "2025-02-30"},
      {"calendar", "years", "extra"},
  };
  for (const auto& args : usage) {
    auto r = RunErflow(args);
    INFO(args.back() << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("usage: erflow calendar"));
  }
  for (const auto& args : std::vector<std::vector<std::string>>{{"calendar", "--help"},
                                                                {"calendar", "due", "--help"},
                                                                {"calendar", "day", "--help"},
                                                                {"calendar", "years", "--help"}}) {
    auto r = RunErflow(args);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::StartsWith("usage: erflow calendar"));
  }
}
