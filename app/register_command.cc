// erflow register --from DATE --to DATE --xlsx OUT [--lang en] [--as USER]: the Excel
// register (台账, 时限, 奖惩, charts) of the cases opened in the range, streamed from the
// database a page at a time (flat memory), with a progress line on stderr; the file's
// SHA-256 goes into the export log.
#include <ostream>

#include "engine_access.h"
#include "erflow/authority.h"
#include "erflow/time_format.h"
#include "exit_codes.h"
#include "record_exports.h"

namespace erflow::cli {
namespace {

const char kUsage[] =
    "usage: erflow register --from DATE --to DATE --xlsx OUT.xlsx [--lang en] [--as USER]\n"
    "                       [--title TEXT] [--json]\n"
    "Writes the register of the cases opened from DATE 00:00 to DATE 24:00 (China time;\n"
    "DATE is YYYY-MM-DD): 台账 (one row per case), 时限 (every deadline), 奖惩\n"
    "(commendations and accountability), charts. --lang en writes English sheet names,\n"
    "headers and labels. With --as, the user must be allowed to export records, and sees\n"
    "only the cases of their unit unless their scope is all.\n";

Result<Instant> Day(const std::string& option, const std::string& text, const char* time) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return Status::InvalidArgument(option + ": expected a date YYYY-MM-DD, got \"" + text + "\"");
  auto t = ParseTimestamp(text + "T" + time + "+08:00");
  if (!t.ok()) return t.status().WithContext(option);
  return *t;
}

}  // namespace

int RunRegisterCommand(CliContext& ctx, const Args& in) {
  if (in.WantsHelp()) {
    *ctx.out << kUsage;
    return kExitOk;
  }
  Args args = in;
  std::string err = args.Parse({"from", "to", "xlsx", "lang", "as", "title"}, {"json"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  if (!args.Get("from") || !args.Get("to") || !args.Get("xlsx") || !args.positionals().empty())
    return ctx.UsageError("register needs --from DATE --to DATE --xlsx OUT", kUsage);
  const std::string lang = args.GetOr("lang", "zh");
  if (lang != "zh" && lang != "en") return ctx.UsageError("--lang must be zh or en", kUsage);
  auto from = Day("--from", *args.Get("from"), "00:00:00");
  if (!from.ok()) return ctx.Fail(from.status());
  auto to = Day("--to", *args.Get("to"), "23:59:59");
  if (!to.ok()) return ctx.Fail(to.status());
  if (*to < *from) return ctx.Fail(Status::InvalidArgument("--to is before --from"));
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());

  records::RegisterExportOptions o;
  o.from = *from;
  o.to = *to;
  o.path = *args.Get("xlsx");
  o.language = lang == "en" ? reports::Language::kEnglish : reports::Language::kChinese;
  o.as_of = ctx.clock->Now();
  o.title = args.GetOr("title", "");
  std::string by;
  if (auto as = args.Get("as")) {
    auto u = (*engine)->GetUser(*as);
    Status allowed = u.ok() ? Authorize(*u, Permission::kExportRecords) : u.status();
    if (!allowed.ok()) return ctx.Fail(allowed);
    if (!Authorize(*u, Permission::kListAllCases).ok()) o.visible_to_unit = u->unit;
    by = u->name;
  }
  std::ostream& err_os = *ctx.err;
  o.progress = [&err_os](const reports::RegisterProgress& p) {
    const char* phase = p.phase == reports::RegisterProgress::Phase::kRows      ? "writing"
                        : p.phase == reports::RegisterProgress::Phase::kPacking ? "compressing"
                                                                                : "done";
    err_os << "register: " << phase << " — " << p.rows.cases << " cases, " << p.rows.deadlines
           << " deadlines, " << p.rows.reward_penalty_items
           << " commendation/accountability items\n";
  };
  const std::string range = *args.Get("from") + ".." + *args.Get("to");
  auto done = ExportRegisterFile(**engine, o, by, range);
  if (!done.ok()) return ctx.Fail(done.status());
  const reports::RegisterCounts* counts = &done->counts;
  const std::string* sha = &done->entry.sha256;
  const ExportEntry* logged = &done->entry;
  if (ctx.json) {
    Json j = Json::Object();
    j.Set("file", Json(o.path));
    j.Set("cases", Json(static_cast<int64_t>(counts->cases)));
    j.Set("deadlines", Json(static_cast<int64_t>(counts->deadlines)));
    j.Set("reward_penalty_items", Json(static_cast<int64_t>(counts->reward_penalty_items)));
    j.Set("sha256", Json(*sha));
    j.Set("export_seq", Json(logged->seq));
    PrintJson(ctx, j);
  } else {
    *ctx.out << o.path << "  " << counts->cases << " cases, " << counts->deadlines << " deadlines, "
             << counts->reward_penalty_items << " items  sha256:" << *sha << "  export log #"
             << logged->seq << "\n";
  }
  return kExitOk;
}

}  // namespace erflow::cli
