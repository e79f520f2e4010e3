// The working-day calendar: the shipped years against ../shared/calendar-cn.md, the
// refusal of unknown years, and validation of calendar files. Every expectation here was
// worked out by hand from calendar-cn.md (weekdays checked with `date`), not from the code.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "erflow/calendar.h"
#include "test_support.h"

using namespace erflow;

namespace {

Calendar Shipped() {
  auto cal = Calendar::LoadDir(test::SourceDir() + "/calendars");
  INFO(cal.status().ToString());
  REQUIRE(cal.ok());
  return *cal;
}

CivilDate D(const char* text) {
  return *CivilDate::Parse(text);
}

}  // namespace

TEST_CASE("the shipped calendar knows 2024-2026 and their notices", "[calendar]") {
  Calendar cal = Shipped();
  CHECK(cal.KnownYears() == std::vector<int>{2024, 2025, 2026});
  REQUIRE(cal.Year(2025) != nullptr);
  CHECK(cal.Year(2025)->source().number == "国办发明电〔2024〕12号");
  CHECK(cal.Year(2025)->source().issued == D("2024-11-12"));
  CHECK(cal.Year(2024)->source().number == "国办发明电〔2023〕7号");
  CHECK(cal.Year(2024)->source().issued == D("2023-10-25"));
  CHECK(cal.Year(2026)->source().number.empty());  // not in the verified data
  CHECK(cal.Year(2026)->source().issued == D("2025-11-04"));
  CHECK(cal.Year(2024)->holidays().size() == 7);
  CHECK(cal.Year(2025)->holidays().size() == 6);
  CHECK(cal.Year(2026)->holidays().size() == 7);
  CHECK(cal.Year(2027) == nullptr);
}

TEST_CASE("days are classified with the reason", "[calendar]") {
  struct Case {
    const char* date;
    DayKind kind;
    const char* holiday_zh;  // "" when none
  };
  const Case cases[] = {
      {"2024-01-01", DayKind::kHoliday, "元旦"},
      {"2024-02-04", DayKind::kAdjustedWorkingDay, "春节"},  // Sun
      {"2024-02-09", DayKind::kWeekday, ""},                 // Fri, New Year's Eve, works
      {"2024-02-10", DayKind::kHoliday, "春节"},             // Sat inside the range
      {"2024-02-17", DayKind::kHoliday, "春节"},
      {"2024-02-18", DayKind::kAdjustedWorkingDay, "春节"},  // Sun
      {"2024-02-19", DayKind::kWeekday, ""},
      {"2024-04-07", DayKind::kAdjustedWorkingDay, "清明节"},
      {"2024-05-11", DayKind::kAdjustedWorkingDay, "劳动节"},
      {"2024-09-14", DayKind::kAdjustedWorkingDay, "中秋节"},
      {"2024-10-12", DayKind::kAdjustedWorkingDay, "国庆节"},
      {"2024-10-13", DayKind::kWeekend, ""},
      {"2025-01-26", DayKind::kAdjustedWorkingDay, "春节"},  // Sun
      {"2025-01-27", DayKind::kWeekday, ""},
      {"2025-01-28", DayKind::kHoliday, "春节"},
      {"2025-02-04", DayKind::kHoliday, "春节"},
      {"2025-02-08", DayKind::kAdjustedWorkingDay, "春节"},  // Sat
      {"2025-02-09", DayKind::kWeekend, ""},
      {"2025-04-27", DayKind::kAdjustedWorkingDay, "劳动节"},
      {"2025-06-02", DayKind::kHoliday, "端午节"},
      {"2025-09-28", DayKind::kAdjustedWorkingDay, "国庆节、中秋节"},
      {"2025-10-08", DayKind::kHoliday, "国庆节、中秋节"},
      {"2025-10-11", DayKind::kAdjustedWorkingDay, "国庆节、中秋节"},
      {"2025-10-12", DayKind::kWeekend, ""},
      {"2025-10-14", DayKind::kWeekday, ""},
      {"2026-01-03", DayKind::kHoliday, "元旦"},
      {"2026-01-04", DayKind::kAdjustedWorkingDay, "元旦"},  // Sun
      {"2026-02-14", DayKind::kAdjustedWorkingDay, "春节"},  // Sat
      {"2026-02-15", DayKind::kHoliday, "春节"},
      {"2026-02-23", DayKind::kHoliday, "春节"},
      {"2026-02-28", DayKind::kAdjustedWorkingDay, "春节"},  // Sat
      {"2026-05-09", DayKind::kAdjustedWorkingDay, "劳动节"},
      {"2026-09-20", DayKind::kAdjustedWorkingDay, "国庆节"},  // Sun
      {"2026-09-25", DayKind::kHoliday, "中秋节"},
      {"2026-10-10", DayKind::kAdjustedWorkingDay, "国庆节"},  // Sat
      {"2026-12-31", DayKind::kWeekday, ""},
  };
  Calendar cal = Shipped();
  for (const auto& c : cases) {
    INFO(c.date);
    auto info = cal.Day(D(c.date));
    REQUIRE(info.ok());
    CHECK(DayKindName(info->kind) == std::string(DayKindName(c.kind)));
    CHECK(info->holiday.zh == c.holiday_zh);
    CHECK(info->working() ==
          (c.kind == DayKind::kWeekday || c.kind == DayKind::kAdjustedWorkingDay));
  }
}

TEST_CASE("descriptions say why a day is or is not a working day", "[calendar]") {
  Calendar cal = Shipped();
  CHECK(
      cal.Day(D("2025-10-11"))->Describe() ==
      "working day: adjusted working day (调休上班) for 国庆节、中秋节 National Day & Mid-Autumn");
  CHECK(cal.Day(D("2026-02-16"))->Describe() == "rest day: public holiday 春节 Spring Festival");
  CHECK(cal.Day(D("2025-10-12"))->Describe() == "rest day (weekend)");
  CHECK(cal.Day(D("2025-10-14"))->Describe() == "working day (weekday)");
}

TEST_CASE("working days per year match a count by hand", "[calendar]") {
  // 2024: 262 weekdays - 19 weekday days off + 8 adjusted = 251.
  // 2025: 261 - 18 + 5 = 248.  2026: 261 - 19 + 6 = 248.
  Calendar cal = Shipped();
  for (auto [year, expected] : {std::pair{2024, 251}, {2025, 248}, {2026, 248}}) {
    int working = 0;
    for (CivilDate d{year, 1, 1}; d.year == year; d = d.AddDays(1))
      working += cal.Day(d)->working();
    INFO(year);
    CHECK(working == expected);
  }
}

TEST_CASE("a year the calendar has no data for is refused, naming the year", "[calendar]") {
  Calendar cal = Shipped();
  auto r = cal.Day(D("2027-01-04"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kNotFound);
  CHECK(r.status().message() == "the calendar has no data for 2027 (known: 2024–2026); add " +
                                    test::SourceDir() + "/calendars/2027.json");
  CHECK_THAT(cal.Day(D("2023-12-31")).status().message(),
             Catch::StartsWith("the calendar has no data for 2023 (known: 2024–2026)"));
  CHECK(Calendar().Day(D("2025-01-02")).status().message() ==
        "the calendar has no data for 2025 (known: none); add calendars/2025.json");
  CHECK(cal.Day(CivilDate{2025, 2, 29}).status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("a year can be added from parsed JSON, once", "[calendar]") {
  const char* text = R"({"year": 2030, "source": {"title": "t", "issued": "2029-11-01"},
    "holidays": [{"name": {"zh": "元旦", "en": "New Year"}, "first": "2030-01-01", "last": "2030-01-01"}]})";
  auto doc = ParseJson(text, "request body");
  REQUIRE(doc.ok());
  auto year = CalendarYear::FromJson(*doc, "request body");
  REQUIRE(year.ok());
  Calendar cal = Shipped();
  REQUIRE(cal.Add(*year).ok());
  CHECK(cal.KnownYears() == std::vector<int>{2024, 2025, 2026, 2030});
  CHECK(cal.Day(D("2030-01-01"))->kind == DayKind::kHoliday);
  CHECK_THAT(cal.Day(D("2027-01-01")).status().message(),
             Catch::Contains("(known: 2024–2026, 2030)"));
  auto again = cal.Add(*year);
  CHECK(again.code() == Status::Code::kInvalidArgument);
  CHECK(again.message() == "request body: year: 2030 is already defined by request body");
}

// Calendar-file validation: each case is the base file below with one line replaced (line
// numbers are 1-based), and the exact message expected. Columns count characters.
namespace {

const std::vector<std::string> kBase = {
    /* 1 */ "{",
    /* 2 */ "\"year\": 2025,",
    /* 3 */
    "\"source\": {\"title\": \"国务院办公厅关于2025年部分节假日安排的通知\", \"issued\": "
    "\"2024-11-12\"},",
    /* 4 */ "\"holidays\": [",
    /* 5 */ "{\"name\": {\"zh\": \"春节\", \"en\": \"Spring Festival\"},",
    /* 6 */ "\"first\": \"2025-01-28\",",
    /* 7 */ "\"last\": \"2025-02-04\",",
    /* 8 */ "\"adjustedWorkingDays\": [\"2025-01-26\", \"2025-02-08\"]},",
    /* 9 */ "{\"name\": {\"zh\": \"劳动节\", \"en\": \"Labour Day\"},",
    /* 10 */ "\"first\": \"2025-05-01\",",
    /* 11 */ "\"last\": \"2025-05-05\"}",
    /* 12 */ "]",
    /* 13 */ "}",
};

std::string WithLine(int line, const std::string& replacement) {
  std::string out;
  for (size_t i = 0; i < kBase.size(); ++i)
    out += (static_cast<int>(i) + 1 == line ? replacement : kBase[i]) + "\n";
  return out;
}

}  // namespace

TEST_CASE("the base calendar file of the validation table is valid", "[calendar]") {
  test::TempDir dir;
  test::WriteFile(dir.File("2025.json"), WithLine(0, ""));
  auto cal = Calendar::LoadDir(dir.path());
  INFO(cal.status().ToString());
  REQUIRE(cal.ok());
  CHECK(cal->Day(D("2025-02-08"))->kind == DayKind::kAdjustedWorkingDay);
}

TEST_CASE("bad calendar files are refused with file, position, JSON path and reason",
          "[calendar]") {
  struct Case {
    int line;
    const char* replacement;
    const char* expected;  // after "<dir>/2025.json:"
  };
  const Case cases[] = {
      {7, "\"last\": \"2025-02-30\",", "7:9: holidays[0].last: no such day: \"2025-02-30\""},
      {6, "\"first\": \"2024-12-31\",",
       "6:10: holidays[0].first: 2024-12-31 is outside the file's year 2025"},
      {6, "\"first\": 20250128,",
       "6:10: holidays[0].first: expected a date as a \"YYYY-MM-DD\" string, got integer"},
      {8, "\"adjustedWorkingDays\": [\"2025-01-27\", \"2025-02-08\"]},",
       "8:25: holidays[0].adjustedWorkingDays[0]: 2025-01-27 is a Monday; an adjusted working "
       "day (调休上班) must be a Saturday or Sunday"},
      {8, "\"adjustedWorkingDays\": [\"2025-01-26\", \"2025-02-01\"]},",
       "8:39: holidays[0].adjustedWorkingDays[1]: 2025-02-01 is a day off of holidays[0] (春节 "
       "Spring Festival); a day cannot be both a holiday and a working day"},
      {11, "\"last\": \"2025-05-05\", \"adjustedWorkingDays\": [\"2025-02-02\"]}",
       "11:47: holidays[1].adjustedWorkingDays[0]: 2025-02-02 is a day off of holidays[0] (春节 "
       "Spring Festival); a day cannot be both a holiday and a working day"},
      {11, "\"last\": \"2025-05-05\", \"adjustedWorkingDays\": [\"2025-01-26\"]}",
       "11:47: holidays[1].adjustedWorkingDays[0]: 2025-01-26 is already an adjusted working "
       "day of holidays[0] (春节 Spring Festival)"},
      {10, "\"first\": \"2025-02-04\",",
       "9:1: holidays[1]: days off 2025-02-04..2025-05-05 overlap holidays[0] (春节 Spring "
       "Festival) on 2025-02-04"},
      {11, "\"last\": \"2025-04-30\"}",
       "11:9: holidays[1].last: 2025-04-30 is before first 2025-05-01; first and last are the "
       "inclusive range of days off"},
      {11, "\"last\": \"2025-05-05\", \"adjustedWorkingDay\": [\"2025-04-27\"]}",
       "11:45: holidays[1].adjustedWorkingDay: unknown key; expected one of: name, first, last, "
       "adjustedWorkingDays"},
      {2, "\"year\": 2025, \"yaer\": 2025,",
       "2:23: yaer: unknown key; expected one of: year, source, note, holidays"},
      {2, "\"year\": \"2025\",", "2:9: year: expected a four-digit year as an integer, got string"},
      {9, "{\"name\": {\"en\": \"Labour Day\"},",
       "9:10: holidays[1].name: missing required key \"zh\""},
      {9, "{\"name\": {\"zh\": \"劳动节\", \"en\": \"\"},",
       "9:30: holidays[1].name.en: must not be empty"},
      {3, "\"source\": {\"title\": \"t\"},", "3:11: source: missing required key \"issued\""},
      {3, "\"source\": {\"title\": \"t\", \"issued\": \"2024-11-12\", \"url\": 1},",
       "3:57: source.url: unknown key; expected one of: title, number, issued"},
      {8, "\"adjustedWorkingDays\": \"2025-01-26\"},",
       "8:24: holidays[0].adjustedWorkingDays: expected an array of dates, got string"},
  };
  for (const auto& c : cases) {
    test::TempDir dir;
    const std::string text = WithLine(c.line, c.replacement);
    test::WriteFile(dir.File("2025.json"), text);
    INFO(text);
    auto cal = Calendar::LoadDir(dir.path());
    REQUIRE_FALSE(cal.ok());
    CHECK(cal.status().code() == Status::Code::kInvalidArgument);
    CHECK(cal.status().message() == dir.File("2025.json") + ":" + c.expected);
  }
}

TEST_CASE("calendar folders: empty holiday lists, names, duplicates, syntax, missing folder",
          "[calendar]") {
  test::TempDir dir;
  SECTION("an empty holiday list is refused") {
    test::WriteFile(dir.File("2025.json"),
                    "{\"year\": 2025, \"source\": {\"title\": \"t\", \"issued\": \"2024-11-12\"},\n"
                    "\"holidays\": []}\n");
    CHECK(Calendar::LoadDir(dir.path()).status().message() ==
          dir.File("2025.json") + ":2:13: holidays: expected at least one holiday");
  }
  SECTION("holidays must be an array") {
    test::WriteFile(dir.File("2025.json"),
                    "{\"year\": 2025, \"source\": {\"title\": \"t\", \"issued\": \"2024-11-12\"},\n"
                    "\"holidays\": {}}\n");
    CHECK(Calendar::LoadDir(dir.path()).status().message() ==
          dir.File("2025.json") + ":2:13: holidays: expected an array of holidays, got object");
  }
  SECTION("a YYYY.json file holding another year") {
    test::WriteFile(dir.File("2026.json"), WithLine(0, ""));
    CHECK(Calendar::LoadDir(dir.path()).status().message() ==
          dir.File("2026.json") + ":2:9: year: 2025 does not match the file name 2026.json");
  }
  SECTION("the same year in two files") {
    test::WriteFile(dir.File("2025.json"), WithLine(0, ""));
    test::WriteFile(dir.File("2025-copy.json"), WithLine(0, ""));  // sorts first
    CHECK(Calendar::LoadDir(dir.path()).status().message() ==
          dir.File("2025.json") + ": year: 2025 is already defined by " +
              dir.File("2025-copy.json"));
  }
  SECTION("a JSON syntax error names the file and position") {
    test::WriteFile(dir.File("2025.json"), WithLine(6, "\"first\": \"2025-01-28\""));
    CHECK_THAT(Calendar::LoadDir(dir.path()).status().message(),
               Catch::StartsWith(dir.File("2025.json") + ":7:1: "));
  }
  SECTION("files other than *.json are ignored") {
    test::WriteFile(dir.File("README.md"), "not json");
    test::WriteFile(dir.File("2025.json"), WithLine(0, ""));
    CHECK(Calendar::LoadDir(dir.path())->KnownYears() == std::vector<int>{2025});
  }
  SECTION("a missing folder is NotFound") {
    auto r = Calendar::LoadDir(dir.File("nope"));
    CHECK(r.status().code() == Status::Code::kNotFound);
    CHECK_THAT(r.status().message(), Catch::Contains("no such calendar folder"));
  }
}
