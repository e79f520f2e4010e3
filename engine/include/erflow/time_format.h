// Reading and writing moments as people and other systems exchange them.
// Stored and exchanged: ISO-8601 with an explicit offset, always rendered in +08:00.
// Shown to users: 2025年10月14日 17:00.
// Thread rules: pure functions.
#pragma once

#include <string>

#include "erflow/instant.h"
#include "erflow/result.h"

namespace erflow {

// Parses "2025-10-14T17:00:00+08:00", "2025-10-14T09:00Z", "2025-10-14 17:00:00-05:00",
// fractional seconds dropped. A time without an explicit offset is refused: guessing the
// zone of a statutory deadline is how reports become late.
Result<Instant> ParseTimestamp(const std::string& text);

// "2025-10-14T17:00:00+08:00"
std::string FormatTimestamp(Instant t);
// "2025年10月14日 17:00"
std::string FormatChineseDateTime(Instant t);
// "2025年10月14日"
std::string FormatChineseDate(Instant t);

}  // namespace erflow
