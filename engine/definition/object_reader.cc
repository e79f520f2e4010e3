#include "definition/object_reader.h"

namespace erflow {

bool IsIdentifier(const std::string& s) {
  if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

ObjectReader::ObjectReader(const Json& value, std::string path, Problems* problems)
    : value_(value), path_(std::move(path)), problems_(problems), valid_(value.is_object()) {
  if (!valid_)
    problems_->Add(path_.empty() ? "(top level)" : path_, &value_,
                   std::string("expected an object, found ") + value_.type_name());
}

void ObjectReader::Error(const std::string& key, const std::string& message) {
  const Json* at = valid_ ? value_.Find(key) : nullptr;
  problems_->Add(PathOf(key), at ? at : &value_, message);
}

const Json* ObjectReader::Lookup(const std::string& key, bool required, Json::Type want,
                                 const char* what) {
  known_.insert(key);
  if (!valid_) return nullptr;
  const Json* v = value_.Find(key);
  if (!v) {
    if (required) problems_->Add(PathOf(key), &value_, std::string("missing required ") + what);
    return nullptr;
  }
  bool type_ok = want == Json::Type::kNull || v->type() == want ||
                 (want == Json::Type::kDouble && v->is_number());
  if (!type_ok) {
    problems_->Add(PathOf(key), v, std::string("expected ") + what + ", found " + v->type_name());
    return nullptr;
  }
  return v;
}

std::optional<std::string> ObjectReader::String(const std::string& key, bool required) {
  const Json* v = Lookup(key, required, Json::Type::kString, "string");
  if (!v) return std::nullopt;
  return v->AsString();
}

std::optional<int64_t> ObjectReader::Int(const std::string& key, bool required) {
  const Json* v = Lookup(key, required, Json::Type::kInt, "integer");
  if (!v) return std::nullopt;
  return v->AsInt();
}

std::optional<double> ObjectReader::Number(const std::string& key, bool required) {
  const Json* v = Lookup(key, required, Json::Type::kDouble, "number");
  if (!v) return std::nullopt;
  return v->AsDouble();
}

std::optional<bool> ObjectReader::Bool(const std::string& key, bool required) {
  const Json* v = Lookup(key, required, Json::Type::kBool, "boolean (true or false)");
  if (!v) return std::nullopt;
  return v->AsBool();
}

const Json* ObjectReader::Any(const std::string& key, bool required) {
  return Lookup(key, required, Json::Type::kNull, "value");
}

const Json* ObjectReader::Array(const std::string& key, bool required, size_t min_items) {
  const Json* v = Lookup(key, required, Json::Type::kArray, "array");
  if (v && v->size() < min_items) {
    problems_->Add(
        PathOf(key), v,
        "expected at least " + std::to_string(min_items) + " item" + (min_items == 1 ? "" : "s"));
  }
  return v;
}

const Json* ObjectReader::Object(const std::string& key, bool required) {
  return Lookup(key, required, Json::Type::kObject, "object");
}

std::optional<LocalizedText> ObjectReader::Text(const std::string& key, bool required) {
  const Json* v = Lookup(key, required, Json::Type::kObject, "object {\"zh\": ..., \"en\": ...}");
  if (!v) return std::nullopt;
  ObjectReader r(*v, PathOf(key), problems_);
  auto zh = r.String("zh", true);
  auto en = r.String("en", false);
  r.RejectUnknownKeys();
  if (zh && zh->empty()) r.Error("zh", "must not be empty");
  if (!zh) return std::nullopt;
  return LocalizedText{*zh, en.value_or("")};
}

std::optional<std::string> ObjectReader::Id(const std::string& key, bool required) {
  auto s = String(key, required);
  if (s && !IsIdentifier(*s)) {
    Error(key, "\"" + *s +
                   "\" is not a valid id (lowercase letters, digits, '-' or '_', starting with a "
                   "letter, at most 64 characters)");
    return std::nullopt;
  }
  return s;
}

void ObjectReader::RejectUnknownKeys() {
  if (!valid_) return;
  for (const auto& m : value_.members()) {
    if (known_.count(m.first)) continue;
    std::string expected;
    for (const auto& k : known_) expected += (expected.empty() ? "" : ", ") + k;
    problems_->Add(PathOf(m.first), &m.second,
                   "unknown key \"" + m.first + "\" (expected one of: " + expected + ")");
  }
}

}  // namespace erflow
