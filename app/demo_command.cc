// erflow demo: a fresh database in an output folder, every definition deployed, demo
// signing certificates imported (demo_records.h), every drill in drills/ played through
// the engine with a stepped clock, the audit chain verified, then every signed record, a
// dossier per case and the register written into the folder and verified.
#include <filesystem>
#include <ostream>

#include "demo_records.h"
#include "drill_runner.h"
#include "engine_access.h"
#include "exit_codes.h"

namespace erflow::cli {

int RunDemoCommand(CliContext& ctx, const Args& in) {
  static const char kUsage[] =
      "usage: erflow demo [--out DIR]\n"
      "Plays every drill in drills/ (one case each, clock stepped through realistic times)\n"
      "against a fresh database DIR/erflow.db (default DIR: demo-out), prints a timeline of\n"
      "each case and verifies the audit chain. Signing certificates from a demo CA\n"
      "(DIR/certs) sign every record; the signed records (DIR/records), a dossier per case\n"
      "(DIR/dossiers) and the register (DIR/register.xlsx) are written and verified.\n";
  if (in.WantsHelp()) {
    *ctx.out << kUsage;
    return kExitOk;
  }
  Args args = in;
  std::string err = args.Parse({"out"}, {"json"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  const std::string dir = args.GetOr("out", "demo-out");
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return ctx.Fail(Status::IOError(dir + ": " + ec.message()));
  const std::string db = dir + "/erflow.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix, ec);

  ManualClock clock(ctx.clock->Now());
  auto calendar = LoadCalendar(ctx);
  if (!calendar.ok()) return ctx.Fail(calendar.status());
  auto issuer = LoadRecordIssuer(ctx);
  if (!issuer.ok()) return ctx.Fail(issuer.status());
  auto engine = Engine::Open(db, clock, *calendar, *issuer);
  if (!engine.ok()) return ctx.Fail(engine.status());
  for (const auto& file : ListJsonFiles(ctx.WorkflowsDir())) {
    auto def = LoadDefinitionFile(file, ctx.FormsDir());
    if (!def.ok()) return ctx.Fail(def.status());
    auto deployed = (*engine)->Deploy(*def, "demo");
    if (!deployed.ok()) return ctx.Fail(deployed.status());
  }
  *ctx.out << "erflow demo — database " << db << "\n\n";
  Status signers = ImportDemoSigners(ctx, dir, engine->get(), *ctx.out);
  if (!signers.ok()) return ctx.Fail(signers);
  int cases = 0;
  for (const auto& file : ListJsonFiles(ctx.data_dir + "/drills")) {
    auto result = RunDrill(file, engine->get(), &clock, *ctx.out);
    if (!result.ok()) return ctx.Fail(result.status());
    ++cases;
  }
  auto report = (*engine)->VerifyAudit(true);
  if (!report.ok()) return ctx.Fail(report.status());
  *ctx.out << "audit: " << (report->ok() ? "ok" : "FAILED") << " — " << report->cases << " cases, "
           << report->events << " events, every snapshot equal to its rebuild from history\n";
  for (const auto& p : report->problems) *ctx.err << "audit: " << p.ToString() << "\n";
  auto files = WriteDemoRecords(dir, engine->get(), **issuer, *ctx.out);
  if (!files.ok()) return ctx.Fail(files.status());
  *ctx.out << "verified " << files->written - files->failed << " of " << files->written
           << " files against " << dir << "/certs/ca.pem and the history\n";
  *ctx.out << "Inspect with: erflow --db " << db << " case show 1\n";
  return report->ok() && cases > 0 && files->failed == 0 ? kExitOk : kExitVerifyFailed;
}

}  // namespace erflow::cli
