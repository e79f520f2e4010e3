// erflow case open | show | act | list
#include <ostream>

#include "engine_access.h"
#include "erflow/deadline_rule.h"
#include "erflow/time_format.h"
#include "exit_codes.h"
#include "views.h"

namespace erflow::cli {
namespace {

const char kUsage[] =
    "usage: erflow case open PLAN --as USER [--form FILE|-] [--key KEY]\n"
    "       erflow case act ID TASK ACTION --as USER [--form FILE|-] [--reason TEXT]\n"
    "                       [--to USER] [--expect-version N] [--key KEY]\n"
    "       erflow case show ID [--json]\n"
    "       erflow case list [--plan ID] [--status active|closed] [--unit UNIT] [--json]\n"
    "\n"
    "ACTION is one of: submit, claim, unclaim, approve, return, transfer, withdraw.\n"
    "TASK is a task instance id (t3) or a task id (report) with one open instance.\n"
    "--expect-version refuses the command (exit 5) if the case changed meanwhile.\n"
    "--key makes a retried command apply once (idempotency key).\n";

void PrintOutcome(const CliContext& ctx, const CommandOutcome& o) {
  if (ctx.json) {
    PrintJson(ctx, views::OutcomeJson(o));
    return;
  }
  *ctx.out << "case " << o.case_id << " version " << o.version << " task " << o.task << " ("
           << o.status << ")" << (o.replayed ? " [already applied]" : "") << "\n";
}

int Open(CliContext& ctx, const Args& args) {
  if (args.positionals().size() != 1) return ctx.UsageError("open needs one PLAN", kUsage);
  if (!args.Get("as")) return ctx.UsageError("open needs --as USER", kUsage);
  Command cmd;
  cmd.action = Action::kOpen;
  cmd.plan = args.positionals()[0];
  cmd.actor = *args.Get("as");
  cmd.idempotency_key = args.GetOr("key", "");
  if (Status s = ReadFormOption(args, &cmd.form); !s.ok()) return ctx.Fail(s);
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto out = (*engine)->Execute(cmd);
  if (!out.ok()) return ctx.Fail(out.status());
  if (ctx.json)
    PrintJson(ctx, views::OutcomeJson(*out));
  else
    *ctx.out << out->case_id << "\n";
  return kExitOk;
}

int Act(CliContext& ctx, const Args& args) {
  if (args.positionals().size() != 3) return ctx.UsageError("act needs ID TASK ACTION", kUsage);
  if (!args.Get("as")) return ctx.UsageError("act needs --as USER", kUsage);
  auto id = ParseCount("case ID", args.positionals()[0]);
  if (!id.ok()) return ctx.Fail(id.status());
  auto action = ActionFromName(args.positionals()[2]);
  if (!action || *action == Action::kOpen)
    return ctx.UsageError("unknown action '" + args.positionals()[2] + "'", kUsage);
  Command cmd;
  cmd.action = *action;
  cmd.case_id = *id;
  cmd.task = args.positionals()[1];
  cmd.actor = *args.Get("as");
  cmd.reason = args.GetOr("reason", "");
  cmd.target_user = args.GetOr("to", "");
  cmd.idempotency_key = args.GetOr("key", "");
  if (auto v = args.Get("expect-version")) {
    auto n = ParseCount("--expect-version", *v);
    if (!n.ok()) return ctx.Fail(n.status());
    cmd.expected_version = *n;
  }
  if (Status s = ReadFormOption(args, &cmd.form); !s.ok()) return ctx.Fail(s);
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto out = (*engine)->Execute(cmd);
  if (!out.ok()) return ctx.Fail(out.status());
  PrintOutcome(ctx, *out);
  return kExitOk;
}

void PrintCase(const CliContext& ctx, const CaseView& v) {
  const CaseState& s = v.state;
  std::ostream& os = *ctx.out;
  os << "case " << s.id << "  " << v.definition->name.zh << " (" << s.plan << " v" << s.plan_version
     << ")\n"
     << "  unit " << s.unit << ", opened " << FormatChineseDateTime(s.opened_at) << " by "
     << s.opened_by << ", " << (s.active() ? "active" : "closed: " + s.outcome) << ", version "
     << s.version << "\n";
  os << "tasks:\n";
  for (const auto& t : s.tasks) {
    const TaskSpec* spec = v.definition->FindTask(t.node);
    os << "  " << t.id << "  " << t.node << "  " << (spec ? spec->name.zh : "") << "  " << t.state;
    if (t.open())
      os << " (" << t.phase << ", " << t.role << "@" << t.unit
         << (t.assignee.empty() ? "" : ", held by " + t.assignee) << ")";
    else if (!t.completed_by.empty())
      os << " by " << t.completed_by;
    os << "\n";
  }
  if (!s.deadlines.empty()) os << "deadlines:\n";
  for (const auto& d : s.deadlines) {
    const DeadlineSpec* spec = v.definition->FindDeadline(d.deadline);
    os << "  " << d.key << "  " << (spec ? spec->name.zh : "") << "  " << d.state;
    if (d.due.seconds) os << "  due " << FormatDueChinese(d.due);
    if (d.done_at.seconds) os << "  done " << FormatChineseDateTime(d.done_at);
    if (d.late_by) os << "  (" << d.late_by / 60 << " min late)";
    if (!d.error.empty()) os << "  " << d.error;
    os << "\n";
  }
  os << "history:\n";
  for (const auto& e : v.history) {
    Json h = views::HistoryEntryJson(e);
    os << "  " << e.seq << "  " << FormatChineseDateTime(e.at) << "  " << h.GetString("actor_name")
       << " (" << h.GetString("role") << ", " << h.GetString("unit") << ")  " << e.command << " "
       << h.GetString("task");
    if (h.Has("reason")) os << "  reason: " << h.GetString("reason");
    os << "\n";
    for (const auto& c : h["changes"].items())
      os << "      " << c.GetString("field") << ": " << c["old"].Dump() << " → " << c["new"].Dump()
         << "\n";
  }
}

int Show(CliContext& ctx, const Args& args) {
  if (args.positionals().size() != 1) return ctx.UsageError("show needs one case ID", kUsage);
  auto id = ParseCount("case ID", args.positionals()[0]);
  if (!id.ok()) return ctx.Fail(id.status());
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto view = (*engine)->GetCase(*id);
  if (!view.ok()) return ctx.Fail(view.status());
  if (ctx.json)
    PrintJson(ctx, views::CaseViewJson(*view));
  else
    PrintCase(ctx, *view);
  return kExitOk;
}

int List(CliContext& ctx, const Args& args) {
  CaseQuery q;
  q.plan = args.GetOr("plan", "");
  q.status = args.GetOr("status", "");
  q.unit = args.GetOr("unit", "");
  auto limit = CountOption(args, "limit", q.limit);
  if (!limit.ok()) return ctx.Fail(limit.status());
  q.limit = *limit;
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto cases = (*engine)->ListCases(q);
  if (!cases.ok()) return ctx.Fail(cases.status());
  Json out = Json::Array();
  for (const auto& c : *cases) {
    out.Push(views::CaseSummaryJson(c));
    if (!ctx.json)
      *ctx.out << c.id << "  " << c.plan << " v" << c.plan_version << "  " << c.unit << "  "
               << c.status << "  " << FormatChineseDateTime(c.opened_at) << "\n";
  }
  if (ctx.json) PrintJson(ctx, out);
  return kExitOk;
}

}  // namespace

int RunCaseCommand(CliContext& ctx, const Args& in) {
  if (in.Head().empty() || in.WantsHelp()) {
    *(in.WantsHelp() ? ctx.out : ctx.err) << kUsage;
    return in.WantsHelp() ? kExitOk : kExitUsage;
  }
  Args args = in.Tail();
  std::string err = args.Parse(
      {"as", "form", "key", "reason", "to", "expect-version", "plan", "status", "unit", "limit"},
      {"json"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  const std::string sub = in.Head();
  if (sub == "open") return Open(ctx, args);
  if (sub == "act") return Act(ctx, args);
  if (sub == "show") return Show(ctx, args);
  if (sub == "list") return List(ctx, args);
  return ctx.UsageError("unknown subcommand 'case " + sub + "'", kUsage);
}

}  // namespace erflow::cli
