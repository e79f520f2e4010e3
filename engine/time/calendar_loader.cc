// CalendarYear::FromJson: reading and validating one year of calendars/*.json.
// The format is documented in calendars/README.md. Every error names the source, the
// position, the JSON path and what was expected, because the person who reads it is an
// administrator typing in a State Council notice, not a programmer.
// Thread rules: pure functions.
#include <string>
#include <vector>

#include "erflow/calendar.h"
#include "time/json_field.h"

namespace erflow {
namespace {

using json_field::Error;
using json_field::Index;
using json_field::Key;
using json_field::TypeError;

std::string Describe(const HolidayName& n) {
  return n.zh + " " + n.en;
}

// A non-empty string.
Status ReadText(const std::string& src, const Json& v, const std::string& path, std::string* out) {
  if (!v.is_string()) return TypeError(src, v, path, "a string");
  if (v.AsString().empty()) return Error(src, v, path, "must not be empty");
  *out = v.AsString();
  return Status::Ok();
}

// A "YYYY-MM-DD" string; when `year` is non-zero, a day of that year.
Status ReadDate(const std::string& src, const Json& v, const std::string& path, int year,
                CivilDate* out) {
  if (!v.is_string()) return TypeError(src, v, path, "a date as a \"YYYY-MM-DD\" string");
  auto d = CivilDate::Parse(v.AsString());
  if (!d.ok()) return Error(src, v, path, d.status().message());
  if (year != 0 && d->year != year)
    return Error(src, v, path,
                 d->ToString() + " is outside the file's year " + std::to_string(year));
  *out = *d;
  return Status::Ok();
}

Status ReadSource(const std::string& src, const Json& v, CalendarSource* out) {
  const std::string path = "source";
  if (!v.is_object()) return TypeError(src, v, path, "an object with title, number, issued");
  ERFLOW_RETURN_IF_ERROR(json_field::CheckKeys(src, v, path, {"title", "number", "issued"}));
  const Json* f = nullptr;
  ERFLOW_RETURN_IF_ERROR(json_field::Require(src, v, path, "title", &f));
  ERFLOW_RETURN_IF_ERROR(ReadText(src, *f, Key(path, "title"), &out->title));
  // The number is optional: better absent than invented (see calendars/README.md).
  if (const Json* n = v.Find("number"))
    ERFLOW_RETURN_IF_ERROR(ReadText(src, *n, Key(path, "number"), &out->number));
  ERFLOW_RETURN_IF_ERROR(json_field::Require(src, v, path, "issued", &f));
  return ReadDate(src, *f, Key(path, "issued"), 0, &out->issued);
}

Status ReadName(const std::string& src, const Json& v, const std::string& path, HolidayName* out) {
  if (!v.is_object()) return TypeError(src, v, path, "an object {\"zh\": ..., \"en\": ...}");
  ERFLOW_RETURN_IF_ERROR(json_field::CheckKeys(src, v, path, {"zh", "en"}));
  const Json* f = nullptr;
  ERFLOW_RETURN_IF_ERROR(json_field::Require(src, v, path, "zh", &f));
  ERFLOW_RETURN_IF_ERROR(ReadText(src, *f, Key(path, "zh"), &out->zh));
  ERFLOW_RETURN_IF_ERROR(json_field::Require(src, v, path, "en", &f));
  return ReadText(src, *f, Key(path, "en"), &out->en);
}

// One holiday's name and range; its adjusted working days are read by the caller once
// every day off of the year is known.
Status ReadHoliday(const std::string& src, const Json& v, const std::string& path, int year,
                   Holiday* out) {
  if (!v.is_object()) return TypeError(src, v, path, "a holiday object");
  ERFLOW_RETURN_IF_ERROR(
      json_field::CheckKeys(src, v, path, {"name", "first", "last", "adjustedWorkingDays"}));
  const Json* f = nullptr;
  ERFLOW_RETURN_IF_ERROR(json_field::Require(src, v, path, "name", &f));
  ERFLOW_RETURN_IF_ERROR(ReadName(src, *f, Key(path, "name"), &out->name));
  ERFLOW_RETURN_IF_ERROR(json_field::Require(src, v, path, "first", &f));
  ERFLOW_RETURN_IF_ERROR(ReadDate(src, *f, Key(path, "first"), year, &out->first));
  ERFLOW_RETURN_IF_ERROR(json_field::Require(src, v, path, "last", &f));
  ERFLOW_RETURN_IF_ERROR(ReadDate(src, *f, Key(path, "last"), year, &out->last));
  if (out->last < out->first)
    return Error(src, *f, Key(path, "last"),
                 out->last.ToString() + " is before first " + out->first.ToString() +
                     "; first and last are the inclusive range of days off");
  return Status::Ok();
}

}  // namespace

Result<CalendarYear> CalendarYear::FromJson(const Json& doc, const std::string& src) {
  if (!doc.is_object()) return TypeError(src, doc, "", "a calendar object");
  ERFLOW_RETURN_IF_ERROR(
      json_field::CheckKeys(src, doc, "", {"year", "source", "note", "holidays"}));
  CalendarYear cy;
  cy.source_name_ = src;
  const Json* f = nullptr;
  ERFLOW_RETURN_IF_ERROR(json_field::Require(src, doc, "", "year", &f));
  if (!f->is_int() || f->AsInt() < 1000 || f->AsInt() > 9999)
    return f->is_int() ? Error(src, *f, "year", "expected a four-digit year")
                       : TypeError(src, *f, "year", "a four-digit year as an integer");
  cy.year_ = static_cast<int>(f->AsInt());
  ERFLOW_RETURN_IF_ERROR(json_field::Require(src, doc, "", "source", &f));
  ERFLOW_RETURN_IF_ERROR(ReadSource(src, *f, &cy.source_));
  if (const Json* note = doc.Find("note")) {
    if (!note->is_string()) return TypeError(src, *note, "note", "a string");
    cy.note_ = note->AsString();
  }

  ERFLOW_RETURN_IF_ERROR(json_field::Require(src, doc, "", "holidays", &f));
  const Json& list = *f;
  if (!list.is_array()) return TypeError(src, list, "holidays", "an array of holidays");
  // An empty list would quietly make every weekday of the year a working day.
  if (list.items().empty()) return Error(src, list, "holidays", "expected at least one holiday");

  // Pass 1: days off, so that pass 2 can refuse a working day that is also a day off
  // whichever holiday lists it.
  for (size_t i = 0; i < list.items().size(); ++i) {
    const Json& h = list.items()[i];
    const std::string path = Index("holidays", i);
    Holiday holiday;
    ERFLOW_RETURN_IF_ERROR(ReadHoliday(src, h, path, cy.year_, &holiday));
    for (int64_t d = holiday.first.ToDays(); d <= holiday.last.ToDays(); ++d) {
      auto it = cy.marks_.find(d);
      if (it != cy.marks_.end())
        return Error(src, h, path,
                     "days off " + holiday.first.ToString() + ".." + holiday.last.ToString() +
                         " overlap " + Index("holidays", it->second.holiday) + " (" +
                         Describe(cy.holidays_[it->second.holiday].name) + ") on " +
                         CivilDate::FromDays(d).ToString());
      cy.marks_[d] = Mark{i, true};
    }
    cy.holidays_.push_back(std::move(holiday));
  }

  // Pass 2: adjusted working days.
  for (size_t i = 0; i < list.items().size(); ++i) {
    const Json* days = list.items()[i].Find("adjustedWorkingDays");
    if (days == nullptr) continue;
    const std::string path = Key(Index("holidays", i), "adjustedWorkingDays");
    if (!days->is_array()) return TypeError(src, *days, path, "an array of dates");
    for (size_t k = 0; k < days->items().size(); ++k) {
      const Json& v = days->items()[k];
      const std::string at = Index(path, k);
      CivilDate d;
      ERFLOW_RETURN_IF_ERROR(ReadDate(src, v, at, cy.year_, &d));
      if (!d.IsWeekend())
        return Error(src, v, at,
                     d.ToString() + " is a " + WeekdayName(d.Weekday()) +
                         "; an adjusted working day (调休上班) must be a Saturday or Sunday");
      auto it = cy.marks_.find(d.ToDays());
      if (it != cy.marks_.end()) {
        const Holiday& other = cy.holidays_[it->second.holiday];
        const std::string other_path = Index("holidays", it->second.holiday);
        return Error(src, v, at,
                     it->second.day_off ? d.ToString() + " is a day off of " + other_path + " (" +
                                              Describe(other.name) +
                                              "); a day cannot be both a holiday and a working day"
                                        : d.ToString() + " is already an adjusted working day of " +
                                              other_path + " (" + Describe(other.name) + ")");
      }
      cy.marks_[d.ToDays()] = Mark{i, false};
      cy.holidays_[i].adjusted_working_days.push_back(d);
    }
  }
  return cy;
}

}  // namespace erflow
