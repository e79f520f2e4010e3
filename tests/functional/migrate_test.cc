// `erflow migrate`: an office's SQLite store copied into an empty PostgreSQL database —
// everything carried over and verified on the far side, and never twice into one target.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "erflow/json.h"
#include "store_backends.h"
#include "test_support.h"

using namespace erflow;
using namespace erflow::test;

TEST_CASE("migrate: the demo's SQLite store into PostgreSQL, verified, and only once") {
  std::string pg_url;
  for (const auto& b : StoreBackends())
    if (b.name == "postgresql") pg_url = b.fresh_url();
  if (pg_url.empty()) {
    if (std::getenv("ERFLOW_REQUIRE_PG"))
      FAIL("ERFLOW_TEST_PG_URL is not set but ERFLOW_REQUIRE_PG is");
    WARN("no PostgreSQL cluster (run through scripts/test): migrate test not run");
    return;
  }
  TempDir dir;
  auto demo = RunErflow({"demo", "--out", dir.File("demo")});
  REQUIRE(demo.exit_code == 0);
  const std::string db = dir.File("demo/erflow.db");
  REQUIRE(RunErflow({"--db", db, "audit", "anchor"}).exit_code == 0);
  auto source = RunErflow({"--db", db, "case", "show", "4", "--json"});
  REQUIRE(source.exit_code == 0);

  auto migrated = RunErflow({"migrate", "--from", db, "--to", pg_url, "--json"});
  INFO(migrated.err);
  REQUIRE(migrated.exit_code == 0);
  auto report = ParseJson(migrated.out, "migrate");
  REQUIRE(report.ok());
  CHECK((*report)["audit"].GetBool("ok"));
  CHECK((*report)["audit"].GetInt("cases") == 7);
  CHECK((*report)["audit"].GetInt("anchors") >= 1);
  CHECK((*report)["tables"].GetInt("events") == (*report)["audit"].GetInt("events"));

  // The case reads the same on the far side: same history, hashes, records.
  auto far = RunErflow({"--db", pg_url, "case", "show", "4", "--json"});
  REQUIRE(far.exit_code == 0);
  CHECK(*ParseJson(far.out, "far") == *ParseJson(source.out, "near"));
  CHECK(RunErflow({"--db", pg_url, "audit", "verify"}).exit_code == 0);

  // Work goes on there: new ids do not collide with copied ones.
  REQUIRE(
      RunErflow({"--db", pg_url, "users", "add", "pg.clerk", "--role", "clerk", "--unit", "county"})
          .exit_code == 0);
  auto opened = RunErflow(
      {"--db", pg_url, "--now", "2025-12-01T09:00:00+08:00", "case", "open", "incident-basic",
       "--as", "pg.clerk", "--form", "-"},
      R"({"title": "迁移后", "discovered_at": "2025-12-01T08:50:00+08:00", "description": "x"})");
  INFO(opened.err);
  CHECK(opened.exit_code == 0);
  CHECK(opened.out == "8\n");

  auto twice = RunErflow({"migrate", "--from", db, "--to", pg_url});
  CHECK(twice.exit_code == 5);
  CHECK_THAT(twice.err, Catch::Contains("refuses to run twice"));
}
