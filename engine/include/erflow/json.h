// Json: the engine's JSON value. Definitions, form schemas, calendars, form data, history
// events and API bodies all pass through it.
//
// Why not Poco::JSON: its parser reports a syntax error without line or column, and
// definition authors need "workflows/x.json:14:9: expected ',' or '}'". This reader keeps
// the source position of every value so that later validation can point at it too.
// Objects keep insertion order, so Dump() is deterministic: the audit chain hashes it.
//
// Thread rules: a plain value type; concurrent reads of one value are safe.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "erflow/result.h"

namespace erflow {

class Json {
 public:
  enum class Type { kNull, kBool, kInt, kDouble, kString, kArray, kObject };
  using Member = std::pair<std::string, Json>;

  Json() = default;
  Json(std::nullptr_t) {}                                               // NOLINT
  Json(bool b) : type_(Type::kBool), bool_(b) {}                        // NOLINT
  Json(int i) : type_(Type::kInt), int_(i) {}                           // NOLINT
  Json(int64_t i) : type_(Type::kInt), int_(i) {}                       // NOLINT
  Json(double d) : type_(Type::kDouble), double_(d) {}                  // NOLINT
  Json(std::string s) : type_(Type::kString), string_(std::move(s)) {}  // NOLINT
  Json(const char* s) : type_(Type::kString), string_(s) {}             // NOLINT
  static Json Array() {
    Json j;
    j.type_ = Type::kArray;
    return j;
  }
  static Json Object() {
    Json j;
    j.type_ = Type::kObject;
    return j;
  }

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_bool() const { return type_ == Type::kBool; }
  bool is_int() const { return type_ == Type::kInt; }
  bool is_number() const { return type_ == Type::kInt || type_ == Type::kDouble; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }
  // "null", "boolean", "integer", "number", "string", "array", "object"
  static const char* TypeName(Type t);
  const char* type_name() const { return TypeName(type_); }

  // Accessors return a neutral value when the type does not match; check the type first
  // where it matters.
  bool AsBool() const { return type_ == Type::kBool && bool_; }
  // A double is truncated toward zero, saturating at int64's limits (NaN: 0).
  int64_t AsInt() const;
  double AsDouble() const;
  const std::string& AsString() const { return string_; }

  // Arrays.
  const std::vector<Json>& items() const { return array_; }
  std::vector<Json>& items() { return array_; }
  Json& Push(Json v);

  // Objects (insertion-ordered).
  const std::vector<Member>& members() const { return object_; }
  const Json* Find(const std::string& key) const;
  Json* Find(const std::string& key);
  bool Has(const std::string& key) const { return Find(key) != nullptr; }
  // Replaces the value of an existing key or appends a new one.
  Json& Set(const std::string& key, Json v);
  // Appends a member without looking for an existing one: for building objects whose
  // keys are known to be distinct (snapshots, events). REQUIRES: !Has(key).
  Json& Add(std::string key, Json v) {
    object_.emplace_back(std::move(key), std::move(v));
    return object_.back().second;
  }
  // Removes `key` if present; returns whether it was.
  bool Erase(const std::string& key);
  // Value of `key`, or a shared null when absent.
  const Json& operator[](const std::string& key) const;
  // Convenience typed getters with a default for absent or mistyped keys.
  std::string GetString(const std::string& key, const std::string& def = "") const;
  int64_t GetInt(const std::string& key, int64_t def = 0) const;
  bool GetBool(const std::string& key, bool def = false) const;

  size_t size() const;
  // Makes room for `n` items or members, for builders that know how many they will add.
  void Reserve(size_t n);

  // Compact serialization, UTF-8 kept as is. Deterministic for equal values.
  std::string Dump() const;
  // Indented serialization for people.
  std::string Pretty() const;

  // Structural equality (positions ignored; an integer equals the same double).
  friend bool operator==(const Json& a, const Json& b);
  friend bool operator!=(const Json& a, const Json& b) { return !(a == b); }

  // Where the value started in its source text (1-based), 0 when built in code.
  int line() const { return line_; }
  int column() const { return column_; }
  void set_position(int line, int column) {
    line_ = line;
    column_ = column;
  }

 private:
  void DumpTo(std::string* out, int indent, int depth) const;

  Type type_ = Type::kNull;
  bool bool_ = false;
  int64_t int_ = 0;
  double double_ = 0;
  std::string string_;
  std::vector<Json> array_;
  std::vector<Member> object_;
  int line_ = 0;
  int column_ = 0;
};

// Parses `text`. A syntax error is InvalidArgument "SOURCE:LINE:COL: what was expected".
// Rejects invalid UTF-8, duplicate keys in one object, and nesting deeper than 128.
Result<Json> ParseJson(const std::string& text, const std::string& source_name);

// Reads and parses a file; the file name is the source name in errors.
Result<Json> ParseJsonFile(const std::string& path);

}  // namespace erflow
