// QueryParams: the query string of a request, decoded, with typed getters that refuse a
// malformed value (400 bad_request naming the parameter) rather than guessing. A
// parameter given twice, or one the endpoint does not take, is refused too: a UI bug
// should fail loudly, not filter silently on half of what was meant.
// Thread rules: one request's thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "erflow/instant.h"

namespace erflow::server {

class QueryParams {
 public:
  // Throws ApiError 400 for a duplicated parameter or bad percent-encoding.
  explicit QueryParams(const std::string& uri);

  std::optional<std::string> Get(const std::string& name) const;
  // A whole number in [min, max]; `def` when absent.
  int64_t Int(const std::string& name, int64_t def, int64_t min, int64_t max) const;
  // "true" or "false".
  std::optional<bool> Bool(const std::string& name) const;
  // An ISO-8601 time with offset, or a day YYYY-MM-DD in China time: its first second,
  // or with `end_of_day` its last.
  std::optional<Instant> Time(const std::string& name, bool end_of_day) const;
  // Every parameter named "<prefix><rest>", as rest → value.
  std::map<std::string, std::string> WithPrefix(const std::string& prefix) const;

  // Throws 400 naming the first parameter neither in `names` nor starting with one of
  // `prefixes`.
  void OnlyKnown(const std::set<std::string>& names,
                 const std::vector<std::string>& prefixes = {}) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace erflow::server
