// Deadline rules and DueAt. Every expected due time below was worked out by hand from
// ../shared/calendar-cn.md and domain.md ("How a limit is counted"), with weekdays checked
// against `date`; the comment beside each case is that working.
#include <catch2/catch.hpp>

#include <string>

#include "erflow/deadline_rule.h"
#include "erflow/time_format.h"
#include "test_support.h"

using namespace erflow;

namespace {

Calendar Shipped() {
  auto cal = Calendar::LoadDir(test::SourceDir() + "/calendars");
  REQUIRE(cal.ok());
  return *cal;
}

DeadlineRule Rule(const std::string& json) {
  auto doc = ParseJson(json, "rule");
  REQUIRE(doc.ok());
  auto rule = DeadlineRule::FromJson(*doc, "rule", "deadline");
  INFO(json << " -> " << rule.status().ToString());
  REQUIRE(rule.ok());
  return *rule;
}

Instant T(const std::string& text) {
  auto t = ParseTimestamp(text);
  INFO(text);
  REQUIRE(t.ok());
  return *t;
}

}  // namespace

TEST_CASE("due times: a table worked out by hand", "[deadline]") {
  struct Case {
    const char* what;
    const char* from;
    const char* rule;
    const char* due;  // ISO-8601, +08:00
  };
  const Case cases[] = {
      // domain.md: Oct 1-8 off; counted Thu 9, Fri 10, Sat 11 (调休), Mon 13, Tue 14; 24:00.
      {"domain.md 5 working days", "2025-09-30T18:00:00+08:00", R"({"workingDays": 5})",
       "2025-10-15T00:00:00+08:00"},
      // Sat 25 rest; Sun 26 (调休) 1, Mon 27 2; Jan 28-Feb 4 off; Wed 5 3, Thu 6 4, Fri 7 5.
      {"2025 Spring Festival, into it", "2025-01-24T10:00:00+08:00", R"({"workingDays": 5})",
       "2025-02-08T00:00:00+08:00"},
      // Fri 7 1, Sat 8 (调休) 2, Sun 9 rest, Mon 10 3.
      {"2025 Spring Festival, out of it", "2025-02-06T09:00:00+08:00", R"({"workingDays": 3})",
       "2025-02-11T00:00:00+08:00"},
      // Fri 13 1, Sat 14 (调休) 2, Feb 15-23 off, Tue 24 3.
      {"2026 Spring Festival, across it", "2026-02-12T15:00:00+08:00", R"({"workingDays": 3})",
       "2026-02-25T00:00:00+08:00"},
      // Trigger on a holiday: Tue 24 .. Fri 27 are 1-4, Sat 28 (调休) is the 5th.
      {"2026 Spring Festival, ends on 调休 Sat", "2026-02-23T10:00:00+08:00",
       R"({"workingDays": 5})", "2026-03-01T00:00:00+08:00"},
      // Sep 5 + 30 = Oct 5, a holiday; Oct 6-8 off; Thu Oct 9 works.
      {"30 days ending in National Day, rolled", "2025-09-05T10:00:00+08:00", R"({"days": 30})",
       "2025-10-10T00:00:00+08:00"},
      {"30 days ending in National Day, not rolled", "2025-09-05T10:00:00+08:00",
       R"({"days": 30, "rollToWorkingDay": false})", "2025-10-06T00:00:00+08:00"},
      {"P30D is the calendar-day rule", "2025-09-05T10:00:00+08:00", R"({"duration": "P30D"})",
       "2025-10-10T00:00:00+08:00"},
      // Jan 16 + 30 = Sun Feb 15, 春节 until Mon 23; Tue 24 works.
      {"30 days ending in 2026 Spring Festival, rolled", "2026-01-16T12:00:00+08:00",
       R"({"days": 30})", "2026-02-25T00:00:00+08:00"},
      {"30 days ending in 2026 Spring Festival, not rolled", "2026-01-16T12:00:00+08:00",
       R"({"days": 30, "rollToWorkingDay": false})", "2026-02-16T00:00:00+08:00"},
      // Mar 13 + 30 = Sat Apr 12; Sun 13 rest; Mon 14.
      {"30 days ending on a weekend", "2025-03-13T08:00:00+08:00", R"({"days": 30})",
       "2025-04-15T00:00:00+08:00"},
      // Sep 11 + 30 = Sat Oct 11, an adjusted working day: no roll needed.
      {"30 days ending on a 调休 Saturday", "2025-09-11T08:00:00+08:00", R"({"days": 30})",
       "2025-10-12T00:00:00+08:00"},
      // The trigger day does not count: day 1 is Wed Jun 11.
      {"1 calendar day", "2025-06-10T10:00:00+08:00", R"({"days": 1})",
       "2025-06-12T00:00:00+08:00"},
      // A week = 7 calendar days: Mon Oct 13 + 7 = Mon Oct 20.
      {"P1W", "2025-10-13T09:00:00+08:00", R"({"duration": "P1W"})", "2025-10-21T00:00:00+08:00"},
      // Sat 28, Sun 29 rest; Mon 30 1, Tue 31 2; Jan 1 off; Thu 2 3, Fri 3 4; Mon 6 5.
      {"working days 2024 -> 2025", "2024-12-27T16:00:00+08:00", R"({"workingDays": 5})",
       "2025-01-07T00:00:00+08:00"},
      // Tue 30 1, Wed 31 2; Jan 1-3 off; Sun Jan 4 (调休) 3, Mon 5 4, Tue 6 5.
      {"working days 2025 -> 2026", "2025-12-29T09:00:00+08:00", R"({"workingDays": 5})",
       "2026-01-07T00:00:00+08:00"},
      // Dec 20 + 15 = Sun Jan 4 2026, an adjusted working day.
      {"calendar days 2025 -> 2026", "2025-12-20T09:00:00+08:00", R"({"days": 15})",
       "2026-01-05T00:00:00+08:00"},
      // Dec 31 2024 + 1 = Jan 1 2025 (元旦); Thu Jan 2 works.
      {"calendar days 2024 -> 2025, rolled off 元旦", "2024-12-31T20:00:00+08:00", R"({"days": 1})",
       "2025-01-03T00:00:00+08:00"},
      // Exact durations: holidays and midnight change nothing.
      {"PT30M across midnight", "2025-10-14T23:45:00+08:00", R"({"duration": "PT30M"})",
       "2025-10-15T00:15:00+08:00"},
      {"PT24H into a holiday", "2025-09-30T18:00:00+08:00", R"({"duration": "PT24H"})",
       "2025-10-01T18:00:00+08:00"},
      {"PT8H into Spring Festival", "2026-02-14T20:00:00+08:00", R"({"duration": "PT8H"})",
       "2026-02-15T04:00:00+08:00"},
      {"PT1H30M inside Spring Festival", "2025-01-28T23:00:00+08:00", R"({"duration": "PT1H30M"})",
       "2025-01-29T00:30:00+08:00"},
      {"PT2H across the year", "2025-12-31T23:50:00+08:00", R"({"duration": "PT2H"})",
       "2026-01-01T01:50:00+08:00"},
      {"PT2H in 2027 needs no calendar", "2027-03-01T10:00:00+08:00", R"({"duration": "PT2H"})",
       "2027-03-01T12:00:00+08:00"},
      // Other offsets: the day is the China day of the instant.
      {"-05:00, same moment as the domain.md example", "2025-09-30T05:00:00-05:00",
       R"({"workingDays": 5})", "2025-10-15T00:00:00+08:00"},
      // 16:30Z on the 13th is 00:30 Tue 14 in China; 1 working day is Wed 15.
      {"Z, China day is the next UTC day", "2025-10-13T16:30:00Z", R"({"workingDays": 1})",
       "2025-10-16T00:00:00+08:00"},
      // 12:00-05:00 Fri 7 is 01:00 Sat Feb 8 in China; Sun 9 rest; Mon 10.
      {"-05:00, China day is a 调休 Saturday", "2025-02-07T12:00:00-05:00", R"({"workingDays": 1})",
       "2025-02-11T00:00:00+08:00"},
      // Daily time of day: the first one at or after `from`, holidays included.
      {"daily 17:00, before it", "2025-10-01T09:00:00+08:00", R"({"dailyAt": "17:00"})",
       "2025-10-01T17:00:00+08:00"},
      {"daily 17:00, exactly at it", "2025-10-01T17:00:00+08:00", R"({"dailyAt": "17:00"})",
       "2025-10-01T17:00:00+08:00"},
      {"daily 17:00, one second after", "2025-10-01T17:00:01+08:00", R"({"dailyAt": "17:00"})",
       "2025-10-02T17:00:00+08:00"},
      {"daily 17:00, from Z", "2025-10-14T08:30:00Z", R"({"dailyAt": "17:00"})",
       "2025-10-14T17:00:00+08:00"},
      {"daily 17:00, from Z after it", "2025-10-14T09:30:00Z", R"({"dailyAt": "17:00"})",
       "2025-10-15T17:00:00+08:00"},
      {"daily 00:00", "2025-12-31T00:00:01+08:00", R"({"dailyAt": "00:00"})",
       "2026-01-01T00:00:00+08:00"},
  };
  Calendar cal = Shipped();
  for (const auto& c : cases) {
    INFO(c.what << ": from " << c.from << " " << c.rule);
    auto due = DueAt(Rule(c.rule), T(c.from), cal);
    INFO(due.status().ToString());
    REQUIRE(due.ok());
    CHECK(FormatTimestamp(*due) == c.due);
  }
}

TEST_CASE("the domain.md example explains itself", "[deadline]") {
  auto d = ComputeDue(Rule(R"({"workingDays": 5})"), T("2025-09-30T18:00:00+08:00"), Shipped());
  REQUIRE(d.ok());
  REQUIRE(d->counted.size() == 5);
  const char* days[] = {"2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14"};
  for (int i = 0; i < 5; ++i) CHECK(d->counted[i].date.ToString() == days[i]);
  CHECK(d->counted[2].kind == DayKind::kAdjustedWorkingDay);
  REQUIRE(d->last_day);
  CHECK(d->last_day->ToString() == "2025-10-14");
  CHECK(FormatDueChinese(d->due) == "2025年10月14日 24:00");
  CHECK(FormatDue(d->due) == "2025-10-14 24:00");

  auto rolled = ComputeDue(Rule(R"({"days": 30})"), T("2025-09-05T10:00:00+08:00"), Shipped());
  REQUIRE(rolled.ok());
  REQUIRE(rolled->rolled_over.size() == 4);  // Oct 5, 6, 7, 8
  CHECK(rolled->rolled_over.front().date.ToString() == "2025-10-05");
  CHECK(rolled->rolled_over.back().date.ToString() == "2025-10-08");
  CHECK(rolled->last_day->ToString() == "2025-10-09");
}

TEST_CASE("a day outside the calendar's years is refused, naming the year", "[deadline]") {
  Calendar cal = Shipped();
  const std::string known = "(known: 2024–2026)";
  // Thu Dec 31 2026 is the 1st; Jan 1 2027 is unknown.
  auto across = DueAt(Rule(R"({"workingDays": 5})"), T("2026-12-30T10:00:00+08:00"), cal);
  CHECK(across.status().code() == Status::Code::kNotFound);
  CHECK_THAT(across.status().message(),
             Catch::StartsWith("counting 5 working days after 2026-12-30: the calendar has no "
                               "data for 2027 " +
                               known + "; add "));
  CHECK_THAT(across.status().message(), Catch::EndsWith("/2027.json"));
  auto inside = DueAt(Rule(R"({"workingDays": 1})"), T("2027-01-05T10:00:00+08:00"), cal);
  CHECK_THAT(inside.status().message(),
             Catch::StartsWith("counting 1 working day after 2027-01-05: the calendar has no "
                               "data for 2027"));
  auto rolled = DueAt(Rule(R"({"days": 30})"), T("2026-12-20T10:00:00+08:00"), cal);
  CHECK(rolled.status().code() == Status::Code::kNotFound);
  CHECK_THAT(rolled.status().message(),
             Catch::StartsWith("counting 30 calendar days after 2026-12-20: the calendar has no "
                               "data for 2027"));
  // Without the roll, calendar days need no calendar: Dec 20 + 30 = Jan 19, ends 24:00.
  auto plain = DueAt(Rule(R"({"days": 30, "rollToWorkingDay": false})"),
                     T("2026-12-20T10:00:00+08:00"), cal);
  REQUIRE(plain.ok());
  CHECK(FormatTimestamp(*plain) == "2027-01-20T00:00:00+08:00");
}

TEST_CASE("due moments are shown to people with 24:00 for the end of a day", "[deadline]") {
  CHECK(FormatDueChinese(T("2025-10-15T00:00:00+08:00")) == "2025年10月14日 24:00");
  CHECK(FormatDue(T("2025-10-15T00:00:00+08:00")) == "2025-10-14 24:00");
  CHECK(FormatDueChinese(T("2026-01-01T00:00:00+08:00")) == "2025年12月31日 24:00");
  CHECK(FormatDueChinese(T("2025-10-14T16:00:00Z")) == "2025年10月14日 24:00");
  CHECK(FormatDueChinese(T("2025-10-14T17:30:00+08:00")) == "2025年10月14日 17:30");
  CHECK(FormatDue(T("2025-10-14T17:30:30+08:00")) == "2025-10-14 17:30:30");
  CHECK(FormatDue(T("2025-10-15T00:00:01+08:00")) == "2025-10-15 00:00:01");
}

TEST_CASE("ISO-8601 durations", "[deadline]") {
  struct Good {
    const char* text;
    DeadlineRule::Kind kind;
    int64_t amount;
  };
  using K = DeadlineRule::Kind;
  const Good good[] = {
      {"PT30M", K::kDuration, 1800},     {"PT2H", K::kDuration, 7200},
      {"PT24H", K::kDuration, 86400},    {"PT1H30M", K::kDuration, 5400},
      {"PT90M", K::kDuration, 5400},     {"PT45S", K::kDuration, 45},
      {"PT8H0M5S", K::kDuration, 28805}, {"P30D", K::kCalendarDays, 30},
      {"P1W", K::kCalendarDays, 7},
  };
  for (const auto& g : good) {
    INFO(g.text);
    auto r = DeadlineRule::ParseIsoDuration(g.text);
    REQUIRE(r.ok());
    CHECK(r->kind() == g.kind);
    CHECK(r->seconds() == g.amount);
    if (g.kind == K::kCalendarDays) CHECK(r->roll_to_working_day());
  }
  struct Bad {
    const char* text;
    const char* message;
  };
  const Bad bad[] = {
      {"30m", "expected an ISO-8601 duration such as PT30M, PT2H, PT1H30M or P30D, got \"30m\""},
      {"pt30m", "expected an ISO-8601 duration"},
      {"P", "expected an ISO-8601 duration"},
      {"PT", "expected an ISO-8601 duration"},
      {"P30DT", "expected an ISO-8601 duration"},
      {"PT1.5H", "expected an ISO-8601 duration"},
      {"PT30M1H", "expected an ISO-8601 duration"},
      {"PT1H1H", "expected an ISO-8601 duration"},
      {"-PT5M", "expected an ISO-8601 duration"},
      {"P1W2D", "expected an ISO-8601 duration"},
      {"P1M", "\"P1M\": years and months are not supported"},
      {"P1Y", "\"P1Y\": years and months are not supported"},
      {"P1DT12H", "\"P1DT12H\" mixes days with hours"},
      {"PT0M", "a duration must be longer than zero"},
      {"P0D", "expected between 1 and 3660 calendar days, got 0"},
      {"P3661D", "expected between 1 and 3660 calendar days, got 3661"},
      {"PT87841H", "a duration longer than 3660 days is not supported"},
  };
  for (const auto& b : bad) {
    INFO(b.text);
    auto r = DeadlineRule::ParseIsoDuration(b.text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kInvalidArgument);
    CHECK_THAT(r.status().message(), Catch::StartsWith(b.message));
  }
  CHECK(FormatIsoDuration(5400) == "PT1H30M");
  CHECK(FormatIsoDuration(86400) == "PT24H");
  CHECK(FormatIsoDuration(45) == "PT45S");
  CHECK(FormatIsoDuration(3601) == "PT1H1S");
}

TEST_CASE("deadline rules in definitions: canonical JSON round-trips", "[deadline]") {
  const char* forms[] = {
      R"({"duration":"PT30M"})", R"({"duration":"PT1H30M"})",
      R"({"days":30})",          R"({"days":30,"rollToWorkingDay":false})",
      R"({"workingDays":5})",    R"({"dailyAt":"17:00"})",
      R"({"dailyAt":"08:05"})",
  };
  for (const char* f : forms) {
    INFO(f);
    DeadlineRule r = Rule(f);
    CHECK(r.ToJson().Dump() == f);
    CHECK(Rule(r.ToJson().Dump()) == r);
  }
  CHECK(Rule(R"({"duration": "P30D"})").ToJson().Dump() == R"({"days":30})");
  CHECK(Rule(R"({"duration": "P30D", "rollToWorkingDay": false})") ==
        *DeadlineRule::CalendarDays(30, false));
  CHECK(Rule(R"({"days": 30, "rollToWorkingDay": true})") == *DeadlineRule::CalendarDays(30));
  CHECK(Rule(R"({"dailyAt": "17:00"})").minute_of_day() == 17 * 60);
  CHECK(Rule(R"({"workingDays": 5})").Describe() == "5 working days");
  CHECK(Rule(R"({"duration": "PT30M"})").Describe() == "PT30M of elapsed time");
}

TEST_CASE("deadline rules in definitions: errors name file, position and path", "[deadline]") {
  struct Case {
    const char* json;
    const char* expected;  // after "workflows/x.json:"
  };
  const Case cases[] = {
      {R"("PT30M")",
       "1:1: deadlines[0]: expected a deadline object such as {\"duration\": \"PT30M\"}, "
       "{\"days\": 30}, {\"workingDays\": 5} or {\"dailyAt\": \"17:00\"}, got string"},
      {R"({})",
       "1:1: deadlines[0]: missing the limit; expected one of duration, days, workingDays, "
       "dailyAt"},
      {R"({"days": "30"})",
       "1:10: deadlines[0].days: expected a whole number of calendar days, got string"},
      {R"({"days": 30.5})",
       "1:10: deadlines[0].days: expected a whole number of calendar days, got number"},
      {R"({"days": 0})",
       "1:10: deadlines[0].days: expected between 1 and 3660 calendar days, got 0"},
      {R"({"workingDays": -1})",
       "1:17: deadlines[0].workingDays: expected between 1 and 3660 working days, got -1"},
      {R"({"workingDays": 5, "rollToWorkingDay": false})",
       "1:40: deadlines[0].rollToWorkingDay: only applies to a calendar-day limit "
       "({\"days\": N} or a \"PnD\" duration)"},
      {R"({"days": 30, "rollToWorkingDay": "no"})",
       "1:34: deadlines[0].rollToWorkingDay: expected true or false, got string"},
      {R"({"days": 30, "workingDays": 5})",
       "1:29: deadlines[0].workingDays: a deadline has one limit: give only one of duration, "
       "days, workingDays, dailyAt (\"days\" is already given)"},
      {R"({"dailyAt": "5pm"})",
       "1:13: deadlines[0].dailyAt: expected a time of day as HH:MM (e.g. 17:00), got \"5pm\""},
      {R"({"dailyAt": "24:00"})",
       "1:13: deadlines[0].dailyAt: expected a time of day between 00:00 and 23:59, got 24:00"},
      {R"({"duration": "P1M"})",
       "1:14: deadlines[0].duration: \"P1M\": years and months are not supported (their length "
       "varies); write calendar days, e.g. P30D"},
      {R"({"duration": 30})",
       "1:14: deadlines[0].duration: expected an ISO-8601 duration such as PT30M, PT2H, "
       "PT1H30M or P30D as a string, got integer"},
      {R"({"dayz": 30})",
       "1:10: deadlines[0].dayz: unknown key; expected one of: duration, days, workingDays, "
       "dailyAt, rollToWorkingDay, id"},
  };
  for (const auto& c : cases) {
    INFO(c.json);
    auto doc = ParseJson(c.json, "workflows/x.json");
    REQUIRE(doc.ok());
    auto r = DeadlineRule::FromJson(*doc, "workflows/x.json", "deadlines[0]", {"id"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kInvalidArgument);
    CHECK(r.status().message() == std::string("workflows/x.json:") + c.expected);
  }
  // Keys the caller declares are its own; without a source the position still shows.
  auto doc = ParseJson(R"({"id": "result-report", "workingDays": 5})", "x");
  CHECK(DeadlineRule::FromJson(*doc, "", "deadlines[1]", {"id"}).ok());
  auto strict = DeadlineRule::FromJson(*doc, "", "deadlines[1]");
  CHECK(strict.status().message() ==
        "line 1:8: deadlines[1].id: unknown key; expected one of: duration, days, workingDays, "
        "dailyAt, rollToWorkingDay");
}

TEST_CASE("rule factories check their ranges", "[deadline]") {
  CHECK(DeadlineRule::Duration(1).ok());
  CHECK_FALSE(DeadlineRule::Duration(0).ok());
  CHECK(DeadlineRule::CalendarDays(3660).ok());
  CHECK_FALSE(DeadlineRule::WorkingDays(0).ok());
  CHECK(DeadlineRule::DailyAt(23, 59).ok());
  CHECK(DeadlineRule::DailyAt(24, 0).status().message() ==
        "expected a time of day between 00:00 and 23:59, got 24:00");
  CHECK_FALSE(DeadlineRule::DailyAt(12, 60).ok());
}
