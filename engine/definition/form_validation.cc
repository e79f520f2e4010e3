// Validation of submitted form data against a FormSchema.
#include <cmath>

#include "erflow/form_schema.h"
#include "erflow/time_format.h"

namespace erflow {
namespace {

size_t Utf8Length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Checks one scalar value of type `type`; writes the normalised value to *out.
// Returns an empty string when valid, else what was wrong.
std::string CheckScalar(const FieldSpec& f, FieldType type, const Json& v, Json* out) {
  switch (type) {
    case FieldType::kText:
    case FieldType::kLongText: {
      if (!v.is_string()) return std::string("expected text, found ") + v.type_name();
      size_t len = Utf8Length(v.AsString());
      if (f.min_length && static_cast<int64_t>(len) < *f.min_length)
        return "must be at least " + std::to_string(*f.min_length) + " characters";
      if (f.max_length && static_cast<int64_t>(len) > *f.max_length)
        return "must be at most " + std::to_string(*f.max_length) + " characters (has " +
               std::to_string(len) + ")";
      *out = v;
      return "";
    }
    case FieldType::kInteger:
    case FieldType::kDecimal: {
      if (!v.is_number()) return std::string("expected a number, found ") + v.type_name();
      if (type == FieldType::kInteger && !v.is_int()) {
        double d = v.AsDouble();
        if (std::floor(d) != d) return "expected a whole number";
        // A whole number written beyond 64 bits parses as a double; stored as an integer
        // it would wrap (a casualty count of 5e54 became negative, passing "min": 0).
        if (d < -9223372036854775808.0 || d >= 9223372036854775808.0)
          return "is beyond the range of a whole number";
      }
      double d = v.AsDouble();
      if (f.min && d < *f.min) return "must be at least " + Json(*f.min).Dump();
      if (f.max && d > *f.max) return "must be at most " + Json(*f.max).Dump();
      *out = type == FieldType::kInteger ? Json(v.AsInt()) : v;
      return "";
    }
    case FieldType::kDateTime: {
      if (!v.is_string()) return std::string("expected a date-time string, found ") + v.type_name();
      auto t = ParseTimestamp(v.AsString());
      if (!t.ok()) return t.status().message();
      *out = Json(FormatTimestamp(*t));
      return "";
    }
    case FieldType::kEnum: {
      if (!v.is_string())
        return std::string("expected one of the listed values, found ") + v.type_name();
      if (!f.FindValue(v.AsString())) {
        std::string allowed;
        for (const auto& e : f.values) allowed += (allowed.empty() ? "" : ", ") + e.id;
        return "\"" + v.AsString() + "\" is not allowed (expected one of: " + allowed + ")";
      }
      *out = v;
      return "";
    }
    case FieldType::kBoolean:
      if (!v.is_bool()) return std::string("expected true or false, found ") + v.type_name();
      *out = v;
      return "";
    case FieldType::kList:
      break;
  }
  return "unsupported field type";
}

}  // namespace

Result<Json> ValidateFormData(const FormSchema& schema, const Json& user_data, const std::string& prefix,
                              const Json* system_values) {
  Problems problems("form " + schema.id);
  if (!user_data.is_object()) {
    problems.Add(prefix, &user_data,
                 std::string("expected an object of field values, found ") + user_data.type_name());
    return problems.ToStatus();
  }
  // System fields come from the engine, never from the user.
  Json data = user_data;
  for (const auto& m : user_data.members()) {
    const FieldSpec* f = schema.FindField(m.first);
    if (f && f->system && !m.second.is_null())
      problems.Add(JsonPathChild(prefix, m.first), nullptr,
                   "is filled in by the system (" + f->label.zh + "); leave it out");
  }
  if (system_values && system_values->is_object())
    for (const auto& m : system_values->members()) {
      const FieldSpec* f = schema.FindField(m.first);
      if (f && f->system) data.Set(m.first, m.second);
    }
  Json out = Json::Object();
  for (const auto& m : data.members()) {
    const FieldSpec* f = schema.FindField(m.first);
    std::string path = JsonPathChild(prefix, m.first);
    if (!f) {
      problems.Add(path, nullptr,
                   "unknown field \"" + m.first + "\" (not in form " + schema.id + ")");
      continue;
    }
    const Json& v = m.second;
    if (v.is_null() || (v.is_string() && v.AsString().empty() && f->type != FieldType::kText &&
                        f->type != FieldType::kLongText)) {
      if (f->required) problems.Add(path, nullptr, "is required (" + f->label.zh + ")");
      continue;
    }
    if (f->type == FieldType::kList) {
      if (!v.is_array()) {
        problems.Add(path, nullptr, std::string("expected a list, found ") + v.type_name());
        continue;
      }
      if (f->min_items && static_cast<int64_t>(v.size()) < *f->min_items)
        problems.Add(path, nullptr, "needs at least " + std::to_string(*f->min_items) + " item(s)");
      if (f->max_items && static_cast<int64_t>(v.size()) > *f->max_items)
        problems.Add(path, nullptr, "allows at most " + std::to_string(*f->max_items) + " items");
      Json list = Json::Array();
      for (size_t i = 0; i < v.size(); ++i) {
        Json item;
        std::string err = CheckScalar(*f, f->item_type, v.items()[i], &item);
        if (!err.empty()) problems.Add(JsonPathIndex(path, i), nullptr, err);
        list.Push(std::move(item));
      }
      if (f->required && v.size() == 0)
        problems.Add(path, nullptr, "is required (" + f->label.zh + ")");
      out.Set(m.first, std::move(list));
      continue;
    }
    Json norm;
    std::string err = CheckScalar(*f, f->type, v, &norm);
    if (!err.empty()) {
      problems.Add(path, nullptr, err);
      continue;
    }
    if (f->required && norm.is_string() && norm.AsString().empty()) {
      problems.Add(path, nullptr, "is required (" + f->label.zh + ")");
      continue;
    }
    out.Set(m.first, std::move(norm));
  }
  for (const auto& f : schema.fields)
    if (f.required && !f.system && !data.Has(f.id))
      problems.Add(JsonPathChild(prefix, f.id), nullptr, "is required (" + f.label.zh + ")");
  if (!problems.empty()) return problems.ToStatus();
  return out;
}

}  // namespace erflow
