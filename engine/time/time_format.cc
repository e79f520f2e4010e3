#include "erflow/time_format.h"

#include <cctype>
#include <cstdio>

#include "erflow/civil_date.h"

namespace erflow {
namespace {

bool Digits(const std::string& s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[pos + i]))) return false;
    v = v * 10 + (s[pos + i] - '0');
  }
  *out = v;
  return true;
}

void LocalParts(Instant t, CivilDate* date, int* hour, int* minute, int* second) {
  *date = CivilDate::InChina(t);
  int64_t secs = t.seconds + kChinaUtcOffsetSeconds - date->ToDays() * 86400;
  *hour = static_cast<int>(secs / 3600);
  *minute = static_cast<int>(secs / 60 % 60);
  *second = static_cast<int>(secs % 60);
}

}  // namespace

Result<Instant> ParseTimestamp(const std::string& text) {
  const std::string bad = "expected a time as YYYY-MM-DDTHH:MM[:SS] with an offset (+08:00 or Z), got \"" +
                          text + "\"";
  int y, mo, d, h, mi, s = 0;
  if (!Digits(text, 0, 4, &y) || text.size() < 16 || text[4] != '-' || !Digits(text, 5, 2, &mo) ||
      text[7] != '-' || !Digits(text, 8, 2, &d) || (text[10] != 'T' && text[10] != ' ') ||
      !Digits(text, 11, 2, &h) || text[13] != ':' || !Digits(text, 14, 2, &mi))
    return Status::InvalidArgument(bad);
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!Digits(text, pos + 1, 2, &s)) return Status::InvalidArgument(bad);
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      size_t start = pos;
      while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
      if (pos == start) return Status::InvalidArgument(bad);
    }
  }
  int64_t offset;
  if (pos == text.size())
    return Status::InvalidArgument("time \"" + text +
                                   "\" has no offset; write it with +08:00 (China) or Z (UTC)");
  if (text[pos] == 'Z' && pos + 1 == text.size()) {
    offset = 0;
  } else if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size() && text[pos + 3] == ':') {
    int oh, om;
    if (!Digits(text, pos + 1, 2, &oh) || !Digits(text, pos + 4, 2, &om) || oh > 18 || om > 59)
      return Status::InvalidArgument(bad);
    offset = (oh * 3600 + om * 60) * (text[pos] == '-' ? -1 : 1);
  } else {
    return Status::InvalidArgument(bad);
  }
  CivilDate date{y, mo, d};
  if (!date.IsValid() || h > 23 || mi > 59 || s > 59)
    return Status::InvalidArgument("no such time: \"" + text + "\"");
  return Instant{date.ToDays() * 86400 + h * 3600 + mi * 60 + s - offset};
}

std::string FormatTimestamp(Instant t) {
  CivilDate d;
  int h, m, s;
  LocalParts(t, &d, &h, &m, &s);
  if (d.year < 0 || d.year > 9999) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", d.year, d.month, d.day, h,
                  m, s);
    return buf;
  }
  // Written digit by digit: every API answer and history entry formats times, and
  // snprintf is the larger part of building a queue page.
  std::string out = "0000-00-00T00:00:00+08:00";
  auto put = [&out](size_t pos, int v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10) out[pos + i] = static_cast<char>('0' + v % 10);
  };
  put(0, d.year, 4);
  put(5, d.month, 2);
  put(8, d.day, 2);
  put(11, h, 2);
  put(14, m, 2);
  put(17, s, 2);
  return out;
}

std::string FormatChineseDateTime(Instant t) {
  CivilDate d;
  int h, m, s;
  LocalParts(t, &d, &h, &m, &s);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d年%02d月%02d日 %02d:%02d", d.year, d.month, d.day, h, m);
  return buf;
}

std::string FormatChineseDate(Instant t) {
  CivilDate d = CivilDate::InChina(t);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d年%02d月%02d日", d.year, d.month, d.day);
  return buf;
}

}  // namespace erflow
