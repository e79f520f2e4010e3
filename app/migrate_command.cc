// erflow migrate --from PATH.db --to postgresql://…
#include <iostream>

#include "engine_access.h"
#include "erflow/migration.h"
#include "exit_codes.h"
#include "views.h"

namespace erflow::cli {

int RunMigrateCommand(CliContext& ctx, const Args& in) {
  static const char kUsage[] =
      "usage: erflow migrate --from PATH.db --to postgresql://user@host:port/dbname [--json]\n"
      "Copies an office's whole store — history, snapshots, queues, timers, users,\n"
      "definitions, keys, records, counters — into an empty database in one transaction,\n"
      "then verifies every hash chain and snapshot there. Refuses a target that already\n"
      "holds data or received a migration before.\n";
  if (in.WantsHelp()) {
    *ctx.out << kUsage;
    return kExitOk;
  }
  Args args = in;
  std::string err = args.Parse({"from", "to"}, {"json"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  if (!args.Get("from") || !args.Get("to"))
    return ctx.UsageError("migrate needs --from and --to", kUsage);
  auto report =
      MigrateStore(*args.Get("from"), *args.Get("to"), [&](const std::string& table, int64_t rows) {
        if (rows % 20000 == 0 && rows > 0)
          *ctx.err << "migrate: " << table << " " << rows << " rows\n";
      });
  if (!report.ok()) return ctx.Fail(report.status());
  if (ctx.json) {
    Json j = Json::Object();
    Json tables = Json::Object();
    for (const auto& [t, n] : report->tables) tables.Set(t, Json(n));
    j.Set("tables", std::move(tables));
    j.Set("audit", views::AuditReportJson(report->audit));
    PrintJson(ctx, j);
  } else {
    for (const auto& [t, n] : report->tables) *ctx.out << "  " << t << ": " << n << " rows\n";
    *ctx.out << "verified on the target: " << (report->audit.ok() ? "ok" : "FAILED") << " — "
             << report->audit.cases << " cases, " << report->audit.events << " events, "
             << report->audit.anchors << " anchors\n";
    for (const auto& p : report->audit.problems) *ctx.err << "audit: " << p.ToString() << "\n";
  }
  return report->audit.ok() ? kExitOk : kExitVerifyFailed;
}

}  // namespace erflow::cli
