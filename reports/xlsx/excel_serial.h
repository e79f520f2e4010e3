// Excel date serials for instants, reckoned in China Standard Time (UTC+8): what makes a
// register's dates real dates that sort, filter and subtract in Excel, rather than text.
// Excel's 1900 date system counts 1970-01-01 as serial 25569; its phantom 29 Feb 1900
// only shifts serials below 61, so anything from 1900-03-01 on is exact.
// Thread rules: pure functions.
#pragma once

#include <cstdint>

#include "erflow/civil_date.h"
#include "erflow/instant.h"

namespace erflow::reports {

constexpr int64_t kExcelSerialOfUnixEpoch = 25569;
constexpr int64_t kSecondsPerDay = 86400;
// 1900-03-01T00:00+08:00 and 9999-12-31T24:00+08:00: Excel shows nothing outside them.
constexpr int64_t kFirstExcelInstant =
    (61 - kExcelSerialOfUnixEpoch) * kSecondsPerDay - kChinaUtcOffsetSeconds;
constexpr int64_t kEndExcelInstant =
    (2958466 - kExcelSerialOfUnixEpoch) * kSecondsPerDay - kChinaUtcOffsetSeconds;

inline bool InExcelRange(Instant t) {
  return t.seconds >= kFirstExcelInstant && t.seconds < kEndExcelInstant;
}

// Date and time of day in China, as a fractional serial.
inline double ExcelSerialInChina(Instant t) {
  return static_cast<double>(t.seconds + kChinaUtcOffsetSeconds) / kSecondsPerDay +
         kExcelSerialOfUnixEpoch;
}

// The China calendar day only (a whole serial), for columns that are dates, not moments.
inline double ExcelDayInChina(Instant t) {
  int64_t local = t.seconds + kChinaUtcOffsetSeconds;
  int64_t days = local / kSecondsPerDay - (local % kSecondsPerDay < 0 ? 1 : 0);
  return static_cast<double>(days + kExcelSerialOfUnixEpoch);
}

}  // namespace erflow::reports
