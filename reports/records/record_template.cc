// Reading record templates; see record_template.h.
#include "erflow/reports/records/record_template.h"

#include <filesystem>

#include "erflow/definition_loader.h"
#include "erflow/json.h"

namespace erflow::records {
namespace {

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  Status Fail(const Json& at, const std::string& path, const std::string& what) const {
    std::string where = file_;
    if (at.line() > 0) where += ":" + std::to_string(at.line()) + ":" + std::to_string(at.column());
    return Status::InvalidArgument(where + ": " + path + ": " + what);
  }

  Status Text(const Json& obj, const char* key, const std::string& path, bool required,
              std::string* out) const {
    const Json* v = obj.Find(key);
    if (!v) {
      if (required) return Fail(obj, path, std::string("\"") + key + "\" is required");
      return Status::Ok();
    }
    if (!v->is_string()) return Fail(*v, path + "." + key, "expected a string");
    *out = v->AsString();
    return Status::Ok();
  }

  Status Keys(const Json& obj, const std::string& path,
              std::initializer_list<const char*> known) const {
    for (const auto& m : obj.members()) {
      bool ok = m.first == "$comment";
      for (const char* k : known) ok |= m.first == k;
      if (!ok) return Fail(m.second, path + "." + m.first, "unknown key");
    }
    return Status::Ok();
  }

  Status Part(const Json& j, const std::string& path, TemplatePart* out) const {
    if (j.is_string()) {
      out->field = j.AsString();
      return Status::Ok();
    }
    if (!j.is_object()) return Fail(j, path, "expected a field id or {\"field\": …}");
    ERFLOW_RETURN_IF_ERROR(Keys(j, path, {"field", "prefix", "suffix"}));
    ERFLOW_RETURN_IF_ERROR(Text(j, "field", path, true, &out->field));
    ERFLOW_RETURN_IF_ERROR(Text(j, "prefix", path, false, &out->prefix));
    return Text(j, "suffix", path, false, &out->suffix);
  }

  Status Cell(const Json& j, const std::string& path, TemplateCell* out) const {
    out->path = path;
    if (j.is_string()) {
      out->parts.push_back(TemplatePart{j.AsString(), "", ""});
      return Status::Ok();
    }
    if (!j.is_object()) return Fail(j, path, "expected a field id or {\"label\", \"parts\"}");
    ERFLOW_RETURN_IF_ERROR(Keys(j, path, {"label", "parts", "separator"}));
    ERFLOW_RETURN_IF_ERROR(Text(j, "label", path, true, &out->label));
    ERFLOW_RETURN_IF_ERROR(Text(j, "separator", path, false, &out->separator));
    const Json& parts = j["parts"];
    if (!parts.is_array() || parts.size() == 0)
      return Fail(j, path + ".parts", "expected a non-empty array of fields");
    for (size_t i = 0; i < parts.size(); ++i) {
      TemplatePart p;
      ERFLOW_RETURN_IF_ERROR(
          Part(parts.items()[i], path + ".parts[" + std::to_string(i) + "]", &p));
      out->parts.push_back(p);
    }
    return Status::Ok();
  }

  Status Row(const Json& j, const std::string& path, TemplateRow* out) const {
    out->path = path;
    if (!j.is_object()) return Fail(j, path, "expected {\"cells\": […]} or {\"full\": …}");
    ERFLOW_RETURN_IF_ERROR(Keys(j, path, {"cells", "full", "lines"}));
    if (const Json* lines = j.Find("lines")) {
      if (!lines->is_int() || lines->AsInt() < 1 || lines->AsInt() > 40)
        return Fail(*lines, path + ".lines", "expected a whole number from 1 to 40");
      out->lines = static_cast<int>(lines->AsInt());
    }
    if (j.Has("full") == j.Has("cells"))
      return Fail(j, path, "give either \"cells\" (1 to 3 side by side) or \"full\"");
    if (const Json* full = j.Find("full")) {
      out->full = true;
      TemplateCell c;
      ERFLOW_RETURN_IF_ERROR(Cell(*full, path + ".full", &c));
      out->cells.push_back(c);
      return Status::Ok();
    }
    const Json& cells = j["cells"];
    if (!cells.is_array() || cells.size() < 1 || cells.size() > 3)
      return Fail(j, path + ".cells", "expected 1 to 3 cells");
    for (size_t i = 0; i < cells.size(); ++i) {
      TemplateCell c;
      ERFLOW_RETURN_IF_ERROR(
          Cell(cells.items()[i], path + ".cells[" + std::to_string(i) + "]", &c));
      out->cells.push_back(c);
    }
    return Status::Ok();
  }

 private:
  std::string file_;
};

}  // namespace

Result<RecordTemplate> RecordTemplates::Parse(const Json& doc, const std::string& file) {
  Reader r(file);
  RecordTemplate t;
  t.file = file;
  if (!doc.is_object()) return r.Fail(doc, "$", "expected an object");
  ERFLOW_RETURN_IF_ERROR(r.Keys(
      doc, "$",
      {"form", "formLabel", "title", "unitField", "submitterLabel", "approverLabel", "sections"}));
  ERFLOW_RETURN_IF_ERROR(r.Text(doc, "form", "$", true, &t.form));
  ERFLOW_RETURN_IF_ERROR(r.Text(doc, "formLabel", "$", false, &t.form_label));
  ERFLOW_RETURN_IF_ERROR(r.Text(doc, "title", "$", true, &t.title));
  ERFLOW_RETURN_IF_ERROR(r.Text(doc, "unitField", "$", false, &t.unit_field));
  ERFLOW_RETURN_IF_ERROR(r.Text(doc, "submitterLabel", "$", false, &t.submitter_label));
  ERFLOW_RETURN_IF_ERROR(r.Text(doc, "approverLabel", "$", false, &t.approver_label));
  const Json& sections = doc["sections"];
  if (!sections.is_array() || sections.size() == 0)
    return r.Fail(doc, "sections", "expected a non-empty array");
  for (size_t s = 0; s < sections.size(); ++s) {
    const Json& sj = sections.items()[s];
    const std::string path = "sections[" + std::to_string(s) + "]";
    if (!sj.is_object()) return r.Fail(sj, path, "expected {\"heading\", \"rows\"}");
    ERFLOW_RETURN_IF_ERROR(r.Keys(sj, path, {"heading", "rows"}));
    TemplateSection section;
    ERFLOW_RETURN_IF_ERROR(r.Text(sj, "heading", path, false, &section.heading));
    const Json& rows = sj["rows"];
    if (!rows.is_array() || rows.size() == 0)
      return r.Fail(sj, path + ".rows", "expected a non-empty array");
    for (size_t i = 0; i < rows.size(); ++i) {
      TemplateRow row;
      ERFLOW_RETURN_IF_ERROR(
          r.Row(rows.items()[i], path + ".rows[" + std::to_string(i) + "]", &row));
      section.rows.push_back(row);
    }
    t.sections.push_back(section);
  }
  return t;
}

Status RecordTemplate::Check(const FormSchema& schema) const {
  if (!unit_field.empty() && !schema.FindField(unit_field))
    return Status::InvalidArgument(file + ": unitField: form " + schema.id + " has no field \"" +
                                   unit_field + "\"");
  for (const auto& section : sections)
    for (const auto& row : section.rows)
      for (const auto& cell : row.cells)
        for (const auto& part : cell.parts)
          if (!schema.FindField(part.field))
            return Status::InvalidArgument(file + ": " + cell.path + ": form " + schema.id +
                                           " has no field \"" + part.field + "\"");
  return Status::Ok();
}

Result<RecordTemplates> RecordTemplates::LoadDir(const std::string& dir) {
  RecordTemplates out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (const auto& file : ListJsonFiles(dir)) {
    ERFLOW_ASSIGN_OR_RETURN(Json doc, ParseJsonFile(file));
    ERFLOW_ASSIGN_OR_RETURN(RecordTemplate t, Parse(doc, file));
    if (out.by_form_.count(t.form))
      return Status::InvalidArgument(file + ": form: a second template for form \"" + t.form +
                                     "\" (the first is " + out.by_form_[t.form].file + ")");
    out.by_form_[t.form] = std::move(t);
  }
  return out;
}

const RecordTemplate* RecordTemplates::Find(const std::string& form_id) const {
  auto it = by_form_.find(form_id);
  return it == by_form_.end() ? nullptr : &it->second;
}

}  // namespace erflow::records
