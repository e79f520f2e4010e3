// erflow queue --as USER: the tasks this user may take, oldest first.
#include <ostream>

#include "engine_access.h"
#include "erflow/time_format.h"
#include "exit_codes.h"
#include "views.h"

namespace erflow::cli {

int RunQueueCommand(CliContext& ctx, const Args& in) {
  static const char kUsage[] =
      "usage: erflow queue --as USER [--limit N] [--json]\n"
      "Lists the work USER may take: tasks held by them, and unclaimed tasks and approvals\n"
      "for their roles in their unit (never approvals of their own submissions), oldest first.\n";
  if (in.WantsHelp()) {
    *ctx.out << kUsage;
    return kExitOk;
  }
  Args args = in;
  std::string err = args.Parse({"as", "limit"}, {"json"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  if (!args.Get("as")) return ctx.UsageError("queue needs --as USER", kUsage);
  auto limit = CountOption(args, "limit", 100);
  if (!limit.ok()) return ctx.Fail(limit.status());
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto items = (*engine)->Queue(*args.Get("as"), *limit);
  if (!items.ok()) return ctx.Fail(items.status());
  Json out = Json::Array();
  for (const auto& w : *items) {
    out.Push(views::WorkItemJson(w));
    if (!ctx.json)
      *ctx.out << "case " << w.case_id << "  " << w.task << "  " << w.title << "  " << w.kind
               << (w.assignee.empty() ? "" : "  (held by " + w.assignee + ")") << "  since "
               << FormatChineseDateTime(w.created_at) << (w.overdue ? "  OVERDUE" : "") << "\n";
  }
  if (ctx.json)
    PrintJson(ctx, out);
  else if (items->empty())
    *ctx.out << "(nothing to do)\n";
  return kExitOk;
}

}  // namespace erflow::cli
