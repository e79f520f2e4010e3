// Instant: a moment in time, as whole seconds since the Unix epoch (UTC). Deadlines in
// this domain are minutes to days long; seconds are the finest grain anyone signs for.
// Rendering and parsing (ISO-8601 with offsets, 2025年10月14日 17:00) live in time_format.h.
#pragma once

#include <cstdint>

namespace erflow {

struct Instant {
  int64_t seconds = 0;  // since 1970-01-01T00:00:00Z

  static constexpr Instant FromUnix(int64_t s) { return Instant{s}; }
  constexpr Instant Plus(int64_t s) const { return Instant{seconds + s}; }
  friend constexpr bool operator==(Instant a, Instant b) { return a.seconds == b.seconds; }
  friend constexpr bool operator!=(Instant a, Instant b) { return a.seconds != b.seconds; }
  friend constexpr bool operator<(Instant a, Instant b) { return a.seconds < b.seconds; }
  friend constexpr bool operator<=(Instant a, Instant b) { return a.seconds <= b.seconds; }
  friend constexpr bool operator>(Instant a, Instant b) { return a.seconds > b.seconds; }
  friend constexpr bool operator>=(Instant a, Instant b) { return a.seconds >= b.seconds; }
};

}  // namespace erflow
