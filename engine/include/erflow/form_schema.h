// FormSchema: the fields of one form (a report, an assessment, an activation decision…)
// as declared in forms/*.json — type, required, limits, enum values, zh/en labels — and
// the validation of submitted data against it. The same schema drives the CLI, the HTTP
// API and the web UI, so a clerk sees the same rule everywhere.
// Thread rules: immutable after loading; safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "erflow/json.h"
#include "erflow/localized_text.h"
#include "erflow/problems.h"
#include "erflow/result.h"

namespace erflow {

enum class FieldType { kText, kLongText, kInteger, kDecimal, kDateTime, kEnum, kBoolean, kList };

// "text", "longtext", "integer", "decimal", "datetime", "enum", "boolean", "list"
const char* FieldTypeName(FieldType t);
std::optional<FieldType> FieldTypeFromName(const std::string& name);

struct EnumValue {
  std::string id;  // stored value, e.g. "network_attack"
  LocalizedText label;
};

struct FieldSpec {
  std::string id;
  FieldType type = FieldType::kText;
  LocalizedText label;
  LocalizedText help;
  bool required = false;
  std::optional<int64_t> min_length, max_length;  // text, longtext (characters)
  std::optional<double> min, max;                 // integer, decimal
  std::vector<EnumValue> values;                  // enum, and list of enum
  // list: the type of each item (text, integer, decimal, datetime or enum) and its count
  FieldType item_type = FieldType::kText;
  std::optional<int64_t> min_items, max_items;
  std::string unit;  // shown after numbers, e.g. "万元", "分钟"
  // Filled in by the engine (a filing number, what a missed deadline prefilled on a
  // proposal); shown read-only and refused when a user sends a value.
  bool system = false;

  const EnumValue* FindValue(const std::string& id) const;
};

struct FormSchema {
  std::string id;
  LocalizedText name;
  std::vector<FieldSpec> fields;
  std::string source_file;

  const FieldSpec* FindField(const std::string& id) const;
  // The schema as JSON, for the web UI and the API.
  Json ToJson() const;
};

// Parses and checks a form-schema document. Every problem is collected with its path.
Result<FormSchema> ParseFormSchema(const Json& doc, const std::string& source_file);

// Checks `data` (a JSON object of field id → value) against `schema`: unknown fields,
// wrong types, missing required fields, limits, enum values. On success returns the data
// normalised (date-times rewritten as ISO-8601 in +08:00, decimals as numbers).
// Problems carry the path "<path_prefix>.<field>" (e.g. "form.discovered_at").
// `system_values` (optional) supplies the values of system fields (see FieldSpec::system);
// a user-sent value for a system field is refused.
Result<Json> ValidateFormData(const FormSchema& schema, const Json& data,
                              const std::string& path_prefix = "form", const Json* system_values = nullptr);

}  // namespace erflow
