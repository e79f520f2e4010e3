// Races between real erflow processes on one SQLite file: several supervisors approving
// the same task at once — exactly one wins, the others get a conflict (exit 5) and say
// why. Racing `tick`s are in tick_cli_test.cc, racing filings in records_filing_test.cc,
// the same races over HTTP in races_api_test.cc.
#include <catch2/catch.hpp>

#include "erflow/json.h"
#include "test_support.h"

using namespace erflow;
using namespace erflow::test;

namespace {

struct Racer {
  std::vector<std::string> args;
  std::string now;
  std::string stdin_text;
};

struct Raced {
  int exit_code = -1;
  std::string out, err;
};

class RaceCli {
 public:
  RaceCli() : db_(dir_.File("erflow.db")) {}

  RunResult Run(std::vector<std::string> args, const std::string& now = "2025-09-30T09:00:00+08:00",
                const std::string& in = "") {
    args.insert(args.begin(), {"--db", db_, "--now", now});
    return RunErflow(args, in);
  }

  // Starts every racer at once (one shell, each in the background) and waits for all.
  std::vector<Raced> Race(const std::vector<Racer>& racers) {
    std::string line;
    for (size_t i = 0; i < racers.size(); ++i) {
      const std::string n = std::to_string(i);
      WriteFile(dir_.File("in" + n), racers[i].stdin_text);
      std::string cmd = ShellQuote(ErflowBinary()) + " --db " + ShellQuote(db_) + " --now " +
                        ShellQuote(racers[i].now);
      for (const auto& a : racers[i].args) cmd += " " + ShellQuote(a);
      line += "( " + cmd + " < " + ShellQuote(dir_.File("in" + n)) + " > " +
              ShellQuote(dir_.File("out" + n)) + " 2> " + ShellQuote(dir_.File("err" + n)) +
              "; echo $? > " + ShellQuote(dir_.File("rc" + n)) + " ) & ";
    }
    REQUIRE(RunShell(line + "wait").exit_code == 0);
    std::vector<Raced> out;
    for (size_t i = 0; i < racers.size(); ++i) {
      const std::string n = std::to_string(i);
      out.push_back({std::stoi(ReadFile(dir_.File("rc" + n))), ReadFile(dir_.File("out" + n)),
                     ReadFile(dir_.File("err" + n))});
    }
    return out;
  }

  Json Show(const std::string& id) {
    auto r = Run({"case", "show", id, "--json"}, "2025-12-31T12:00:00+08:00");
    REQUIRE(r.exit_code == 0);
    auto j = ParseJson(r.out, "case show");
    REQUIRE(j.ok());
    return *j;
  }

 private:
  TempDir dir_;
  std::string db_;
};

}  // namespace

TEST_CASE("races: supervisors approving one task at once — one wins, the rest conflict") {
  RaceCli cli;
  REQUIRE(cli.Run({"definitions", "deploy"}).exit_code == 0);
  REQUIRE(cli.Run({"users", "add", "clerk1", "--role", "clerk", "--unit", "county"}).exit_code ==
          0);
  REQUIRE(cli.Run({"users", "add", "clerk2", "--role", "clerk", "--unit", "county"}).exit_code ==
          0);
  const int kBosses = 6;
  for (int b = 0; b < kBosses; ++b)
    REQUIRE(cli.Run({"users", "add", "boss" + std::to_string(b), "--role", "supervisor", "--unit",
                     "county"})
                .exit_code == 0);
  for (int round = 1; round <= 3; ++round) {
    INFO("round " << round);
    auto opened = cli.Run({"case", "open", "incident-basic", "--as", "clerk1", "--form", "-"},
                          "2025-09-30T09:00:00+08:00",
                          R"({"title": "断网", "discovered_at": "2025-09-30T08:40:00+08:00",
                              "description": "政务外网中断"})");
    REQUIRE(opened.exit_code == 0);
    const std::string id = opened.out.substr(0, opened.out.find('\n'));
    REQUIRE(cli.Run({"case", "act", id, "assess", "submit", "--as", "clerk2", "--form", "-"},
                    "2025-09-30T09:10:00+08:00", R"({"nature": "genuine", "level": "III"})")
                .exit_code == 0);
    const std::string version = std::to_string(cli.Show(id).GetInt("version"));
    // Half of them say which version they saw, as the web UI does; half do not.
    std::vector<Racer> racers;
    for (int b = 0; b < kBosses; ++b) {
      Racer r{{"case", "act", id, "assess", "approve", "--as", "boss" + std::to_string(b)},
              "2025-09-30T09:20:00+08:00",
              ""};
      if (b % 2) r.args.insert(r.args.end(), {"--expect-version", version});
      racers.push_back(r);
    }
    auto results = cli.Race(racers);
    int won = 0;
    for (const auto& r : results) {
      INFO(r.err);
      if (r.exit_code == 0) {
        ++won;
        continue;
      }
      CHECK(r.exit_code == 5);
      // A conflict for the right reason: the task was gone or the version stale — not a
      // lock that could not be taken.
      CHECK_THAT(r.err, Catch::Contains("already done") || Catch::Contains("stale version") ||
                            Catch::Contains("is not open"));
      CHECK_THAT(r.err, !Catch::Contains("busy"));
    }
    CHECK(won == 1);
    Json c = cli.Show(id);
    int approvals = 0;
    for (const auto& e : c["history"].items())
      approvals += e.GetString("command") == "approve" && e.GetString("node") == "assess";
    CHECK(approvals == 1);
  }
  CHECK(cli.Run({"audit", "verify"}).exit_code == 0);
}
