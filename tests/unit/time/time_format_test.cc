#include <catch2/catch.hpp>

#include "erflow/civil_date.h"
#include "erflow/time_format.h"

using namespace erflow;

TEST_CASE("timestamps with any offset convert to China time") {
  auto a = ParseTimestamp("2025-10-14T17:00:00+08:00");
  auto b = ParseTimestamp("2025-10-14T09:00Z");
  auto c = ParseTimestamp("2025-10-14T04:00:00-05:00");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(c.ok());
  CHECK(*a == *b);
  CHECK(*a == *c);
  CHECK(FormatTimestamp(*c) == "2025-10-14T17:00:00+08:00");
  CHECK(FormatChineseDateTime(*a) == "2025年10月14日 17:00");
  CHECK(FormatChineseDate(*a) == "2025年10月14日");
}

TEST_CASE("timestamps without an offset or impossible ones are refused") {
  CHECK_THAT(ParseTimestamp("2025-10-14T17:00:00").status().message(), Catch::Contains("no offset"));
  CHECK_FALSE(ParseTimestamp("2025-02-30T10:00:00+08:00").ok());
  CHECK_FALSE(ParseTimestamp("2025-10-14T24:00:00+08:00").ok());
  CHECK_FALSE(ParseTimestamp("yesterday").ok());
}

TEST_CASE("civil dates know weekdays and China day boundaries") {
  CivilDate d{2025, 10, 11};
  CHECK(d.Weekday() == 6);  // Saturday
  CHECK(d.AddDays(3) == CivilDate{2025, 10, 14});
  auto late = ParseTimestamp("2025-10-14T23:30:00+08:00");
  CHECK(CivilDate::InChina(*late) == CivilDate{2025, 10, 14});
  auto utc = ParseTimestamp("2025-10-14T16:30:00Z");  // 00:30 on the 15th in China
  CHECK(CivilDate::InChina(*utc) == CivilDate{2025, 10, 15});
  CHECK(CivilDate{2024, 12, 31}.AddDays(1) == CivilDate{2025, 1, 1});
  CHECK(CivilDate::Parse("2025-13-01").status().message() == "no such day: \"2025-13-01\"");
}
