// Parsing of a definition's "deadlines" entries into DeadlineSpec. The rule itself is read
// by DeadlineRule::FromJson (engine/time); references are checked in definition_checker.
#include "definition/deadline_spec.h"

#include "definition/object_reader.h"

namespace erflow {
EventRef ReadEventRef(ObjectReader& parent, const std::string& key, bool required, bool allow_field) {
  EventRef ref;
  const Json* v = parent.Object(key, required);
  if (!v) return ref;
  ObjectReader r(*v, parent.PathOf(key), parent.problems());
  if (v->Has("case")) {
    auto what = r.String("case", true);
    if (what && *what != "opened") r.Error("case", "expected \"opened\"");
    ref.kind = EventRef::Kind::kCaseOpened;
  } else if (v->Has("field")) {
    auto field = r.String("field", true);
    if (!allow_field) r.Error("field", "a field can only start a deadline");
    if (field) {
      auto dot = field->find('.');
      if (dot == std::string::npos) {
        r.Error("field", "expected TASK.FIELD, got \"" + *field + "\"");
      } else {
        ref.kind = EventRef::Kind::kField;
        ref.task = field->substr(0, dot);
        ref.field = field->substr(dot + 1);
      }
    }
  } else {
    auto task = r.Id("task", true);
    auto on = r.String("on", true);
    if (on && *on != "created" && *on != "submitted" && *on != "done")
      r.Error("on", "expected \"created\", \"submitted\" or \"done\", got \"" + *on + "\"");
    if (task && on) {
      ref.kind = EventRef::Kind::kTask;
      ref.task = *task;
      ref.on = *on;
    }
  }
  r.RejectUnknownKeys();
  return ref;
}

void ParseDeadlineSpec(const Json& doc, const std::string& path, Problems* problems,
                       const std::function<std::vector<AssigneeRule>(ObjectReader&)>& read_assignee,
                       DeadlineSpec* out) {
  out->source = doc;
  ObjectReader r(doc, path, problems);
  out->id = r.Id("id", true).value_or("");
  out->name = r.Text("name", true).value_or(LocalizedText{});
  if (const Json* when = r.Any("when", false)) {
    Condition c;
    if (Condition::Parse(*when, r.PathOf("when"), problems, &c)) out->when = std::move(c);
  }
  out->start = ReadEventRef(r, "start", true, true);
  if (const Json* rule = r.Object("rule", true)) {
    auto parsed = DeadlineRule::FromJson(*rule, "", r.PathOf("rule"));
    if (parsed.ok()) {
      out->rule = *parsed;
    } else {
      // The rule reader names the path itself; keep its message and our position.
      Problem p;
      p.source = problems->source();
      p.line = rule->line();
      p.column = rule->column();
      p.message = parsed.status().message();
      problems->Add(p);
    }
  }
  const bool daily = out->daily();
  out->satisfied_by = ReadEventRef(r, "satisfiedBy", !daily, false);
  out->until = ReadEventRef(r, "until", daily, false);
  out->task = r.Id("task", daily).value_or("");
  if (auto remind = r.String("remindBefore", false)) {
    auto d = DeadlineRule::ParseIsoDuration(*remind);
    if (!d.ok() || d->kind() != DeadlineRule::Kind::kDuration)
      r.Error("remindBefore", "expected an exact ISO-8601 duration such as \"PT10M\"");
    else
      out->remind_before = d->seconds();
  }
  if (const Json* esc = r.Object("escalateTo", false)) {
    ObjectReader e(*esc, r.PathOf("escalateTo"), problems);
    out->escalate_to = read_assignee(e);
    e.RejectUnknownKeys();
  }
  if (const Json* acc = r.Object("accountability", false)) {
    ObjectReader a(*acc, r.PathOf("accountability"), problems);
    out->accountability_task = a.Id("task", true).value_or("");
    out->ground = a.Id("ground", true).value_or("");
    a.RejectUnknownKeys();
  }
  r.RejectUnknownKeys();
  if (!daily && (!out->task.empty() || out->until.kind != EventRef::Kind::kNone))
    r.Error(out->task.empty() ? "until" : "task",
            "\"task\" and \"until\" belong to dailyAt deadlines only");
}

}  // namespace erflow
