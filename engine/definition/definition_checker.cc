// Cross-reference and graph checks of a parsed definition. Positions come from the
// document: each problem points at the JSON value it is about.
#include <algorithm>
#include <map>
#include <set>

#include "definition/definition_parser.h"

namespace erflow {
namespace {

// Finds a JSON value by a path like "stages[2].tasks[0].next" for its position.
const Json* At(const Json& doc, const std::string& path) {
  const Json* cur = &doc;
  size_t i = 0;
  while (cur && i < path.size()) {
    if (path[i] == '.') ++i;
    if (path[i] == '[') {
      size_t close = path.find(']', i);
      size_t idx = std::stoul(path.substr(i + 1, close - i - 1));
      cur = cur->is_array() && idx < cur->size() ? &cur->items()[idx] : nullptr;
      i = close + 1;
      continue;
    }
    size_t end = path.find_first_of(".[", i);
    std::string key = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
    cur = cur->Find(key);
    i = end == std::string::npos ? path.size() : end;
  }
  return cur;
}

class Checker {
 public:
  Checker(const Json& doc, const Definition& def, Problems* problems)
      : doc_(doc), def_(def), problems_(problems) {}

  void Run() {
    size_t before = problems_->size();
    IndexNodes();
    CheckReferences();
    // The graph is only meaningful once every node and arc is sound.
    if (problems_->size() == before) CheckGraph();
  }

 private:
  void Report(const std::string& path, const std::string& message) {
    const Json* at = At(doc_, path);
    problems_->Add(path, at ? at : &doc_, message);
  }

  void Declare(const std::string& id, const std::string& path) {
    if (id.empty()) return;
    auto [it, inserted] = node_paths_.emplace(id, path);
    if (!inserted)
      Report(path + ".id", "duplicate id \"" + id + "\" (also declared at " + it->second + ")");
  }

  void IndexNodes() {
    size_t t = 0;
    std::set<std::string> stage_ids;
    for (size_t s = 0; s < def_.stages.size(); ++s) {
      const auto& stage = def_.stages[s];
      std::string spath = "stages[" + std::to_string(s) + "]";
      if (!stage.id.empty() && !stage_ids.insert(stage.id).second)
        Report(spath + ".id", "duplicate stage id \"" + stage.id + "\"");
      for (size_t j = 0; j < stage.tasks.size(); ++j, ++t) {
        task_paths_[def_.tasks[t].id] = spath + ".tasks[" + std::to_string(j) + "]";
        stage_of_path_[def_.tasks[t].id] = spath;
        Declare(def_.tasks[t].id, task_paths_[def_.tasks[t].id]);
      }
    }
    for (size_t i = 0; i < def_.gateways.size(); ++i)
      Declare(def_.gateways[i].id, "gateways[" + std::to_string(i) + "]");
    for (size_t i = 0; i < def_.ends.size(); ++i)
      Declare(def_.ends[i].id, "ends[" + std::to_string(i) + "]");
    std::set<std::string> ids;
    for (size_t i = 0; i < def_.decisions.size(); ++i)
      if (!ids.insert(def_.decisions[i].id).second)
        Report("decisions[" + std::to_string(i) + "].id",
               "duplicate decision id \"" + def_.decisions[i].id + "\"");
    ids.clear();
    for (size_t i = 0; i < def_.deadlines.size(); ++i)
      if (!ids.insert(def_.deadlines[i].id).second)
        Report("deadlines[" + std::to_string(i) + "].id",
               "duplicate deadline id \"" + def_.deadlines[i].id + "\"");
  }

  void CheckNodeRef(const std::string& path, const std::string& target) {
    if (target.empty()) return;
    if (!node_paths_.count(target))
      Report(path, "no task, gateway or end with id \"" + target + "\"");
    else if (def_.FindTask(target) && def_.FindTask(target)->adhoc)
      Report(path, "\"" + target + "\" is an ad-hoc task; the flow cannot lead into it");
  }

  void CheckForm(const std::string& path, const std::string& form) {
    if (!form.empty() && !def_.FindForm(form))
      Report(path, "form \"" + form + "\" not found (expected forms/" + form + ".json)");
  }

  // Fields a task's data holds: its form's and its approval form's.
  bool TaskHasField(const TaskSpec& t, const std::string& field) const {
    for (const std::string* form : {&t.form, t.approval ? &t.approval->form : nullptr}) {
      if (!form || form->empty()) continue;
      const FormSchema* fs = def_.FindForm(*form);
      if (fs && fs->FindField(field)) return true;
    }
    return false;
  }

  // `form_ids`: the forms whose fields `form.X` may name (for require rules).
  void CheckVariable(const std::string& name, const std::string& path,
                     const std::vector<std::string>& form_ids) {
    size_t dot = name.find('.');
    std::string head = name.substr(0, dot),
                tail = dot == std::string::npos ? "" : name.substr(dot + 1);
    if (head == "case") {
      static const std::set<std::string> kCaseVars = {"unit", "opened_by", "opened_at", "plan"};
      if (!kCaseVars.count(tail))
        Report(path, "unknown case variable \"" + name +
                         "\" (case.unit, case.opened_by, case.opened_at, case.plan)");
      return;
    }
    if (head == "decision") {
      if (!def_.FindDecision(tail)) Report(path, "no decision \"" + tail + "\" in decisions");
      return;
    }
    if (head == "form") {
      if (form_ids.empty()) {
        Report(path, "\"form.\" variables are only available in require rules");
        return;
      }
      for (const auto& f : form_ids) {
        const FormSchema* fs = def_.FindForm(f);
        if (!fs || fs->FindField(tail)) return;
      }
      Report(path, "field \"" + tail + "\" is not in form " + form_ids.front());
      return;
    }
    const TaskSpec* t = def_.FindTask(head);
    if (!t) {
      Report(path, "variable \"" + name + "\": no task \"" + head +
                       "\" (expected TASK.FIELD, decision.ID, form.FIELD or case.X)");
      return;
    }
    if (tail.empty() || !TaskHasField(*t, tail))
      Report(path, "variable \"" + name + "\": task \"" + head + "\" has no field \"" + tail +
                       "\" in its form");
  }

  void CheckCondition(const std::optional<Condition>& c,
                      const std::vector<std::string>& form_ids = {}) {
    if (!c) return;
    std::vector<std::pair<std::string, std::string>> vars;
    c->CollectVariables(&vars);
    for (const auto& v : vars) CheckVariable(v.first, v.second, form_ids);
  }

  void CheckAssignee(const std::vector<AssigneeRule>& rules) {
    for (const auto& rule : rules) {
      CheckCondition(rule.when);
      for (const auto& t : rule.unit.tasks)
        if (!def_.FindTask(t)) missing_actor_tasks_.push_back(t);
    }
  }

  void CheckRequire(const std::string& path, const std::vector<RequireRule>& rules,
                    const std::string& form) {
    for (size_t i = 0; i < rules.size(); ++i) {
      CheckCondition(rules[i].when, {form});
      const FormSchema* fs = def_.FindForm(form);
      for (size_t j = 0; j < rules[i].fields.size(); ++j)
        if (fs && !fs->FindField(rules[i].fields[j]))
          Report(path + ".require[" + std::to_string(i) + "].fields[" + std::to_string(j) + "]",
                 "field \"" + rules[i].fields[j] + "\" is not in form " + form);
      if (form.empty())
        Report(path + ".require[" + std::to_string(i) + "]", "require rules need a form");
    }
  }

  void CheckReferences() {
    if (!def_.start.empty()) {
      const TaskSpec* s = def_.FindTask(def_.start);
      if (!s)
        Report("start", "start must name a task; no task \"" + def_.start + "\"");
      else if (s->adhoc)
        Report("start", "the start task cannot be ad-hoc");
    }
    for (const auto& t : def_.tasks) {
      const std::string& path = task_paths_[t.id];
      CheckForm(path + ".form", t.form);
      CheckNodeRef(path + ".next", t.next);
      if (!t.return_to.empty() && !def_.FindTask(t.return_to))
        Report(path + ".returnTo", "no task \"" + t.return_to + "\" to return to");
      missing_actor_tasks_.clear();
      CheckAssignee(t.assignee);
      CheckAssignee(t.cc);
      CheckRequire(path, t.require, t.form);
      if (t.approval) {
        CheckForm(path + ".approval.form", t.approval->form);
        CheckAssignee(t.approval->assignee);
        CheckRequire(path + ".approval", t.approval->require, t.approval->form);
        const FormSchema* a = def_.FindForm(t.approval->form);
        const FormSchema* f = def_.FindForm(t.form);
        if (a && f)
          for (const auto& field : a->fields)
            if (f->FindField(field.id))
              Report(path + ".approval.form", "field \"" + field.id + "\" is in both form " +
                                                  t.form + " and approval form " + a->id +
                                                  "; the task's data would be ambiguous");
      }
      CheckEvent(t.available_after, path + ".availableAfter");
      CheckEvent(t.available_until, path + ".availableUntil");
      if (!t.filing_field.empty() && !TaskHasField(t, t.filing_field)) {
        Report(path + ".filing.field",
               "field \"" + t.filing_field + "\" is not in the task's form");
      } else if (!t.filing_field.empty()) {
        const FormSchema* form = def_.FindForm(t.form);
        const FieldSpec* field = form ? form->FindField(t.filing_field) : nullptr;
        if (field && !field->system)
          Report(path + ".filing.field", "the filing-number field \"" + t.filing_field +
                                             "\" must be declared \"system\": true in form " + t.form +
                                             " (the engine assigns it; nobody types it)");
      }
      for (const auto& m : missing_actor_tasks_)
        Report(path, "unit \"@actor:" + m + "\" names no task \"" + m + "\"");
      if (t.actions.count(Action::kReturn) && t.return_to.empty())
        Report(path + ".actions",
               "action \"return\" needs \"returnTo\" (the task work is sent back to)");
    }
    for (size_t i = 0; i < def_.gateways.size(); ++i) {
      const auto& g = def_.gateways[i];
      std::string path = "gateways[" + std::to_string(i) + "]";
      for (size_t b = 0; b < g.branches.size(); ++b) {
        CheckNodeRef(path + ".branches[" + std::to_string(b) + "].next", g.branches[b].next);
        CheckCondition(g.branches[b].when);
      }
      for (size_t n = 0; n < g.next.size(); ++n)
        CheckNodeRef(g.type == GatewaySpec::Type::kJoin ? path + ".next"
                                                        : path + ".next[" + std::to_string(n) + "]",
                     g.next[n]);
      if (g.type == GatewaySpec::Type::kJoin && !g.id.empty() && def_.JoinInDegree(g.id) < 2)
        Report(path, "join \"" + g.id + "\" has " + std::to_string(def_.JoinInDegree(g.id)) +
                         " incoming arc(s); a join needs at least 2");
    }
    for (size_t i = 0; i < def_.decisions.size(); ++i)
      for (const auto& rule : def_.decisions[i].rules) CheckCondition(rule.when);
    for (size_t i = 0; i < def_.deadlines.size(); ++i)
      CheckDeadline(def_.deadlines[i], "deadlines[" + std::to_string(i) + "]");
    for (const auto& f : def_.case_fields)
      CheckVariable(f.second.AsString(), "caseFields." + f.first, {});
  }

  void CheckEvent(const EventRef& e, const std::string& path) {
    if (e.kind != EventRef::Kind::kTask && e.kind != EventRef::Kind::kField) return;
    const TaskSpec* t = def_.FindTask(e.task);
    if (!t) {
      Report(path, "no task \"" + e.task + "\"");
      return;
    }
    if (e.kind != EventRef::Kind::kField) return;
    const FormSchema* fs = def_.FindForm(t->form);
    const FieldSpec* f = fs ? fs->FindField(e.field) : nullptr;
    if (!f)
      Report(path + ".field",
             "task \"" + e.task + "\" has no field \"" + e.field + "\" in its form");
    else if (f->type != FieldType::kDateTime)
      Report(path + ".field", "field \"" + e.task + "." + e.field + "\" is a " +
                                  FieldTypeName(f->type) +
                                  ", a deadline can only start at a datetime");
  }

  void CheckAdhoc(const std::string& task, const std::string& path, const char* what) {
    if (task.empty()) return;
    const TaskSpec* t = def_.FindTask(task);
    if (!t)
      Report(path, "no task \"" + task + "\"");
    else if (!t->adhoc)
      Report(path, std::string("the ") + what + " task \"" + task +
                       "\" must be ad-hoc (\"adhoc\": true)");
  }

  void CheckDeadline(const DeadlineSpec& d, const std::string& path) {
    CheckCondition(d.when);
    CheckEvent(d.start, path + ".start");
    CheckEvent(d.satisfied_by, path + ".satisfiedBy");
    CheckEvent(d.until, path + ".until");
    CheckAdhoc(d.task, path + ".task", "daily");
    CheckAdhoc(d.accountability_task, path + ".accountability.task", "accountability");
    missing_actor_tasks_.clear();
    CheckAssignee(d.escalate_to);
    for (const auto& m : missing_actor_tasks_)
      Report(path + ".escalateTo", "unit \"@actor:" + m + "\" names no task \"" + m + "\"");
  }

  void Walk(const std::string& from, bool forward, std::set<std::string>* seen) {
    std::vector<std::string> stack{from};
    while (!stack.empty()) {
      std::string n = stack.back();
      stack.pop_back();
      if (!seen->insert(n).second) continue;
      const auto& next = forward ? succ_[n] : pred_[n];
      for (const auto& m : next) stack.push_back(m);
    }
  }

  void CheckGraph() {
    for (const auto& [node, path] : node_paths_) {
      (void)path;
      for (const auto& s : def_.Successors(node)) {
        if (!node_paths_.count(s)) continue;
        succ_[node].push_back(s);
        pred_[s].push_back(node);
      }
    }
    if (def_.start.empty() || !def_.FindTask(def_.start)) return;
    std::set<std::string> reachable, to_end;
    Walk(def_.start, true, &reachable);
    for (const auto& e : def_.ends) Walk(e.id, false, &to_end);
    // Unreachable stages first: a whole stage cut off is one clear message.
    std::set<std::string> reported;
    for (size_t s = 0; s < def_.stages.size(); ++s) {
      const auto& stage = def_.stages[s];
      bool any = false, flow_tasks = false;
      for (const auto& t : stage.tasks) {
        const TaskSpec* task = def_.FindTask(t);
        if (task && task->adhoc) continue;
        flow_tasks = true;
        if (reachable.count(t)) any = true;
      }
      if (flow_tasks && !any) {
        Report("stages[" + std::to_string(s) + "]",
               "stage \"" + stage.id + "\" is unreachable: no path from start \"" + def_.start +
                   "\" leads to any of its tasks");
        for (const auto& t : stage.tasks) reported.insert(t);
      }
    }
    for (const auto& [node, path] : node_paths_) {
      const TaskSpec* task = def_.FindTask(node);
      if (task && task->adhoc) continue;
      if (!reachable.count(node) && !reported.count(node))
        Report(path, "\"" + node + "\" is unreachable: no path from start \"" + def_.start +
                         "\" leads to it");
      else if (reachable.count(node) && !to_end.count(node))
        Report(path,
               "\"" + node +
                   "\" has no way to an end: every path from it loops or stops before an end");
    }
  }

  const Json& doc_;
  const Definition& def_;
  Problems* problems_;
  std::map<std::string, std::string> node_paths_;
  std::map<std::string, std::string> task_paths_;
  std::map<std::string, std::string> stage_of_path_;
  std::map<std::string, std::vector<std::string>> succ_, pred_;
  std::vector<std::string> missing_actor_tasks_;
};

}  // namespace

void CheckDefinition(const Json& doc, const Definition& def, Problems* problems) {
  Checker(doc, def, problems).Run();
}

}  // namespace erflow
