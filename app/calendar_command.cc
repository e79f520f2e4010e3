// `erflow calendar`: the working-day calendar and deadline arithmetic from the command
// line, so that a clerk or an administrator can check a due time by hand and see why
// ("counted 9, 10, 11 (调休上班), 13, 14 Oct"). Subcommands: due, day, years.
// Exit codes: 2 usage (including a malformed option value), 3 a calendar file is
// invalid, 6 the date lies in a year the calendar has no data for (or no calendar folder).
// Thread rules: runs on the main thread.
#include <optional>
#include <ostream>
#include <string>

#include "cli_context.h"
#include "erflow/calendar.h"
#include "erflow/deadline_rule.h"
#include "erflow/time_format.h"
#include "exit_codes.h"
#include "views.h"

namespace erflow::cli {
namespace {

const char kUsage[] =
    "usage: erflow calendar COMMAND [--json]\n"
    "\n"
    "  due [--from TIME] RULE   when a limit counted from TIME runs out\n"
    "  day DATE                 whether DATE (YYYY-MM-DD) is a working day, and why\n"
    "  years                    the years the calendar knows and their source notices\n"
    "\n"
    "The calendar is DATA/calendars/*.json (see calendars/README.md). A date in a year it\n"
    "has no data for is refused with exit code 6, never guessed.\n";

const char kDueUsage[] =
    "usage: erflow calendar due [--from TIME] RULE [--json]\n"
    "\n"
    "  --from TIME        the triggering moment, ISO-8601 with an offset (+08:00, Z, -05:00);\n"
    "                     default: now (or the global --now)\n"
    "RULE, exactly one of:\n"
    "  --duration ISO     exact elapsed time: PT30M, PT2H, PT1H30M (P30D means --days 30)\n"
    "  --days N           N calendar days after the trigger day, ending 24:00 of the last;\n"
    "                     a last day that is a rest day moves to the next working day\n"
    "  --no-roll          with --days: do not move it\n"
    "  --working-days N   the N working days after the trigger day, ending 24:00 of the last\n"
    "  --daily-at HH:MM   the first HH:MM (China time) at or after --from\n"
    "\n"
    "Prints the due moment as ISO-8601 in +08:00 and as people read it, with the end of a\n"
    "day shown as 24:00 of that day. Exit codes: 2 usage, 3 invalid calendar file,\n"
    "6 a year the calendar has no data for.\n";

const char kDayUsage[] =
    "usage: erflow calendar day DATE [--json]\n"
    "\n"
    "Prints whether DATE (YYYY-MM-DD, a day in China) is a working day and why: weekday,\n"
    "weekend, public holiday (with its name) or adjusted working day (调休上班).\n";

const char kYearsUsage[] =
    "usage: erflow calendar years [--json]\n"
    "\n"
    "Lists the years the calendar knows, each with the State Council notice it follows.\n";

// "2025-10-11 Saturday (调休上班 国庆节、中秋节)"
std::string ShortDay(const DayInfo& d) {
  std::string s = d.date.ToString() + " " + WeekdayName(d.date.Weekday());
  if (d.kind == DayKind::kHoliday) s += " (holiday " + d.holiday.zh + ")";
  if (d.kind == DayKind::kAdjustedWorkingDay) s += " (调休上班 " + d.holiday.zh + ")";
  return s;
}

Json DayJson(const DayInfo& d) {
  Json j = Json::Object();
  j.Set("date", Json(d.date.ToString()));
  j.Set("weekday", Json(WeekdayName(d.date.Weekday())));
  j.Set("working", Json(d.working()));
  j.Set("kind", Json(DayKindName(d.kind)));
  if (!d.holiday.zh.empty()) {
    Json h = Json::Object();
    h.Set("zh", Json(d.holiday.zh));
    h.Set("en", Json(d.holiday.en));
    j.Set("holiday", std::move(h));
  }
  j.Set("description", Json(d.Describe()));
  return j;
}

// The days of a list on one line; long lists are cut, the JSON output has them all.
std::string DayList(const std::vector<DayInfo>& days) {
  constexpr size_t kShown = 31;
  std::string s;
  for (size_t i = 0; i < days.size() && i < kShown; ++i) s += (i ? ", " : "") + ShortDay(days[i]);
  if (days.size() > kShown) s += ", … and " + std::to_string(days.size() - kShown) + " more";
  return s;
}

// A strictly decimal option value; anything else is a usage error.
bool ParseCount(const std::string& text, int64_t* out) {
  if (text.empty() || text.size() > 9) return false;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// Reads the one rule option of `due`, or returns a usage error text.
std::string ReadRule(const Args& a, std::optional<DeadlineRule>* out) {
  const char* const kRuleOptions[] = {"duration", "days", "working-days", "daily-at"};
  std::string name;
  for (const char* o : kRuleOptions) {
    if (!a.Get(o)) continue;
    if (!name.empty()) return "give exactly one of --duration, --days, --working-days, --daily-at";
    name = o;
  }
  if (name.empty()) return "missing the rule: --duration, --days, --working-days or --daily-at";
  const std::string value = *a.Get(name);
  Result<DeadlineRule> rule = Status::InvalidArgument("unset");
  if (name == "duration") rule = DeadlineRule::ParseIsoDuration(value);
  if (name == "daily-at") rule = DeadlineRule::ParseDailyAt(value);
  if (name == "days" || name == "working-days") {
    int64_t n = 0;
    if (!ParseCount(value, &n))
      return "--" + name + ": expected a whole number, got \"" + value + "\"";
    rule = name == "days" ? DeadlineRule::CalendarDays(n) : DeadlineRule::WorkingDays(n);
  }
  if (!rule.ok()) return "--" + name + ": " + rule.status().message();
  if (a.Flag("no-roll")) {
    if (rule->kind() != DeadlineRule::Kind::kCalendarDays)
      return "--no-roll only applies to --days (or a PnD --duration)";
    rule = DeadlineRule::CalendarDays(rule->days(), false);
  }
  *out = *rule;
  return "";
}

int RunDue(CliContext& ctx, Args args) {
  if (args.WantsHelp()) {
    *ctx.out << kDueUsage;
    return kExitOk;
  }
  std::string err =
      args.Parse({"from", "duration", "days", "working-days", "daily-at"}, {"no-roll", "json"});
  if (err.empty() && !args.positionals().empty())
    err = "unexpected argument '" + args.positionals()[0] + "'";
  if (!err.empty()) return ctx.UsageError(err, kDueUsage);
  Instant from = ctx.clock->Now();
  if (auto text = args.Get("from")) {
    auto t = ParseTimestamp(*text);
    if (!t.ok()) return ctx.UsageError("--from: " + t.status().message(), kDueUsage);
    from = *t;
  }
  std::optional<DeadlineRule> rule;
  err = ReadRule(args, &rule);
  if (!err.empty()) return ctx.UsageError(err, kDueUsage);

  auto calendar = Calendar::LoadDir(ctx.CalendarsDir());
  if (!calendar.ok()) return ctx.Fail(calendar.status());
  auto detail = ComputeDue(*rule, from, *calendar);
  if (!detail.ok()) return ctx.Fail(detail.status());
  const DueDetail& d = *detail;

  if (ctx.json) {
    Json j = Json::Object();
    j.Set("from", Json(FormatTimestamp(from)));
    j.Set("rule", rule->ToJson());
    j.Set("ruleText", Json(rule->Describe()));
    j.Set("due", Json(FormatTimestamp(d.due)));
    j.Set("dueText", Json(FormatDue(d.due)));
    j.Set("dueTextZh", Json(FormatDueChinese(d.due)));
    if (d.last_day) j.Set("lastDay", Json(d.last_day->ToString()));
    for (const char* key : {"counted", "rolledOver"}) {
      const auto& days = std::string(key) == "counted" ? d.counted : d.rolled_over;
      if (days.empty()) continue;
      Json list = Json::Array();
      for (const auto& day : days) list.Push(DayJson(day));
      j.Set(key, std::move(list));
    }
    *ctx.out << j.Dump() << "\n";
    return kExitOk;
  }
  std::ostream& out = *ctx.out;
  out << "due:      " << FormatTimestamp(d.due) << "  (" << FormatDueChinese(d.due) << ")\n";
  out << "rule:     " << rule->Describe() << "\n";
  out << "from:     " << FormatTimestamp(from) << "\n";
  if (!d.counted.empty()) out << "counted:  " << DayList(d.counted) << "\n";
  if (!d.rolled_over.empty()) out << "moved past: " << DayList(d.rolled_over) << "\n";
  return kExitOk;
}

int RunDay(CliContext& ctx, Args args) {
  if (args.WantsHelp()) {
    *ctx.out << kDayUsage;
    return kExitOk;
  }
  std::string err = args.Parse({}, {"json"});
  if (err.empty() && args.positionals().size() != 1) err = "expected one DATE (YYYY-MM-DD)";
  if (!err.empty()) return ctx.UsageError(err, kDayUsage);
  auto date = CivilDate::Parse(args.positionals()[0]);
  if (!date.ok()) return ctx.UsageError(date.status().message(), kDayUsage);

  auto calendar = Calendar::LoadDir(ctx.CalendarsDir());
  if (!calendar.ok()) return ctx.Fail(calendar.status());
  auto info = calendar->Day(*date);
  if (!info.ok()) return ctx.Fail(info.status());
  if (ctx.json) {
    *ctx.out << DayJson(*info).Dump() << "\n";
  } else {
    *ctx.out << info->date.ToString() << " " << WeekdayName(info->date.Weekday()) << ": "
             << info->Describe() << "\n";
  }
  return kExitOk;
}

int RunYears(CliContext& ctx, Args args) {
  if (args.WantsHelp()) {
    *ctx.out << kYearsUsage;
    return kExitOk;
  }
  std::string err = args.Parse({}, {"json"});
  if (err.empty() && !args.positionals().empty())
    err = "unexpected argument '" + args.positionals()[0] + "'";
  if (!err.empty()) return ctx.UsageError(err, kYearsUsage);
  auto calendar = Calendar::LoadDir(ctx.CalendarsDir());
  if (!calendar.ok()) return ctx.Fail(calendar.status());

  Json list = Json::Array();
  for (int y : calendar->KnownYears()) {
    const CalendarYear& cy = *calendar->Year(y);
    if (ctx.json) {
      Json j = views::CalendarYearJson(cy);  // the same view the HTTP API gives
      j.Set("file", Json(cy.source_name()));
      list.Push(std::move(j));
      continue;
    }
    const std::string number =
        cy.source().number.empty() ? "number not recorded" : cy.source().number;
    *ctx.out << y << "  " << cy.source().title << " (" << number << ", issued "
             << cy.source().issued.ToString() << "), " << cy.holidays().size() << " holidays\n";
  }
  if (ctx.json) {
    Json j = Json::Object();
    j.Set("years", std::move(list));
    *ctx.out << j.Dump() << "\n";
  }
  return kExitOk;
}

}  // namespace

int RunCalendarCommand(CliContext& ctx, const Args& args) {
  const std::string sub = args.Head();
  if (sub == "--help" || sub == "-h" || sub == "help") {
    *ctx.out << kUsage;
    return kExitOk;
  }
  if (sub == "due") return RunDue(ctx, args.Tail());
  if (sub == "day") return RunDay(ctx, args.Tail());
  if (sub == "years") return RunYears(ctx, args.Tail());
  return ctx.UsageError(
      sub.empty() ? "missing a calendar command" : "unknown calendar command '" + sub + "'",
      kUsage);
}

}  // namespace erflow::cli
