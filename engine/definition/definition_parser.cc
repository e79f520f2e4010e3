#include "definition/definition_parser.h"

#include <set>

#include "definition/deadline_spec.h"
#include "definition/object_reader.h"

namespace erflow {

const char* const kRoles[] = {"clerk", "supervisor", "inspector", "archivist", "admin", nullptr};

bool IsKnownRole(const std::string& role) {
  for (int i = 0; kRoles[i]; ++i)
    if (role == kRoles[i]) return true;
  return false;
}

namespace {

bool ParseUnitRef(const std::string& text, UnitRef* out) {
  out->text = text;
  if (text == "@case") {
    out->kind = UnitRef::Kind::kCase;
    return true;
  }
  const std::string actor = "@actor:";
  if (text.compare(0, actor.size(), actor) == 0) {
    out->kind = UnitRef::Kind::kActorOf;
    std::string rest = text.substr(actor.size());
    size_t start = 0;
    while (start <= rest.size()) {
      size_t comma = rest.find(',', start);
      std::string t =
          rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!IsIdentifier(t)) return false;
      out->tasks.push_back(t);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return !out->tasks.empty();
  }
  if (!IsIdentifier(text)) return false;
  out->kind = UnitRef::Kind::kFixed;
  out->unit = text;
  return true;
}

void ReadOptionalCondition(ObjectReader& r, const std::string& key, std::optional<Condition>* out) {
  const Json* c = r.Any(key, false);
  if (!c) return;
  Condition cond;
  if (Condition::Parse(*c, r.PathOf(key), r.problems(), &cond)) *out = std::move(cond);
}

// Reads one routing rule's role and unit from an object (task, approval, route, cc).
void ReadRoleUnit(ObjectReader& r, AssigneeRule* rule) {
  auto role = r.String("role", true);
  auto unit = r.String("unit", false);
  if (role) {
    if (!IsKnownRole(*role))
      r.Error("role", "unknown role \"" + *role +
                          "\" (expected one of: clerk, supervisor, inspector, archivist, admin)");
    rule->role = *role;
  }
  if (!ParseUnitRef(unit.value_or("@case"), &rule->unit))
    r.Error("unit", "\"" + *unit +
                        "\" is not a unit reference (expected \"@case\", \"@actor:TASK[,TASK]\" "
                        "or a unit id)");
}

// Either "role"/"unit" on the object itself or a "routes" list of {when, role, unit}.
std::vector<AssigneeRule> ReadAssignee(ObjectReader& r) {
  std::vector<AssigneeRule> rules;
  const Json* routes = r.Array("routes", false, 1);
  if (routes) {
    for (size_t i = 0; i < routes->size(); ++i) {
      ObjectReader rr(routes->items()[i], JsonPathIndex(r.PathOf("routes"), i), r.problems());
      AssigneeRule rule;
      ReadOptionalCondition(rr, "when", &rule.when);
      ReadRoleUnit(rr, &rule);
      rr.RejectUnknownKeys();
      rules.push_back(std::move(rule));
    }
    if (!rules.empty() && rules.back().when)
      r.Error("routes", "the last route must have no \"when\": it is the default");
    return rules;
  }
  AssigneeRule rule;
  ReadRoleUnit(r, &rule);
  rules.push_back(std::move(rule));
  return rules;
}

std::set<Action> ReadActions(ObjectReader& r, std::set<Action> defaults,
                             const std::set<Action>& allowed) {
  const Json* list = r.Array("actions", false, 1);
  if (!list) return defaults;
  std::set<Action> out;
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& a = list->items()[i];
    std::string path = JsonPathIndex(r.PathOf("actions"), i);
    auto action = a.is_string() ? ActionFromName(a.AsString()) : std::nullopt;
    if (!action || !allowed.count(*action)) {
      std::string names;
      for (Action x : allowed) names += (names.empty() ? "" : ", ") + std::string(ActionName(x));
      r.problems()->Add(path, &a,
                        "unknown action " + a.Dump() + " here (expected one of: " + names + ")");
      continue;
    }
    out.insert(*action);
  }
  return out;
}

std::vector<RequireRule> ReadRequire(ObjectReader& r) {
  std::vector<RequireRule> rules;
  const Json* list = r.Array("require", false, 1);
  if (!list) return rules;
  for (size_t i = 0; i < list->size(); ++i) {
    ObjectReader rr(list->items()[i], JsonPathIndex(r.PathOf("require"), i), r.problems());
    RequireRule rule;
    ReadOptionalCondition(rr, "when", &rule.when);
    const Json* fields = rr.Array("fields", true, 1);
    if (fields)
      for (size_t j = 0; j < fields->size(); ++j) {
        const Json& f = fields->items()[j];
        if (!f.is_string())
          r.problems()->Add(JsonPathIndex(rr.PathOf("fields"), j), &f,
                            "expected a field id string");
        else
          rule.fields.push_back(f.AsString());
      }
    rule.message = rr.Text("message", false).value_or(LocalizedText{});
    rr.RejectUnknownKeys();
    rules.push_back(std::move(rule));
  }
  return rules;
}

std::vector<AssigneeRule> ReadCc(ObjectReader& r) {
  std::vector<AssigneeRule> out;
  const Json* list = r.Array("cc", false, 1);
  if (!list) return out;
  for (size_t i = 0; i < list->size(); ++i) {
    ObjectReader rr(list->items()[i], JsonPathIndex(r.PathOf("cc"), i), r.problems());
    AssigneeRule rule;
    ReadRoleUnit(rr, &rule);
    rr.RejectUnknownKeys();
    out.push_back(std::move(rule));
  }
  return out;
}

void ReadApproval(const Json& doc, const std::string& path, Problems* problems, ApprovalSpec* a) {
  ObjectReader r(doc, path, problems);
  a->assignee = ReadAssignee(r);
  auto mode = r.String("mode", false);
  if (mode && *mode != "any" && *mode != "all")
    r.Error("mode", "expected \"any\" (或签, one approver) or \"all\" (会签, every candidate)");
  a->mode = mode && *mode == "all" ? ApprovalSpec::Mode::kAll : ApprovalSpec::Mode::kAny;
  a->form = r.Id("form", false).value_or("");
  a->label = r.Text("label", false).value_or(LocalizedText{"批准", "Approve"});
  a->actions =
      ReadActions(r, {Action::kApprove, Action::kReturn, Action::kTransfer, Action::kWithdraw},
                  {Action::kApprove, Action::kReturn, Action::kTransfer, Action::kWithdraw});
  a->actions.insert(Action::kApprove);
  a->require = ReadRequire(r);
  r.RejectUnknownKeys();
}

void ReadTask(const Json& doc, const std::string& path, const std::string& stage,
              Problems* problems, TaskSpec* t) {
  ObjectReader r(doc, path, problems);
  t->id = r.Id("id", true).value_or("");
  t->name = r.Text("name", true).value_or(LocalizedText{});
  t->stage = stage;
  t->assignee = ReadAssignee(r);
  t->form = r.Id("form", false).value_or("");
  t->adhoc = r.Bool("adhoc", false).value_or(false);
  t->available_after = ReadEventRef(r, "availableAfter", false, false);
  t->available_until = ReadEventRef(r, "availableUntil", false, false);
  if (!t->adhoc && (t->available_after.kind != EventRef::Kind::kNone || t->available_until.kind != EventRef::Kind::kNone))
    r.Error(t->available_after.kind != EventRef::Kind::kNone ? "availableAfter" : "availableUntil",
            "only ad-hoc tasks have an availability window");
  t->next = r.Id("next", false).value_or("");
  t->return_to = r.Id("returnTo", false).value_or("");
  t->record = r.Id("record", false).value_or("");
  if (const Json* filing = r.Object("filing", false)) {
    ObjectReader f(*filing, r.PathOf("filing"), problems);
    t->filing_field = f.Id("field", true).value_or("");
    f.RejectUnknownKeys();
  }
  t->actions =
      ReadActions(r, {Action::kSubmit, Action::kTransfer, Action::kWithdraw},
                  {Action::kSubmit, Action::kReturn, Action::kTransfer, Action::kWithdraw});
  t->actions.insert(Action::kSubmit);
  if (!t->return_to.empty()) t->actions.insert(Action::kReturn);
  if (const Json* ap = r.Object("approval", false)) {
    ApprovalSpec a;
    ReadApproval(*ap, r.PathOf("approval"), problems, &a);
    t->approval = std::move(a);
  }
  t->require = ReadRequire(r);
  t->cc = ReadCc(r);
  r.RejectUnknownKeys();
  if (t->adhoc && !t->next.empty()) r.Error("next", "an ad-hoc task cannot have \"next\"");
  if (!t->adhoc && t->next.empty() && doc.is_object())
    problems->Add(JsonPathChild(path, "next"), &doc,
                  "missing required string (the node that follows)");
}

void ReadGateway(const Json& doc, const std::string& path, Problems* problems, GatewaySpec* g) {
  ObjectReader r(doc, path, problems);
  g->id = r.Id("id", true).value_or("");
  auto type = r.String("type", true);
  if (type && *type == "exclusive") {
    g->type = GatewaySpec::Type::kExclusive;
    const Json* branches = r.Array("branches", true, 2);
    if (branches) {
      for (size_t i = 0; i < branches->size(); ++i) {
        ObjectReader b(branches->items()[i], JsonPathIndex(r.PathOf("branches"), i), problems);
        Branch br;
        ReadOptionalCondition(b, "when", &br.when);
        br.next = b.Id("next", true).value_or("");
        b.RejectUnknownKeys();
        bool last = i + 1 == branches->size();
        if (!br.when && !last)
          b.Error("when", "only the last branch may omit \"when\" (it is the default)");
        if (br.when && last && branches->items()[i].Has("when"))
          b.Error("when",
                  "the last branch must have no \"when\": it is the default taken when no "
                  "other branch matches");
        g->branches.push_back(std::move(br));
      }
    }
  } else if (type && (*type == "parallel" || *type == "join")) {
    g->type = *type == "parallel" ? GatewaySpec::Type::kParallel : GatewaySpec::Type::kJoin;
    if (g->type == GatewaySpec::Type::kParallel) {
      const Json* next = r.Array("next", true, 2);
      if (next)
        for (size_t i = 0; i < next->size(); ++i) {
          const Json& n = next->items()[i];
          if (!n.is_string() || !IsIdentifier(n.AsString()))
            problems->Add(JsonPathIndex(r.PathOf("next"), i), &n, "expected a node id");
          else
            g->next.push_back(n.AsString());
        }
    } else {
      auto next = r.Id("next", true);
      if (next) g->next.push_back(*next);
    }
  } else if (type) {
    r.Error("type",
            "unknown gateway type \"" + *type + "\" (expected exclusive, parallel or join)");
  }
  r.RejectUnknownKeys();
}

void ReadDecision(const Json& doc, const std::string& path, Problems* problems, DecisionSpec* d) {
  ObjectReader r(doc, path, problems);
  d->id = r.Id("id", true).value_or("");
  r.Text("name", false);
  const Json* rules = r.Array("rules", true, 1);
  if (rules)
    for (size_t i = 0; i < rules->size(); ++i) {
      ObjectReader rr(rules->items()[i], JsonPathIndex(r.PathOf("rules"), i), problems);
      DecisionSpec::Rule rule;
      const Json* when = rr.Any("when", true);
      if (when) {
        Condition c;
        if (Condition::Parse(*when, rr.PathOf("when"), problems, &c)) rule.when = std::move(c);
      }
      const Json* value = rr.Any("value", true);
      if (value) rule.value = *value;
      rr.RejectUnknownKeys();
      d->rules.push_back(std::move(rule));
    }
  const Json* def = r.Any("default", false);
  if (def) d->default_value = *def;
  r.RejectUnknownKeys();
}

}  // namespace

void ParseDefinitionDocument(const Json& doc, Problems* problems, Definition* def) {
  ObjectReader r(doc, "", problems);
  def->id = r.Id("id", true).value_or("");
  def->name = r.Text("name", true).value_or(LocalizedText{});
  def->description = r.Text("description", false).value_or(LocalizedText{});
  def->source = r.String("source", false).value_or("");
  r.String("$comment", false);
  def->start = r.Id("start", true).value_or("");

  if (const Json* stages = r.Array("stages", true, 1)) {
    for (size_t i = 0; i < stages->size(); ++i) {
      std::string path = JsonPathIndex("stages", i);
      ObjectReader s(stages->items()[i], path, problems);
      StageSpec stage;
      stage.id = s.Id("id", true).value_or("");
      stage.name = s.Text("name", true).value_or(LocalizedText{});
      if (const Json* tasks = s.Array("tasks", true, 1))
        for (size_t j = 0; j < tasks->size(); ++j) {
          TaskSpec t;
          ReadTask(tasks->items()[j], JsonPathIndex(s.PathOf("tasks"), j), stage.id, problems, &t);
          stage.tasks.push_back(t.id);
          def->tasks.push_back(std::move(t));
        }
      s.RejectUnknownKeys();
      def->stages.push_back(std::move(stage));
    }
  }
  if (const Json* gateways = r.Array("gateways", false))
    for (size_t i = 0; i < gateways->size(); ++i) {
      GatewaySpec g;
      ReadGateway(gateways->items()[i], JsonPathIndex("gateways", i), problems, &g);
      def->gateways.push_back(std::move(g));
    }
  if (const Json* ends = r.Array("ends", true, 1))
    for (size_t i = 0; i < ends->size(); ++i) {
      ObjectReader e(ends->items()[i], JsonPathIndex("ends", i), problems);
      EndSpec end;
      end.id = e.Id("id", true).value_or("");
      end.name = e.Text("name", true).value_or(LocalizedText{});
      end.outcome = e.Id("outcome", false).value_or("completed");
      e.RejectUnknownKeys();
      def->ends.push_back(std::move(end));
    }
  if (const Json* decisions = r.Array("decisions", false))
    for (size_t i = 0; i < decisions->size(); ++i) {
      DecisionSpec d;
      ReadDecision(decisions->items()[i], JsonPathIndex("decisions", i), problems, &d);
      def->decisions.push_back(std::move(d));
    }
  if (const Json* deadlines = r.Array("deadlines", false))
    for (size_t i = 0; i < deadlines->size(); ++i) {
      DeadlineSpec spec;
      ParseDeadlineSpec(deadlines->items()[i], JsonPathIndex("deadlines", i), problems,
                        ReadAssignee, &spec);
      def->deadlines.push_back(std::move(spec));
    }
  if (const Json* fields = r.Object("caseFields", false))
    for (const auto& m : fields->members()) {
      if (!m.second.is_string())
        problems->Add(JsonPathChild("caseFields", m.first), &m.second,
                      "expected a variable name string");
      else
        def->case_fields[m.first] = m.second;
    }
  r.RejectUnknownKeys();
}

}  // namespace erflow
