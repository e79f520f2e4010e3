#include "erflow/case_state.h"

namespace erflow {
namespace {

Json StringList(const std::vector<std::string>& v) {
  Json a = Json::Array();
  for (const auto& s : v) a.Push(Json(s));
  return a;
}

std::vector<std::string> ReadStringList(const Json& j) {
  std::vector<std::string> out;
  for (const auto& s : j.items()) out.push_back(s.AsString());
  return out;
}

}  // namespace

Json TaskInstance::ToJson() const {
  Json j = Json::Object();
  j.Set("id", Json(id));
  j.Set("node", Json(node));
  j.Set("phase", Json(phase));
  j.Set("state", Json(state));
  j.Set("role", Json(role));
  j.Set("unit", Json(unit));
  j.Set("assignee", Json(assignee));
  j.Set("submitted_by", Json(submitted_by));
  j.Set("submitted_unit", Json(submitted_unit));
  j.Set("submitted_at", Json(submitted_at.seconds));
  j.Set("approvers", StringList(approvers));
  j.Set("approved_by", StringList(approved_by));
  j.Set("completed_by", Json(completed_by));
  j.Set("completed_unit", Json(completed_unit));
  j.Set("created_at", Json(created_at.seconds));
  j.Set("completed_at", Json(completed_at.seconds));
  j.Set("return_reason", Json(return_reason));
  return j;
}

TaskInstance TaskInstance::FromJson(const Json& j) {
  TaskInstance t;
  t.id = j.GetString("id");
  t.node = j.GetString("node");
  t.phase = j.GetString("phase", "fill");
  t.state = j.GetString("state", "open");
  t.role = j.GetString("role");
  t.unit = j.GetString("unit");
  t.assignee = j.GetString("assignee");
  t.submitted_by = j.GetString("submitted_by");
  t.submitted_unit = j.GetString("submitted_unit");
  t.submitted_at = Instant{j.GetInt("submitted_at")};
  t.approvers = ReadStringList(j["approvers"]);
  t.approved_by = ReadStringList(j["approved_by"]);
  t.completed_by = j.GetString("completed_by");
  t.completed_unit = j.GetString("completed_unit");
  t.created_at = Instant{j.GetInt("created_at")};
  t.completed_at = Instant{j.GetInt("completed_at")};
  t.return_reason = j.GetString("return_reason");
  return t;
}

TaskInstance* CaseState::FindTask(const std::string& instance_id) {
  for (auto& t : tasks)
    if (t.id == instance_id) return &t;
  return nullptr;
}

const TaskInstance* CaseState::FindTask(const std::string& instance_id) const {
  for (const auto& t : tasks)
    if (t.id == instance_id) return &t;
  return nullptr;
}

std::vector<const TaskInstance*> CaseState::OpenInstancesOf(const std::string& node) const {
  std::vector<const TaskInstance*> out;
  for (const auto& t : tasks)
    if (t.node == node && t.open()) out.push_back(&t);
  return out;
}

const TaskInstance* CaseState::LastCompleted(const std::vector<std::string>& nodes) const {
  const TaskInstance* best = nullptr;
  for (const auto& t : tasks) {
    if (t.state != "done") continue;
    for (const auto& n : nodes)
      if (t.node == n) best = &t;  // tasks are in creation order; later wins
  }
  return best;
}

Json CaseState::ToJson() const {
  Json j = Json::Object();
  j.Set("id", Json(id));
  j.Set("plan", Json(plan));
  j.Set("plan_version", Json(plan_version));
  j.Set("unit", Json(unit));
  j.Set("opened_by", Json(opened_by));
  j.Set("opened_at", Json(opened_at.seconds));
  j.Set("status", Json(status));
  j.Set("end_node", Json(end_node));
  j.Set("outcome", Json(outcome));
  j.Set("closed_at", Json(closed_at.seconds));
  j.Set("version", Json(version));
  j.Set("head_hash", Json(head_hash));
  j.Set("next_task", Json(next_task));
  Json ts = Json::Array();
  for (const auto& t : tasks) ts.Push(t.ToJson());
  j.Set("tasks", std::move(ts));
  j.Set("data", data);
  Json joins_json = Json::Object();
  for (const auto& [k, v] : joins) joins_json.Set(k, Json(v));
  j.Set("joins", std::move(joins_json));
  return j;
}

Result<CaseState> CaseState::FromJson(const Json& j) {
  if (!j.is_object()) return Status::Corruption("case snapshot is not a JSON object");
  CaseState c;
  c.id = j.GetInt("id");
  c.plan = j.GetString("plan");
  c.plan_version = j.GetInt("plan_version");
  c.unit = j.GetString("unit");
  c.opened_by = j.GetString("opened_by");
  c.opened_at = Instant{j.GetInt("opened_at")};
  c.status = j.GetString("status", "active");
  c.end_node = j.GetString("end_node");
  c.outcome = j.GetString("outcome");
  c.closed_at = Instant{j.GetInt("closed_at")};
  c.version = j.GetInt("version");
  c.head_hash = j.GetString("head_hash");
  c.next_task = j.GetInt("next_task", 1);
  for (const auto& t : j["tasks"].items()) c.tasks.push_back(TaskInstance::FromJson(t));
  c.data = j["data"].is_object() ? j["data"] : Json::Object();
  for (const auto& m : j["joins"].members()) c.joins[m.first] = m.second.AsInt();
  return c;
}

}  // namespace erflow
