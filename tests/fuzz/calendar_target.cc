// Fuzz target "calendar": a year's holiday file (calendars/YYYY.json) as an administrator
// uploads it. A document is accepted or refused with InvalidArgument; for an accepted
// year every day has a kind that agrees with the week and the file, and deadline
// arithmetic over it behaves: N working days after any day of the year count N working
// days and end at 24:00 of the last of them, or say which year they ran into.
#include "erflow/calendar.h"
#include "erflow/deadline_rule.h"
#include "fuzz/fuzz_targets.h"

namespace erflow::fuzz {

int FuzzCalendar(const uint8_t* data, size_t size) {
  auto doc = ParseJson(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!doc.ok()) return 0;
  auto year = CalendarYear::FromJson(*doc, "fuzz");
  if (!year.ok()) {
    FuzzCheck(year.status().code() == Status::Code::kInvalidArgument,
              "a bad calendar must be InvalidArgument: " + year.status().ToString());
    return 0;
  }
  const int y = year->year();
  Calendar calendar;
  FuzzCheck(calendar.Add(*year).ok(), "a validated year is refused by Calendar::Add");
  FuzzCheck(!calendar.Add(*year).ok(), "a year is accepted twice");
  const CivilDate first{y, 1, 1};
  for (CivilDate d = first; d.year == y; d = d.AddDays(1)) {
    auto info = calendar.Day(d);
    FuzzCheck(info.ok(), "no answer for " + d.ToString() + " in its own year");
    const DayKind kind = info->kind;
    FuzzCheck(kind != DayKind::kWeekday || !d.IsWeekend(), d.ToString() + ": weekend as weekday");
    FuzzCheck(kind != DayKind::kWeekend || d.IsWeekend(), d.ToString() + ": weekday as weekend");
    FuzzCheck(kind != DayKind::kAdjustedWorkingDay || d.IsWeekend(),
              d.ToString() + ": an adjusted working day on a weekday");
  }
  FuzzCheck(!calendar.Day(CivilDate{y + 1, 1, 1}).ok(), "an unknown year answered");
  // Deadlines from a handful of moments spread over the year.
  for (int64_t n : {1, 5, 30}) {
    auto rule = DeadlineRule::WorkingDays(n);
    FuzzCheck(rule.ok(), "WorkingDays refused");
    for (int64_t offset = 0; offset < 366; offset += 37) {
      const Instant from = first.AddDays(offset).StartInChina().Plus(18 * 3600);
      auto due = ComputeDue(*rule, from, calendar);
      if (!due.ok()) {
        FuzzCheck(due.status().code() == Status::Code::kNotFound,
                  "working days past the year must be NotFound: " + due.status().ToString());
        continue;
      }
      FuzzCheck(static_cast<int64_t>(due->counted.size()) == n, "counted another number of days");
      for (const auto& day : due->counted) FuzzCheck(day.working(), "counted a rest day");
      FuzzCheck(due->last_day && due->due == due->last_day->AddDays(1).StartInChina(),
                "a working-day period must end at 24:00 of its last day");
      FuzzCheck(due->due > from, "a deadline before its trigger");
    }
  }
  return 0;
}

}  // namespace erflow::fuzz
