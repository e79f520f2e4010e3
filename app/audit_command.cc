// erflow audit verify: walk every case's hash chain and compare snapshots with history.
#include <ostream>

#include "engine_access.h"
#include "exit_codes.h"
#include "views.h"

namespace erflow::cli {

int RunAuditCommand(CliContext& ctx, const Args& in) {
  static const char kUsage[] =
      "usage: erflow audit verify [--no-snapshots] [--json]\n"
      "       erflow audit anchor\n"
      "Checks every event's hash and its link to the previous one, that each case's history\n"
      "ends where its record says, and (unless --no-snapshots) that every stored snapshot\n"
      "equals the one rebuilt from history. Exit 0 when all is intact, 7 otherwise, naming\n"
      "the first bad event of each damaged case. Anchors (written by `audit anchor` and\n"
      "periodically by the server) tie every case's chain together, so a case deleted or\n"
      "rolled back as a whole is detected too.\n";
  if (in.Head() == "anchor" && !in.WantsHelp()) {
    auto engine = OpenEngine(ctx);
    if (!engine.ok()) return ctx.Fail(engine.status());
    auto written = (*engine)->WriteAnchors();
    if (!written.ok()) return ctx.Fail(written.status());
    *ctx.out << "wrote " << *written << " anchor(s)\n";
    return kExitOk;
  }
  if (in.Head() != "verify" || in.WantsHelp()) {
    *(in.WantsHelp() ? ctx.out : ctx.err) << kUsage;
    return in.WantsHelp() ? kExitOk : kExitUsage;
  }
  Args args = in.Tail();
  std::string err = args.Parse({}, {"json", "no-snapshots"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto report = (*engine)->VerifyAudit(!args.Flag("no-snapshots"));
  if (!report.ok()) return ctx.Fail(report.status());
  if (ctx.json) {
    PrintJson(ctx, views::AuditReportJson(*report));
  } else {
    for (const auto& p : report->problems) *ctx.err << "audit: " << p.ToString() << "\n";
    *ctx.out << (report->ok() ? "audit ok: " : "audit FAILED: ") << report->cases << " cases, "
             << report->events << " events, " << report->anchors << " anchors checked";
    if (!report->ok()) *ctx.out << ", " << report->problems.size() << " problem(s)";
    *ctx.out << "\n";
  }
  return report->ok() ? kExitOk : kExitVerifyFailed;
}

}  // namespace erflow::cli
