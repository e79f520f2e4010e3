// Json value operations and serialization. Parsing lives in json_parser.cc.
#include "erflow/json.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "json/utf8.h"

namespace erflow {

const char* Json::TypeName(Type t) {
  switch (t) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return "boolean";
    case Type::kInt:
      return "integer";
    case Type::kDouble:
      return "number";
    case Type::kString:
      return "string";
    case Type::kArray:
      return "array";
    case Type::kObject:
      return "object";
  }
  return "?";
}

int64_t Json::AsInt() const {
  if (type_ == Type::kInt) return int_;
  if (type_ == Type::kDouble) {
    // Converting a double outside int64's range (or NaN) is undefined behaviour: saturate.
    if (!(double_ > -9223372036854775808.0)) return double_ < 0 ? INT64_MIN : 0;
    if (double_ >= 9223372036854775808.0) return INT64_MAX;
    return static_cast<int64_t>(double_);
  }
  return 0;
}

double Json::AsDouble() const {
  if (type_ == Type::kDouble) return double_;
  if (type_ == Type::kInt) return static_cast<double>(int_);
  return 0;
}

Json& Json::Push(Json v) {
  array_.push_back(std::move(v));
  return array_.back();
}

const Json* Json::Find(const std::string& key) const {
  for (const auto& m : object_)
    if (m.first == key) return &m.second;
  return nullptr;
}

Json* Json::Find(const std::string& key) {
  for (auto& m : object_)
    if (m.first == key) return &m.second;
  return nullptr;
}

Json& Json::Set(const std::string& key, Json v) {
  if (Json* existing = Find(key)) {
    *existing = std::move(v);
    return *existing;
  }
  object_.emplace_back(key, std::move(v));
  return object_.back().second;
}

bool Json::Erase(const std::string& key) {
  for (auto it = object_.begin(); it != object_.end(); ++it)
    if (it->first == key) {
      object_.erase(it);
      return true;
    }
  return false;
}

const Json& Json::operator[](const std::string& key) const {
  static const Json kNull;
  const Json* v = Find(key);
  return v ? *v : kNull;
}

std::string Json::GetString(const std::string& key, const std::string& def) const {
  const Json* v = Find(key);
  return v && v->is_string() ? v->string_ : def;
}

int64_t Json::GetInt(const std::string& key, int64_t def) const {
  const Json* v = Find(key);
  return v && v->is_number() ? v->AsInt() : def;
}

bool Json::GetBool(const std::string& key, bool def) const {
  const Json* v = Find(key);
  return v && v->is_bool() ? v->bool_ : def;
}

size_t Json::size() const {
  if (type_ == Type::kArray) return array_.size();
  if (type_ == Type::kObject) return object_.size();
  return 0;
}

void Json::Reserve(size_t n) {
  if (type_ == Type::kArray) array_.reserve(n);
  if (type_ == Type::kObject) object_.reserve(n);
}

bool operator==(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.int_ == b.int_;
    return a.AsDouble() == b.AsDouble();
  }
  if (a.type_ != b.type_) return false;
  switch (a.type_) {
    case Json::Type::kNull:
      return true;
    case Json::Type::kBool:
      return a.bool_ == b.bool_;
    case Json::Type::kString:
      return a.string_ == b.string_;
    case Json::Type::kArray:
      return a.array_ == b.array_;
    case Json::Type::kObject: {
      if (a.object_.size() != b.object_.size()) return false;
      for (const auto& m : a.object_) {
        const Json* other = b.Find(m.first);
        if (!other || !(*other == m.second)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

namespace {

void DumpString(const std::string& s, std::string* out) {
  out->push_back('"');
  size_t run_start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Well-formed UTF-8 goes out as it is; any other byte becomes U+FFFD, so what is
      // written is always JSON a reader accepts (a path or header may carry any bytes).
      Utf8Error error = Utf8Error::kNone;
      const size_t len = Utf8SequenceAt(s, i, &error);
      if (len > 0) {
        i += len - 1;
        continue;
      }
      out->append(s, run_start, i - run_start);
      run_start = i + 1;
      out->append("\\ufffd");
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s, run_start, i - run_start);  // the plain run before this character
    run_start = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out->append(buf);
      }
    }
  }
  out->append(s, run_start, std::string::npos);
  out->push_back('"');
}

void Newline(std::string* out, int indent, int depth) {
  if (indent <= 0) return;
  out->push_back('\n');
  out->append(static_cast<size_t>(indent * depth), ' ');
}

}  // namespace

void Json::DumpTo(std::string* out, int indent, int depth) const {
  switch (type_) {
    case Type::kNull:
      out->append("null");
      break;
    case Type::kBool:
      out->append(bool_ ? "true" : "false");
      break;
    case Type::kInt:
      out->append(std::to_string(int_));
      break;
    case Type::kDouble: {
      if (!std::isfinite(double_)) {
        out->append("null");
        break;
      }
      char buf[32];
      auto r = std::to_chars(buf, buf + sizeof buf, double_);
      std::string s(buf, r.ptr);
      // Keep a double recognisable as such when read back.
      if (s.find_first_of(".eE") == std::string::npos) s += ".0";
      out->append(s);
      break;
    }
    case Type::kString:
      DumpString(string_, out);
      break;
    case Type::kArray: {
      out->push_back('[');
      for (size_t i = 0; i < array_.size(); ++i) {
        if (i) out->push_back(',');
        Newline(out, indent, depth + 1);
        array_[i].DumpTo(out, indent, depth + 1);
      }
      if (!array_.empty()) Newline(out, indent, depth);
      out->push_back(']');
      break;
    }
    case Type::kObject: {
      out->push_back('{');
      for (size_t i = 0; i < object_.size(); ++i) {
        if (i) out->push_back(',');
        Newline(out, indent, depth + 1);
        DumpString(object_[i].first, out);
        out->append(indent > 0 ? ": " : ":");
        object_[i].second.DumpTo(out, indent, depth + 1);
      }
      if (!object_.empty()) Newline(out, indent, depth);
      out->push_back('}');
      break;
    }
  }
}

std::string Json::Dump() const {
  std::string out;
  DumpTo(&out, 0, 0);
  return out;
}

std::string Json::Pretty() const {
  std::string out;
  DumpTo(&out, 2, 0);
  return out;
}

}  // namespace erflow
