#include "store/sql_connection.h"

namespace erflow {

int64_t SqlInt(const SqlValue& v) {
  if (auto i = std::get_if<int64_t>(&v)) return *i;
  if (auto d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  if (auto s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::stoll(*s);
  return 0;
}

double SqlDouble(const SqlValue& v) {
  if (auto d = std::get_if<double>(&v)) return *d;
  if (auto i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  if (auto s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::stod(*s);
  return 0;
}

std::string SqlText(const SqlValue& v) {
  if (auto s = std::get_if<std::string>(&v)) return *s;
  if (auto i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto d = std::get_if<double>(&v)) return std::to_string(*d);
  return "";
}

bool SqlIsNull(const SqlValue& v) {
  return std::holds_alternative<std::monostate>(v);
}

}  // namespace erflow
