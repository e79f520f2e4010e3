// CivilDate: a day on the calendar in China Standard Time (Asia/Shanghai, UTC+8, no
// daylight saving), and conversions between it and Instant. All business days, holidays
// and "24:00 of the last day" are reckoned in this zone.
// Thread rules: plain values and pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "erflow/instant.h"
#include "erflow/result.h"

namespace erflow {

constexpr int64_t kChinaUtcOffsetSeconds = 8 * 3600;

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // Days since 1970-01-01 (may be negative).
  int64_t ToDays() const;
  static CivilDate FromDays(int64_t days);
  CivilDate AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  // 1 = Monday ... 7 = Sunday (ISO).
  int Weekday() const;
  bool IsWeekend() const { return Weekday() >= 6; }
  bool IsValid() const;

  // The moment this day begins in China (00:00 +08:00).
  Instant StartInChina() const;
  // The day an instant falls on in China.
  static CivilDate InChina(Instant t);

  // "2025-10-14"
  std::string ToString() const;
  // Accepts "YYYY-MM-DD" only; names what was wrong otherwise.
  static Result<CivilDate> Parse(const std::string& s);

  friend bool operator==(const CivilDate& a, const CivilDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const CivilDate& a, const CivilDate& b) { return !(a == b); }
  friend bool operator<(const CivilDate& a, const CivilDate& b) { return a.ToDays() < b.ToDays(); }
  friend bool operator<=(const CivilDate& a, const CivilDate& b) {
    return a.ToDays() <= b.ToDays();
  }
};

}  // namespace erflow
