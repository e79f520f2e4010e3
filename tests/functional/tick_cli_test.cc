// `erflow tick` as separate processes: a timer scheduled by one process fires in another
// (nothing lives in memory), exactly once even when several ticks race.
#include <catch2/catch.hpp>

#include "erflow/json.h"
#include "test_support.h"

using namespace erflow;
using namespace erflow::test;

namespace {

struct TickCli {
  TempDir dir;
  std::string db = dir.File("erflow.db");
  RunResult Run(std::vector<std::string> args, const std::string& now, const std::string& in = "") {
    args.insert(args.begin(), {"--db", db, "--now", now});
    return RunErflow(args, in);
  }
  TickCli() {
    REQUIRE(Run({"definitions", "deploy", SourceDir() + "/tests/data/workflows/deadlines.json"},
                "2025-09-29T08:00:00+08:00")
                .exit_code == 0);
    for (auto [n, r, u] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"clerk1", "clerk", "county"},
             {"boss1", "supervisor", "county"},
             {"insp", "inspector", "discipline"}})
      REQUIRE(Run({"users", "add", n, "--role", r, "--unit", u}, "2025-09-29T08:00:00+08:00")
                  .exit_code == 0);
    auto opened = Run(
        {"case", "open", "test-deadlines", "--as", "clerk1", "--form", "-"},
        "2025-09-29T09:00:00+08:00",
        R"({"title": "断网", "discovered_at": "2025-09-29T08:55:00+08:00", "description": "x"})");
    REQUIRE(opened.exit_code == 0);
  }
  Json Case() {
    auto r = Run({"case", "show", "1", "--json"}, "2025-09-29T12:00:00+08:00");
    REQUIRE(r.exit_code == 0);
    return *ParseJson(r.out, "case");
  }
};

}  // namespace

TEST_CASE("tick: a missed deadline fires in a later process, once, with escalation and proposal") {
  TickCli cli;
  auto early = cli.Run({"tick", "--json"}, "2025-09-29T09:10:00+08:00");
  REQUIRE(early.exit_code == 0);
  CHECK(ParseJson(early.out, "t")->GetInt("fired") == 0);
  auto due = cli.Run({"tick", "--json"}, "2025-09-29T09:40:00+08:00");
  REQUIRE(due.exit_code == 0);
  CHECK(ParseJson(due.out, "t")->GetInt("fired") == 2);  // the reminder and the due timer
  auto again = cli.Run({"tick", "--json"}, "2025-09-29T09:41:00+08:00");
  CHECK(ParseJson(again.out, "t")->GetInt("fired") == 0);
  Json c = cli.Case();
  const Json& d = c["deadlines"].items()[0];
  CHECK(d.GetString("state") == "missed");
  CHECK(d.GetString("due") == "2025-09-29T09:30:00+08:00");
  auto esc = cli.Run({"queue", "--as", "boss1"}, "2025-09-29T09:41:00+08:00");
  CHECK_THAT(esc.out,
             Catch::Contains("逾期：电话报告后30分钟内书面报告") && Catch::Contains("OVERDUE"));
  auto insp = cli.Run({"queue", "--as", "insp"}, "2025-09-29T09:41:00+08:00");
  CHECK_THAT(insp.out, Catch::Contains("责任追究建议"));
  auto human = cli.Run({"case", "show", "1"}, "2025-09-29T09:41:00+08:00");
  CHECK_THAT(
      human.out,
      Catch::Contains("written  电话报告后30分钟内书面报告  missed  due 2025年09月29日 09:30"));
  CHECK(cli.Run({"audit", "verify"}, "2025-09-29T09:41:00+08:00").exit_code == 0);
}

TEST_CASE("tick: several ticks racing fire each timer exactly once") {
  TickCli cli;
  std::string cmd;
  for (int i = 0; i < 4; ++i)
    cmd += ShellQuote(ErflowBinary()) + " --db " + ShellQuote(cli.db) +
           " --now 2025-09-29T10:00:00+08:00 tick --json > " +
           ShellQuote(cli.dir.File("tick" + std::to_string(i))) + " & ";
  cmd += "wait";
  REQUIRE(RunShell(cmd).exit_code == 0);
  int64_t fired = 0;
  for (int i = 0; i < 4; ++i) {
    auto j = ParseJson(ReadFile(cli.dir.File("tick" + std::to_string(i))), "tick");
    REQUIRE(j.ok());
    fired += j->GetInt("fired");
  }
  CHECK(fired == 2);
  Json c = cli.Case();
  int timer_events = 0;
  for (const auto& e : c["history"].items()) timer_events += e.GetString("command") == "timer";
  CHECK(timer_events == 2);
  int proposals = 0;
  for (const auto& t : c["tasks"].items()) proposals += t.GetString("node") == "proposal";
  CHECK(proposals == 1);
}

TEST_CASE("tick: a report filed late records how late, and proposes accountability") {
  TickCli cli;
  auto r = cli.Run({"case", "act", "1", "written", "submit", "--as", "clerk1", "--form", "-"},
                   "2025-09-29T09:47:00+08:00", R"({"measures": "书面报告"})");
  REQUIRE(r.exit_code == 0);
  Json c = cli.Case();
  const Json& d = c["deadlines"].items()[0];
  CHECK(d.GetString("state") == "late");
  CHECK(d.GetInt("late_by_minutes") == 17);
  CHECK(d.GetString("done_at") == "2025-09-29T09:47:00+08:00");
  bool proposal = false;
  for (const auto& t : c["tasks"].items())
    if (t.GetString("node") == "proposal") {
      proposal = true;
      CHECK(t["context"].GetString("ground") == "late_report");
      CHECK(t["context"].GetInt("late_by_minutes") == 17);
    }
  CHECK(proposal);
}

TEST_CASE("tick: ticks racing at different moments over many cases fire each timer once") {
  TickCli cli;  // case 1, opened at 09:00
  const int kCases = 5;
  for (int c = 2; c <= kCases; ++c)
    REQUIRE(cli.Run({"case", "open", "test-deadlines", "--as", "clerk1", "--form", "-"},
                    "2025-09-29T09:0" + std::to_string(c - 1) + ":00+08:00",
                    R"({"title": "断网", "discovered_at": "2025-09-29T08:55:00+08:00",
                        "description": "x"})")
                .exit_code == 0);
  // Each case: a reminder at 09:2x and the due timer at 09:3x. Three sweepers at 09:25
  // (only reminders due) race three at 10:00 (everything due), as a server's sweeper and
  // operators' `erflow tick`s might.
  std::string cmd;
  const int kTicks = 6;
  for (int i = 0; i < kTicks; ++i)
    cmd += ShellQuote(ErflowBinary()) + " --db " + ShellQuote(cli.db) + " --now " +
           (i % 2 ? "2025-09-29T10:00:00+08:00" : "2025-09-29T09:25:00+08:00") + " tick --json > " +
           ShellQuote(cli.dir.File("tick" + std::to_string(i))) + " & ";
  REQUIRE(RunShell(cmd + "wait").exit_code == 0);
  int64_t fired = 0;
  for (int i = 0; i < kTicks; ++i) {
    auto j = ParseJson(ReadFile(cli.dir.File("tick" + std::to_string(i))), "tick");
    REQUIRE(j.ok());
    fired += j->GetInt("fired");
  }
  CHECK(fired == 2 * kCases);
  for (int c = 1; c <= kCases; ++c) {
    INFO("case " << c);
    auto r = cli.Run({"case", "show", std::to_string(c), "--json"}, "2025-09-29T12:00:00+08:00");
    REQUIRE(r.exit_code == 0);
    Json j = *ParseJson(r.out, "case");
    int timer_events = 0, proposals = 0;
    for (const auto& e : j["history"].items()) timer_events += e.GetString("command") == "timer";
    for (const auto& t : j["tasks"].items()) proposals += t.GetString("node") == "proposal";
    CHECK(timer_events == 2);
    CHECK(proposals == 1);
    CHECK(j["deadlines"].items()[0].GetString("state") == "missed");
  }
  // Nothing is left to fire.
  auto after = cli.Run({"tick", "--json"}, "2025-09-29T10:01:00+08:00");
  CHECK(ParseJson(after.out, "t")->GetInt("fired") == 0);
  CHECK(cli.Run({"audit", "verify"}, "2025-09-29T10:01:00+08:00").exit_code == 0);
}
