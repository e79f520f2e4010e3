#include "views.h"

#include "erflow/time_format.h"

namespace erflow::views {
namespace {

Json Time(Instant t) {
  return t.seconds ? Json(FormatTimestamp(t)) : Json();
}

Json Strings(const std::vector<std::string>& v) {
  Json a = Json::Array();
  for (const auto& s : v) a.Push(Json(s));
  return a;
}

}  // namespace

Json TextJson(const LocalizedText& t) {
  Json j = Json::Object();
  j.Set("zh", Json(t.zh));
  j.Set("en", Json(t.en.empty() ? t.zh : t.en));
  return j;
}

Json UserJson(const User& u) {
  Json j = Json::Object();
  j.Set("name", Json(u.name));
  j.Set("display_name", Json(u.Shown()));
  j.Set("roles", Strings(u.roles));
  j.Set("unit", Json(u.unit));
  j.Set("active", Json(u.active));
  j.Set("scope", Json(u.scope));
  return j;
}

Json WorkItemJson(const WorkItem& w) {
  // Add, not Set, and room made first: queues are the API's hottest answer.
  Json j = Json::Object();
  j.Reserve(12);
  j.Add("case", Json(w.case_id));
  j.Add("task", Json(w.task));
  j.Add("node", Json(w.node));
  j.Add("kind", Json(w.kind));
  j.Add("title", Json(w.title));
  j.Add("plan", Json(w.plan));
  j.Add("role", Json(w.role));
  j.Add("unit", Json(w.unit));
  j.Add("assignee", Json(w.assignee));
  j.Add("created_at", Time(w.created_at));
  j.Add("due", w.due ? Time(Instant{w.due}) : Json());
  j.Add("overdue", Json(w.overdue));
  return j;
}

Json OutcomeJson(const CommandOutcome& o) {
  Json j = Json::Object();
  j.Set("case", Json(o.case_id));
  j.Set("version", Json(o.version));
  j.Set("task", Json(o.task));
  j.Set("status", Json(o.status));
  j.Set("replayed", Json(o.replayed));
  j.Set("event", o.event);
  return j;
}

Json CaseSummaryJson(const CaseSummary& c) {
  Json j = Json::Object();
  j.Add("id", Json(c.id));
  j.Add("plan", Json(c.plan));
  j.Add("plan_version", Json(c.plan_version));
  j.Add("unit", Json(c.unit));
  j.Add("status", Json(c.status));
  j.Add("opened_at", Time(c.opened_at));
  j.Add("updated_at", Time(c.updated_at));
  j.Add("version", Json(c.version));
  j.Add("fields", c.fields);
  return j;
}

Json HistoryEntryJson(const HistoryEvent& e) {
  auto body = ParseJson(e.body, "event");
  Json j = Json::Object();
  j.Set("seq", Json(e.seq));
  j.Set("id", Json(e.id));
  j.Set("at", Time(e.at));
  j.Set("actor", Json(e.actor));
  if (body.ok()) {
    for (const char* k :
         {"actor_name", "role", "unit", "command", "task", "node", "reason", "target"})
      if (body->Has(k)) j.Set(k, (*body)[k]);
    j.Set("definition", (*body)["definition"]);
    j.Set("changes", (*body)["changes"]);
    j.Set("effects", (*body)["effects"]);
    j.Set("prev", (*body)["prev"]);
  }
  j.Set("hash", Json(e.hash));
  return j;
}

Json CaseViewJson(const CaseView& v) {
  const CaseState& s = v.state;
  const Definition& def = *v.definition;
  Json j = Json::Object();
  j.Set("id", Json(s.id));
  j.Set("plan", Json(s.plan));
  j.Set("plan_version", Json(s.plan_version));
  j.Set("plan_name", TextJson(def.name));
  j.Set("unit", Json(s.unit));
  j.Set("opened_by", Json(s.opened_by));
  j.Set("opened_at", Time(s.opened_at));
  j.Set("status", Json(s.status));
  j.Set("outcome", Json(s.outcome));
  j.Set("closed_at", Time(s.closed_at));
  j.Set("version", Json(s.version));
  j.Set("fields", v.fields);
  Json stages = Json::Array();
  for (const auto& st : def.stages) {
    bool open = false, done = false;
    for (const auto& t : s.tasks) {
      const TaskSpec* spec = def.FindTask(t.node);
      if (!spec || spec->stage != st.id) continue;
      open |= t.open();
      done |= t.state == "done";
    }
    Json sj = Json::Object();
    sj.Set("id", Json(st.id));
    sj.Set("name", TextJson(st.name));
    sj.Set("state", Json(open ? "active" : (done ? "done" : "pending")));
    stages.Push(std::move(sj));
  }
  j.Set("stages", std::move(stages));
  Json tasks = Json::Array();
  for (const auto& t : s.tasks) {
    const TaskSpec* spec = def.FindTask(t.node);
    Json tj = Json::Object();
    tj.Set("id", Json(t.id));
    tj.Set("node", Json(t.node));
    tj.Set("name", spec ? TextJson(spec->name) : Json(t.node));
    tj.Set("stage", Json(spec ? spec->stage : ""));
    tj.Set("form", Json(spec ? spec->form : ""));
    tj.Set("approval_form", Json(spec && spec->approval ? spec->approval->form : ""));
    tj.Set("phase", Json(t.phase));
    tj.Set("state", Json(t.state));
    tj.Set("role", Json(t.role));
    tj.Set("unit", Json(t.unit));
    tj.Set("assignee", Json(t.assignee));
    tj.Set("submitted_by", Json(t.submitted_by));
    tj.Set("completed_by", Json(t.completed_by));
    tj.Set("approvers", Strings(t.approvers));
    tj.Set("approved_by", Strings(t.approved_by));
    tj.Set("created_at", Time(t.created_at));
    tj.Set("submitted_at", Time(t.submitted_at));
    tj.Set("completed_at", Time(t.completed_at));
    if (!t.return_reason.empty()) tj.Set("return_reason", Json(t.return_reason));
    if (t.context.is_object()) tj.Set("context", t.context);
    tasks.Push(std::move(tj));
  }
  j.Set("tasks", std::move(tasks));
  Json deadlines = Json::Array();
  for (const auto& d : s.deadlines) {
    const DeadlineSpec* spec = def.FindDeadline(d.deadline);
    Json dj = Json::Object();
    dj.Set("key", Json(d.key));
    dj.Set("deadline", Json(d.deadline));
    dj.Set("name", spec ? TextJson(spec->name) : Json(d.deadline));
    dj.Set("start", Time(d.start));
    dj.Set("due", Time(d.due));
    dj.Set("state", Json(d.state));
    dj.Set("done_at", Time(d.done_at));
    dj.Set("late_by_minutes", Json(d.late_by / 60));
    if (!d.task.empty()) dj.Set("task", Json(d.task));
    if (!d.error.empty()) dj.Set("error", Json(d.error));
    deadlines.Push(std::move(dj));
  }
  j.Set("deadlines", std::move(deadlines));
  j.Set("data", s.data);
  Json history = Json::Array();
  for (const auto& e : v.history) history.Push(HistoryEntryJson(e));
  j.Set("history", std::move(history));
  return j;
}

Json AuditReportJson(const AuditReport& r) {
  Json j = Json::Object();
  j.Set("ok", Json(r.ok()));
  j.Set("cases", Json(r.cases));
  j.Set("events", Json(r.events));
  j.Set("anchors", Json(r.anchors));
  Json problems = Json::Array();
  for (const auto& p : r.problems) {
    Json pj = Json::Object();
    pj.Set("case", Json(p.case_id));
    pj.Set("seq", Json(p.seq));
    pj.Set("event_id", Json(p.event_id));
    pj.Set("message", Json(p.message));
    problems.Push(std::move(pj));
  }
  j.Set("problems", std::move(problems));
  return j;
}

Json DefinitionInfoJson(const DefinitionInfo& d) {
  Json j = Json::Object();
  j.Set("id", Json(d.id));
  j.Set("version", Json(d.version));
  j.Set("content_hash", Json(d.content_hash));
  j.Set("deployed_at", Time(d.deployed_at));
  j.Set("deployed_by", Json(d.deployed_by));
  return j;
}

Json DefinitionJson(const Definition& d) {
  Json j = Json::Object();
  j.Set("id", Json(d.id));
  j.Set("version", Json(d.version));
  j.Set("name", TextJson(d.name));
  j.Set("content_hash", Json(d.content_hash));
  Json stages = Json::Array();
  for (const auto& st : d.stages) {
    Json sj = Json::Object();
    sj.Set("id", Json(st.id));
    sj.Set("name", TextJson(st.name));
    sj.Set("tasks", Strings(st.tasks));
    stages.Push(std::move(sj));
  }
  j.Set("stages", std::move(stages));
  Json forms = Json::Array();
  for (const auto& [id, f] : d.forms) forms.Push(f.ToJson());
  j.Set("forms", std::move(forms));
  j.Set("definition", d.bundle["definition"]);
  return j;
}

namespace {

Json Actions(const std::set<Action>& actions) {
  Json a = Json::Array();
  for (Action x : actions) a.Push(Json(ActionName(x)));
  return a;
}

}  // namespace

Json TaskSpecJson(const TaskSpec& t) {
  Json j = Json::Object();
  j.Set("id", Json(t.id));
  j.Set("name", TextJson(t.name));
  j.Set("stage", Json(t.stage));
  j.Set("form", Json(t.form));
  j.Set("approval_form", Json(t.approval ? t.approval->form : ""));
  if (t.approval) {
    j.Set("approval_label", TextJson(t.approval->label));
    j.Set("approval_mode", Json(t.approval->mode == ApprovalSpec::Mode::kAll ? "all" : "any"));
  }
  j.Set("actions", Actions(t.actions));
  j.Set("approval_actions", t.approval ? Actions(t.approval->actions) : Json::Array());
  j.Set("return_to", Json(t.return_to));
  j.Set("adhoc", Json(t.adhoc));
  return j;
}

Json CalendarYearJson(const CalendarYear& y) {
  Json j = Json::Object();
  j.Set("year", Json(y.year()));
  Json src = Json::Object();
  src.Set("title", Json(y.source().title));
  if (!y.source().number.empty()) src.Set("number", Json(y.source().number));
  src.Set("issued", Json(y.source().issued.ToString()));
  j.Set("source", std::move(src));
  if (!y.note().empty()) j.Set("note", Json(y.note()));
  Json holidays = Json::Array();
  for (const auto& h : y.holidays()) {
    Json hj = Json::Object();
    Json name = Json::Object();
    name.Set("zh", Json(h.name.zh));
    name.Set("en", Json(h.name.en));
    hj.Set("name", std::move(name));
    hj.Set("first", Json(h.first.ToString()));
    hj.Set("last", Json(h.last.ToString()));
    Json adjusted = Json::Array();
    for (const auto& d : h.adjusted_working_days) adjusted.Push(Json(d.ToString()));
    hj.Set("adjusted_working_days", std::move(adjusted));
    holidays.Push(std::move(hj));
  }
  j.Set("holidays", std::move(holidays));
  return j;
}

Json IssuedRecordJson(const IssuedRecord& r) {
  Json j = Json::Object();
  j.Set("id", Json(r.id));
  j.Set("case", Json(r.case_id));
  j.Set("task", Json(r.task));
  j.Set("node", Json(r.node));
  j.Set("kind", Json(r.kind));
  j.Set("seq", Json(r.seq));
  j.Set("sha256", Json(r.sha256));
  j.Set("size", Json(r.size));
  return j;
}

Json SigningKeyJson(const SigningKeyInfo& k) {
  Json j = Json::Object();
  j.Set("id", Json(k.id));
  j.Set("user", Json(k.user));
  j.Set("current", Json(k.current));
  j.Set("subject_cn", Json(k.subject_cn));
  j.Set("subject_dn", Json(k.subject_dn));
  j.Set("fingerprint", Json(k.fingerprint));
  j.Set("not_before", Json(FormatTimestamp(k.not_before)));
  j.Set("not_after", Json(FormatTimestamp(k.not_after)));
  j.Set("imported_at", Json(FormatTimestamp(k.imported_at)));
  j.Set("imported_by", Json(k.imported_by));
  j.Set("chain", Json(static_cast<int64_t>(k.chain_pems.size())));
  return j;
}

}  // namespace erflow::views
