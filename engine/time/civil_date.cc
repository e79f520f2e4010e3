// Civil-date arithmetic after Howard Hinnant's days_from_civil / civil_from_days.
#include "erflow/civil_date.h"

#include <cstdio>

namespace erflow {

int64_t CivilDate::ToDays() const {
  int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t m = month;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilDate::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp + (mp < 10 ? 3 : -9);
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int CivilDate::Weekday() const {
  int64_t z = ToDays();  // 1970-01-01 was a Thursday (4)
  int64_t w = ((z % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w + 1);
}

bool CivilDate::IsValid() const {
  if (month < 1 || month > 12 || day < 1) return false;
  return FromDays(ToDays()) == *this;
}

Instant CivilDate::StartInChina() const {
  return Instant{ToDays() * 86400 - kChinaUtcOffsetSeconds};
}

CivilDate CivilDate::InChina(Instant t) {
  int64_t local = t.seconds + kChinaUtcOffsetSeconds;
  int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  return FromDays(days);
}

std::string CivilDate::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Result<CivilDate> CivilDate::Parse(const std::string& s) {
  int y, m, d;
  char tail;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' ||
      std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return Status::InvalidArgument("expected a date as YYYY-MM-DD, got \"" + s + "\"");
  CivilDate c{y, m, d};
  if (!c.IsValid()) return Status::InvalidArgument("no such day: \"" + s + "\"");
  return c;
}

}  // namespace erflow
