// The deadline part of CommandPlanner: statutory clocks started, met, missed, reminded,
// rolled over (daily reports) and cancelled — all as effects in the case's history, so a
// rebuild from history reproduces every deadline exactly, due times included.
#include "erflow/time_format.h"
#include "runtime/case_variables.h"
#include "runtime/command_planner.h"

namespace erflow {
namespace {

bool Matches(const EventRef& e, const std::string& node, const std::string& on) {
  if (e.kind == EventRef::Kind::kTask) return e.task == node && e.on == on;
  if (e.kind == EventRef::Kind::kField) return e.task == node && on == "submitted";
  return false;
}

// "daily-report@2025-10-01": one day of a daily deadline.
std::string DailyKey(const DeadlineSpec& spec, Instant due) {
  return spec.id + "@" + CivilDate::InChina(due).ToString();
}

}  // namespace

Status CommandPlanner::TrackDeadlines(size_t first_effect) {
  if (def_.deadlines.empty()) return Status::Ok();
  // Effects emitted here are looked at too: a created task may start a deadline.
  for (size_t i = first_effect; i < effects_.size(); ++i) {
    const Json e = effects_.items()[i];  // a copy: emitting grows the array
    const std::string type = e.GetString("type");
    if (type == "case.opened") {
      for (const auto& spec : def_.deadlines)
        if (spec.start.kind == EventRef::Kind::kCaseOpened)
          ERFLOW_RETURN_IF_ERROR(StartDeadline(spec, now_));
    } else if (type == "case.closed") {
      std::vector<std::string> pending;
      for (const auto& d : state_.deadlines)
        if (d.state == "pending" ||
            (d.state != "cancelled" && !d.rolled && def_.FindDeadline(d.deadline) &&
             def_.FindDeadline(d.deadline)->daily()))
          pending.push_back(d.key);
      for (const auto& key : pending) ERFLOW_RETURN_IF_ERROR(CancelDeadline(key, "case closed"));
    } else if (type == "task.created" || type == "task.submitted" || type == "task.done") {
      const TaskInstance* t = state_.FindTask(e.GetString("task"));
      if (!t) continue;
      // Copies: OnTaskEvent emits effects that may add tasks and move state_.tasks.
      const std::string node = t->node, id = t->id, on = type.substr(5);
      ERFLOW_RETURN_IF_ERROR(OnTaskEvent(node, on, id));
    }
  }
  return Status::Ok();
}

Status CommandPlanner::OnTaskEvent(const std::string& node, const std::string& on,
                                   const std::string& instance) {
  for (const auto& spec : def_.deadlines) {
    // Start first: a report that starts its own clock (discovery time on the form) may
    // meet it in the same breath.
    if (Matches(spec.start, node, on)) {
      Instant from = now_;
      bool known = true;
      if (spec.start.kind == EventRef::Kind::kField) {
        const Json& v = state_.data[node][spec.start.field];
        auto t = v.is_string() ? ParseTimestamp(v.AsString())
                               : Result<Instant>(Status::NotFound("absent"));
        known = t.ok();
        if (known) from = *t;
      }
      const DeadlineInstance* existing = spec.daily() ? nullptr : state_.FindDeadline(spec.id);
      bool running = false;
      if (spec.daily()) {
        for (const auto& d : state_.deadlines)
          running |= d.deadline == spec.id && d.state != "cancelled" && !d.rolled;
      }
      if (known && !running && (!existing || existing->state == "cancelled"))
        ERFLOW_RETURN_IF_ERROR(StartDeadline(spec, from));
    }
    if (Matches(spec.satisfied_by, node, on)) {
      std::vector<std::string> keys;
      for (const auto& d : state_.deadlines)
        if (d.deadline == spec.id && d.open() && (!spec.daily() || d.task == instance))
          keys.push_back(d.key);
      for (const auto& key : keys) ERFLOW_RETURN_IF_ERROR(MeetDeadline(spec, key));
    }
    if (spec.daily() && Matches(spec.until, node, on)) {
      // The response is over: today's report is no longer due, and reports of missed
      // days can no longer be filed (they stay recorded as missed).
      std::vector<std::string> keys, stale_tasks;
      for (const auto& d : state_.deadlines) {
        if (d.deadline != spec.id) continue;
        if (d.state == "pending") keys.push_back(d.key);
        const TaskInstance* t = state_.FindTask(d.task);
        if (d.state == "missed" && t && t->open()) stale_tasks.push_back(t->id);
      }
      for (const auto& key : keys) ERFLOW_RETURN_IF_ERROR(CancelDeadline(key, "response ended"));
      for (const auto& id : stale_tasks) {
        Json c = Json::Object();
        c.Set("type", Json("task.cancelled"));
        c.Set("task", Json(id));
        c.Set("reason", Json("response ended"));
        c.Set("at", Json(now_.seconds));
        ERFLOW_RETURN_IF_ERROR(Emit(std::move(c)));
      }
    }
  }
  return Status::Ok();
}

Status CommandPlanner::StartDeadline(const DeadlineSpec& spec, Instant from) {
  if (spec.when && !spec.when->Evaluate(CaseVariables(def_, state_)))
    return Status::Ok();  // does not apply
  Json e = Json::Object();
  e.Set("type", Json("deadline.started"));
  e.Set("deadline", Json(spec.id));
  e.Set("start", Json(from.seconds));
  Result<Instant> due =
      Status::Unsupported("no calendar is loaded; working days cannot be counted");
  if (calendar_)
    due = DueAt(*spec.rule, from, *calendar_);
  else if (spec.rule->kind() != DeadlineRule::Kind::kWorkingDays &&
           !(spec.rule->kind() == DeadlineRule::Kind::kCalendarDays &&
             spec.rule->roll_to_working_day()))
    due = DueAt(*spec.rule, from, Calendar());
  if (!due.ok()) {
    // Never guess a statutory due time: record that it could not be computed, and why.
    e.Set("key", Json(spec.id));
    e.Set("due", Json(int64_t{0}));
    e.Set("error", Json(due.status().message()));
    return Emit(std::move(e));
  }
  std::string key = spec.daily() ? DailyKey(spec, *due) : spec.id;
  e.Set("key", Json(key));
  e.Set("due", Json(due->seconds));
  if (spec.daily()) {
    Json context = Json::Object();
    context.Set("deadline", Json(key));
    context.Set("day", Json(CivilDate::InChina(*due).ToString()));
    context.Set("due", Json(FormatTimestamp(*due)));
    ERFLOW_RETURN_IF_ERROR(CreateTask(spec.task, "", "", context));
    e.Set("task", Json(state_.tasks.back().id));
  }
  return Emit(std::move(e));
}

Status CommandPlanner::MeetDeadline(const DeadlineSpec& spec, const std::string& key) {
  const DeadlineInstance* d = state_.FindDeadline(key);
  int64_t late = now_.seconds > d->due.seconds ? now_.seconds - d->due.seconds : 0;
  Json e = Json::Object();
  e.Set("type", Json("deadline.met"));
  e.Set("key", Json(key));
  e.Set("at", Json(now_.seconds));
  e.Set("late_by", Json(late));
  ERFLOW_RETURN_IF_ERROR(Emit(std::move(e)));
  // Work done after its deadline is itself evidence of a late report (ground 1).
  if (late > 0) return ProposeAccountability(spec, key);
  return Status::Ok();
}

Status CommandPlanner::MissDeadline(const DeadlineSpec& spec, const std::string& key) {
  std::string role, unit;
  if (!spec.escalate_to.empty())
    ERFLOW_RETURN_IF_ERROR(ResolveAssignee(spec.escalate_to, nullptr, &role, &unit));
  Json e = Json::Object();
  e.Set("type", Json("deadline.missed"));
  e.Set("key", Json(key));
  e.Set("at", Json(now_.seconds));
  e.Set("role", Json(role));
  e.Set("unit", Json(unit));
  ERFLOW_RETURN_IF_ERROR(Emit(std::move(e)));
  return ProposeAccountability(spec, key);
}

Status CommandPlanner::ProposeAccountability(const DeadlineSpec& spec, const std::string& key) {
  const DeadlineInstance* d = state_.FindDeadline(key);
  if (spec.accountability_task.empty() || d->proposed) return Status::Ok();
  // Keys match the proposal form's fields where they can, so the form opens prefilled.
  Json context = Json::Object();
  context.Set("ground", Json(spec.ground));
  context.Set("deadline", Json(spec.name.zh));
  context.Set("deadline_key", Json(key));
  context.Set("due_at", Json(FormatTimestamp(d->due)));
  if (d->done_at.seconds) context.Set("done_at", Json(FormatTimestamp(d->done_at)));
  context.Set("state", Json(d->state));
  if (d->late_by) context.Set("late_by_minutes", Json(d->late_by / 60));
  Json mark = Json::Object();
  mark.Set("type", Json("deadline.proposed"));
  mark.Set("key", Json(key));
  ERFLOW_RETURN_IF_ERROR(Emit(std::move(mark)));
  return CreateTask(spec.accountability_task, "", "", context);
}

Status CommandPlanner::CancelDeadline(const std::string& key, const std::string& reason) {
  const DeadlineInstance* d = state_.FindDeadline(key);
  std::string task = d->task;
  Json e = Json::Object();
  e.Set("type", Json("deadline.cancelled"));
  e.Set("key", Json(key));
  e.Set("reason", Json(reason));
  ERFLOW_RETURN_IF_ERROR(Emit(std::move(e)));
  const TaskInstance* t = state_.FindTask(task);
  if (t && t->open() && d->state != "met" && d->state != "late") {
    Json c = Json::Object();
    c.Set("type", Json("task.cancelled"));
    c.Set("task", Json(task));
    c.Set("reason", Json(reason));
    c.Set("at", Json(now_.seconds));
    return Emit(std::move(c));
  }
  return Status::Ok();
}

bool CommandPlanner::EventHappened(const EventRef& e) const {
  if (e.kind != EventRef::Kind::kTask) return false;
  for (const auto& t : state_.tasks) {
    if (t.node != e.task) continue;
    if (e.on == "created" || (e.on == "done" && t.state == "done") ||
        (e.on == "submitted" && !t.submitted_by.empty()))
      return true;
  }
  return false;
}

Status CommandPlanner::FireTimer(const std::string& kind, const std::string& key) {
  task_id_.clear();
  role_used_ = "system";
  DeadlineInstance* d = state_.FindDeadline(key);
  if (!d) return Status::Ok();  // the deadline is gone (withdrawn); nothing to do
  const DeadlineSpec* spec = def_.FindDeadline(d->deadline);
  if (!spec) return Status::Ok();
  if (kind == "remind") {
    if (d->state != "pending" || d->reminded) return Status::Ok();
    Json e = Json::Object();
    e.Set("type", Json("deadline.reminded"));
    e.Set("key", Json(key));
    return Emit(std::move(e));
  }
  if (d->state == "pending") ERFLOW_RETURN_IF_ERROR(MissDeadline(*spec, key));
  d = state_.FindDeadline(key);
  if (spec->daily() && !d->rolled && d->state != "cancelled") {
    Json e = Json::Object();
    e.Set("type", Json("deadline.rolled"));
    e.Set("key", Json(key));
    ERFLOW_RETURN_IF_ERROR(Emit(std::move(e)));
    if (state_.active() && !EventHappened(spec->until))
      ERFLOW_RETURN_IF_ERROR(StartDeadline(*spec, d->due.Plus(1)));
  }
  return Status::Ok();
}

}  // namespace erflow
