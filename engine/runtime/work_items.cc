#include "runtime/work_items.h"

#include <set>

#include "runtime/case_variables.h"

namespace erflow {

namespace {

// The earliest open deadline this task instance would meet, and whether one is missed.
void DueOf(const Definition& def, const CaseState& state, const TaskInstance& t, WorkItem* w) {
  for (const auto& d : state.deadlines) {
    if (!d.open()) continue;
    const DeadlineSpec* spec = def.FindDeadline(d.deadline);
    if (!spec) continue;
    bool mine = spec->daily() ? d.task == t.id : spec->satisfied_by.task == t.node;
    if (!mine) continue;
    if (w->due == 0 || d.due.seconds < w->due) w->due = d.due.seconds;
    if (d.state == "missed") w->overdue = true;
  }
}

}  // namespace

std::vector<WorkItem> DeriveWorkItems(const Definition& def, const CaseState& state) {
  std::vector<WorkItem> out;
  // Escalations: a missed deadline sits in the responsible supervisor's queue until the
  // late work is done (or can no longer be done).
  for (const auto& d : state.deadlines) {
    if (d.state != "missed" || d.escalate_role.empty()) continue;
    const DeadlineSpec* spec = def.FindDeadline(d.deadline);
    bool work_open = false;
    for (const auto& t : state.tasks)
      if (t.open() &&
          (spec && spec->daily() ? t.id == d.task : spec && t.node == spec->satisfied_by.task))
        work_open = true;
    if (!work_open) continue;
    WorkItem w;
    w.case_id = state.id;
    w.task = "deadline:" + d.key;
    w.node = d.deadline;
    w.kind = "escalation";
    w.role = d.escalate_role;
    w.unit = d.escalate_unit;
    w.created_at = d.due;
    w.plan = state.plan;
    w.title = "逾期：" + (spec ? spec->name.zh : d.deadline);
    w.due = d.due.seconds;
    w.overdue = true;
    out.push_back(w);
  }
  for (const auto& t : state.tasks) {
    if (!t.open()) continue;
    if (!state.active() && !(def.FindTask(t.node) && def.FindTask(t.node)->adhoc)) continue;
    const TaskSpec* spec = def.FindTask(t.node);
    WorkItem w;
    w.case_id = state.id;
    w.task = t.id;
    w.node = t.node;
    w.role = t.role;
    w.unit = t.unit;
    w.assignee = t.assignee;
    w.plan = state.plan;
    w.title = spec ? spec->name.zh : t.node;
    w.created_at = t.created_at;
    DueOf(def, state, t, &w);
    if (t.phase == "fill") {
      w.kind = "task";
      out.push_back(w);
      continue;
    }
    w.kind = "approval";
    w.created_at = t.submitted_at;
    w.exclude_user = t.submitted_by;
    if (spec && spec->approval) w.title += "（" + spec->approval->label.zh + "）";
    if (t.approvers.empty()) {
      out.push_back(w);
      continue;
    }
    for (const auto& a : t.approvers) {  // 会签: one entry per member still to sign
      bool signed_already = false;
      for (const auto& b : t.approved_by) signed_already |= a == b;
      if (signed_already) continue;
      WorkItem m = w;
      m.assignee = a;
      out.push_back(m);
    }
  }
  return out;
}

std::vector<std::string> DeriveCaseUnits(const Definition& def, const CaseState& state) {
  std::set<std::string> units{state.unit};
  units.insert(state.cc_units.begin(), state.cc_units.end());
  if (state.active())
    for (const auto& t : def.tasks) {
      if (!t.adhoc) continue;
      for (const auto& rule : t.assignee)
        if (rule.unit.kind == UnitRef::Kind::kFixed) units.insert(rule.unit.unit);
    }
  for (const auto& t : state.tasks) {
    units.insert(t.unit);
    if (!t.submitted_unit.empty()) units.insert(t.submitted_unit);
    if (!t.completed_unit.empty()) units.insert(t.completed_unit);
  }
  for (const auto& d : state.deadlines)
    if (!d.escalate_unit.empty()) units.insert(d.escalate_unit);
  units.erase("");
  return std::vector<std::string>(units.begin(), units.end());
}

std::vector<TimerRow> DeriveTimers(const Definition& def, const CaseState& state) {
  std::vector<TimerRow> out;
  for (const auto& d : state.deadlines) {
    const DeadlineSpec* spec = def.FindDeadline(d.deadline);
    if (!spec || d.state == "unknown" || d.state == "cancelled") continue;
    if (d.state == "pending" && spec->remind_before > 0 && !d.reminded &&
        d.due.seconds - spec->remind_before > d.start.seconds)
      out.push_back(
          TimerRow{0, state.id, "remind", d.key, d.due.Plus(-spec->remind_before), d.due});
    if (d.state == "pending" || (spec->daily() && !d.rolled))
      out.push_back(TimerRow{0, state.id, "due", d.key, d.due, d.due});
  }
  return out;
}

Json DeriveCaseFields(const Definition& def, const CaseState& state) {
  Json out = Json::Object();
  CaseVariables vars(def, state);
  for (const auto& [name, var] : def.case_fields) out.Set(name, vars.Get(var.AsString()));
  Json stages = Json::Array();
  std::set<std::string> seen;
  for (const auto& t : state.tasks) {
    if (!t.open()) continue;
    const TaskSpec* spec = def.FindTask(t.node);
    if (spec && seen.insert(spec->stage).second) stages.Push(Json(spec->stage));
  }
  out.Set("stages", std::move(stages));
  return out;
}

}  // namespace erflow
