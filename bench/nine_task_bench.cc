// The nine-task emergency case (bench/data/nine-task.json: report, assess, activate,
// contain ∥ eradicate ∥ recover, end the response, result report, summary) driven
// through erflow CASES times, one case after another, every command its own durable
// transaction (SQLite WAL, synchronous=FULL). bench/bpmn_vs_erflow.sh runs the same case
// through the npm package bpmn-engine beside it (bench/bpmn_engine_bench.mjs, the same
// form data, its state written and fsynced after every task).
// Thread rules: single-threaded.
//
// usage: nine_task_bench [CASES] [FULL|NORMAL|OFF]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "erflow/engine.h"
#include "erflow/time_format.h"

using namespace erflow;

namespace {

void Check(const Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "nine_task_bench: %s: %s\n", what, s.ToString().c_str());
    std::exit(1);
  }
}

Json Form(const char* text) { return *ParseJson(text, "bench"); }

}  // namespace

int main(int argc, char** argv) {
  const int cases = argc > 1 ? std::atoi(argv[1]) : 2000;
  const std::string sync = argc > 2 ? argv[2] : "FULL";
  char tmpl[] = "/tmp/erflow-nine-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  ManualClock clock(*ParseTimestamp("2025-09-30T09:00:00+08:00"));
  auto engine = Engine::Open(dir + "/erflow.db?synchronous=" + sync, clock);
  Check(engine.status(), "open");
  Engine& e = **engine;
  auto def = LoadDefinitionFile(std::string(ERFLOW_SOURCE_DIR) + "/bench/data/nine-task.json",
                                std::string(ERFLOW_SOURCE_DIR) + "/forms");
  Check(def.status(), "load");
  Check(e.Deploy(*def, "bench").status(), "deploy");
  User clerk;
  clerk.name = "clerk";
  clerk.roles = {"clerk"};
  clerk.unit = "county";
  Check(e.PutUser(clerk), "user");
  // The same payloads bpmn_engine_bench.mjs signals its user tasks with.
  const Json report = Form(
      R"({"title": "机房UPS故障导致政务外网中断", "discovered_at": "2025-09-30T08:52:00+08:00",
          "description": "08:52 机房UPS告警，政务外网核心交换机掉电，全县政务外网中断。",
          "people_affected": 3000, "loss": 12.5})");
  const Json handling = Form(R"({"measures": "切换备用电源，隔离故障UPS，恢复核心交换机供电。"})");
  const Json summary =
      Form(R"({"cause": "UPS电池老化。", "result": "已恢复。", "improvements": ["建立电池巡检制度"]})");
  const char* tasks[] = {"assess", "activate",      "contain", "eradicate",
                         "recover", "end-response", "result-report"};
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < cases; ++i) {
    Command open;
    open.action = Action::kOpen;
    open.actor = "clerk";
    open.plan = "bench-nine-task";
    open.form = report;
    auto opened = e.Execute(open);
    Check(opened.status(), "open case");
    Command c;
    c.action = Action::kSubmit;
    c.actor = "clerk";
    c.case_id = opened->case_id;
    for (const char* task : tasks) {
      c.task = task;
      c.form = handling;
      Check(e.Execute(c).status(), task);
    }
    c.task = "summary";
    c.form = summary;
    auto last = e.Execute(c);
    Check(last.status(), "summary");
    if (last->status != "closed" && last->status != "completed") {
      std::fprintf(stderr, "nine_task_bench: case %lld ended %s\n",
                   static_cast<long long>(c.case_id), last->status.c_str());
      return 1;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("RESULT erflow cases=%d commands=%d seconds=%.3f cases_per_s=%.1f sync=%s\n", cases,
              cases * 9, seconds, cases / seconds, sync.c_str());
  std::filesystem::remove_all(dir);
  return 0;
}
