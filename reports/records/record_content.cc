// BuildRecordDocument; see record_content.h.
#include "erflow/reports/records/record_content.h"

#include <set>

#include "erflow/reports/records/field_text.h"
#include "erflow/time_format.h"

namespace erflow::records {
namespace {

using pdf::RecordDocument;
using pdf::RecordField;
using pdf::RecordRow;
using pdf::RecordSection;

// Long answers get a full-width box; short ones sit two to a row.
bool IsLong(const FieldSpec& f) {
  return f.type == FieldType::kLongText || f.type == FieldType::kList ||
         (f.type == FieldType::kText && f.max_length && *f.max_length > 200);
}

class Builder {
 public:
  Builder(const RecordContext& ctx, const FormSchema* form)
      : ctx_(ctx), form_(form), data_(ctx.state->data[ctx.task->node]) {}

  std::string Value(const FieldSpec& f) const { return FieldValueText(f, data_[f.id]); }

  // The form's fields in order: short ones paired, long ones full width.
  std::vector<RecordRow> GenericRows(const FormSchema& form, const std::set<std::string>& skip) {
    std::vector<RecordRow> rows;
    std::vector<RecordField> pending;
    auto flush = [&] {
      if (!pending.empty()) rows.push_back(RecordRow::Pairs(pending));
      pending.clear();
    };
    for (const auto& f : form.fields) {
      if (skip.count(f.id)) continue;
      if (IsLong(f)) {
        flush();
        rows.push_back(RecordRow::Full(f.label.zh, Value(f), 2));
      } else {
        pending.push_back(RecordField(f.label.zh, Value(f)));
        if (pending.size() == 2) flush();
      }
    }
    flush();
    return rows;
  }

  RecordField Cell(const TemplateCell& cell, std::set<std::string>* placed) const {
    std::string text;
    for (const auto& part : cell.parts) {
      placed->insert(part.field);
      const FieldSpec* f = form_->FindField(part.field);
      std::string v = f ? Value(*f) : "";
      if (v.empty()) continue;
      if (!text.empty()) text += cell.separator;
      text += part.prefix + v + part.suffix;
    }
    std::string label = cell.label;
    if (label.empty() && !cell.parts.empty())
      if (const FieldSpec* f = form_->FindField(cell.parts[0].field)) label = f->label.zh;
    return RecordField(label, text);
  }

  // The template's sections, then whatever of the form it did not place.
  std::vector<RecordSection> TemplateSections(const RecordTemplate& t) {
    std::vector<RecordSection> out;
    std::set<std::string> placed;
    for (const auto& ts : t.sections) {
      RecordSection s;
      s.heading = ts.heading;
      for (const auto& tr : ts.rows) {
        if (tr.full) {
          RecordField f = Cell(tr.cells[0], &placed);
          s.rows.push_back(RecordRow::Full(f.label, f.value, tr.lines ? tr.lines : 3));
        } else {
          std::vector<RecordField> fields;
          for (const auto& c : tr.cells) fields.push_back(Cell(c, &placed));
          RecordRow row = RecordRow::Pairs(fields);
          if (tr.lines) row.min_lines = tr.lines;
          s.rows.push_back(row);
        }
      }
      out.push_back(std::move(s));
    }
    // Never hide data: fields with a value the template does not place follow it.
    std::set<std::string> skip = placed;
    for (const auto& f : form_->fields)
      if (Value(f).empty()) skip.insert(f.id);
    RecordSection rest;
    rest.heading = "其他事项";
    rest.rows = GenericRows(*form_, skip);
    if (!rest.rows.empty()) out.push_back(std::move(rest));
    return out;
  }

 private:
  const RecordContext& ctx_;
  const FormSchema* form_;
  const Json& data_;
};

std::string UnitText(const RecordContext& ctx, const RecordTemplate* t) {
  const Json& data = ctx.state->data[ctx.task->node];
  const std::string field = t && !t->unit_field.empty() ? t->unit_field : "unit_name";
  if (data[field].is_string() && !data[field].AsString().empty()) return data[field].AsString();
  if (!ctx.task->submitted_unit.empty()) return ctx.task->submitted_unit;
  return ctx.state->unit;
}

}  // namespace

std::vector<SignatureLine> SignatureLinesOf(const std::vector<RecordSigner>& signers) {
  std::vector<SignatureLine> out;
  for (const auto& s : signers)
    out.push_back(
        SignatureLine{s.part, s.user, s.display_name, s.unit, s.acted_at, s.key != nullptr});
  return out;
}

Result<pdf::RecordDocument> BuildRecordDocument(const RecordContext& ctx,
                                                const RecordTemplates& templates) {
  const Definition& def = *ctx.definition;
  const TaskInstance& task = *ctx.task;
  const TaskSpec* spec = def.FindTask(task.node);
  if (!spec) return Status::NotFound("definition " + def.id + " has no task \"" + task.node + "\"");
  const FormSchema* form = spec->form.empty() ? nullptr : def.FindForm(spec->form);
  const RecordTemplate* tpl = form ? templates.Find(form->id) : nullptr;
  if (tpl) ERFLOW_RETURN_IF_ERROR(tpl->Check(*form));

  RecordDocument doc;
  doc.form_label = tpl ? tpl->form_label : "";
  doc.title = tpl ? tpl->title : (form ? form->name.zh : spec->name.zh);
  doc.subtitle = tpl ? "" : def.name.zh;
  doc.unit_name = UnitText(ctx, tpl);
  doc.document_number = "案件" + std::to_string(ctx.state->id) + "-" + task.id;
  if (!spec->filing_field.empty()) {
    const Json& n = ctx.state->data[task.node][spec->filing_field];
    if (n.is_string()) doc.filing_number = n.AsString();
  }
  doc.subject = spec->name.zh;
  doc.created_at = ctx.issued_at;

  Builder b(ctx, form);
  if (tpl) {
    doc.sections = b.TemplateSections(*tpl);
  } else if (form) {
    RecordSection s;
    s.rows = b.GenericRows(*form, {});
    if (!s.rows.empty()) doc.sections.push_back(std::move(s));
  }
  if (spec->approval && !spec->approval->form.empty()) {
    if (const FormSchema* af = def.FindForm(spec->approval->form)) {
      RecordSection s;
      s.heading = spec->approval->label.zh.empty() ? "审批意见" : spec->approval->label.zh;
      s.rows = b.GenericRows(*af, {});
      if (!s.rows.empty()) doc.sections.push_back(std::move(s));
    }
  }
  if (doc.sections.empty()) {
    // A task without a form still gets a body: what was done, by whom, when.
    RecordSection s;
    s.rows.push_back(RecordRow::Pairs({RecordField("事项", spec->name.zh)}));
    doc.sections.push_back(std::move(s));
  }

  std::string signed_by, unsigned_by;
  const bool countersigned = spec->approval && spec->approval->mode == ApprovalSpec::Mode::kAll;
  for (const auto& sig : ctx.signatures) {
    pdf::SignatureSlot slot;
    if (sig.part == RecordSigner::Part::kSubmitter)
      slot.role = tpl && !tpl->submitter_label.empty() ? tpl->submitter_label : "填报人";
    else
      slot.role = tpl && !tpl->approver_label.empty() ? tpl->approver_label
                                                      : (countersigned ? "会签人" : "审批人");
    slot.signer_name = sig.display_name;
    if (!sig.digitally_signed) slot.signer_name += "（无有效签名证书，未加数字签名）";
    slot.signed_at = sig.at;
    doc.signatures.push_back(slot);
    std::string& list = sig.digitally_signed ? signed_by : unsigned_by;
    list += (list.empty() ? "" : "、") + sig.display_name;
    if (doc.author.empty()) doc.author = sig.display_name;
  }
  doc.footer_note = "erflow 于 " + FormatChineseDateTime(ctx.issued_at) + " 签发（案件 " +
                    std::to_string(ctx.state->id) + "，任务 " + task.id + "，历史第 " +
                    std::to_string(ctx.seq) + " 条），SHA-256 记入案件历史。数字签名：" +
                    (signed_by.empty() ? "无" : signed_by) + "。";
  if (!unsigned_by.empty())
    doc.footer_note += unsigned_by + " 签发时无有效签名证书，未加数字签名。";
  return doc;
}

}  // namespace erflow::records
