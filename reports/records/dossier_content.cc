// BuildDossier; see dossier_content.h.
#include "erflow/reports/records/dossier_content.h"

#include <algorithm>
#include <map>

#include "erflow/reports/records/field_text.h"
#include "erflow/reports/records/record_content.h"
#include "erflow/time_format.h"

namespace erflow::records {
namespace {

const char* RoleLabel(const std::string& role) {
  static const std::map<std::string, const char*> kRoles = {
      {"clerk", "办事员"},     {"supervisor", "分管领导"}, {"inspector", "纪检监察"},
      {"archivist", "档案员"}, {"admin", "系统管理员"},
  };
  auto it = kRoles.find(role);
  return it == kRoles.end() ? "" : it->second;
}

const char* Verb(const std::string& command) {
  static const std::map<std::string, const char*> kVerbs = {
      {"open", "立案报告"},    {"submit", "提交"},   {"claim", "认领"},
      {"unclaim", "放弃认领"}, {"approve", "批准"},  {"return", "退回"},
      {"transfer", "转办"},    {"withdraw", "撤销"}, {"timer", "系统定时"},
  };
  auto it = kVerbs.find(command);
  return it == kVerbs.end() ? "" : it->second;
}

std::string TaskName(const Definition& def, const std::string& node) {
  const TaskSpec* t = def.FindTask(node);
  return t ? t->name.zh : node;
}

std::string DeadlineName(const Definition& def, const std::string& id) {
  const DeadlineSpec* d = def.FindDeadline(id);
  return d ? d->name.zh : id;
}

std::vector<pdf::HistoryChange> Changes(const Definition& def, const Json& body) {
  std::vector<pdf::HistoryChange> out;
  for (const auto& c : body["changes"].items()) {
    const std::string path = c.GetString("field");
    const size_t dot = path.find('.');
    const FieldSpec* f = dot == std::string::npos
                             ? nullptr
                             : FindTaskField(def, path.substr(0, dot), path.substr(dot + 1));
    pdf::HistoryChange h;
    h.field = f ? f->label.zh : path;
    h.old_value = f ? FieldValueText(*f, c["old"]) : PlainValueText(c["old"]);
    h.new_value = f ? FieldValueText(*f, c["new"]) : PlainValueText(c["new"]);
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace

std::string EventActionText(const Definition& def, const Json& body) {
  const std::string command = body.GetString("command");
  std::string verb = Verb(command);
  if (verb.empty()) verb = command;
  const std::string node = body.GetString("node");
  if (node.empty()) return verb;
  return verb + " " + TaskName(def, node) + "（" + body.GetString("task") + "）";
}

std::string EventNoteText(const Definition& def, const Json& body) {
  std::string note;
  auto add = [&](const std::string& s) { note += (note.empty() ? "" : "\n") + s; };
  if (body.Has("reason")) add("理由：" + body.GetString("reason"));
  if (body.Has("target")) add("转交：" + body.GetString("target"));
  for (const auto& e : body["effects"].items()) {
    const std::string type = e.GetString("type");
    if (type == "task.filed") {
      add("备案编号：" + e.GetString("number"));
    } else if (type == "record.issued") {
      add("签发记录 #" + std::to_string(e.GetInt("record")) + "，SHA-256 " + e.GetString("sha256"));
      if (e["unsigned"].size() > 0) add("未加数字签名：" + PlainValueText(e["unsigned"]));
    } else if (type == "case.closed") {
      const EndSpec* end = def.FindEnd(e.GetString("end"));
      add("结案：" + (end ? end->name.zh : e.GetString("outcome")));
    } else if (type == "deadline.missed") {
      add("逾期未完成：" + DeadlineName(def, e.GetString("deadline").empty()
                                                 ? e.GetString("key")
                                                 : e.GetString("deadline")));
    } else if (type == "deadline.met" && e.GetInt("late_by") > 0) {
      add("逾期完成：" + e.GetString("key") + "（迟 " + std::to_string(e.GetInt("late_by") / 60) +
          " 分钟）");
    } else if (type == "case.reverted") {
      add("撤销第 " + std::to_string(e.GetInt("withdrawn")) + " 条");
    }
  }
  return note;
}

Result<pdf::Dossier> BuildDossier(Engine& engine, int64_t case_id, const RecordTemplates& templates,
                                  const DossierOptions& options) {
  ERFLOW_ASSIGN_OR_RETURN(CaseView view, engine.GetCase(case_id));
  ERFLOW_ASSIGN_OR_RETURN(auto issued, engine.CaseRecords(case_id));
  const Definition& def = *view.definition;

  std::map<std::string, std::string> names;  // user → shown name
  auto shown = [&](const std::string& user) {
    auto it = names.find(user);
    if (it != names.end()) return it->second;
    auto u = engine.GetUser(user);
    return names[user] = u.ok() ? u->Shown() : user;
  };

  // From the history: each event's body, who approved which task when, and which
  // signers were missing from which record.
  std::vector<Json> bodies;
  std::map<std::pair<std::string, std::string>, Instant> approved_at;  // (task, user)
  std::map<int64_t, std::vector<std::string>> unsigned_by;             // record id
  for (const auto& ev : view.history) {
    ERFLOW_ASSIGN_OR_RETURN(Json body, ParseJson(ev.body, "event " + std::to_string(ev.id)));
    for (const auto& e : body["effects"].items()) {
      const std::string type = e.GetString("type");
      if (type == "task.approved")
        approved_at[{e.GetString("task"), e.GetString("by")}] = Instant{e.GetInt("at")};
      if (type == "record.issued")
        for (const auto& u : e["unsigned"].items())
          unsigned_by[e.GetInt("record")].push_back(u.AsString());
    }
    bodies.push_back(std::move(body));
  }

  pdf::Dossier d;
  d.title = "突发事件处置档案";
  d.subtitle = view.fields["title"].is_string() ? view.fields["title"].AsString() : def.name.zh;
  d.author = options.exported_by.empty() ? "(local)" : options.exported_by;
  d.created_at = options.now;
  const CaseState& s = view.state;
  d.cover_fields.push_back({"案件编号", std::to_string(s.id)});
  d.cover_fields.push_back(
      {"应急预案", def.name.zh + "（" + def.id + " 第" + std::to_string(def.version) + "版）"});
  d.cover_fields.push_back({"事发单位", s.unit});
  d.cover_fields.push_back(
      {"立案", FormatChineseDateTime(s.opened_at) + "　" + shown(s.opened_by)});
  const EndSpec* end = def.FindEnd(s.end_node);
  d.cover_fields.push_back(
      {"状态", s.active() ? "处置中" : "已结案：" + (end ? end->name.zh : s.outcome)});
  if (!s.active()) d.cover_fields.push_back(pdf::RecordField::Time("结案时间", s.closed_at));
  d.cover_fields.push_back(
      {"历史记录", std::to_string(view.history.size()) + " 条，末条哈希 " + s.head_hash});
  d.cover_fields.push_back({"导出人", d.author});
  d.cover_fields.push_back(pdf::RecordField::Time("生成时间", options.now));

  for (const auto& rec : issued) {
    ERFLOW_ASSIGN_OR_RETURN(CaseState at, engine.RebuildAt(case_id, rec.seq));
    const TaskInstance* task = at.FindTask(rec.task);
    if (!task)
      return Status::Corruption("record #" + std::to_string(rec.id) + " names task " + rec.task +
                                " that case " + std::to_string(case_id) + " does not have");
    const auto& missing = unsigned_by[rec.id];
    auto signed_digitally = [&](const std::string& user) {
      return std::find(missing.begin(), missing.end(), user) == missing.end();
    };
    RecordContext ctx;
    ctx.definition = &def;
    ctx.state = &at;
    ctx.task = task;
    ctx.kind = rec.kind;
    ctx.seq = rec.seq;
    ctx.issued_at = rec.issued_at;
    ctx.signatures.push_back(SignatureLine{
        RecordSigner::Part::kSubmitter, task->submitted_by, shown(task->submitted_by),
        task->submitted_unit, task->submitted_at, signed_digitally(task->submitted_by)});
    for (const auto& a : task->approved_by) {
      auto it = approved_at.find({task->id, a});
      ctx.signatures.push_back(SignatureLine{RecordSigner::Part::kApprover, a, shown(a), "",
                                             it == approved_at.end() ? rec.issued_at : it->second,
                                             signed_digitally(a)});
    }
    ERFLOW_ASSIGN_OR_RETURN(pdf::RecordDocument doc, BuildRecordDocument(ctx, templates));
    const size_t i = static_cast<size_t>(rec.seq);  // events are 1-based, bodies 0-based
    if (i < bodies.size() && bodies[i].GetString("command") == "withdraw")
      doc.subtitle +=
          (doc.subtitle.empty() ? "" : " ") + std::string("（签发该记录的操作已撤销，记录作废）");
    d.cover_fields.push_back({"记录 " + std::to_string(d.records.size() + 1) + "：" + doc.title,
                              "第 " + std::to_string(rec.seq) + " 条签发，SHA-256 " + rec.sha256});
    d.records.push_back(std::move(doc));
  }

  for (size_t i = 0; i < view.history.size(); ++i) {
    const HistoryEvent& ev = view.history[i];
    const Json& body = bodies[i];
    pdf::HistoryEntry h;
    h.seq = ev.seq;
    h.time = ev.at;
    h.actor = body.GetString("actor_name", ev.actor);
    h.role = ev.actor == "system" ? "系统" : RoleLabel(body.GetString("role"));
    h.unit = body.GetString("unit");
    h.action = EventActionText(def, body);
    h.note = EventNoteText(def, body);
    h.changes = Changes(def, body);
    h.hash = ev.hash;
    h.prev_hash = body.GetString("prev");
    d.history.push_back(std::move(h));
  }
  d.footer_note = "案件 " + std::to_string(s.id) +
                  " 档案，由 erflow 生成；各记录的签名原件及其 "
                  "SHA-256 见案件历史，本档案的 SHA-256 记入导出日志。";
  return d;
}

}  // namespace erflow::records
