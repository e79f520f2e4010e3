// ObjectReader: walks one JSON object of a schema-checked file (definition, form, ...),
// reading declared keys with their expected types and reporting, into a Problems list,
// every missing required key, wrong type and unknown key with its JSON path and position.
// Internal to the engine. Thread rules: single-threaded, short-lived.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "erflow/json.h"
#include "erflow/localized_text.h"
#include "erflow/problems.h"

namespace erflow {

class ObjectReader {
 public:
  // If `value` is not an object, reports that once and every read returns nothing.
  ObjectReader(const Json& value, std::string path, Problems* problems);
  ~ObjectReader() = default;

  bool valid() const { return valid_; }
  const std::string& path() const { return path_; }
  std::string PathOf(const std::string& key) const { return JsonPathChild(path_, key); }
  Problems* problems() const { return problems_; }

  // Each Get marks the key as known. Required keys report when absent.
  std::optional<std::string> String(const std::string& key, bool required);
  std::optional<int64_t> Int(const std::string& key, bool required);
  std::optional<double> Number(const std::string& key, bool required);
  std::optional<bool> Bool(const std::string& key, bool required);
  // Returns the raw value (any type) or nullptr.
  const Json* Any(const std::string& key, bool required);
  // The value must be an array (empty allowed unless min_items > 0).
  const Json* Array(const std::string& key, bool required, size_t min_items = 0);
  const Json* Object(const std::string& key, bool required);
  // A {"zh": ..., "en": ...} object; zh is required, en optional.
  std::optional<LocalizedText> Text(const std::string& key, bool required);
  // An identifier: lowercase letters, digits, '-' and '_', starting with a letter.
  std::optional<std::string> Id(const std::string& key, bool required);

  // Reports every key not read. Call once after all reads.
  void RejectUnknownKeys();

  void Error(const std::string& key, const std::string& message);

 private:
  const Json* Lookup(const std::string& key, bool required, Json::Type want, const char* what);

  const Json& value_;
  std::string path_;
  Problems* problems_;
  bool valid_;
  std::set<std::string> known_;
};

// True for identifiers as ObjectReader::Id accepts them.
bool IsIdentifier(const std::string& s);

}  // namespace erflow
