// FieldValueText and friends; see field_text.h.
#include "erflow/reports/records/field_text.h"

#include <cmath>
#include <cstdio>

#include "erflow/time_format.h"

namespace erflow::records {
namespace {

std::string Number(const Json& v) {
  if (v.is_int()) return std::to_string(v.AsInt());
  double d = v.AsDouble();
  if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<int64_t>(d));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", d);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string Scalar(FieldType type, const FieldSpec& field, const Json& v, const std::string& lang) {
  if (v.is_null()) return "";
  switch (type) {
    case FieldType::kDateTime: {
      auto t = ParseTimestamp(v.AsString());
      return t.ok() ? FormatChineseDateTime(*t) : v.AsString();
    }
    case FieldType::kEnum: {
      const EnumValue* e = field.FindValue(v.AsString());
      return e ? e->label.Get(lang) : v.AsString();
    }
    case FieldType::kBoolean:
      return v.AsBool() ? (lang == "en" ? "Yes" : "是") : (lang == "en" ? "No" : "否");
    case FieldType::kInteger:
    case FieldType::kDecimal:
      return v.is_number() ? Number(v) + field.unit : PlainValueText(v);
    default:
      return v.is_string() ? v.AsString() : PlainValueText(v);
  }
}

}  // namespace

std::string PlainValueText(const Json& v) {
  switch (v.type()) {
    case Json::Type::kNull:
      return "";
    case Json::Type::kString:
      return v.AsString();
    case Json::Type::kBool:
      return v.AsBool() ? "是" : "否";
    case Json::Type::kInt:
    case Json::Type::kDouble:
      return Number(v);
    case Json::Type::kArray: {
      std::string out;
      for (const auto& item : v.items()) out += (out.empty() ? "" : "、") + PlainValueText(item);
      return out;
    }
    case Json::Type::kObject:
      return v.Dump();
  }
  return "";
}

std::string FieldValueText(const FieldSpec& field, const Json& value, const std::string& lang) {
  if (field.type != FieldType::kList || !value.is_array())
    return Scalar(field.type, field, value, lang);
  std::string out;
  const char* sep = lang == "en" ? "; " : "、";
  for (const auto& item : value.items())
    out += (out.empty() ? "" : sep) + Scalar(field.item_type, field, item, lang);
  return out;
}

const FieldSpec* FindTaskField(const Definition& def, const std::string& node,
                               const std::string& field) {
  const TaskSpec* task = def.FindTask(node);
  if (!task) return nullptr;
  for (const std::string* form_id :
       {&task->form, task->approval ? &task->approval->form : nullptr}) {
    if (!form_id || form_id->empty()) continue;
    const FormSchema* form = def.FindForm(*form_id);
    if (const FieldSpec* f = form ? form->FindField(field) : nullptr) return f;
  }
  return nullptr;
}

const FieldSpec* FindVariableField(const Definition& def, const std::string& variable) {
  const size_t dot = variable.find('.');
  if (dot == std::string::npos) return nullptr;
  return FindTaskField(def, variable.substr(0, dot), variable.substr(dot + 1));
}

}  // namespace erflow::records
