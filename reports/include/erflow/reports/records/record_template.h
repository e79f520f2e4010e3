// RecordTemplate: the paper layout of one official form (附件二 incident report, 附件三
// result report…) as data in reports/templates/<form-id>.json — which fields share a
// row, which run full width, which are joined into one box under the seed form's own
// label, the section headings, the form label and title. A record of a task whose form
// has a template is drawn in that layout; any other record gets the generic layout (the
// form's fields in order, long text full width). Fields a template does not place are
// still printed, in a trailing section: a layout never hides data.
//
// Format (reports/templates/README.md):
//   {"form": "ns-result-report", "formLabel": "附件三", "title": "…", "unitField": "unit_name",
//    "submitterLabel": "报告人签名", "approverLabel": "审核人签名",
//    "sections": [{"heading": "…", "rows": [
//        {"cells": ["unit_name", "contact_person"]},
//        {"full": {"label": "…", "parts": ["system_name", {"field": "system_purpose",
//                  "prefix": "用途："}], "separator": "\n"}, "lines": 1}]}]}
//
// Thread rules: immutable after loading; share freely.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "erflow/form_schema.h"
#include "erflow/result.h"

namespace erflow::records {

struct TemplatePart {
  std::string field;
  std::string prefix, suffix;  // printed around the value when it is not empty
};

struct TemplateCell {
  std::string label;  // empty: the form's label of its single field
  std::vector<TemplatePart> parts;
  std::string separator = "\n";  // between non-empty parts
  std::string path;              // where it is written, for errors
};

struct TemplateRow {
  bool full = false;  // one cell across the width, label above the text
  int lines = 0;      // minimum text lines (room for a long answer); 0: the default
  std::vector<TemplateCell> cells;
  std::string path;
};

struct TemplateSection {
  std::string heading;
  std::vector<TemplateRow> rows;
};

struct RecordTemplate {
  std::string file;  // as loaded, for errors
  std::string form;
  std::string form_label;  // "附件二"
  std::string title;
  std::string unit_field;  // the field holding the unit's name, if any
  std::string submitter_label, approver_label;
  std::vector<TemplateSection> sections;

  // Every field the template names exists in `schema`; the error names file and path.
  Status Check(const FormSchema& schema) const;
};

class RecordTemplates {
 public:
  // Every *.json in `dir`; a folder that does not exist gives an empty set (records then
  // use the generic layout). Errors name the file, line, column and path.
  static Result<RecordTemplates> LoadDir(const std::string& dir);
  static Result<RecordTemplate> Parse(const Json& doc, const std::string& file);

  // The template for a form id, or nullptr.
  const RecordTemplate* Find(const std::string& form_id) const;
  size_t size() const { return by_form_.size(); }

 private:
  std::map<std::string, RecordTemplate> by_form_;
};

}  // namespace erflow::records
