// ExportRegister; see register_export.h for where each column comes from.
#include "erflow/reports/records/register_export.h"

#include <map>
#include <set>

#include "erflow/reports/records/field_text.h"
#include "erflow/time_format.h"

namespace erflow::records {
namespace {

using reports::DeadlineRow;
using reports::RewardPenaltyRow;

std::optional<Instant> At(Instant t) {
  return t.seconds ? std::optional<Instant>(t) : std::nullopt;
}

std::optional<Instant> ParseAt(const Json& v) {
  if (!v.is_string()) return std::nullopt;
  auto t = ParseTimestamp(v.AsString());
  return t.ok() ? std::optional<Instant>(*t) : std::nullopt;
}

// The grounds of 003 第二十条 as the forms spell them; the register has its own codes.
reports::AccountabilityGround Ground(const std::string& id) {
  static const std::map<std::string, reports::AccountabilityGround> kForms = {
      {"late_report", reports::AccountabilityGround::kLateFalseConcealedReport},
      {"refused_orders", reports::AccountabilityGround::kRefusedPlanOrOrders},
      {"improper_command", reports::AccountabilityGround::kImproperCommand},
      {"misused_funds", reports::AccountabilityGround::kMisusedFundsOrMaterials},
      {"false_information", reports::AccountabilityGround::kFalseInformation},
      {"other_obstruction", reports::AccountabilityGround::kOtherObstruction},
  };
  auto it = kForms.find(id);
  if (it != kForms.end()) return it->second;
  reports::AccountabilityGround g = reports::AccountabilityGround::kNone;
  reports::FromCode(id, &g);
  return g;
}

bool HasFields(const Definition& def, const std::string& node, const char* a, const char* b) {
  return FindTaskField(def, node, a) && FindTaskField(def, node, b);
}

// The plan's structure the columns are read from (see the header), worked out once per
// definition version.
struct PlanShape {
  std::string activation_task, end_task, filing_task, filing_field, summary_task;
  std::set<std::string> reporting_tasks;
};

PlanShape ShapeOf(const Definition& def) {
  PlanShape p;
  if (const StageSpec* s = def.FindStage("activation"); s && !s->tasks.empty())
    p.activation_task = s->tasks.front();
  if (const StageSpec* s = def.FindStage("reporting"))
    p.reporting_tasks.insert(s->tasks.begin(), s->tasks.end());
  for (const auto& t : def.tasks)
    if (!t.filing_field.empty() && p.filing_task.empty()) {
      p.filing_task = t.id;
      p.filing_field = t.filing_field;
    }
  if (const StageSpec* s = def.FindStage("closeout"); s && !s->tasks.empty()) {
    p.end_task = s->tasks.front();
    for (const auto& id : s->tasks) {
      const TaskSpec* t = def.FindTask(id);
      if (id != p.end_task && id != p.filing_task && t && !t->record.empty()) {
        p.summary_task = id;
        break;
      }
    }
  }
  return p;
}

class CaseExporter {
 public:
  CaseExporter(Engine& engine, reports::RegisterWriter* writer, reports::Language lang)
      : engine_(engine),
        writer_(writer),
        lang_(lang == reports::Language::kEnglish ? "en" : "zh") {}

  Status Export(const CaseView& view);

 private:
  const PlanShape& Shape(const Definition& def) {
    auto key = std::make_pair(def.id, def.version);
    auto it = shapes_.find(key);
    if (it == shapes_.end()) it = shapes_.emplace(key, ShapeOf(def)).first;
    return it->second;
  }

  std::string Shown(const std::string& user) {
    if (user.empty()) return "";
    auto it = names_.find(user);
    if (it != names_.end()) return it->second;
    if (names_.size() > 10000) names_.clear();  // a bound, not a cache of everyone
    auto u = engine_.GetUser(user);
    return names_[user] = u.ok() ? u->Shown() : user;
  }

  // A caseFields value as text (an enum as its label).
  std::string CaseFieldText(const CaseView& v, const char* name) const {
    const Json& value = v.fields[name];
    auto var = v.definition->case_fields.find(name);
    const FieldSpec* f = var == v.definition->case_fields.end()
                             ? nullptr
                             : FindVariableField(*v.definition, var->second.AsString());
    return f ? FieldValueText(*f, value, lang_) : PlainValueText(value);
  }

  uint32_t DeadlineFlag(const Definition& def, const PlanShape& p, const DeadlineSpec* spec,
                        std::string* code, std::string* label) const;
  Status AddDeadlines(const CaseView& v, const PlanShape& p, uint32_t* flags);
  Status AddRewardsAndPenalties(const CaseView& v);

  Engine& engine_;
  reports::RegisterWriter* writer_;
  std::string lang_;
  std::map<std::pair<std::string, int64_t>, PlanShape> shapes_;
  std::map<std::string, std::string> names_;
};

uint32_t CaseExporter::DeadlineFlag(const Definition& def, const PlanShape& p,
                                    const DeadlineSpec* spec, std::string* code,
                                    std::string* label) const {
  const bool en = lang_ == "en";
  (void)def;
  if (!spec) return 0;
  const std::string& by = spec->satisfied_by.task;
  if (spec->daily()) {
    *code = "daily_report";
    *label = en ? "Daily report" : "每日报告";
    return reports::kDailyReportMissed;
  }
  if (!by.empty() && by == p.filing_task) {
    *code = "result_report";
    *label = en ? "Result report filed" : "结果报告备案";
    return reports::kResultReportOverdue;
  }
  if (!by.empty() && by == p.summary_task) {
    *code = "summary";
    *label = en ? "Investigation / summary" : "调查总结";
    return reports::kSummaryOverdue;
  }
  if (p.reporting_tasks.count(by)) {
    *code = "report";
    *label = en ? "Report" : "信息报告";
    return reports::kLateReport;
  }
  *code = spec->id;
  *label = spec->name.Get(lang_);
  return 0;
}

Status CaseExporter::AddDeadlines(const CaseView& v, const PlanShape& p, uint32_t* flags) {
  for (const auto& d : v.state.deadlines) {
    const DeadlineSpec* spec = v.definition->FindDeadline(d.deadline);
    DeadlineRow row;
    row.case_id = std::to_string(v.state.id);
    row.name = spec ? spec->name.Get(lang_) : d.deadline;
    if (const size_t at = d.key.find('@'); at != std::string::npos)
      row.name += "（" + d.key.substr(at + 1) + "）";  // one day of a daily report
    const uint32_t flag = DeadlineFlag(*v.definition, p, spec, &row.kind_code, &row.kind_label);
    if (row.kind_code.empty()) row.kind_code = d.deadline;
    row.due = At(d.due);
    row.done = At(d.done_at);
    if (!reports::FromCode(d.state, &row.state))
      row.state = reports::DeadlineState::kPending;  // "unknown": no due time could be computed
    if (row.state == reports::DeadlineState::kLate || row.state == reports::DeadlineState::kMissed)
      *flags |= flag;
    ERFLOW_RETURN_IF_ERROR(writer_->AddDeadline(row));
  }
  return Status::Ok();
}

Status CaseExporter::AddRewardsAndPenalties(const CaseView& v) {
  const Definition& def = *v.definition;
  for (const auto& t : v.state.tasks) {
    if (t.state == "cancelled") continue;
    const Json& data = v.state.data[t.node];
    RewardPenaltyRow row;
    row.case_id = std::to_string(v.state.id);
    const bool done = t.state == "done";
    row.status = done ? reports::ItemStatus::kConfirmed : reports::ItemStatus::kProposed;
    if (done) {
      row.decided_by = Shown(t.completed_by);
      row.decided = At(t.completed_at);
    }
    auto text = [&](const char* field) {
      const FieldSpec* f = FindTaskField(def, t.node, field);
      return f ? FieldValueText(*f, data[field], lang_) : PlainValueText(data[field]);
    };
    auto outcome = [&]() {
      reports::Outcome o = reports::Outcome::kNone;
      reports::FromCode(data.GetString("outcome"), &o);
      return o;
    };
    auto subjects = [&]() {
      std::vector<std::string> out;
      for (const auto& s : data["subjects"].items()) out.push_back(PlainValueText(s));
      if (out.empty()) out.push_back("");
      return out;
    };
    if (HasFields(def, t.node, "commend", "subjects")) {
      if (!data.GetBool("commend")) continue;
      row.kind = reports::RewardPenaltyKind::kCommendation;
      row.reason = text("reasons");
      if (data["facts"].is_string()) row.reason += (row.reason.empty() ? "" : "；") + text("facts");
      row.outcome = outcome();
      for (const auto& s : subjects()) {
        row.subject = s;
        ERFLOW_RETURN_IF_ERROR(writer_->AddRewardPenalty(row));
      }
    } else if (HasFields(def, t.node, "accountable", "grounds")) {
      if (!data.GetBool("accountable")) continue;
      row.kind = reports::RewardPenaltyKind::kAccountability;
      row.reason = text("facts");
      row.outcome = outcome();
      std::vector<std::string> grounds;
      for (const auto& g : data["grounds"].items()) grounds.push_back(g.AsString());
      if (grounds.empty()) grounds.push_back("");
      for (const auto& s : subjects())
        for (const auto& g : grounds) {
          row.subject = s;
          row.ground = Ground(g);
          ERFLOW_RETURN_IF_ERROR(writer_->AddRewardPenalty(row));
        }
    } else if (HasFields(def, t.node, "ground", "decision")) {
      // An ad-hoc proposal: what the sweeper prefilled is in the instance's context; the
      // decision in the task's data once someone decided it.
      const Json& ctx = t.context;
      row.kind = reports::RewardPenaltyKind::kAccountability;
      row.system_proposed = ctx.is_object() && ctx.Has("ground");
      const Json& decided = done ? data : Json::Object();
      row.ground = Ground(decided.GetString("ground", ctx.GetString("ground")));
      row.subject = decided.GetString("subject", ctx.GetString("subject"));
      row.reason = decided.GetString("facts", ctx.GetString("facts"));
      if (row.reason.empty()) row.reason = ctx.GetString("deadline");
      const std::string decision = decided.GetString("decision");
      row.status = decision == "confirm"   ? reports::ItemStatus::kConfirmed
                   : decision == "dismiss" ? reports::ItemStatus::kDismissed
                                           : reports::ItemStatus::kProposed;
      if (row.status == reports::ItemStatus::kDismissed)
        row.dismissal_reason = decided.GetString("dismissal_reason");
      if (row.status == reports::ItemStatus::kConfirmed) row.outcome = outcome();
      ERFLOW_RETURN_IF_ERROR(writer_->AddRewardPenalty(row));
    }
  }
  return Status::Ok();
}

Status CaseExporter::Export(const CaseView& v) {
  const Definition& def = *v.definition;
  const CaseState& s = v.state;
  const PlanShape& p = Shape(def);
  reports::CaseRow row;
  row.case_id = std::to_string(s.id);
  row.plan = def.name.Get(lang_);
  row.category = CaseFieldText(v, "category");
  reports::FromCode(v.fields.GetString("level"), &row.level);
  reports::FromCode(v.fields.GetString("warning_colour"), &row.warning);
  row.unit = s.unit;
  row.discovered = ParseAt(v.fields["discovered_at"]);
  for (const auto& t : s.tasks)
    if (t.node == def.start && t.submitted_at.seconds) {
      row.reported = t.submitted_at;
      break;
    }
  auto completed = [&](const std::string& node) -> std::optional<Instant> {
    if (node.empty()) return std::nullopt;
    const TaskInstance* t = s.LastCompleted({node});
    return t ? At(t->completed_at) : std::nullopt;
  };
  row.activated = completed(p.activation_task);
  row.ended = completed(p.end_task);
  if (!p.filing_task.empty()) {
    const Json& n = s.data[p.filing_task][p.filing_field];
    if (n.is_string()) row.filing_number = n.AsString();
    row.filed = completed(p.filing_task);
  }
  if (const TaskInstance* t = p.summary_task.empty() ? nullptr : s.LastCompleted({p.summary_task}))
    row.summary_submitted = At(t->submitted_at);
  if (s.active()) {
    row.status = lang_ == "en" ? "Active" : "处置中";
  } else {
    const EndSpec* end = def.FindEnd(s.end_node);
    row.status = end ? end->name.Get(lang_) : s.outcome;
  }
  uint32_t flags = 0;
  ERFLOW_RETURN_IF_ERROR(AddDeadlines(v, p, &flags));
  row.late_flags = flags;
  ERFLOW_RETURN_IF_ERROR(writer_->AddCase(row));
  return AddRewardsAndPenalties(v);
}

}  // namespace

Result<reports::RegisterCounts> ExportRegister(Engine& engine, const RegisterExportOptions& o) {
  reports::RegisterOptions wo;
  wo.language = o.language;
  wo.title = o.title;
  wo.as_of = o.as_of;
  wo.progress = o.progress;
  wo.progress_every = o.progress_every;
  ERFLOW_ASSIGN_OR_RETURN(auto writer, reports::RegisterWriter::Open(o.path, wo));
  CaseExporter exporter(engine, writer.get(), o.language);
  CaseQuery q;
  q.from = o.from;
  q.to = o.to;
  q.visible_to_unit = o.visible_to_unit;
  q.limit = o.page;
  ERFLOW_RETURN_IF_ERROR(engine.ForEachCase(q, [&](const CaseView& v) {
    return exporter.Export(v).WithContext("case " + std::to_string(v.state.id));
  }));
  ERFLOW_RETURN_IF_ERROR(writer->Close());
  return writer->counts();
}

}  // namespace erflow::records
