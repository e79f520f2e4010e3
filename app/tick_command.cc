// erflow tick: fire every timer due at the clock's now (--now drives time).
#include <ostream>

#include "engine_access.h"
#include "exit_codes.h"

namespace erflow::cli {

int RunTickCommand(CliContext& ctx, const Args& in) {
  static const char kUsage[] =
      "usage: erflow [--now TIME] tick [--limit N] [--json]\n"
      "Fires every timer due at or before now: reminders; at a deadline's due time the\n"
      "overdue mark, the escalation in the responsible supervisor's queue and the proposed\n"
      "accountability item; the next day's daily report. Safe to run concurrently and\n"
      "repeatedly: each timer fires once.\n";
  if (in.WantsHelp()) {
    *ctx.out << kUsage;
    return kExitOk;
  }
  Args args = in;
  std::string err = args.Parse({"limit"}, {"json"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  auto limit = CountOption(args, "limit", 10000);
  if (!limit.ok()) return ctx.Fail(limit.status());
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto report = (*engine)->Tick(*limit);
  if (!report.ok()) return ctx.Fail(report.status());
  for (const auto& e : report->errors) *ctx.err << "tick: " << e << "\n";
  if (ctx.json) {
    Json j = Json::Object();
    j.Set("fired", Json(report->fired));
    Json errors = Json::Array();
    for (const auto& e : report->errors) errors.Push(Json(e));
    j.Set("errors", std::move(errors));
    PrintJson(ctx, j);
  } else {
    *ctx.out << "fired " << report->fired << " timer(s)";
    *ctx.out << "\n";
  }
  return report->errors.empty() ? kExitOk : kExitInternal;
}

}  // namespace erflow::cli
