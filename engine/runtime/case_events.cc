#include "runtime/case_events.h"

#include <algorithm>

namespace erflow {
namespace {

std::vector<std::string> Strings(const Json& j) {
  std::vector<std::string> out;
  for (const auto& s : j.items()) out.push_back(s.AsString());
  return out;
}

Status Missing(const std::string& type, const std::string& task) {
  return Status::Corruption("effect " + type + " names task " + task +
                            " that the case does not have");
}

Status ApplyDeadlineEffect(CaseState* s, const std::string& type, const Json& e) {
  if (type == "deadline.started") {
    DeadlineInstance d;
    d.key = e.GetString("key");
    d.deadline = e.GetString("deadline");
    d.start = Instant{e.GetInt("start")};
    d.due = Instant{e.GetInt("due")};
    d.task = e.GetString("task");
    d.error = e.GetString("error");
    d.state = d.error.empty() ? "pending" : "unknown";
    if (DeadlineInstance* old = s->FindDeadline(d.key))
      *old = d;  // restarted after a cancel
    else
      s->deadlines.push_back(d);
    return Status::Ok();
  }
  DeadlineInstance* d = s->FindDeadline(e.GetString("key"));
  if (!d)
    return Status::Corruption("effect " + type + " names deadline " + e.GetString("key") +
                              " the case does not have");
  if (type == "deadline.met") {
    d->done_at = Instant{e.GetInt("at")};
    d->late_by = e.GetInt("late_by");
    d->state = d->late_by > 0 ? "late" : "met";
  } else if (type == "deadline.missed") {
    d->state = "missed";
    d->escalate_role = e.GetString("role");
    d->escalate_unit = e.GetString("unit");
  } else if (type == "deadline.reminded") {
    d->reminded = true;
  } else if (type == "deadline.rolled") {
    d->rolled = true;
  } else if (type == "deadline.proposed") {
    d->proposed = true;
  } else if (type == "deadline.cancelled") {
    d->state = "cancelled";
    d->rolled = true;
  } else {
    return Status::Corruption("unknown effect type \"" + type + "\"");
  }
  return Status::Ok();
}

}  // namespace

Status ApplyEffect(CaseState* s, const Json& e) {
  const std::string type = e.GetString("type");
  if (type == "case.opened") {
    s->plan = e.GetString("plan");
    s->plan_version = e.GetInt("version");
    s->unit = e.GetString("unit");
    s->opened_by = e.GetString("by");
    s->opened_at = Instant{e.GetInt("at")};
    s->status = "active";
    return Status::Ok();
  }
  if (type == "case.closed") {
    s->status = "closed";
    s->end_node = e.GetString("end");
    s->outcome = e.GetString("outcome");
    s->closed_at = Instant{e.GetInt("at")};
    return Status::Ok();
  }
  if (type == "case.cc") {
    const std::string unit = e.GetString("unit");
    if (std::find(s->cc_units.begin(), s->cc_units.end(), unit) == s->cc_units.end()) s->cc_units.push_back(unit);
    return Status::Ok();
  }
  if (type == "join.arrived") {
    s->joins[e.GetString("join")] = e.GetInt("count");
    return Status::Ok();
  }
  if (type.compare(0, 9, "deadline.") == 0) return ApplyDeadlineEffect(s, type, e);
  if (type == "record.issued") {
    if (!s->FindTask(e.GetString("task"))) return Missing(type, e.GetString("task"));
    s->records.push_back(RecordRef{e.GetInt("record"), e.GetString("task"), e.GetString("kind"),
                                   e.GetString("sha256"), e.GetInt("seq")});
    return Status::Ok();
  }
  if (type == "task.created") {
    TaskInstance t;
    t.id = e.GetString("task");
    t.node = e.GetString("node");
    t.role = e.GetString("role");
    t.unit = e.GetString("unit");
    t.assignee = e.GetString("assignee");
    t.created_at = Instant{e.GetInt("at")};
    t.return_reason = e.GetString("reason");
    if (e["context"].is_object()) t.context = e["context"];
    if (s->FindTask(t.id)) return Status::Corruption("task " + t.id + " created twice");
    s->tasks.push_back(t);
    s->next_task = std::max<int64_t>(s->next_task, std::stoll(t.id.substr(1)) + 1);
    return Status::Ok();
  }
  TaskInstance* t = s->FindTask(e.GetString("task"));
  if (!t) return Missing(type, e.GetString("task"));
  if (type == "task.claimed") {
    t->assignee = e.GetString("user");
  } else if (type == "task.unclaimed") {
    t->assignee.clear();
  } else if (type == "task.transferred") {
    t->assignee = e.GetString("to");
    for (auto& a : t->approvers)
      if (a == e.GetString("from")) a = e.GetString("to");
  } else if (type == "task.submitted" || type == "task.approved") {
    Json node_data = s->data[t->node].is_object() ? s->data[t->node] : Json::Object();
    for (const auto& m : e["data"].members()) {
      if (m.second.is_null())
        node_data.Erase(m.first);
      else
        node_data.Set(m.first, m.second);
    }
    s->data.Set(t->node, std::move(node_data));
    if (type == "task.submitted") {
      t->submitted_by = e.GetString("by");
      t->submitted_unit = e.GetString("unit");
      t->submitted_at = Instant{e.GetInt("at")};
      t->return_reason.clear();
    } else {
      t->approved_by.push_back(e.GetString("by"));
    }
  } else if (type == "task.filed") {
    Json node_data = s->data[t->node].is_object() ? s->data[t->node] : Json::Object();
    node_data.Set(e.GetString("field"), e["number"]);
    s->data.Set(t->node, std::move(node_data));
  } else if (type == "task.awaiting_approval") {
    t->phase = "approve";
    t->role = e.GetString("role");
    t->unit = e.GetString("unit");
    t->assignee.clear();
    t->approvers = Strings(e["approvers"]);
    t->approved_by.clear();
  } else if (type == "task.returned") {
    t->phase = "fill";
    t->role = e.GetString("role");
    t->unit = e.GetString("unit");
    t->assignee = e.GetString("to");
    t->return_reason = e.GetString("reason");
    t->approvers.clear();
    t->approved_by.clear();
  } else if (type == "task.done") {
    t->state = "done";
    t->assignee.clear();
    t->completed_by = e.GetString("by");
    t->completed_unit = e.GetString("unit");
    t->completed_at = Instant{e.GetInt("at")};
  } else if (type == "task.cancelled") {
    t->state = "cancelled";
    t->assignee.clear();
    t->completed_at = Instant{e.GetInt("at")};
  } else {
    return Status::Corruption("unknown effect type \"" + type + "\"");
  }
  return Status::Ok();
}

Status ApplyEventBody(const Json& body, const std::string& hash, CaseState* state,
                      CaseState* prior) {
  CaseState before = *state;
  for (const auto& effect : body["effects"].items()) {
    if (effect.GetString("type") == "case.reverted") {
      // Withdrawal: back to the state before the withdrawn (previous) event.
      // Task ids stay unique over the case's whole life, withdrawn ones included.
      int64_t next_task = state->next_task;
      *state = *prior;
      state->next_task = std::max(state->next_task, next_task);
      continue;
    }
    ERFLOW_RETURN_IF_ERROR(ApplyEffect(state, effect));
  }
  if (state->id == 0) state->id = body.GetInt("case");
  state->version = body.GetInt("seq");
  state->head_hash = hash;
  *prior = std::move(before);
  return Status::Ok();
}

Result<CaseState> RebuildFromHistory(const std::vector<HistoryEvent>& events) {
  CaseState state, prior;
  for (const auto& e : events) {
    auto body = ParseJson(e.body, "event " + std::to_string(e.id));
    if (!body.ok()) return Status::Corruption(body.status().message());
    ERFLOW_RETURN_IF_ERROR(ApplyEventBody(*body, e.hash, &state, &prior));
  }
  return state;
}

}  // namespace erflow
