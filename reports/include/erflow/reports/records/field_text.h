// How a form value reads on paper and in registers: an enum as its label, a boolean as
// 是/否, a date-time as 2025年10月14日 17:00, a number with its unit, a list joined by
// 、. And where a task's field is declared: its form, then its approval form (both write
// into the task's data).
// Thread rules: pure functions.
#pragma once

#include <string>

#include "erflow/definition.h"
#include "erflow/json.h"

namespace erflow::records {

// `lang` "zh" (default) or "en": labels and 是/否 vs Yes/No. Null shows as "".
std::string FieldValueText(const FieldSpec& field, const Json& value,
                           const std::string& lang = "zh");

// A value without a schema (a field no form declares any more): as plain as possible.
std::string PlainValueText(const Json& value);

// The declaration of `field` on task `node`: its form's field, else its approval form's;
// nullptr when neither declares it.
const FieldSpec* FindTaskField(const Definition& def, const std::string& node,
                               const std::string& field);

// A "TASK.FIELD" variable (caseFields): its declaration, or nullptr (decision.*, case.*).
const FieldSpec* FindVariableField(const Definition& def, const std::string& variable);

}  // namespace erflow::records
