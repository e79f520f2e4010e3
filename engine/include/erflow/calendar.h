// Calendar: the Chinese working-day calendar. A day is a working day when it is a weekday
// that is not a public holiday, or a weekend day the State Council has made a working day
// (调休上班). Holidays change every year by notice, so they are data: one CalendarYear per
// year, read from calendars/YEAR.json (format: calendars/README.md), each citing the
// notice it came from. A date in a year the calendar has no data for is an error naming
// that year, never a guess: a wrong guess moves a statutory deadline.
//
// Thread rules: CalendarYear and Calendar are values. Build a Calendar (LoadDir / Add) on
// one thread, then share it const: all const methods are safe to call concurrently. To
// take in a new year at run time, build a new Calendar and swap it in.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "erflow/civil_date.h"
#include "erflow/json.h"
#include "erflow/result.h"

namespace erflow {

struct HolidayName {
  std::string zh;  // "春节"
  std::string en;  // "Spring Festival"
};

// The notice a year's data comes from.
struct CalendarSource {
  std::string title;   // "国务院办公厅关于2025年部分节假日安排的通知"
  std::string number;  // "国办发明电〔2024〕12号"; empty when not (yet) verified
  CivilDate issued;    // 2024-11-12
};

struct Holiday {
  HolidayName name;
  CivilDate first;                               // first day off
  CivilDate last;                                // last day off (inclusive)
  std::vector<CivilDate> adjusted_working_days;  // 调休上班 that belong to this holiday
};

// Why a day is or is not a working day.
enum class DayKind {
  kWeekday,            // Monday–Friday, no holiday: working
  kWeekend,            // Saturday or Sunday, not adjusted: rest
  kHoliday,            // a day off of a public holiday: rest
  kAdjustedWorkingDay  // a weekend day made a working day (调休上班): working
};

// "weekday", "weekend", "holiday", "adjusted_working_day" (stable: CLI --json, API).
const char* DayKindName(DayKind kind);
// "Monday" ... "Sunday" for CivilDate::Weekday() 1..7.
const char* WeekdayName(int iso_weekday);

struct DayInfo {
  CivilDate date;
  DayKind kind = DayKind::kWeekday;
  HolidayName holiday;  // set for kHoliday and kAdjustedWorkingDay (the holiday it serves)

  bool working() const { return kind == DayKind::kWeekday || kind == DayKind::kAdjustedWorkingDay; }
  // "working day (weekday)", "rest day (weekend)", "rest day: public holiday 春节 Spring
  // Festival", "working day: adjusted working day (调休上班) for 春节 Spring Festival".
  std::string Describe() const;
};

// One year's holidays and adjusted working days. Only FromJson makes one, so every
// CalendarYear has passed validation: dates valid and inside the year, holidays not
// overlapping, adjusted working days on a Saturday or Sunday and not also a day off.
class CalendarYear {
 public:
  // Validates one year's document. `source_name` (a file name, or e.g. "request body")
  // prefixes every error: "calendars/2025.json:14:9: holidays[2].last: <what was wrong>".
  static Result<CalendarYear> FromJson(const Json& doc, const std::string& source_name);

  int year() const { return year_; }
  const CalendarSource& source() const { return source_; }
  const std::vector<Holiday>& holidays() const { return holidays_; }
  const std::string& note() const { return note_; }
  const std::string& source_name() const { return source_name_; }

  // REQUIRES: date.year == year() and date.IsValid().
  DayInfo Day(CivilDate date) const;

 private:
  CalendarYear() = default;

  struct Mark {
    size_t holiday = 0;  // index into holidays_
    bool day_off = false;
  };

  int year_ = 0;
  CalendarSource source_;
  std::vector<Holiday> holidays_;
  std::string note_;
  std::string source_name_;
  std::map<int64_t, Mark> marks_;  // CivilDate::ToDays() of every special day
};

class Calendar {
 public:
  Calendar() = default;  // knows no year: every Day() is an error

  // Loads every *.json file in `dir` (other files, such as README.md, are ignored), in
  // file-name order. Errors: NotFound when `dir` is not a folder; InvalidArgument naming
  // the file, position and JSON path for a bad file, for a year defined twice, or for a
  // file named YYYY.json that holds another year.
  static Result<Calendar> LoadDir(const std::string& dir);

  // Adds a validated year. InvalidArgument when the year is already known.
  Status Add(CalendarYear year);

  // What kind of day `date` is. NotFound when the calendar has no data for its year:
  // "the calendar has no data for 2027 (known: 2024–2026); add calendars/2027.json".
  // InvalidArgument for an impossible date.
  Result<DayInfo> Day(CivilDate date) const;

  // Ascending.
  std::vector<int> KnownYears() const;
  // nullptr when unknown.
  const CalendarYear* Year(int year) const;

 private:
  Status MissingYear(int year) const;

  std::map<int, CalendarYear> years_;
  std::string dir_;  // where LoadDir read from; names the file to add in errors
};

}  // namespace erflow
