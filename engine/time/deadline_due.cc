// DueAt: the deadline arithmetic of deadline_rule.h, and rendering a due moment for
// people with 24:00. The rules and the choices behind them are in deadline_rule.h.
// Thread rules: pure functions; the Calendar is only read.
#include <cstdio>
#include <string>

#include "erflow/deadline_rule.h"

namespace erflow {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

// The end of `day` in China: 24:00, i.e. the moment the next day begins.
Instant EndOfDay(CivilDate day) {
  return day.AddDays(1).StartInChina();
}

// A due moment split for display, with midnight shown as 24:00 of the day before.
struct DueParts {
  CivilDate date;
  int hour, minute, second;
};

DueParts SplitDue(Instant due) {
  DueParts p;
  p.date = CivilDate::InChina(due);
  int64_t secs = due.seconds - p.date.StartInChina().seconds;
  if (secs == 0) {
    p.date = p.date.AddDays(-1);
    secs = kSecondsPerDay;
  }
  p.hour = static_cast<int>(secs / 3600);
  p.minute = static_cast<int>(secs / 60 % 60);
  p.second = static_cast<int>(secs % 60);
  return p;
}

std::string FormatDueWith(Instant due, const char* date_format) {
  const DueParts p = SplitDue(due);
  char buf[64];
  int n = std::snprintf(buf, sizeof buf, date_format, p.date.year, p.date.month, p.date.day, p.hour,
                        p.minute);
  if (p.second != 0 && n > 0 && static_cast<size_t>(n) < sizeof buf)
    std::snprintf(buf + n, sizeof buf - n, ":%02d", p.second);
  return buf;
}

// "counting 5 working days after 2026-12-30: the calendar has no data for 2027 ...", so
// the reader knows which deadline needed the missing year.
Status CountingContext(const Status& s, const DeadlineRule& rule, CivilDate trigger_day) {
  std::string unit =
      rule.kind() == DeadlineRule::Kind::kWorkingDays ? " working day" : " calendar day";
  if (rule.days() != 1) unit += "s";
  return s.WithContext("counting " + std::to_string(rule.days()) + unit + " after " +
                       trigger_day.ToString());
}

}  // namespace

Result<DueDetail> ComputeDue(const DeadlineRule& rule, Instant from, const Calendar& calendar) {
  DueDetail out;
  const CivilDate trigger_day = CivilDate::InChina(from);
  switch (rule.kind()) {
    case DeadlineRule::Kind::kDuration:
      out.due = from.Plus(rule.seconds());
      return out;

    case DeadlineRule::Kind::kDailyAt: {
      Instant at = trigger_day.StartInChina().Plus(rule.minute_of_day() * 60);
      // China keeps no daylight saving, so "the same time tomorrow" is 86400 s later.
      if (at < from) at = at.Plus(kSecondsPerDay);
      out.due = at;
      return out;
    }

    case DeadlineRule::Kind::kCalendarDays: {
      CivilDate last = trigger_day.AddDays(rule.days());
      if (rule.roll_to_working_day()) {
        for (;;) {
          auto info = calendar.Day(last);
          if (!info.ok()) return CountingContext(info.status(), rule, trigger_day);
          if (info->working()) break;
          out.rolled_over.push_back(*info);
          last = last.AddDays(1);
        }
      }
      out.last_day = last;
      out.due = EndOfDay(last);
      return out;
    }

    case DeadlineRule::Kind::kWorkingDays: {
      CivilDate day = trigger_day;
      while (static_cast<int64_t>(out.counted.size()) < rule.days()) {
        day = day.AddDays(1);
        auto info = calendar.Day(day);
        if (!info.ok()) return CountingContext(info.status(), rule, trigger_day);
        if (info->working()) out.counted.push_back(*info);
      }
      out.last_day = day;
      out.due = EndOfDay(day);
      return out;
    }
  }
  return Status::InvalidArgument("unknown deadline rule kind");
}

Result<Instant> DueAt(const DeadlineRule& rule, Instant from, const Calendar& calendar) {
  ERFLOW_ASSIGN_OR_RETURN(DueDetail detail, ComputeDue(rule, from, calendar));
  return detail.due;
}

std::string FormatDue(Instant due) {
  return FormatDueWith(due, "%04d-%02d-%02d %02d:%02d");
}

std::string FormatDueChinese(Instant due) {
  return FormatDueWith(due, "%04d年%02d月%02d日 %02d:%02d");
}

}  // namespace erflow
