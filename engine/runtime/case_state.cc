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
  // Empty and zero fields are left out: snapshots are written on every command.
  Json j = Json::Object();
  auto text = [&j](const char* key, const std::string& v) {
    if (!v.empty()) j.Add(key, Json(v));
  };
  auto time = [&j](const char* key, Instant t) {
    if (t.seconds) j.Add(key, Json(t.seconds));
  };
  j.Add("id", Json(id));
  j.Add("node", Json(node));
  j.Add("phase", Json(phase));
  j.Add("state", Json(state));
  text("role", role);
  text("unit", unit);
  text("assignee", assignee);
  text("submitted_by", submitted_by);
  text("submitted_unit", submitted_unit);
  time("submitted_at", submitted_at);
  if (!approvers.empty()) j.Add("approvers", StringList(approvers));
  if (!approved_by.empty()) j.Add("approved_by", StringList(approved_by));
  text("completed_by", completed_by);
  text("completed_unit", completed_unit);
  time("created_at", created_at);
  time("completed_at", completed_at);
  text("return_reason", return_reason);
  if (context.is_object() && context.size() > 0) j.Add("context", context);
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
  if (j["context"].is_object()) t.context = j["context"];
  return t;
}

Json DeadlineInstance::ToJson() const {
  Json j = Json::Object();
  j.Add("key", Json(key));
  j.Add("deadline", Json(deadline));
  j.Add("start", Json(start.seconds));
  j.Add("due", Json(due.seconds));
  j.Add("state", Json(state));
  if (done_at.seconds) j.Add("done_at", Json(done_at.seconds));
  if (late_by) j.Add("late_by", Json(late_by));
  if (!task.empty()) j.Add("task", Json(task));
  if (reminded) j.Add("reminded", Json(true));
  if (rolled) j.Add("rolled", Json(true));
  if (proposed) j.Add("proposed", Json(true));
  if (!escalate_role.empty()) j.Add("escalate_role", Json(escalate_role));
  if (!escalate_unit.empty()) j.Add("escalate_unit", Json(escalate_unit));
  if (!error.empty()) j.Add("error", Json(error));
  return j;
}

DeadlineInstance DeadlineInstance::FromJson(const Json& j) {
  DeadlineInstance d;
  d.key = j.GetString("key");
  d.deadline = j.GetString("deadline");
  d.start = Instant{j.GetInt("start")};
  d.due = Instant{j.GetInt("due")};
  d.state = j.GetString("state", "pending");
  d.done_at = Instant{j.GetInt("done_at")};
  d.late_by = j.GetInt("late_by");
  d.task = j.GetString("task");
  d.reminded = j.GetBool("reminded");
  d.rolled = j.GetBool("rolled");
  d.proposed = j.GetBool("proposed");
  d.escalate_role = j.GetString("escalate_role");
  d.escalate_unit = j.GetString("escalate_unit");
  d.error = j.GetString("error");
  return d;
}

Json RecordRef::ToJson() const {
  Json j = Json::Object();
  j.Add("id", Json(id));
  j.Add("task", Json(task));
  j.Add("kind", Json(kind));
  j.Add("sha256", Json(sha256));
  j.Add("seq", Json(seq));
  return j;
}

RecordRef RecordRef::FromJson(const Json& j) {
  return RecordRef{j.GetInt("id"), j.GetString("task"), j.GetString("kind"), j.GetString("sha256"),
                   j.GetInt("seq")};
}

DeadlineInstance* CaseState::FindDeadline(const std::string& key) {
  for (auto& d : deadlines)
    if (d.key == key) return &d;
  return nullptr;
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
  j.Add("id", Json(id));
  j.Add("plan", Json(plan));
  j.Add("plan_version", Json(plan_version));
  j.Add("unit", Json(unit));
  j.Add("opened_by", Json(opened_by));
  j.Add("opened_at", Json(opened_at.seconds));
  j.Add("status", Json(status));
  j.Add("end_node", Json(end_node));
  j.Add("outcome", Json(outcome));
  j.Add("closed_at", Json(closed_at.seconds));
  j.Add("version", Json(version));
  j.Add("head_hash", Json(head_hash));
  j.Add("next_task", Json(next_task));
  Json ts = Json::Array();
  for (const auto& t : tasks) ts.Push(t.ToJson());
  j.Add("tasks", std::move(ts));
  j.Add("data", data);
  Json joins_json = Json::Object();
  for (const auto& [k, v] : joins) joins_json.Add(k, Json(v));
  j.Add("joins", std::move(joins_json));
  if (!cc_units.empty()) j.Add("cc_units", StringList(cc_units));
  if (!deadlines.empty()) {
    Json ds = Json::Array();
    for (const auto& d : deadlines) ds.Push(d.ToJson());
    j.Add("deadlines", std::move(ds));
  }
  if (!records.empty()) {  // absent until the first record: older snapshots stay equal
    Json rs = Json::Array();
    for (const auto& r : records) rs.Push(r.ToJson());
    j.Add("records", std::move(rs));
  }
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
  for (const auto& d : j["deadlines"].items()) c.deadlines.push_back(DeadlineInstance::FromJson(d));
  c.cc_units = ReadStringList(j["cc_units"]);
  for (const auto& r : j["records"].items()) c.records.push_back(RecordRef::FromJson(r));
  return c;
}

}  // namespace erflow
