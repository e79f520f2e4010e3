// Helpers for reading typed fields out of an erflow::Json while naming, in every error,
// where the value sits: "calendars/2025.json:14:9: holidays[2].last: <what was expected>".
// Private to engine/time (calendar files and deadline rules); the same shape of message
// as the JSON syntax errors in json_parser.cc, so an author sees one style everywhere.
// Thread rules: pure functions.
#pragma once

#include <string>
#include <vector>

#include "erflow/json.h"
#include "erflow/status.h"

namespace erflow::json_field {

// "a.b" ("b" at top level).
inline std::string Key(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

// "a[3]".
inline std::string Index(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// InvalidArgument "SOURCE:LINE:COL: PATH: message". The position is left out when the
// value was built in code (line 0), the source when there is none, the path at the root.
inline Status Error(const std::string& source, const Json& at, const std::string& path,
                    const std::string& message) {
  std::string where = source;
  if (at.line() > 0) {
    where += (where.empty() ? "line " : ":") + std::to_string(at.line()) + ":" +
             std::to_string(at.column());
  }
  std::string text = where.empty() ? "" : where + ": ";
  if (!path.empty()) text += path + ": ";
  return Status::InvalidArgument(text + message).WithDetails({{path, message}});
}

// "expected <what>, got <json type>".
inline Status TypeError(const std::string& source, const Json& at, const std::string& path,
                        const std::string& what) {
  return Error(source, at, path, "expected " + what + ", got " + at.type_name());
}

// The first key of `obj` not in `allowed`, reported with the keys that are allowed, so a
// misspelt "adjustedWorkingDay" is not silently ignored.
inline Status CheckKeys(const std::string& source, const Json& obj, const std::string& path,
                        const std::vector<std::string>& allowed) {
  for (const auto& member : obj.members()) {
    bool known = false;
    for (const auto& a : allowed) known = known || a == member.first;
    if (known) continue;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    return Error(source, member.second, Key(path, member.first),
                 "unknown key; expected one of: " + list);
  }
  return Status::Ok();
}

// A required member, or an error at the object naming the missing key.
inline Status Require(const std::string& source, const Json& obj, const std::string& path,
                      const std::string& key, const Json** out) {
  *out = obj.Find(key);
  if (*out == nullptr) return Error(source, obj, path, "missing required key \"" + key + "\"");
  return Status::Ok();
}

}  // namespace erflow::json_field
