// POST /api/v1/cases/{id}/record-preview: the record a task would issue if it completed
// now, so a supervisor sees what they sign before they sign it. Drawn exactly as the
// issued record is (same template, same content builder) from the case as it stands
// plus the form being filled in — the approval opinion being typed, or the task's own
// form for a task whose submission issues it — with the signature block naming who
// would sign; marked as a preview, not signed, stored nowhere. Changes nothing (POST
// because it carries a form; the CSRF token is checked like any POST).
#include "erflow/form_schema.h"
#include "erflow/reports/pdf/renderer.h"
#include "erflow/reports/records/pdf_record_issuer.h"
#include "erflow/reports/records/record_content.h"
#include "erflow/time_format.h"
#include "server/api_error.h"
#include "server/body_reader.h"
#include "server/file_reply.h"
#include "server/handlers/handlers.h"

namespace erflow::server {
namespace {

// When `user` last approved `task`, from the history ({} when unknown).
Instant ApprovedAt(const CaseView& view, const std::string& task, const std::string& user) {
  Instant at;
  for (const auto& ev : view.history) {
    auto body = ParseJson(ev.body, "event");
    if (!body.ok()) continue;
    for (const auto& e : (*body)["effects"].items())
      if (e.GetString("type") == "task.approved" && e.GetString("task") == task &&
          e.GetString("by") == user)
        at = Instant{e.GetInt("at")};
  }
  return at;
}

}  // namespace

ApiReply RecordPreviewHandler::Serve(ApiCall& call) {
  const Json body = call.JsonBody();
  BodyReader r(body);
  const auto task_ref = r.String("task", true);
  const Json* form = r.Object("form", false);
  r.Finish();
  CaseView view = Unwrap(call.ctx.engine->GetCaseAs(call.user(), call.PathId("id")));
  const Definition& def = *view.definition;
  CaseState& state = view.state;
  // An instance ("t3"), or a task id: its open instance, else its latest one.
  const TaskInstance* task = state.FindTask(*task_ref);
  if (!task)
    for (const TaskInstance* t : state.OpenInstancesOf(*task_ref)) task = t;
  if (!task)
    for (const auto& t : state.tasks)
      if (t.node == *task_ref) task = &t;
  if (!task)
    throw ApiError::NotFound("case " + std::to_string(state.id) + " has no task " + *task_ref);
  const TaskSpec* spec = def.FindTask(task->node);
  if (!spec || spec->record.empty())
    throw ApiError::InvalidField("task", "task " + task->id + " issues no record");
  if (!task->open())
    throw ApiError(409, "conflict",
                   "task " + task->id +
                       " is no longer open: its record, if any, is issued (GET /api/v1/cases/" +
                       std::to_string(state.id) + "/records)");
  const bool approving = task->phase == "approve";
  const std::string form_id = approving ? (spec->approval ? spec->approval->form : "") : spec->form;

  // What is typed so far, with its types and limits checked (422 names the field) but not
  // its required fields: the form is not being sent yet.
  if (form && !form_id.empty()) {
    if (const FormSchema* schema = def.FindForm(form_id)) {
      FormSchema lenient = *schema;
      for (auto& f : lenient.fields) f.required = false;
      Json typed = Unwrap(ValidateFormData(lenient, *form, "form", &task->context));
      Json node = state.data[task->node].is_object() ? state.data[task->node] : Json::Object();
      for (const auto& m : typed.members()) node.Set(m.first, m.second);
      state.data.Set(task->node, std::move(node));
    }
  }

  // The filing number is taken when the filing is approved; the preview says so in its place.
  if (!spec->filing_field.empty() && !state.data[task->node][spec->filing_field].is_string()) {
    Json node = state.data[task->node].is_object() ? state.data[task->node] : Json::Object();
    node.Set(spec->filing_field, Json("（批准备案时由系统编号）"));
    state.data.Set(task->node, std::move(node));
  }

  const Instant now = call.ctx.engine->clock().Now();
  const User& me = call.user();
  std::vector<records::SignatureLine> lines;
  auto line = [&](RecordSigner::Part part, const std::string& name, Instant at) {
    auto u = call.ctx.engine->GetUser(name);
    lines.push_back({part, name, u.ok() ? u->Shown() : name, u.ok() ? u->unit : "", at, true});
  };
  if (approving) {
    line(RecordSigner::Part::kSubmitter, task->submitted_by, task->submitted_at);
    for (const auto& name : task->approved_by)
      line(RecordSigner::Part::kApprover, name, ApprovedAt(view, task->id, name));
    lines.push_back({RecordSigner::Part::kApprover, me.name, me.Shown(), me.unit, now, true});
  } else {
    lines.push_back({RecordSigner::Part::kSubmitter, me.name, me.Shown(), me.unit, now, true});
  }

  records::RecordContext ctx;
  ctx.definition = &def;
  ctx.state = &state;
  ctx.task = state.FindTask(task->id);
  ctx.kind = spec->record;
  ctx.seq = state.version + 1;
  ctx.signatures = lines;
  ctx.issued_at = now;
  const records::PdfRecordIssuer& issuer = *call.ctx.records;
  pdf::RecordDocument doc = Unwrap(records::BuildRecordDocument(ctx, issuer.templates()));
  doc.title = "【预览】" + doc.title;
  doc.footer_note = "预览（" + FormatChineseDateTime(now) +
                    "）：尚未签署，不是正式记录。批准后由 erflow 签发，以数字证书签署，SHA-256 "
                    "记入案件历史。";
  auto font = Unwrap(issuer.Font());
  std::string pdf = Unwrap(pdf::RenderRecordPdf(doc, *font));
  return FileReply(kPdfType, std::move(pdf),
                   "preview-case-" + std::to_string(state.id) + "-" + task->id + ".pdf", true);
}

}  // namespace erflow::server
