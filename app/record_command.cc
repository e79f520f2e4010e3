// erflow record CASE TASK --out FILE.pdf [--as USER]: writes the signed PDF a task issued,
// byte for byte as stored when it was issued (its SHA-256 is in the case history).
#include <ostream>

#include "engine_access.h"
#include "erflow/authority.h"
#include "exit_codes.h"
#include "file_io.h"
#include "record_exports.h"
#include "views.h"

namespace erflow::cli {
namespace {

const char kUsage[] =
    "usage: erflow record CASE TASK --out FILE.pdf [--as USER] [--json]\n"
    "       erflow record CASE --list [--as USER] [--json]\n"
    "TASK is a task instance (t5) or a task id (result-report) with one record; the latest\n"
    "record of that task is written. --list shows every record the case issued.\n";

}  // namespace

int RunRecordCommand(CliContext& ctx, const Args& in) {
  if (in.WantsHelp()) {
    *ctx.out << kUsage;
    return kExitOk;
  }
  Args args = in;
  std::string err = args.Parse({"out", "as"}, {"json", "list"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  const bool list = args.Flag("list");
  if (args.positionals().size() != (list ? 1u : 2u) || (!list && !args.Get("out")))
    return ctx.UsageError(list ? "record --list needs CASE" : "record needs CASE TASK --out FILE",
                          kUsage);
  auto id = ParseCount("case ID", args.positionals()[0]);
  if (!id.ok()) return ctx.Fail(id.status());
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  if (auto as = args.Get("as")) {
    auto actor = (*engine)->GetUser(*as);
    if (!actor.ok()) return ctx.Fail(actor.status());
    auto view = (*engine)->GetCaseAs(*actor, *id);
    if (!view.ok()) return ctx.Fail(view.status());
  }
  auto records = (*engine)->CaseRecords(*id, !list);
  if (!records.ok()) return ctx.Fail(records.status());
  if (list) {
    Json out = Json::Array();
    for (const auto& r : *records) {
      out.Push(views::IssuedRecordJson(r));
      if (!ctx.json)
        *ctx.out << "#" << r.id << "  " << r.task << "  " << r.node << "  " << r.kind << "  event "
                 << r.seq << "  " << r.size << " bytes  sha256:" << r.sha256 << "\n";
    }
    if (ctx.json) PrintJson(ctx, out);
    return kExitOk;
  }
  auto rec = PickRecord(*records, *id, args.positionals()[1]);
  if (!rec.ok()) return ctx.Fail(rec.status());
  const std::string out_path = *args.Get("out");
  Status written = WriteWholeFile(out_path, rec->pdf);
  if (!written.ok()) return ctx.Fail(written);
  if (ctx.json) {
    Json j = views::IssuedRecordJson(*rec);
    j.Set("file", Json(out_path));
    PrintJson(ctx, j);
  } else {
    *ctx.out << out_path << "  record #" << rec->id << " of case " << rec->case_id << " task "
             << rec->task << "  sha256:" << rec->sha256 << "\n";
  }
  return kExitOk;
}

}  // namespace erflow::cli
