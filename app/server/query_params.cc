#include "server/query_params.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "erflow/civil_date.h"
#include "erflow/time_format.h"
#include "server/api_error.h"

namespace erflow::server {

QueryParams::QueryParams(const std::string& uri) {
  Poco::URI::QueryParameters params;
  try {
    params = Poco::URI(uri).getQueryParameters();
  } catch (const Poco::Exception& e) {
    throw ApiError::BadRequest("malformed query string: " + e.displayText());
  }
  for (auto& [name, value] : params)
    if (!values_.emplace(name, value).second)
      throw ApiError::BadRequest("query parameter \"" + name + "\" is given more than once");
}

std::optional<std::string> QueryParams::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

int64_t QueryParams::Int(const std::string& name, int64_t def, int64_t min, int64_t max) const {
  auto v = Get(name);
  if (!v) return def;
  const std::string& s = *v;
  bool digits = !s.empty() && s.size() <= 18 && s.find_first_not_of("0123456789") == s.npos;
  int64_t n = digits ? std::stoll(s) : -1;
  if (!digits || n < min || n > max)
    throw ApiError::BadRequest(name + " must be a whole number from " + std::to_string(min) +
                               " to " + std::to_string(max) + ", got \"" + s + "\"");
  return n;
}

std::optional<bool> QueryParams::Bool(const std::string& name) const {
  auto v = Get(name);
  if (!v) return std::nullopt;
  if (*v == "true") return true;
  if (*v == "false") return false;
  throw ApiError::BadRequest(name + " must be true or false, got \"" + *v + "\"");
}

std::optional<Instant> QueryParams::Time(const std::string& name, bool end_of_day) const {
  auto v = Get(name);
  if (!v) return std::nullopt;
  if (v->size() == 10) {
    auto day = CivilDate::Parse(*v);
    if (!day.ok()) throw ApiError::BadRequest(name + ": " + day.status().message());
    CivilDate d = *day;
    if (end_of_day) d = d.AddDays(1);
    Instant start = d.StartInChina();
    return end_of_day ? start.Plus(-1) : start;
  }
  auto t = ParseTimestamp(*v);
  if (!t.ok()) throw ApiError::BadRequest(name + ": " + t.status().message());
  return *t;
}

std::map<std::string, std::string> QueryParams::WithPrefix(const std::string& prefix) const {
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : values_)
    if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0)
      out.emplace(name.substr(prefix.size()), value);
  return out;
}

void QueryParams::OnlyKnown(const std::set<std::string>& names,
                            const std::vector<std::string>& prefixes) const {
  for (const auto& [name, value] : values_) {
    if (names.count(name)) continue;
    bool prefixed = false;
    for (const auto& p : prefixes)
      prefixed |= name.size() > p.size() && name.compare(0, p.size(), p) == 0;
    if (!prefixed) throw ApiError::BadRequest("unknown query parameter \"" + name + "\"");
  }
}

}  // namespace erflow::server
