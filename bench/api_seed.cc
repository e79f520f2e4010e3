// api_seed: builds the database the API benchmark (bench/api_wrk.sh) runs against —
// CASES incident-basic cases opened through the engine (Engine::Execute, so every row is
// what the engine itself writes: history, snapshot, queue rows, summary fields), spread
// over UNITS units, one clerk and one supervisor each. A third of the cases are assessed
// (waiting for the supervisor's approval), every thirtieth approved (two handling tasks open).
// The benchmark user "bench" is the clerk of unit-000, password "bench-password".
// The store is opened with synchronous=OFF while seeding: durability of a throwaway
// benchmark database does not matter, the time to build it does.
//
// usage: api_seed DB CASES [UNITS]
// Prints the clock time after the last case, for the server's --now.
// Thread rules: single-threaded.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "erflow/definition_loader.h"
#include "erflow/engine.h"
#include "erflow/time_format.h"

using namespace erflow;

namespace {

void Check(const Status& s, const char* what) {
  if (s.ok()) return;
  std::fprintf(stderr, "api_seed: %s: %s\n", what, s.ToString().c_str());
  std::exit(1);
}

std::string UnitName(int u) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "unit-%03d", u);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: api_seed DB CASES [UNITS]\n");
    return 2;
  }
  const std::string db = argv[1];
  const int cases = std::atoi(argv[2]);
  const int units = argc > 3 ? std::atoi(argv[3]) : 100;
  const std::string src = ERFLOW_SOURCE_DIR;

  ManualClock clock(*ParseTimestamp("2025-01-02T09:00:00+08:00"));
  auto calendar = Calendar::LoadDir(src + "/calendars");
  Check(calendar.status(), "calendar");
  auto engine = Engine::Open(db + "?synchronous=OFF", clock,
                             std::make_shared<const Calendar>(std::move(calendar).value()));
  Check(engine.status(), "open");
  Engine& e = **engine;
  auto def = LoadDefinitionFile(src + "/workflows/incident-basic.json", src + "/forms");
  Check(def.status(), "definition");
  Check(e.Deploy(*def, "api_seed").status(), "deploy");
  for (int u = 0; u < units; ++u) {
    const std::string unit = UnitName(u);
    Check(e.PutUser(User{"clerk-" + unit, "", {"clerk"}, unit, true, "unit"}), "user");
    Check(e.PutUser(User{"boss-" + unit, "", {"supervisor"}, unit, true, "unit"}), "user");
  }
  Check(e.PutUser(User{"bench", "基准", {"clerk"}, UnitName(0), true, "unit"}), "user");
  Check(e.SetPassword("bench", "bench-password"), "password");

  Json report = Json::Object();
  report.Set("title", Json("政务外网中断"));
  report.Set("discovered_at", Json("2025-01-02T08:40:00+08:00"));
  report.Set("description", Json("市政务外网核心交换机故障，部分单位无法访问业务系统。"));
  Json assessment = Json::Object();
  assessment.Set("nature", Json("genuine"));
  assessment.Set("level", Json("IV"));

  const auto start = std::chrono::steady_clock::now();
  int64_t commands = 0;
  for (int i = 0; i < cases; ++i) {
    const std::string unit = UnitName(i % units);
    Command open;
    open.action = Action::kOpen;
    open.actor = "clerk-" + unit;
    open.plan = "incident-basic";
    open.form = report;
    auto opened = e.Execute(open);
    Check(opened.status(), "open case");
    ++commands;
    if (i % 3 == 0) {
      Command submit;
      submit.action = Action::kSubmit;
      submit.actor = open.actor;
      submit.case_id = opened->case_id;
      submit.task = "assess";
      submit.form = assessment;
      Check(e.Execute(submit).status(), "assess");
      ++commands;
      if (i % 10 == 0) {  // every thirtieth case: also approved
        Command approve;
        approve.action = Action::kApprove;
        approve.actor = "boss-" + unit;
        approve.case_id = opened->case_id;
        approve.task = "assess";
        Check(e.Execute(approve).status(), "approve");
        ++commands;
      }
    }
    clock.Advance(30);
    if ((i + 1) % 10000 == 0) std::fprintf(stderr, "api_seed: %d cases\n", i + 1);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "api_seed: %d cases, %lld commands in %.1f s (%.0f commands/s)\n", cases,
               static_cast<long long>(commands), seconds, commands / seconds);
  std::printf("%s\n", FormatTimestamp(clock.Now()).c_str());
  return 0;
}
