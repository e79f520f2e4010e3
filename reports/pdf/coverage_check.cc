// Coverage and shape checks; see coverage_check.h.
#include "pdf/coverage_check.h"

#include <vector>

namespace erflow::pdf {
namespace {

class Checker {
 public:
  explicit Checker(const CjkFont& font) : font_(font) {}

  // `name` is how a person recognises the field (its label); `path` locates it.
  void Text(const std::string& name, const std::string& path, const std::string& text) {
    const std::string missing = font_.DescribeMissing(text);
    if (missing.empty()) return;
    problems_.push_back("field \"" + name + "\" (" + path + "): " + missing);
  }
  void Shape(const std::string& problem) { shapes_.push_back(problem); }

  Status Finish() const {
    if (!shapes_.empty()) return Status::InvalidArgument(Join(shapes_));
    if (problems_.empty()) return Status::Ok();
    return Status::InvalidArgument("the PDF font (" + font_.path() +
                                   ") cannot show these characters: " + Join(problems_));
  }

  void Record(const RecordDocument& r, const std::string& p) {
    if (r.title.empty()) Shape(p + ".title: a record needs a title");
    Text("form_label", p + ".form_label", r.form_label);
    Text("title", p + ".title", r.title);
    Text("subtitle", p + ".subtitle", r.subtitle);
    Text("单位名称", p + ".unit_name", r.unit_name);
    Text("编号", p + ".document_number", r.document_number);
    Text("备案编号", p + ".filing_number", r.filing_number);
    Text("footer_note", p + ".footer_note", r.footer_note);
    for (size_t s = 0; s < r.sections.size(); ++s) {
      const RecordSection& sec = r.sections[s];
      const std::string sp = p + ".sections[" + std::to_string(s) + "]";
      Text(sec.heading, sp + ".heading", sec.heading);
      for (size_t i = 0; i < sec.rows.size(); ++i) {
        const RecordRow& row = sec.rows[i];
        const std::string rp = sp + ".rows[" + std::to_string(i) + "]";
        const size_t n = row.fields.size();
        if (row.layout == RecordRow::Layout::kFullWidth && n != 1) {
          Shape(rp + ": a full-width row holds exactly 1 field, not " + std::to_string(n));
        } else if (n < 1 || n > 3) {
          Shape(rp + ": a label/value row holds 1 to 3 fields, not " + std::to_string(n));
        }
        for (size_t f = 0; f < n; ++f) {
          const std::string fp = rp + ".fields[" + std::to_string(f) + "]";
          Text(row.fields[f].label, fp + ".label", row.fields[f].label);
          Text(row.fields[f].label, fp + ".value", row.fields[f].value);
        }
      }
    }
    for (size_t i = 0; i < r.signatures.size(); ++i) {
      const std::string sp = p + ".signatures[" + std::to_string(i) + "]";
      Text(r.signatures[i].role, sp + ".role", r.signatures[i].role);
      Text(r.signatures[i].role, sp + ".signer_name", r.signatures[i].signer_name);
    }
  }

 private:
  static std::string Join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
    return out;
  }

  const CjkFont& font_;
  std::vector<std::string> problems_, shapes_;
};

}  // namespace

Status CheckRecord(const RecordDocument& record, const CjkFont& font, const std::string& path) {
  Checker c(font);
  c.Record(record, path);
  return c.Finish();
}

Status CheckDossier(const Dossier& d, const CjkFont& font) {
  Checker c(font);
  if (d.title.empty()) c.Shape("dossier.title: a dossier needs a title");
  c.Text("title", "dossier.title", d.title);
  c.Text("subtitle", "dossier.subtitle", d.subtitle);
  c.Text("history_title", "dossier.history_title", d.history_title);
  c.Text("footer_note", "dossier.footer_note", d.footer_note);
  for (size_t i = 0; i < d.cover_fields.size(); ++i) {
    const std::string p = "dossier.cover_fields[" + std::to_string(i) + "]";
    c.Text(d.cover_fields[i].label, p + ".label", d.cover_fields[i].label);
    c.Text(d.cover_fields[i].label, p + ".value", d.cover_fields[i].value);
  }
  for (size_t i = 0; i < d.records.size(); ++i) {
    c.Record(d.records[i], "dossier.records[" + std::to_string(i) + "]");
  }
  for (size_t i = 0; i < d.history.size(); ++i) {
    const HistoryEntry& h = d.history[i];
    const std::string p = "dossier.history[" + std::to_string(i) + "]";
    c.Text("操作人", p + ".actor", h.actor);
    c.Text("角色", p + ".role", h.role);
    c.Text("单位", p + ".unit", h.unit);
    c.Text("操作", p + ".action", h.action);
    c.Text("说明", p + ".note", h.note);
    c.Text("哈希", p + ".hash", h.hash);
    c.Text("前一哈希", p + ".prev_hash", h.prev_hash);
    for (size_t k = 0; k < h.changes.size(); ++k) {
      const std::string cp = p + ".changes[" + std::to_string(k) + "]";
      c.Text(h.changes[k].field, cp + ".field", h.changes[k].field);
      c.Text(h.changes[k].field, cp + ".old_value", h.changes[k].old_value);
      c.Text(h.changes[k].field, cp + ".new_value", h.changes[k].new_value);
    }
  }
  return c.Finish();
}

}  // namespace erflow::pdf
