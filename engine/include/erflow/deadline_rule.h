// DeadlineRule: how a statutory limit is counted ("within 30 minutes", "within 30 days",
// "within 5 working days", "before 17:00 each day"), and DueAt, which turns a rule and
// the triggering moment into the moment the limit runs out. The counting follows
// ../shared/domain.md, "How a limit is counted":
//
//   duration      exact elapsed time; holidays and midnight change nothing.
//   calendar days the trigger day does not count; day 1 is the next day; the period ends
//                 at 24:00 of day N. If day N is a rest day (weekend or holiday, per the
//                 Calendar) it ends at 24:00 of the next working day instead, unless the
//                 definition turns that off (roll_to_working_day = false).
//   working days  the N working days after the trigger day (weekdays that are not
//                 holidays, plus adjusted working days 调休上班); ends 24:00 of the Nth.
//   daily at      the first HH:MM (China time) at or after the trigger moment. The
//                 calendar is not consulted: a response on 24-hour duty reports on
//                 holidays too. For the following day's report, call again with the
//                 previous due moment plus one second.
//
// "24:00 of day N" is represented as the Instant at which day N+1 begins (00:00 +08:00):
// ISO-8601 no longer allows 24:00 and ParseTimestamp refuses it, so stored and exchanged
// times stay "2025-10-15T00:00:00+08:00". People see it as "2025年10月14日 24:00" through
// FormatDueChinese / FormatDue, which render every due moment at midnight as 24:00 of
// the day before: a due moment is an end ("by"), and that is how the plans write it.
//
// All days are China days (Asia/Shanghai, UTC+8, no daylight saving): an input instant
// given with any offset is converted before its day is taken.
//
// Thread rules: DeadlineRule is an immutable value; all functions are pure (the
// Calendar is read only), so any thread may call them concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "erflow/calendar.h"
#include "erflow/instant.h"
#include "erflow/json.h"
#include "erflow/result.h"

namespace erflow {

class DeadlineRule {
 public:
  enum class Kind { kDuration, kCalendarDays, kWorkingDays, kDailyAt };

  // Limits beyond any statutory period we know of; they keep arithmetic and the
  // working-day walk bounded. Ten years.
  static constexpr int64_t kMaxDays = 3660;

  // Factories check their ranges: duration 1 s .. kMaxDays days, days 1..kMaxDays,
  // hour 0..23, minute 0..59. Errors are InvalidArgument without a path; the JSON reader
  // and the CLI add where the value came from.
  static Result<DeadlineRule> Duration(int64_t seconds);
  static Result<DeadlineRule> CalendarDays(int64_t days, bool roll_to_working_day = true);
  static Result<DeadlineRule> WorkingDays(int64_t days);
  static Result<DeadlineRule> DailyAt(int hour, int minute);

  // ISO-8601 durations: "PT30M", "PT2H", "PT24H", "PT1H30M", "PT45S" are exact elapsed
  // time; "P30D" is N calendar days (rolled to a working day) and "P1W" is 7 of them.
  // Refused: years and months (their length varies), fractions, and mixing days with
  // hours ("P1DT12H": a day here is a counted calendar day, not 24 h; write PT36H).
  static Result<DeadlineRule> ParseIsoDuration(const std::string& text);
  // "17:00" (two-digit hour and minute).
  static Result<DeadlineRule> ParseDailyAt(const std::string& text);

  // A rule inside a process definition, one of:
  //   {"duration": "PT30M"}                    exact elapsed time (or "P30D", "P1W")
  //   {"days": 30}                             calendar days, rolled to a working day
  //   {"days": 30, "rollToWorkingDay": false}  calendar days, not rolled
  //   {"workingDays": 5}                       working days
  //   {"dailyAt": "17:00"}                     each day at that time
  // `path` is where the object sits in its document (e.g. "stages[4].deadlines[0]") and
  // `source` the file name (may be empty); errors read
  // "workflows/x.json:40:21: stages[4].deadlines[0].days: expected ...".
  // `caller_keys` are further keys the caller reads from the same object (e.g. "after",
  // "remindBefore"); any other unknown key is an error.
  static Result<DeadlineRule> FromJson(const Json& j, const std::string& source,
                                       const std::string& path,
                                       const std::vector<std::string>& caller_keys = {});

  Kind kind() const { return kind_; }
  // kDuration: the elapsed seconds.
  int64_t seconds() const { return amount_; }
  // kCalendarDays, kWorkingDays: N.
  int64_t days() const { return amount_; }
  // kCalendarDays: whether a last day that is a rest day moves to the next working day.
  bool roll_to_working_day() const { return roll_; }
  // kDailyAt: minutes after 00:00 China time.
  int minute_of_day() const { return static_cast<int>(amount_); }

  // The canonical JSON form (as FromJson reads it back): {"duration": "PT1H30M"},
  // {"days": 30}, {"days": 30, "rollToWorkingDay": false}, {"workingDays": 5},
  // {"dailyAt": "17:00"}.
  Json ToJson() const;
  // "PT30M of elapsed time", "30 calendar days (a rest last day moves to the next working
  // day)", "30 calendar days (not moved off rest days)", "5 working days", "daily at 17:00".
  std::string Describe() const;

  friend bool operator==(const DeadlineRule& a, const DeadlineRule& b) {
    return a.kind_ == b.kind_ && a.amount_ == b.amount_ && a.roll_ == b.roll_;
  }
  friend bool operator!=(const DeadlineRule& a, const DeadlineRule& b) { return !(a == b); }

 private:
  DeadlineRule(Kind kind, int64_t amount, bool roll) : kind_(kind), amount_(amount), roll_(roll) {}

  Kind kind_;
  int64_t amount_;  // seconds, days, or minute of day, by kind
  bool roll_;       // kCalendarDays only; false otherwise
};

// The due moment and how it was reached, for people checking a deadline by hand.
struct DueDetail {
  Instant due;
  // Day rules: the day at whose 24:00 the period ends (after any roll).
  std::optional<CivilDate> last_day;
  // Calendar days: the rest days the last day was moved past, in order.
  std::vector<DayInfo> rolled_over;
  // Working days: the days counted, in order.
  std::vector<DayInfo> counted;
};

// The moment the limit runs out for an event at `from`. Errors: NotFound naming the year
// when a day the rule must classify lies outside the calendar's years (a calendar-day
// rule without roll, a duration and daily-at never consult the calendar).
Result<DueDetail> ComputeDue(const DeadlineRule& rule, Instant from, const Calendar& calendar);
Result<Instant> DueAt(const DeadlineRule& rule, Instant from, const Calendar& calendar);

// A due moment for people: "2025-10-14 24:00" / "2025年10月14日 24:00" for the instant
// 2025-10-15T00:00:00+08:00; otherwise "2025-10-14 17:30" / "2025年10月14日 17:30", with
// ":SS" appended only when the seconds are not zero (never rounded towards later).
std::string FormatDue(Instant due);
std::string FormatDueChinese(Instant due);

// "PT1H30M", "PT24H" (hours are never folded into days), "PT45S". REQUIRES: seconds > 0.
std::string FormatIsoDuration(int64_t seconds);

}  // namespace erflow
