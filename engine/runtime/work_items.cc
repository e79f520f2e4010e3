#include "runtime/work_items.h"

#include <set>

#include "runtime/case_variables.h"

namespace erflow {

std::vector<WorkItem> DeriveWorkItems(const Definition& def, const CaseState& state) {
  std::vector<WorkItem> out;
  if (!state.active()) return out;
  for (const auto& t : state.tasks) {
    if (!t.open()) continue;
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
