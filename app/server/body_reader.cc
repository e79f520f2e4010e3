#include "server/body_reader.h"

#include "server/api_error.h"

namespace erflow::server {

const Json* BodyReader::Member(const std::string& name, bool required) {
  read_.insert(name);
  const Json* v = body_.Find(name);
  if (v && v->is_null()) v = nullptr;  // an explicit null is the same as leaving it out
  if (!v && required) Problem(name, "is required");
  return v;
}

void BodyReader::Problem(const std::string& name, const std::string& message) {
  problems_.emplace_back(name, message);
}

std::optional<std::string> BodyReader::String(const std::string& name, bool required) {
  const Json* v = Member(name, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Problem(name, std::string("expected a string, found ") + v->type_name());
    return std::nullopt;
  }
  if (required && v->AsString().empty()) {
    Problem(name, "is required");
    return std::nullopt;
  }
  return v->AsString();
}

std::optional<int64_t> BodyReader::Int(const std::string& name, bool required) {
  const Json* v = Member(name, required);
  if (!v) return std::nullopt;
  if (!v->is_int()) {
    Problem(name, std::string("expected an integer, found ") + v->type_name());
    return std::nullopt;
  }
  return v->AsInt();
}

std::optional<bool> BodyReader::Bool(const std::string& name, bool required) {
  const Json* v = Member(name, required);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    Problem(name, std::string("expected true or false, found ") + v->type_name());
    return std::nullopt;
  }
  return v->AsBool();
}

const Json* BodyReader::Object(const std::string& name, bool required) {
  const Json* v = Member(name, required);
  if (!v) return nullptr;
  if (!v->is_object()) {
    Problem(name, std::string("expected an object, found ") + v->type_name());
    return nullptr;
  }
  return v;
}

std::optional<std::vector<std::string>> BodyReader::Strings(const std::string& name,
                                                            bool required) {
  const Json* v = Member(name, required);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    Problem(name, std::string("expected a list of strings, found ") + v->type_name());
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < v->size(); ++i) {
    const Json& item = v->items()[i];
    if (!item.is_string()) {
      Problem(name, "[" + std::to_string(i) + "]: expected a string, found " + item.type_name());
      return std::nullopt;
    }
    out.push_back(item.AsString());
  }
  return out;
}

void BodyReader::Finish() {
  for (const auto& m : body_.members())
    if (!read_.count(m.first)) Problem(m.first, "unknown member (not taken by this request)");
  if (problems_.empty()) return;
  Json fields = Json::Object();
  std::string message;
  for (const auto& [name, text] : problems_) {
    if (Json* existing = fields.Find(name))
      *existing = Json(existing->AsString() + "; " + text);
    else
      fields.Set(name, Json(text));
    message += (message.empty() ? "" : "\n") + name + ": " + text;
  }
  throw ApiError::Invalid(message, std::move(fields));
}

}  // namespace erflow::server
