// Parsing of forms/*.json into FormSchema. Validation of submitted data is in
// form_validation.cc.
#include "erflow/form_schema.h"

#include <set>

#include "definition/object_reader.h"

namespace erflow {

namespace {
struct TypeName {
  FieldType type;
  const char* name;
};
constexpr TypeName kTypeNames[] = {
    {FieldType::kText, "text"},         {FieldType::kLongText, "longtext"},
    {FieldType::kInteger, "integer"},   {FieldType::kDecimal, "decimal"},
    {FieldType::kDateTime, "datetime"}, {FieldType::kEnum, "enum"},
    {FieldType::kBoolean, "boolean"},   {FieldType::kList, "list"},
};

void ReadEnumValues(ObjectReader& r, FieldSpec* f) {
  const Json* values = r.Array("values", true, 1);
  if (!values) return;
  std::set<std::string> seen;
  for (size_t i = 0; i < values->size(); ++i) {
    ObjectReader v(values->items()[i], JsonPathIndex(r.PathOf("values"), i), r.problems());
    auto id = v.String("id", true);
    auto zh = v.String("zh", true);
    auto en = v.String("en", false);
    v.RejectUnknownKeys();
    if (!id) continue;
    if (!seen.insert(*id).second) v.Error("id", "duplicate enum value \"" + *id + "\"");
    f->values.push_back(EnumValue{*id, LocalizedText{zh.value_or(""), en.value_or("")}});
  }
}

void ReadField(const Json& doc, const std::string& path, Problems* problems, FieldSpec* f) {
  ObjectReader r(doc, path, problems);
  auto id = r.Id("id", true);
  auto type = r.String("type", true);
  auto label = r.Text("label", true);
  auto help = r.Text("help", false);
  f->id = id.value_or("");
  f->label = label.value_or(LocalizedText{});
  f->help = help.value_or(LocalizedText{});
  f->required = r.Bool("required", false).value_or(false);
  f->unit = r.String("unit", false).value_or("");
  f->system = r.Bool("system", false).value_or(false);
  if (!type) {
    r.RejectUnknownKeys();
    return;
  }
  auto t = FieldTypeFromName(*type);
  if (!t) {
    r.Error("type", "unknown field type \"" + *type +
                        "\" (expected text, longtext, integer, decimal, datetime, enum, boolean "
                        "or list)");
    r.RejectUnknownKeys();
    return;
  }
  f->type = *t;
  switch (*t) {
    case FieldType::kText:
    case FieldType::kLongText:
      f->min_length = r.Int("minLength", false);
      f->max_length = r.Int("maxLength", false);
      if (!f->max_length) f->max_length = *t == FieldType::kText ? 200 : 20000;
      break;
    case FieldType::kInteger:
    case FieldType::kDecimal:
      f->min = r.Number("min", false);
      f->max = r.Number("max", false);
      if (f->min && f->max && *f->min > *f->max) r.Error("max", "max is less than min");
      break;
    case FieldType::kEnum:
      ReadEnumValues(r, f);
      break;
    case FieldType::kList: {
      auto item = r.String("items", true);
      if (item) {
        auto it = FieldTypeFromName(*item);
        if (!it || *it == FieldType::kList || *it == FieldType::kBoolean ||
            *it == FieldType::kLongText)
          r.Error("items", "list items must be text, integer, decimal, datetime or enum, not \"" +
                               *item + "\"");
        else
          f->item_type = *it;
        if (it == FieldType::kEnum) ReadEnumValues(r, f);
      }
      f->min_items = r.Int("minItems", false);
      f->max_items = r.Int("maxItems", false);
      if (!f->max_items) f->max_items = 100;
      break;
    }
    case FieldType::kDateTime:
    case FieldType::kBoolean:
      break;
  }
  r.RejectUnknownKeys();
}

}  // namespace

const char* FieldTypeName(FieldType t) {
  for (const auto& n : kTypeNames)
    if (n.type == t) return n.name;
  return "?";
}

std::optional<FieldType> FieldTypeFromName(const std::string& name) {
  for (const auto& n : kTypeNames)
    if (name == n.name) return n.type;
  return std::nullopt;
}

const EnumValue* FieldSpec::FindValue(const std::string& value_id) const {
  for (const auto& v : values)
    if (v.id == value_id) return &v;
  return nullptr;
}

const FieldSpec* FormSchema::FindField(const std::string& field_id) const {
  for (const auto& f : fields)
    if (f.id == field_id) return &f;
  return nullptr;
}

Result<FormSchema> ParseFormSchema(const Json& doc, const std::string& source_file) {
  Problems problems(source_file);
  FormSchema form;
  form.source_file = source_file;
  ObjectReader r(doc, "", &problems);
  form.id = r.Id("id", true).value_or("");
  form.name = r.Text("name", true).value_or(LocalizedText{});
  r.String("$comment", false);
  const Json* fields = r.Array("fields", true, 1);
  r.RejectUnknownKeys();
  if (fields) {
    std::set<std::string> seen;
    for (size_t i = 0; i < fields->size(); ++i) {
      FieldSpec f;
      std::string path = JsonPathIndex("fields", i);
      ReadField(fields->items()[i], path, &problems, &f);
      if (!f.id.empty() && !seen.insert(f.id).second)
        problems.Add(JsonPathChild(path, "id"), &fields->items()[i],
                     "duplicate field id \"" + f.id + "\"");
      form.fields.push_back(std::move(f));
    }
  }
  if (!problems.empty()) return problems.ToStatus();
  return form;
}

namespace {
Json TextJson(const LocalizedText& t) {
  Json j = Json::Object();
  j.Set("zh", Json(t.zh));
  if (!t.en.empty()) j.Set("en", Json(t.en));
  return j;
}
}  // namespace

Json FormSchema::ToJson() const {
  Json j = Json::Object();
  j.Set("id", Json(id));
  j.Set("name", TextJson(name));
  Json fs = Json::Array();
  for (const auto& f : fields) {
    Json fj = Json::Object();
    fj.Set("id", Json(f.id));
    fj.Set("type", Json(FieldTypeName(f.type)));
    fj.Set("label", TextJson(f.label));
    if (!f.help.zh.empty()) fj.Set("help", TextJson(f.help));
    fj.Set("required", Json(f.required));
    if (f.system) fj.Set("system", Json(true));
    if (f.min_length) fj.Set("minLength", Json(*f.min_length));
    if (f.max_length) fj.Set("maxLength", Json(*f.max_length));
    if (f.min) fj.Set("min", Json(*f.min));
    if (f.max) fj.Set("max", Json(*f.max));
    if (!f.unit.empty()) fj.Set("unit", Json(f.unit));
    if (f.type == FieldType::kList) {
      fj.Set("items", Json(FieldTypeName(f.item_type)));
      if (f.min_items) fj.Set("minItems", Json(*f.min_items));
      if (f.max_items) fj.Set("maxItems", Json(*f.max_items));
    }
    if (!f.values.empty()) {
      Json vs = Json::Array();
      for (const auto& v : f.values) {
        Json vj = Json::Object();
        vj.Set("id", Json(v.id));
        vj.Set("zh", Json(v.label.zh));
        if (!v.label.en.empty()) vj.Set("en", Json(v.label.en));
        vs.Push(std::move(vj));
      }
      fj.Set("values", std::move(vs));
    }
    fs.Push(std::move(fj));
  }
  j.Set("fields", std::move(fs));
  return j;
}

}  // namespace erflow
