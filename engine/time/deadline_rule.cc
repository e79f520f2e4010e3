// DeadlineRule as a value: factories, the ISO-8601 and HH:MM readers, and the JSON form
// used inside process definitions. The arithmetic (DueAt) is in deadline_due.cc.
// Thread rules: pure functions.
#include "erflow/deadline_rule.h"

#include <cctype>
#include <cstdio>

#include "time/json_field.h"

namespace erflow {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

const char kIsoExamples[] = "an ISO-8601 duration such as PT30M, PT2H, PT1H30M or P30D";

// Reads the digits at `*pos` (at most 9, so no overflow). False when there are none.
bool ReadNumber(const std::string& s, size_t* pos, int64_t* out) {
  size_t start = *pos;
  int64_t v = 0;
  while (*pos < s.size() && std::isdigit(static_cast<unsigned char>(s[*pos])) && *pos - start < 9)
    v = v * 10 + (s[(*pos)++] - '0');
  *out = v;
  return *pos > start;
}

}  // namespace

Result<DeadlineRule> DeadlineRule::Duration(int64_t seconds) {
  if (seconds <= 0) return Status::InvalidArgument("a duration must be longer than zero");
  if (seconds > kMaxDays * kSecondsPerDay)
    return Status::InvalidArgument("a duration longer than " + std::to_string(kMaxDays) +
                                   " days is not supported");
  return DeadlineRule(Kind::kDuration, seconds, false);
}

Result<DeadlineRule> DeadlineRule::CalendarDays(int64_t days, bool roll_to_working_day) {
  if (days < 1 || days > kMaxDays)
    return Status::InvalidArgument("expected between 1 and " + std::to_string(kMaxDays) +
                                   " calendar days, got " + std::to_string(days));
  return DeadlineRule(Kind::kCalendarDays, days, roll_to_working_day);
}

Result<DeadlineRule> DeadlineRule::WorkingDays(int64_t days) {
  if (days < 1 || days > kMaxDays)
    return Status::InvalidArgument("expected between 1 and " + std::to_string(kMaxDays) +
                                   " working days, got " + std::to_string(days));
  return DeadlineRule(Kind::kWorkingDays, days, false);
}

Result<DeadlineRule> DeadlineRule::DailyAt(int hour, int minute) {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
    return Status::InvalidArgument(
        std::string("expected a time of day between 00:00 and 23:59, got ") + buf);
  }
  return DeadlineRule(Kind::kDailyAt, hour * 60 + minute, false);
}

Result<DeadlineRule> DeadlineRule::ParseIsoDuration(const std::string& text) {
  const Status bad =
      Status::InvalidArgument(std::string("expected ") + kIsoExamples + ", got \"" + text + "\"");
  if (text.size() < 3 || text[0] != 'P') return bad;
  size_t pos = 1;
  int64_t days = -1, weeks = -1, hms[3] = {-1, -1, -1};
  // Date part: a single nD or nW.
  while (pos < text.size() && text[pos] != 'T') {
    int64_t n;
    if (!ReadNumber(text, &pos, &n) || pos >= text.size()) return bad;
    const char unit = text[pos++];
    if (unit == 'Y' || unit == 'M')
      return Status::InvalidArgument("\"" + text +
                                     "\": years and months are not supported (their length "
                                     "varies); write calendar days, e.g. P30D");
    if ((unit != 'D' && unit != 'W') || days >= 0 || weeks >= 0) return bad;
    (unit == 'D' ? days : weeks) = n;
  }
  // Time part: H, M, S in that order, each at most once.
  if (pos < text.size()) {
    ++pos;  // 'T'
    if (pos == text.size()) return bad;
    int next = 0;
    while (pos < text.size()) {
      int64_t n;
      if (!ReadNumber(text, &pos, &n) || pos >= text.size()) return bad;
      const char unit = text[pos++];
      const int slot = unit == 'H' ? 0 : unit == 'M' ? 1 : unit == 'S' ? 2 : -1;
      if (slot < next) return bad;
      hms[slot] = n;
      next = slot + 1;
    }
  }
  const bool has_time = hms[0] >= 0 || hms[1] >= 0 || hms[2] >= 0;
  const bool has_days = days >= 0 || weeks >= 0;
  if (has_days && has_time)
    return Status::InvalidArgument(
        "\"" + text +
        "\" mixes days with hours; a day here is a counted calendar day (ending at 24:00), "
        "not 24 hours: write the whole limit in hours (e.g. PT36H) or in days (P2D)");
  if (has_days) return CalendarDays(days >= 0 ? days : weeks * 7);
  if (!has_time) return bad;
  int64_t seconds = 0;
  for (int i = 0; i < 3; ++i)
    if (hms[i] > 0) seconds += hms[i] * (i == 0 ? 3600 : i == 1 ? 60 : 1);
  return Duration(seconds);
}

Result<DeadlineRule> DeadlineRule::ParseDailyAt(const std::string& text) {
  auto digit = [&](size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])) != 0; };
  if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
    return Status::InvalidArgument("expected a time of day as HH:MM (e.g. 17:00), got \"" + text +
                                   "\"");
  return DailyAt((text[0] - '0') * 10 + (text[1] - '0'), (text[3] - '0') * 10 + (text[4] - '0'));
}

Result<DeadlineRule> DeadlineRule::FromJson(const Json& j, const std::string& source,
                                            const std::string& path,
                                            const std::vector<std::string>& caller_keys) {
  using json_field::Error;
  using json_field::Key;
  using json_field::TypeError;
  static const char* const kKinds[] = {"duration", "days", "workingDays", "dailyAt"};
  if (!j.is_object())
    return TypeError(source, j, path,
                     "a deadline object such as {\"duration\": \"PT30M\"}, {\"days\": 30}, "
                     "{\"workingDays\": 5} or {\"dailyAt\": \"17:00\"}");
  std::vector<std::string> allowed(std::begin(kKinds), std::end(kKinds));
  allowed.push_back("rollToWorkingDay");
  allowed.insert(allowed.end(), caller_keys.begin(), caller_keys.end());
  ERFLOW_RETURN_IF_ERROR(json_field::CheckKeys(source, j, path, allowed));

  std::string kind;
  const Json* value = nullptr;
  for (const char* k : kKinds) {
    const Json* v = j.Find(k);
    if (v == nullptr) continue;
    if (value != nullptr)
      return Error(source, *v, Key(path, k),
                   "a deadline has one limit: give only one of duration, days, workingDays, "
                   "dailyAt (\"" +
                       kind + "\" is already given)");
    kind = k;
    value = v;
  }
  if (value == nullptr)
    return Error(source, j, path,
                 "missing the limit; expected one of duration, days, workingDays, dailyAt");
  const std::string at = Key(path, kind);

  Result<DeadlineRule> rule = Status::InvalidArgument("unreachable");
  if (kind == "duration" || kind == "dailyAt") {
    if (!value->is_string())
      return TypeError(source, *value, at,
                       kind == "duration" ? std::string(kIsoExamples) + " as a string"
                                          : std::string("a time of day as an \"HH:MM\" string"));
    rule =
        kind == "duration" ? ParseIsoDuration(value->AsString()) : ParseDailyAt(value->AsString());
  } else {
    if (!value->is_int())
      return TypeError(
          source, *value, at,
          kind == "days" ? "a whole number of calendar days" : "a whole number of working days");
    rule = kind == "days" ? CalendarDays(value->AsInt()) : WorkingDays(value->AsInt());
  }
  if (!rule.ok()) return Error(source, *value, at, rule.status().message());

  if (const Json* roll = j.Find("rollToWorkingDay")) {
    const std::string roll_at = Key(path, "rollToWorkingDay");
    if (rule->kind() != Kind::kCalendarDays)
      return Error(source, *roll, roll_at,
                   "only applies to a calendar-day limit ({\"days\": N} or a \"PnD\" duration)");
    if (!roll->is_bool()) return TypeError(source, *roll, roll_at, "true or false");
    return CalendarDays(rule->days(), roll->AsBool());
  }
  return rule;
}

Json DeadlineRule::ToJson() const {
  Json j = Json::Object();
  switch (kind_) {
    case Kind::kDuration:
      j.Set("duration", Json(FormatIsoDuration(amount_)));
      break;
    case Kind::kCalendarDays:
      j.Set("days", Json(amount_));
      if (!roll_) j.Set("rollToWorkingDay", Json(false));
      break;
    case Kind::kWorkingDays:
      j.Set("workingDays", Json(amount_));
      break;
    case Kind::kDailyAt: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day() / 60, minute_of_day() % 60);
      j.Set("dailyAt", Json(buf));
      break;
    }
  }
  return j;
}

std::string DeadlineRule::Describe() const {
  const std::string n = std::to_string(amount_);
  switch (kind_) {
    case Kind::kDuration:
      return FormatIsoDuration(amount_) + " of elapsed time";
    case Kind::kCalendarDays:
      return n + " calendar days" +
             (roll_ ? " (a rest last day moves to the next working day)"
                    : " (not moved off rest days)");
    case Kind::kWorkingDays:
      return n + " working days";
    case Kind::kDailyAt:
      return "daily at " + ToJson()["dailyAt"].AsString();
  }
  return "?";
}

std::string FormatIsoDuration(int64_t seconds) {
  std::string out = "PT";
  if (seconds >= 3600) out += std::to_string(seconds / 3600) + "H";
  if (seconds % 3600 >= 60) out += std::to_string(seconds % 3600 / 60) + "M";
  if (seconds % 60 != 0) out += std::to_string(seconds % 60) + "S";
  return out;
}

}  // namespace erflow
