#include "runtime/command_planner.h"

#include <algorithm>
#include <cstdio>

#include "erflow/civil_date.h"

#include "runtime/case_variables.h"

namespace erflow {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

CommandPlanner::CommandPlanner(const Definition& def, CaseState state, const User& actor,
                               Instant now, StoreTransaction* tx, const Calendar* calendar)
    : def_(def), state_(std::move(state)), actor_(actor), now_(now), tx_(tx), calendar_(calendar) {}

Status CommandPlanner::Plan(const Command& cmd) {
  if (cmd.action != Action::kOpen && !state_.active()) {
    // A closed case still takes decisions on its open ad-hoc tasks (an accountability
    // proposal raised by a missed deadline outlives the response).
    const TaskInstance* t = state_.FindTask(cmd.task);
    if (!t) {
      auto open = state_.OpenInstancesOf(cmd.task);
      if (open.size() == 1) t = open[0];
    }
    const TaskSpec* spec = t ? def_.FindTask(t->node) : nullptr;
    if (!t || !t->open() || !spec || !spec->adhoc || cmd.action == Action::kWithdraw)
      return Status::Conflict("case " + std::to_string(state_.id) + " is closed (" +
                              state_.outcome + ")");
  }
  switch (cmd.action) {
    case Action::kOpen:
      return Open(cmd);
    case Action::kSubmit:
      return Submit(cmd);
    case Action::kClaim:
      return Claim(cmd);
    case Action::kUnclaim:
      return Unclaim(cmd);
    case Action::kApprove:
      return Approve(cmd);
    case Action::kReturn:
      return Return(cmd);
    case Action::kTransfer:
      return Transfer(cmd);
    case Action::kWithdraw:
      return Withdraw(cmd);
  }
  return Status::InvalidArgument("unknown command");
}

Json CommandPlanner::Effect(const char* type, const std::string& task) const {
  Json e = Json::Object();
  e.Set("type", Json(type));
  if (!task.empty()) e.Set("task", Json(task));
  return e;
}

Status CommandPlanner::Emit(Json effect) {
  ERFLOW_RETURN_IF_ERROR(ApplyEffect(&state_, effect));
  effects_.Push(std::move(effect));
  return Status::Ok();
}

bool CommandPlanner::Eligible(const std::string& role, const std::string& unit) const {
  return actor_.HasRole(role) && actor_.unit == unit;
}

Status CommandPlanner::ResolveUnit(const UnitRef& ref, std::string* unit) const {
  switch (ref.kind) {
    case UnitRef::Kind::kCase:
      *unit = state_.unit;
      return Status::Ok();
    case UnitRef::Kind::kFixed:
      *unit = ref.unit;
      return Status::Ok();
    case UnitRef::Kind::kActorOf: {
      const TaskInstance* t = state_.LastCompleted(ref.tasks);
      if (!t)
        return Status::Conflict("cannot route to \"" + ref.text +
                                "\": none of those tasks has been completed");
      *unit = t->completed_unit;
      return Status::Ok();
    }
  }
  return Status::InvalidArgument("bad unit reference");
}

Status CommandPlanner::ResolveAssignee(const std::vector<AssigneeRule>& rules, const Json* form,
                                       std::string* role, std::string* unit) const {
  CaseVariables vars(def_, state_, form);
  for (const auto& rule : rules) {
    if (rule.when && !rule.when->Evaluate(vars)) continue;
    *role = rule.role;
    return ResolveUnit(rule.unit, unit);
  }
  return Status::Conflict("no routing rule matches this case");
}

Status CommandPlanner::ResolveTask(const Command& cmd, bool allow_adhoc_start, TaskInstance** out) {
  if (cmd.task.empty())
    return Status::InvalidArgument("no task named (give a task id such as t3 or report)");
  if (TaskInstance* t = state_.FindTask(cmd.task)) {
    *out = t;
    return Status::Ok();
  }
  const TaskSpec* spec = def_.FindTask(cmd.task);
  if (!spec)
    return Status::NotFound("case " + std::to_string(state_.id) + " has no task \"" + cmd.task +
                            "\"");
  auto open = state_.OpenInstancesOf(cmd.task);
  if (open.size() == 1) {
    *out = state_.FindTask(open[0]->id);
    return Status::Ok();
  }
  if (open.size() > 1) {
    std::vector<std::string> ids;
    for (auto* t : open) ids.push_back(t->id);
    return Status::InvalidArgument("task \"" + cmd.task + "\" has several open instances (" +
                                   Join(ids) + "); name one of them");
  }
  if (spec->adhoc && allow_adhoc_start) {
    if (spec->available_after.kind != EventRef::Kind::kNone && !EventHappened(spec->available_after))
      return Status::Conflict("\"" + spec->name.zh + "\" is not available yet: it opens when task \"" +
                              spec->available_after.task + "\" is " + spec->available_after.on);
    if (spec->available_until.kind != EventRef::Kind::kNone && EventHappened(spec->available_until))
      return Status::Conflict("\"" + spec->name.zh + "\" is no longer available: task \"" +
                              spec->available_until.task + "\" is " + spec->available_until.on);
    std::string role, unit;
    ERFLOW_RETURN_IF_ERROR(ResolveAssignee(spec->assignee, nullptr, &role, &unit));
    if (!Eligible(role, unit))
      return Status::Forbidden(actor_.name + " may not start \"" + spec->name.zh +
                               "\" (needs role " + role + " in unit " + unit + ")");
    ERFLOW_RETURN_IF_ERROR(CreateTask(spec->id, actor_.name, ""));
    *out = &state_.tasks.back();
    return Status::Ok();
  }
  const TaskInstance* done = state_.LastCompleted({cmd.task});
  if (done) return Status::Conflict("task \"" + cmd.task + "\" is already done (" + done->id + ")");
  return Status::Conflict("task \"" + cmd.task + "\" is not open in case " +
                          std::to_string(state_.id));
}

Status CommandPlanner::CheckActorFor(const TaskInstance& t, const char* what) const {
  if (!t.open()) return Status::Conflict("task " + t.id + " is " + t.state);
  if (t.phase == "approve") {
    // Four-eyes: whoever submitted a stage's form may not approve it.
    if (t.submitted_by == actor_.name)
      return Status::Forbidden("four-eyes rule: " + actor_.name + " submitted task " + t.id +
                               " and may not " + what + " it");
    if (!t.approvers.empty()) {
      if (!Contains(t.approvers, actor_.name))
        return Status::Forbidden(actor_.name + " is not among the approvers of task " + t.id +
                                 " (" + Join(t.approvers) + ")");
      if (Contains(t.approved_by, actor_.name))
        return Status::Conflict(actor_.name + " has already approved task " + t.id);
      return Status::Ok();
    }
  }
  if (!t.assignee.empty()) {
    if (t.assignee == actor_.name) return Status::Ok();
    return Status::Forbidden("task " + t.id + " is held by " + t.assignee + "; " + actor_.name +
                             " may not " + what + " it");
  }
  if (!Eligible(t.role, t.unit))
    return Status::Forbidden(actor_.name + " (" + Join(actor_.roles) + ", " + actor_.unit +
                             ") may not " + what + " task " + t.id + ": it needs role " + t.role +
                             " in unit " + t.unit);
  return Status::Ok();
}

Status CommandPlanner::CheckActionAllowed(const TaskInstance& t, Action action) const {
  const TaskSpec* spec = def_.FindTask(t.node);
  const std::set<Action>& allowed =
      t.phase == "approve" && spec->approval ? spec->approval->actions : spec->actions;
  if (action == Action::kClaim || action == Action::kUnclaim || allowed.count(action))
    return Status::Ok();
  return Status::Forbidden(std::string("task ") + t.id + " (" + spec->name.zh +
                           ") does not allow \"" + ActionName(action) + "\" in its " + t.phase +
                           " phase");
}

Status CommandPlanner::CreateTask(const std::string& node, const std::string& assignee,
                                  const std::string& reason, const Json& context) {
  const TaskSpec* spec = def_.FindTask(node);
  std::string role, unit;
  ERFLOW_RETURN_IF_ERROR(ResolveAssignee(spec->assignee, nullptr, &role, &unit));
  Json e = Effect("task.created", "t" + std::to_string(state_.next_task));
  e.Set("node", Json(node));
  e.Set("role", Json(role));
  e.Set("unit", Json(unit));
  e.Set("assignee", Json(assignee));
  e.Set("at", Json(now_.seconds));
  if (!reason.empty()) e.Set("reason", Json(reason));
  if (context.is_object()) e.Set("context", context);
  return Emit(std::move(e));
}

Status CommandPlanner::Advance(const std::string& node, int depth) {
  if (depth > 200)
    return Status::Conflict("routing loops without reaching a task at \"" + node + "\"");
  switch (def_.KindOf(node)) {
    case Definition::NodeKind::kTask:
      return CreateTask(node, "", "");
    case Definition::NodeKind::kExclusive: {
      CaseVariables vars(def_, state_);
      for (const auto& b : def_.FindGateway(node)->branches)
        if (!b.when || b.when->Evaluate(vars)) return Advance(b.next, depth + 1);
      return Status::Conflict("no branch of \"" + node + "\" matches");
    }
    case Definition::NodeKind::kParallel:
      for (const auto& n : def_.FindGateway(node)->next)
        ERFLOW_RETURN_IF_ERROR(Advance(n, depth + 1));
      return Status::Ok();
    case Definition::NodeKind::kJoin: {
      int64_t count = state_.joins[node] + 1;
      bool fire = count >= def_.JoinInDegree(node);
      Json e = Effect("join.arrived", "");
      e.Set("join", Json(node));
      e.Set("count", Json(fire ? int64_t{0} : count));
      ERFLOW_RETURN_IF_ERROR(Emit(std::move(e)));
      return fire ? Advance(def_.FindGateway(node)->next.at(0), depth + 1) : Status::Ok();
    }
    case Definition::NodeKind::kEnd: {
      std::vector<std::string> open;
      for (const auto& t : state_.tasks) {
        const TaskSpec* spec = def_.FindTask(t.node);
        bool proposal = spec && spec->adhoc && t.context.is_object() && t.context.Has("ground");
        if (t.open() && !proposal) open.push_back(t.id);  // proposals outlive the response
      }
      for (const auto& id : open) {
        Json c = Effect("task.cancelled", id);
        c.Set("reason", Json("case ended"));
        c.Set("at", Json(now_.seconds));
        ERFLOW_RETURN_IF_ERROR(Emit(std::move(c)));
      }
      const EndSpec* end = def_.FindEnd(node);
      Json e = Effect("case.closed", "");
      e.Set("end", Json(node));
      e.Set("outcome", Json(end->outcome));
      e.Set("at", Json(now_.seconds));
      return Emit(std::move(e));
    }
    case Definition::NodeKind::kNone:
      break;
  }
  return Status::Corruption("definition has no node \"" + node + "\"");
}

Status CommandPlanner::Complete(const std::string& task_id) {
  const TaskInstance* t = state_.FindTask(task_id);
  const TaskSpec* spec = def_.FindTask(t->node);
  Json e = Effect("task.done", task_id);
  e.Set("by", Json(actor_.name));
  e.Set("unit", Json(actor_.unit));
  e.Set("at", Json(now_.seconds));
  ERFLOW_RETURN_IF_ERROR(Emit(std::move(e)));
  if (!spec->filing_field.empty())
    ERFLOW_RETURN_IF_ERROR(AssignFilingNumber(task_id, spec->filing_field));
  if (records_on_ && !spec->record.empty()) records_due_.push_back(task_id);
  for (const auto& rule : spec->cc) {  // 抄送: read-only visibility for the named units
    std::string unit;
    ERFLOW_RETURN_IF_ERROR(ResolveUnit(rule.unit, &unit));
    Json cc = Effect("case.cc", task_id);
    cc.Set("role", Json(rule.role));
    cc.Set("unit", Json(unit));
    ERFLOW_RETURN_IF_ERROR(Emit(std::move(cc)));
  }
  if (spec->next.empty()) return Status::Ok();  // ad-hoc: nothing follows
  return Advance(spec->next, 0);
}

Status CommandPlanner::AssignFilingNumber(const std::string& task_id, const std::string& field) {
  // 备案编号: YYYY年MM月DD日第N号 总第M号 — a per-day and an all-time counter, both taken
  // in this command's transaction: a rolled-back filing gives its numbers back, so the
  // sequences stay gapless and no number is ever issued twice.
  const CivilDate day = CivilDate::InChina(now_);
  ERFLOW_ASSIGN_OR_RETURN(int64_t daily, tx_->NextSequence("filing:" + day.ToString()));
  ERFLOW_ASSIGN_OR_RETURN(int64_t total, tx_->NextSequence("filing"));
  char number[96];
  std::snprintf(number, sizeof number, "%04d年%02d月%02d日第%lld号 总第%lld号", day.year, day.month,
                day.day, static_cast<long long>(daily), static_cast<long long>(total));
  const TaskInstance* t = state_.FindTask(task_id);
  Json e = Effect("task.filed", task_id);
  e.Set("field", Json(field));
  e.Set("number", Json(number));
  e.Set("day_seq", Json(daily));
  e.Set("total_seq", Json(total));
  Json c = Json::Object();
  c.Set("field", Json(t->node + "." + field));
  c.Set("old", state_.data[t->node][field]);
  c.Set("new", Json(number));
  changes_.Push(std::move(c));
  return Emit(std::move(e));
}

Status CommandPlanner::SubmitForm(TaskInstance* t, const std::string& form_id,
                                  const std::vector<RequireRule>& rules, const Json& form,
                                  Json* normalised) {
  if (form_id.empty()) {
    if (!form.is_null() && !(form.is_object() && form.size() == 0))
      return Status::InvalidArgument("task " + t->id + " has no form; no form data expected");
    *normalised = Json::Object();
    return Status::Ok();
  }
  const FormSchema* schema = def_.FindForm(form_id);
  // What the engine prefilled (a missed deadline on a proposal) fills the system fields.
  ERFLOW_ASSIGN_OR_RETURN(*normalised, ValidateFormData(*schema, form.is_null() ? Json::Object() : form, "form",
                                                        &t->context));
  CaseVariables vars(def_, state_, normalised);
  Problems problems("form " + form_id);
  for (const auto& rule : rules) {
    if (rule.when && !rule.when->Evaluate(vars)) continue;
    for (const auto& f : rule.fields) {
      const Json& v = (*normalised)[f];
      if (v.is_null() || (v.is_string() && v.AsString().empty()) ||
          (v.is_array() && v.size() == 0)) {
        std::string msg = rule.message.zh.empty() ? "is required here" : rule.message.zh;
        if (!rule.message.en.empty()) msg += " / " + rule.message.en;
        problems.Add("form." + f, nullptr, msg);
      }
    }
  }
  ERFLOW_RETURN_IF_ERROR(problems.ToStatus());
  // Record what changed, old → new, for every field of this form.
  const Json& old_data = state_.data[t->node];
  for (const auto& field : schema->fields) {
    if (field.system && !normalised->Has(field.id)) continue;  // the engine's, left as it is
    const Json& old_value = old_data[field.id];
    const Json& new_value = (*normalised)[field.id];
    if (old_value == new_value) continue;
    Json c = Json::Object();
    c.Set("field", Json(t->node + "." + field.id));
    c.Set("old", old_value);
    c.Set("new", new_value);
    changes_.Push(std::move(c));
    if (new_value.is_null() && !normalised->Has(field.id)) normalised->Set(field.id, Json());
  }
  return Status::Ok();
}

Status CommandPlanner::Open(const Command& cmd) {
  const TaskSpec* start = def_.FindTask(def_.start);
  Json opened = Effect("case.opened", "");
  opened.Set("plan", Json(def_.id));
  opened.Set("version", Json(def_.version));
  opened.Set("unit", Json(actor_.unit));
  opened.Set("by", Json(actor_.name));
  opened.Set("at", Json(now_.seconds));
  ERFLOW_RETURN_IF_ERROR(Emit(std::move(opened)));
  std::string role, unit;
  ERFLOW_RETURN_IF_ERROR(ResolveAssignee(start->assignee, nullptr, &role, &unit));
  if (!Eligible(role, unit))
    return Status::Forbidden(actor_.name + " (" + Join(actor_.roles) + ") may not open a case of " +
                             def_.id + ": its first task needs role " + role);
  ERFLOW_RETURN_IF_ERROR(CreateTask(start->id, actor_.name, ""));
  task_id_ = state_.tasks.back().id;
  node_ = start->id;
  role_used_ = role;
  if (cmd.form.is_null()) return Status::Ok();
  Command submit = cmd;
  submit.action = Action::kSubmit;
  submit.task = task_id_;
  return Submit(submit);
}

Status CommandPlanner::Submit(const Command& cmd) {
  TaskInstance* t;
  ERFLOW_RETURN_IF_ERROR(ResolveTask(cmd, true, &t));
  task_id_ = t->id;
  node_ = t->node;
  if (t->open() && t->phase == "approve")
    return Status::Conflict("task " + t->id + " was submitted by " + t->submitted_by +
                            " and awaits approval");
  ERFLOW_RETURN_IF_ERROR(CheckActorFor(*t, "submit"));
  const TaskSpec* spec = def_.FindTask(t->node);
  role_used_ = t->role;
  if (!spec->approval) ERFLOW_RETURN_IF_ERROR(RequireSigningKey(*spec));
  Json data;
  ERFLOW_RETURN_IF_ERROR(SubmitForm(t, spec->form, spec->require, cmd.form, &data));
  std::string id = t->id;
  Json e = Effect("task.submitted", id);
  e.Set("by", Json(actor_.name));
  e.Set("unit", Json(actor_.unit));
  e.Set("at", Json(now_.seconds));
  e.Set("data", std::move(data));
  ERFLOW_RETURN_IF_ERROR(Emit(std::move(e)));
  if (!spec->approval) return Complete(id);
  std::string role, unit;
  ERFLOW_RETURN_IF_ERROR(ResolveAssignee(spec->approval->assignee, nullptr, &role, &unit));
  Json approvers = Json::Array();
  if (spec->approval->mode == ApprovalSpec::Mode::kAll) {
    ERFLOW_ASSIGN_OR_RETURN(auto members, tx_->UsersWith(role, unit));
    for (const auto& u : members)
      if (u.name != actor_.name) approvers.Push(Json(u.name));
    if (approvers.size() == 0)
      return Status::Conflict("no one can countersign (会签) task " + id + ": no other active " +
                              role + " in unit " + unit);
  }
  Json a = Effect("task.awaiting_approval", id);
  a.Set("role", Json(role));
  a.Set("unit", Json(unit));
  a.Set("approvers", std::move(approvers));
  return Emit(std::move(a));
}

Status CommandPlanner::Claim(const Command& cmd) {
  TaskInstance* t;
  ERFLOW_RETURN_IF_ERROR(ResolveTask(cmd, false, &t));
  task_id_ = t->id;
  node_ = t->node;
  if (!t->open()) return Status::Conflict("task " + t->id + " is " + t->state);
  if (!t->assignee.empty())
    return Status::Conflict("task " + t->id + " is already claimed by " + t->assignee);
  if (!t->approvers.empty())
    return Status::Conflict("task " + t->id + " is a countersignature (会签); nothing to claim");
  ERFLOW_RETURN_IF_ERROR(CheckActorFor(*t, "claim"));
  role_used_ = t->role;
  Json e = Effect("task.claimed", t->id);
  e.Set("user", Json(actor_.name));
  return Emit(std::move(e));
}

Status CommandPlanner::Unclaim(const Command& cmd) {
  TaskInstance* t;
  ERFLOW_RETURN_IF_ERROR(ResolveTask(cmd, false, &t));
  task_id_ = t->id;
  node_ = t->node;
  if (!t->open()) return Status::Conflict("task " + t->id + " is " + t->state);
  if (t->assignee != actor_.name)
    return Status::Forbidden("task " + t->id + " is not held by " + actor_.name +
                             (t->assignee.empty() ? "" : " (held by " + t->assignee + ")"));
  role_used_ = t->role;
  return Emit(Effect("task.unclaimed", t->id));
}

Status CommandPlanner::Approve(const Command& cmd) {
  TaskInstance* t;
  ERFLOW_RETURN_IF_ERROR(ResolveTask(cmd, false, &t));
  task_id_ = t->id;
  node_ = t->node;
  if (t->open() && t->phase != "approve")
    return Status::Conflict("task " + t->id +
                            " has not been submitted; there is nothing to approve");
  ERFLOW_RETURN_IF_ERROR(CheckActorFor(*t, "approve"));
  const TaskSpec* spec = def_.FindTask(t->node);
  role_used_ = t->role;
  ERFLOW_RETURN_IF_ERROR(RequireSigningKey(*spec));
  Json data;
  ERFLOW_RETURN_IF_ERROR(
      SubmitForm(t, spec->approval->form, spec->approval->require, cmd.form, &data));
  std::string id = t->id;
  Json e = Effect("task.approved", id);
  e.Set("by", Json(actor_.name));
  e.Set("at", Json(now_.seconds));
  e.Set("data", std::move(data));
  ERFLOW_RETURN_IF_ERROR(Emit(std::move(e)));
  t = state_.FindTask(id);
  for (const auto& a : t->approvers)
    if (!Contains(t->approved_by, a)) return Status::Ok();  // 会签: others still to sign
  return Complete(id);
}

Status CommandPlanner::Return(const Command& cmd) {
  TaskInstance* t;
  ERFLOW_RETURN_IF_ERROR(ResolveTask(cmd, false, &t));
  task_id_ = t->id;
  node_ = t->node;
  if (cmd.reason.empty()) return Status::InvalidArgument("a return (退回) needs a reason");
  ERFLOW_RETURN_IF_ERROR(CheckActorFor(*t, "return"));
  ERFLOW_RETURN_IF_ERROR(CheckActionAllowed(*t, Action::kReturn));
  const TaskSpec* spec = def_.FindTask(t->node);
  role_used_ = t->role;
  std::string id = t->id;
  if (t->phase == "approve") {
    // Back to whoever submitted, in the fill phase, with the reason.
    std::string role, unit;
    ERFLOW_RETURN_IF_ERROR(ResolveAssignee(spec->assignee, nullptr, &role, &unit));
    Json e = Effect("task.returned", id);
    e.Set("by", Json(actor_.name));
    e.Set("to", Json(t->submitted_by));
    e.Set("role", Json(role));
    e.Set("unit", Json(unit));
    e.Set("reason", Json(cmd.reason));
    return Emit(std::move(e));
  }
  // Fill phase: send the work back to the earlier task, to whoever completed it.
  const TaskInstance* earlier = state_.LastCompleted({spec->return_to});
  if (!earlier)
    return Status::Conflict("task \"" + spec->return_to +
                            "\" has not been done; nothing to return to");
  std::string to = earlier->submitted_by;
  Json c = Effect("task.cancelled", id);
  c.Set("reason", Json("returned: " + cmd.reason));
  c.Set("at", Json(now_.seconds));
  ERFLOW_RETURN_IF_ERROR(Emit(std::move(c)));
  return CreateTask(spec->return_to, to, cmd.reason);
}

Status CommandPlanner::Transfer(const Command& cmd) {
  TaskInstance* t;
  ERFLOW_RETURN_IF_ERROR(ResolveTask(cmd, false, &t));
  task_id_ = t->id;
  node_ = t->node;
  if (cmd.target_user.empty())
    return Status::InvalidArgument("a transfer (转办) needs the user to transfer to");
  ERFLOW_RETURN_IF_ERROR(CheckActorFor(*t, "transfer"));
  ERFLOW_RETURN_IF_ERROR(CheckActionAllowed(*t, Action::kTransfer));
  role_used_ = t->role;
  ERFLOW_ASSIGN_OR_RETURN(auto target, tx_->GetUser(cmd.target_user));
  if (!target || !target->active)
    return Status::NotFound("no active user \"" + cmd.target_user + "\"");
  if (target->name == actor_.name)
    return Status::InvalidArgument("cannot transfer a task to oneself");
  if (!target->HasRole(t->role) || target->unit != t->unit)
    return Status::Forbidden("cannot transfer task " + t->id + " to " + target->name +
                             ": it needs role " + t->role + " in unit " + t->unit);
  if (t->phase == "approve" && target->name == t->submitted_by)
    return Status::Forbidden("four-eyes rule: cannot transfer the approval of task " + t->id +
                             " to its submitter " + target->name);
  Json e = Effect("task.transferred", t->id);
  e.Set("from", Json(actor_.name));
  e.Set("to", Json(target->name));
  if (!cmd.reason.empty()) e.Set("reason", Json(cmd.reason));
  return Emit(std::move(e));
}

Status CommandPlanner::Withdraw(const Command& cmd) {
  // Withdrawal (撤销) takes back the actor's own latest act before anyone acted on it:
  // the case's last event must be this actor's open, submit or approve.
  const std::string command = last_event_.GetString("command");
  const std::string task = last_event_.GetString("task");
  if (last_event_.GetString("actor") != actor_.name ||
      (command != "open" && command != "submit" && command != "approve"))
    return Status::Conflict(
        "nothing to withdraw: the last action on case " + std::to_string(state_.id) + " was " +
        command + " by " + last_event_.GetString("actor") +
        "; only your own latest submission, approval or opening, before anyone acted on it, "
        "can be withdrawn");
  if (!cmd.task.empty() && cmd.task != task && cmd.task != last_event_.GetString("node"))
    return Status::Conflict("the last action on case " + std::to_string(state_.id) +
                            " was on task " + task + ", not " + cmd.task);
  task_id_ = task;
  node_ = last_event_.GetString("node");
  role_used_ = last_event_.GetString("role");
  const TaskSpec* spec = def_.FindTask(node_);
  bool allowed = command == "approve"
                     ? spec->approval && spec->approval->actions.count(Action::kWithdraw)
                     : spec->actions.count(Action::kWithdraw) > 0;
  if (!allowed)
    return Status::Forbidden("task \"" + spec->name.zh + "\" does not allow withdrawal (撤销)");
  if (command == "open") {
    std::vector<std::string> open;
    for (const auto& t : state_.tasks)
      if (t.open()) open.push_back(t.id);
    for (const auto& id : open) {
      Json c = Effect("task.cancelled", id);
      c.Set("reason", Json("withdrawn"));
      c.Set("at", Json(now_.seconds));
      ERFLOW_RETURN_IF_ERROR(Emit(std::move(c)));
    }
    Json e = Effect("case.closed", "");
    e.Set("end", Json(""));
    e.Set("outcome", Json("withdrawn"));
    e.Set("at", Json(now_.seconds));
    return Emit(std::move(e));
  }
  Json e = Effect("case.reverted", "");
  e.Set("to_version", Json(state_.version - 1));
  e.Set("withdrawn", Json(state_.version));
  effects_.Push(std::move(e));
  int64_t next_task = state_.next_task;
  int64_t id = state_.id, version = state_.version;
  std::string head = state_.head_hash;
  state_ = before_last_;
  state_.next_task = std::max(state_.next_task, next_task);
  state_.id = id;
  state_.version = version;
  state_.head_hash = head;
  return Status::Ok();
}

}  // namespace erflow
