// Calendar queries and loading a folder of year files. Validation of one file lives in
// calendar_loader.cc. Thread rules: see calendar.h (build once, then share const).
#include "erflow/calendar.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>

namespace erflow {

const char* DayKindName(DayKind kind) {
  switch (kind) {
    case DayKind::kWeekday:
      return "weekday";
    case DayKind::kWeekend:
      return "weekend";
    case DayKind::kHoliday:
      return "holiday";
    case DayKind::kAdjustedWorkingDay:
      return "adjusted_working_day";
  }
  return "?";
}

const char* WeekdayName(int iso_weekday) {
  static const char* const kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
  return iso_weekday >= 1 && iso_weekday <= 7 ? kNames[iso_weekday - 1] : "?";
}

std::string DayInfo::Describe() const {
  switch (kind) {
    case DayKind::kWeekday:
      return "working day (weekday)";
    case DayKind::kWeekend:
      return "rest day (weekend)";
    case DayKind::kHoliday:
      return "rest day: public holiday " + holiday.zh + " " + holiday.en;
    case DayKind::kAdjustedWorkingDay:
      return "working day: adjusted working day (调休上班) for " + holiday.zh + " " + holiday.en;
  }
  return "?";
}

DayInfo CalendarYear::Day(CivilDate date) const {
  DayInfo info;
  info.date = date;
  info.kind = date.IsWeekend() ? DayKind::kWeekend : DayKind::kWeekday;
  auto it = marks_.find(date.ToDays());
  if (it != marks_.end()) {
    info.kind = it->second.day_off ? DayKind::kHoliday : DayKind::kAdjustedWorkingDay;
    info.holiday = holidays_[it->second.holiday].name;
  }
  return info;
}

Result<Calendar> Calendar::LoadDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Status::NotFound(dir + ": no such calendar folder (expected one YEAR.json per year)");
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
  if (ec) return Status::IOError(dir + ": cannot list the folder: " + ec.message());
  std::sort(files.begin(), files.end());  // error order must not depend on the file system

  Calendar cal;
  cal.dir_ = dir;
  while (cal.dir_.size() > 1 && cal.dir_.back() == '/') cal.dir_.pop_back();
  for (const auto& file : files) {
    const std::string name = file.string();
    ERFLOW_ASSIGN_OR_RETURN(Json doc, ParseJsonFile(name));
    // A copied file whose year was not changed would otherwise surface as a confusing
    // "outside the file's year" on every date.
    const std::string stem = file.stem().string();
    const Json& year = doc["year"];
    if (stem.size() == 4 &&
        std::all_of(stem.begin(), stem.end(), [](unsigned char c) { return std::isdigit(c); }) &&
        year.is_int() && year.AsInt() != std::stoi(stem))
      return Status::InvalidArgument(name + ":" + std::to_string(year.line()) + ":" +
                                     std::to_string(year.column()) +
                                     ": year: " + std::to_string(year.AsInt()) +
                                     " does not match the file name " + file.filename().string());
    ERFLOW_ASSIGN_OR_RETURN(CalendarYear cy, CalendarYear::FromJson(doc, name));
    ERFLOW_RETURN_IF_ERROR(cal.Add(std::move(cy)));
  }
  return cal;
}

Status Calendar::Add(CalendarYear year) {
  auto it = years_.find(year.year());
  if (it != years_.end()) {
    std::string where = year.source_name().empty() ? "" : year.source_name() + ": ";
    std::string first = it->second.source_name().empty() ? "" : " by " + it->second.source_name();
    return Status::InvalidArgument(where + "year: " + std::to_string(year.year()) +
                                   " is already defined" + first);
  }
  const int y = year.year();
  years_.emplace(y, std::move(year));
  return Status::Ok();
}

Result<DayInfo> Calendar::Day(CivilDate date) const {
  if (!date.IsValid()) return Status::InvalidArgument("no such day: " + date.ToString());
  auto it = years_.find(date.year);
  if (it == years_.end()) return MissingYear(date.year);
  return it->second.Day(date);
}

std::vector<int> Calendar::KnownYears() const {
  std::vector<int> out;
  for (const auto& y : years_) out.push_back(y.first);
  return out;
}

const CalendarYear* Calendar::Year(int year) const {
  auto it = years_.find(year);
  return it == years_.end() ? nullptr : &it->second;
}

Status Calendar::MissingYear(int year) const {
  // Known years as runs, "2024–2026" or "2020, 2024–2026", so the gap is visible.
  std::string known;
  std::vector<int> ys = KnownYears();
  for (size_t i = 0; i < ys.size();) {
    size_t j = i;
    while (j + 1 < ys.size() && ys[j + 1] == ys[j] + 1) ++j;
    known += (known.empty() ? "" : ", ") + std::to_string(ys[i]);
    if (j > i) known += "–" + std::to_string(ys[j]);
    i = j + 1;
  }
  const std::string folder = dir_.empty() ? "calendars" : dir_;
  return Status::NotFound("the calendar has no data for " + std::to_string(year) +
                          " (known: " + (known.empty() ? "none" : known) + "); add " + folder +
                          "/" + std::to_string(year) + ".json");
}

}  // namespace erflow
