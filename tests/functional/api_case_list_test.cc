// The case list's filters through the API — plan, status, unit, level and other summary
// fields, opened-at ranges by time or day, and paging — each an engine query.
#include "functional/api_server.h"

using namespace erflow;
using namespace erflow::test;

namespace {

std::vector<int64_t> Ids(const ApiClient& c, const std::string& query) {
  auto r = c.Get("/api/v1/cases" + query);
  INFO(query << ": " << r.body);
  REQUIRE(r.status == 200);
  std::vector<int64_t> out;
  const Json j = r.json();
  for (const auto& x : j["cases"].items()) out.push_back(x.GetInt("id"));
  return out;
}

void Assess(const ApiWorld& world, const ApiClient& clerk, const ApiClient& boss, int64_t id,
            const char* level) {
  auto s = world.Act(clerk, id, "assess", "submit",
                     Obj({{"form", Obj({{"nature", Json("genuine")}, {"level", Json(level)}})}}));
  REQUIRE(s.status == 200);
  REQUIRE(world.Act(boss, id, "assess", "approve").status == 200);
}

}  // namespace

TEST_CASE("api: case list filters and paging", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1"), boss = world.As("boss1");
  const int64_t a = world.OpenBasicCase(clerk, "A");
  const int64_t b = world.OpenBasicCase(clerk, "B");
  Assess(world, clerk, boss, a, "II");
  Assess(world, clerk, boss, b, "III");
  // Two days later: another case, and one withdrawn at once (closed).
  world.Start("2025-10-02T10:00:00+08:00");
  clerk = world.As("clerk1");
  const int64_t c = world.OpenBasicCase(clerk, "C");
  const int64_t d = world.OpenBasicCase(clerk, "D");
  REQUIRE(world.Act(clerk, d, "report", "withdraw").status == 200);
  const int64_t other = world.OpenBasicCase(world.As("otherclerk"), "E");
  ApiClient archivist = world.As("archivist1");

  CHECK(Ids(clerk, "") == std::vector<int64_t>{a, b, c, d});
  CHECK(Ids(archivist, "") == std::vector<int64_t>{a, b, c, d, other});
  CHECK(Ids(clerk, "?level=II") == std::vector<int64_t>{a});
  CHECK(Ids(clerk, "?level=III") == std::vector<int64_t>{b});
  CHECK(Ids(clerk, "?level=I").empty());
  CHECK(Ids(clerk, "?field.title=C") == std::vector<int64_t>{c});
  CHECK(Ids(clerk, "?status=closed") == std::vector<int64_t>{d});
  CHECK(Ids(clerk, "?status=active&plan=incident-basic") == std::vector<int64_t>{a, b, c});
  CHECK(Ids(clerk, "?plan=network-security").empty());
  CHECK(Ids(archivist, "?unit=township") == std::vector<int64_t>{other});
  CHECK(Ids(clerk, "?from=2025-10-01") == std::vector<int64_t>{c, d});
  CHECK(Ids(clerk, "?to=2025-09-30") == std::vector<int64_t>{a, b});
  CHECK(Ids(clerk, "?from=2025-09-30T09:00:00%2B08:00&to=2025-09-30T09:00:00%2B08:00") ==
        std::vector<int64_t>{a, b});
  CHECK(Ids(clerk, "?from=2025-10-02T10:00:01%2B08:00").empty());
  CHECK(Ids(clerk, "?overdue=true").empty());
  CHECK(Ids(clerk, "?overdue=false") == std::vector<int64_t>{a, b, c, d});
  // Paging: next_after leads through every page, and is null after the last.
  auto page = clerk.Get("/api/v1/cases?limit=3").json();
  CHECK(page["cases"].size() == 3);
  CHECK(page.GetInt("next_after") == c);
  auto rest = clerk.Get("/api/v1/cases?limit=3&after=" + std::to_string(c)).json();
  CHECK(rest["cases"].size() == 1);
  CHECK(rest["next_after"].is_null());
  // Summary fields come with each case.
  auto first = clerk.Get("/api/v1/cases?level=II").json()["cases"].items()[0];
  CHECK(first["fields"].GetString("title") == "A");
  CHECK(first.GetString("opened_at") == "2025-09-30T09:00:00+08:00");
}
