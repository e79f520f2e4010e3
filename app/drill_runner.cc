#include "drill_runner.h"

#include <algorithm>

#include "erflow/time_format.h"

namespace erflow::cli {

Status CreateDrillUsers(const Json& users, Engine* engine) {
  for (const auto& u : users.items()) {
    User user;
    user.name = u.GetString("name");
    user.display_name = u.GetString("display");
    user.unit = u.GetString("unit");
    for (const auto& r : u["roles"].items()) user.roles.push_back(r.AsString());
    ERFLOW_RETURN_IF_ERROR(engine->PutUser(user));
  }
  return Status::Ok();
}

namespace {

std::string Shown(Engine* engine, const std::string& name) {
  auto u = engine->GetUser(name);
  if (!u.ok()) return name;
  return u->Shown() + " [" + (u->roles.empty() ? "" : u->roles[0]) + ", " + u->unit + "]";
}

// "t3 填报事件信息" for the tasks a command opened.
std::string Opened(const CommandOutcome& o, const Definition& def) {
  std::string out;
  for (const auto& e : o.event["effects"].items()) {
    std::string type = e.GetString("type");
    if (type == "task.created") {
      const TaskSpec* t = def.FindTask(e.GetString("node"));
      out += "  → " + e.GetString("task") + " " + (t ? t->name.zh : e.GetString("node"));
    } else if (type == "task.awaiting_approval") {
      out += "  → " + e.GetString("task") + " awaits approval (" + e.GetString("role") + ")";
    } else if (type == "case.closed") {
      out += "  → case closed: " + e.GetString("outcome");
    }
  }
  return out;
}

// Fires timers at their own moments up to `until`, as the server's sweeper would.
Status SweepUntil(Instant until, Engine* engine, ManualClock* clock, std::ostream& out) {
  while (true) {
    ERFLOW_ASSIGN_OR_RETURN(auto next, engine->NextTimerAt());
    if (!next || *next > until) return Status::Ok();
    clock->Set(std::max(*next, clock->Now()));
    ERFLOW_ASSIGN_OR_RETURN(TickReport report, engine->Tick());
    if (!report.errors.empty()) return Status::IOError(report.errors.front());
    if (report.fired)
      out << FormatChineseDateTime(clock->Now()) << "  ⏰ " << report.fired << " timer(s) fired\n";
  }
}

}  // namespace

Result<DrillResult> RunDrill(const std::string& file, Engine* engine, ManualClock* clock,
                             std::ostream& out) {
  ERFLOW_ASSIGN_OR_RETURN(Json drill, ParseJsonFile(file));
  DrillResult result;
  result.drill = drill.GetString("id");
  result.plan = drill.GetString("plan");
  ERFLOW_RETURN_IF_ERROR(CreateDrillUsers(drill["users"], engine).WithContext(file));
  ERFLOW_ASSIGN_OR_RETURN(DefinitionPtr def, engine->GetDefinition(result.plan, 0));
  out << "== " << drill["name"].GetString("zh") << " — " << def->name.zh << " (" << def->id << " v"
      << def->version << ") ==\n";
  const auto& steps = drill["steps"].items();
  for (size_t i = 0; i < steps.size(); ++i) {
    const Json& step = steps[i];
    const std::string where = file + ": steps[" + std::to_string(i) + "]";
    ERFLOW_ASSIGN_OR_RETURN(Instant at, ParseTimestamp(step.GetString("at")));
    ERFLOW_RETURN_IF_ERROR(SweepUntil(at, engine, clock, out));
    clock->Set(at);
    Command cmd;
    auto action = ActionFromName(step.GetString("action"));
    if (!action)
      return Status::InvalidArgument(where + ": unknown action \"" + step.GetString("action") +
                                     "\"");
    cmd.action = *action;
    cmd.actor = step.GetString("as");
    cmd.plan = result.plan;
    cmd.case_id = result.case_id;
    cmd.task = step.GetString("task");
    cmd.form = step["form"];
    cmd.reason = step.GetString("reason");
    cmd.target_user = step.GetString("to");
    std::string line = FormatChineseDateTime(at) + "  " + Shown(engine, cmd.actor) + "  " +
                       step.GetString("action") + (cmd.task.empty() ? "" : " " + cmd.task);
    auto outcome = engine->Execute(cmd);
    const std::string expect = step.GetString("expect");
    if (!expect.empty()) {
      if (outcome.ok() || outcome.status().CodeName() != expect)
        return Status::InvalidArgument(where + ": expected the step to be refused as " + expect +
                                       ", got " +
                                       (outcome.ok() ? "success" : outcome.status().ToString()));
      out << line << "  ✗ refused (" << expect << "): " << outcome.status().message() << "\n";
      ++result.refusals;
      continue;
    }
    if (!outcome.ok()) return outcome.status().WithContext(where);
    if (cmd.action == Action::kOpen) result.case_id = outcome->case_id;
    out << line << Opened(*outcome, *def) << "\n";
    ++result.steps;
  }
  if (drill.Has("until")) {
    ERFLOW_ASSIGN_OR_RETURN(Instant end, ParseTimestamp(drill.GetString("until")));
    ERFLOW_RETURN_IF_ERROR(SweepUntil(end, engine, clock, out));
  }
  ERFLOW_ASSIGN_OR_RETURN(CaseView view, engine->GetCase(result.case_id));
  for (const auto& d : view.state.deadlines) {
    if (d.state == "pending" || d.state == "cancelled") continue;
    const DeadlineSpec* spec = view.definition->FindDeadline(d.deadline);
    out << "   deadline " << (spec ? spec->name.zh : d.key) << ": " << d.state;
    if (d.late_by) out << " (" << d.late_by / 60 << " min late)";
    out << "\n";
  }
  result.status = view.state.status;
  result.outcome = view.state.outcome;
  out << "   case " << result.case_id << ": " << result.status
      << (result.outcome.empty() ? "" : " (" + result.outcome + ")") << ", " << view.history.size()
      << " history events\n\n";
  return result;
}

}  // namespace erflow::cli
