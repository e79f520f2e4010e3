// erflow dossier CASE --out FILE.pdf [--as USER]: the case's dossier (案卷) — cover, every
// record it issued, the whole history with its hashes — signed by the exporting user when
// they hold a signing key, and its SHA-256 appended to the export log (not to the case
// history: exporting changes nothing on a case).
#include <ostream>

#include "engine_access.h"
#include "erflow/authority.h"
#include "exit_codes.h"
#include "record_exports.h"

namespace erflow::cli {
namespace {

const char kUsage[] =
    "usage: erflow dossier CASE --out FILE.pdf [--as USER] [--json]\n"
    "Writes the case's dossier: a cover listing every issued record and its SHA-256, each\n"
    "record drawn from the case as it stood when issued, and the full history (who, when,\n"
    "what, old → new, hashes). With --as, the user must be allowed to export records and\n"
    "to see the case; the dossier is signed with their key when they have one. The file's\n"
    "SHA-256 goes into the export log, so `erflow verify` can check it later.\n";

}  // namespace

int RunDossierCommand(CliContext& ctx, const Args& in) {
  if (in.WantsHelp()) {
    *ctx.out << kUsage;
    return kExitOk;
  }
  Args args = in;
  std::string err = args.Parse({"out", "as"}, {"json"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  if (args.positionals().size() != 1 || !args.Get("out"))
    return ctx.UsageError("dossier needs CASE --out FILE", kUsage);
  auto id = ParseCount("case ID", args.positionals()[0]);
  if (!id.ok()) return ctx.Fail(id.status());
  auto issuer = LoadRecordIssuer(ctx);
  if (!issuer.ok()) return ctx.Fail(issuer.status());
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  std::optional<User> actor;
  if (auto as = args.Get("as")) {
    auto u = (*engine)->GetUser(*as);
    if (!u.ok()) return ctx.Fail(u.status());
    Status allowed = Authorize(*u, Permission::kExportRecords);
    if (allowed.ok()) allowed = (*engine)->GetCaseAs(*u, *id).status();
    if (!allowed.ok()) return ctx.Fail(allowed);
    actor = *u;
  }
  auto done = ExportDossier(**engine, **issuer, *id, actor, ctx.clock->Now(), *args.Get("out"));
  if (!done.ok()) return ctx.Fail(done.status());
  if (!done->is_signed)
    *ctx.err << "erflow: dossier " << done->note
             << "; `erflow verify` will report it unsigned (its hash is in the export log)\n";
  if (ctx.json) {
    Json j = Json::Object();
    j.Set("file", Json(*args.Get("out")));
    j.Set("case", Json(*id));
    j.Set("sha256", Json(done->entry.sha256));
    j.Set("size", Json(done->entry.size));
    j.Set("export_seq", Json(done->entry.seq));
    j.Set("records", Json(static_cast<int64_t>(done->records)));
    j.Set("signed", Json(done->is_signed));
    PrintJson(ctx, j);
  } else {
    *ctx.out << *args.Get("out") << "  dossier of case " << *id << ", " << done->records
             << " records, " << done->note << "  sha256:" << done->entry.sha256 << "  export log #"
             << done->entry.seq << "\n";
  }
  return kExitOk;
}

}  // namespace erflow::cli
