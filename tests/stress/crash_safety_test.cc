// Crash safety, short: the crash test (crash_harness.h) with a few hundred commands and a
// few SIGKILLs, in the normal suite; scripts/crash-test runs the long one. And the
// checks themselves, shown to fail on a damaged database, so a pass means something.
#include <catch2/catch.hpp>

#include <sstream>

#include "stress/crash_harness.h"
#include "test_support.h"

using namespace erflow;
using namespace erflow::stress;
using namespace erflow::test;

TEST_CASE("crash safety: killed at random moments, the engine loses and half-applies nothing",
          "[stress]") {
  TempDir dir;
  CrashOptions o;
  o.plan.commands = 300;
  o.plan.seed = 20251014;
  o.kills = 6;
  o.driver = ERFLOW_CRASH_DRIVER;
  o.source_dir = SourceDir();
  o.work_dir = dir.path();
  auto report = RunCrashTest(o);
  REQUIRE(report.ok());
  std::ostringstream printed;
  PrintCrashReport(*report, printed);
  INFO(printed.str());
  CHECK(report->commands == 300);
  CHECK(report->kills == 6);
  CHECK(report->figures.mismatches.empty());
  CHECK(report->figures.filings >= 6);      // the filing cases of the first round
  CHECK(report->figures.timer_events > 0);  // deadlines fired during the run
  CHECK(report->figures.anchors > 0);
}

TEST_CASE("crash safety: the checks catch a lost commit and a wrong outcome", "[stress]") {
  TempDir dir;
  StressOptions options;
  options.commands = 80;
  auto plan = BuildStressPlan(SourceDir(), options);
  REQUIRE(plan.ok());
  const std::string a = dir.File("a.db"), b = dir.File("b.db");
  auto ran_a = RunReference(*plan, a);
  auto ran_b = RunReference(*plan, b);
  REQUIRE(ran_a.ok());
  REQUIRE(ran_b.ok());
  auto clean = CheckCrashDatabase(*plan, *ran_a, a, *ran_b, b);
  REQUIRE(clean.ok());
  CHECK(clean->mismatches.empty());
  CHECK(clean->filings > 0);

  // An acknowledgement that disagrees with the plan.
  std::vector<StepOutcome> wrong = *ran_a;
  for (size_t i = 0; i < plan->steps.size(); ++i)
    if (plan->steps[i].kind == StressStep::Kind::kCommand && plan->steps[i].expect.empty()) {
      wrong[i].result = "conflict";
      break;
    }
  auto caught = CheckCrashDatabase(*plan, wrong, a, *ran_b, b);
  REQUIRE(caught.ok());
  CHECK_FALSE(caught->mismatches.empty());

  // The newest event of the database gone, as if its commit had been lost.
  REQUIRE(RunShell("sqlite3 " + ShellQuote(a) +
                   " 'DELETE FROM events WHERE id = (SELECT max(id) FROM events)'")
              .exit_code == 0);
  auto lost = CheckCrashDatabase(*plan, *ran_a, a, *ran_b, b);
  REQUIRE(lost.ok());
  std::string all;
  for (const auto& m : lost->mismatches) all += m + "\n";
  CHECK_THAT(all, Catch::Contains("audit verify") && Catch::Contains("in history 0 times"));
}
