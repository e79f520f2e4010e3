// Engine commands/s against raw SQLite, measured in the same process on the same disk.
//
// erflow: N cases of incident-basic, each driven through 10 durable commands (open with
// the report, claim, submit the assessment, approve, two parallel branches, summary,
// return, resubmit, approve) — every command one transaction with a hash-chained event,
// the snapshot update and the queue rows.
// Baseline: raw sqlite3, one INSERT (a history row of the same size) plus one UPDATE (a
// snapshot of the same size) per transaction, prepared statements, same journal mode and
// synchronous setting.
//
// usage: engine_bench [CASES] [FULL|NORMAL]
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "erflow/engine.h"
#include "erflow/time_format.h"

using namespace erflow;
using Clock_ = std::chrono::steady_clock;

namespace {

double Seconds(Clock_::time_point a, Clock_::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

void Check(const Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, s.ToString().c_str());
    std::exit(1);
  }
}

struct EngineRun {
  int64_t commands = 0;
  double seconds = 0;
  size_t event_bytes = 0;
  size_t snapshot_bytes = 0;
};

EngineRun RunEngine(const std::string& dir, int cases, const std::string& sync) {
  ManualClock clock(*ParseTimestamp("2025-09-30T09:00:00+08:00"));
  auto engine = Engine::Open(dir + "/erflow.db?synchronous=" + sync, clock);
  Check(engine.status(), "open");
  Engine& e = **engine;
  auto def = LoadDefinitionFile(std::string(ERFLOW_SOURCE_DIR) + "/workflows/incident-basic.json",
                                std::string(ERFLOW_SOURCE_DIR) + "/forms");
  Check(def.status(), "load");
  Check(e.Deploy(*def, "bench").status(), "deploy");
  for (auto [name, role] : {std::pair{"c1", "clerk"}, {"c2", "clerk"}, {"s1", "supervisor"}}) {
    User u;
    u.name = name;
    u.roles = {role};
    u.unit = "county";
    Check(e.PutUser(u), "user");
  }
  auto form = [](const char* text) { return *ParseJson(text, "bench"); };
  const Json report =
      form(R"({"title": "机房UPS故障导致政务外网中断", "discovered_at": "2025-09-30T08:52:00+08:00",
      "description": "08:52 机房UPS告警，政务外网核心交换机掉电，全县政务外网中断，正在切换备用电源。", "people_affected": 3000, "loss": 12.5})");
  const Json assess =
      form(R"({"nature": "genuine", "level": "IV", "opinion": "设备设施故障，影响范围有限。"})");
  const Json handling = form(R"({"measures": "切换备用电源，隔离故障UPS，恢复核心交换机供电。"})");
  const Json summary = form(
      R"({"cause": "UPS电池老化。", "result": "已恢复。", "improvements": ["建立电池巡检制度"]})");
  EngineRun run;
  auto t0 = Clock_::now();
  for (int i = 0; i < cases; ++i) {
    auto exec = [&](Action a, const char* who, int64_t id, const char* task, const Json& f,
                    const char* reason = "") {
      Command c;
      c.action = a;
      c.actor = who;
      c.case_id = id;
      c.task = task;
      c.form = f;
      c.plan = "incident-basic";
      c.reason = reason;
      auto out = e.Execute(c);
      Check(out.status(), task);
      ++run.commands;
      return out->case_id;
    };
    int64_t id = exec(Action::kOpen, "c1", 0, "", report);
    exec(Action::kClaim, "c2", id, "assess", Json());
    exec(Action::kSubmit, "c2", id, "assess", assess);
    exec(Action::kApprove, "s1", id, "assess", Json());
    exec(Action::kSubmit, "c1", id, "contain", handling);
    exec(Action::kSubmit, "c2", id, "recover", handling);
    exec(Action::kSubmit, "c1", id, "summary", summary);
    exec(Action::kReturn, "s1", id, "summary", Json(), "请补充损失核定。");
    exec(Action::kSubmit, "c1", id, "summary", summary);
    exec(Action::kApprove, "s1", id, "summary", Json());
  }
  run.seconds = Seconds(t0, Clock_::now());
  auto view = e.GetCase(1);
  Check(view.status(), "view");
  for (const auto& ev : view->history) run.event_bytes += ev.body.size();
  run.event_bytes /= view->history.size();
  run.snapshot_bytes = view->state.ToJson().Dump().size();
  return run;
}

double RunRaw(const std::string& dir, int64_t transactions, size_t event_bytes,
              size_t snapshot_bytes, const std::string& sync) {
  sqlite3* db;
  sqlite3_open((dir + "/raw.db").c_str(), &db);
  sqlite3_exec(db, ("PRAGMA journal_mode=WAL; PRAGMA synchronous=" + sync + ";").c_str(), nullptr,
               nullptr, nullptr);
  sqlite3_exec(
      db,
      "CREATE TABLE history (id INTEGER PRIMARY KEY, case_id INTEGER, seq INTEGER, body TEXT);"
      "CREATE TABLE cases (id INTEGER PRIMARY KEY, version INTEGER, snapshot TEXT);",
      nullptr, nullptr, nullptr);
  sqlite3_stmt *ins, *upd, *begin, *commit, *newcase;
  sqlite3_prepare_v2(db, "INSERT INTO history (case_id, seq, body) VALUES (?, ?, ?)", -1, &ins,
                     nullptr);
  sqlite3_prepare_v2(db, "UPDATE cases SET version = ?, snapshot = ? WHERE id = ?", -1, &upd,
                     nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO cases (id, version, snapshot) VALUES (?, 0, '')", -1,
                     &newcase, nullptr);
  sqlite3_prepare_v2(db, "BEGIN", -1, &begin, nullptr);
  sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr);
  const std::string body(event_bytes, 'e'), snapshot(snapshot_bytes, 's');
  auto t0 = Clock_::now();
  for (int64_t i = 0; i < transactions; ++i) {
    int64_t case_id = i / 10 + 1;
    sqlite3_step(begin);
    sqlite3_reset(begin);
    if (i % 10 == 0) {
      sqlite3_bind_int64(newcase, 1, case_id);
      sqlite3_step(newcase);
      sqlite3_reset(newcase);
    }
    sqlite3_bind_int64(ins, 1, case_id);
    sqlite3_bind_int64(ins, 2, i % 10 + 1);
    sqlite3_bind_text(ins, 3, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
    sqlite3_step(ins);
    sqlite3_reset(ins);
    sqlite3_bind_int64(upd, 1, i % 10 + 1);
    sqlite3_bind_text(upd, 2, snapshot.data(), static_cast<int>(snapshot.size()), SQLITE_STATIC);
    sqlite3_bind_int64(upd, 3, case_id);
    sqlite3_step(upd);
    sqlite3_reset(upd);
    sqlite3_step(commit);
    sqlite3_reset(commit);
  }
  double s = Seconds(t0, Clock_::now());
  for (auto* st : {ins, upd, begin, commit, newcase}) sqlite3_finalize(st);
  sqlite3_close(db);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  int cases = argc > 1 ? std::atoi(argv[1]) : 1000;
  std::string sync = argc > 2 ? argv[2] : "FULL";
  char tmpl[] = "/tmp/erflow-bench-XXXXXX";
  std::string dir = mkdtemp(tmpl);
  EngineRun e = RunEngine(dir, cases, sync);
  double raw = RunRaw(dir, e.commands, e.event_bytes, e.snapshot_bytes, sync);
  double engine_rate = e.commands / e.seconds, raw_rate = e.commands / raw;
  std::printf("synchronous=%s, %d cases, %lld commands (event ~%zu B, snapshot ~%zu B)\n",
              sync.c_str(), cases, static_cast<long long>(e.commands), e.event_bytes,
              e.snapshot_bytes);
  std::printf("  erflow engine : %8.0f commands/s\n", engine_rate);
  std::printf("  raw SQLite    : %8.0f transactions/s (1 insert + 1 update each)\n", raw_rate);
  std::printf("  ratio         : %8.2fx  (target >= 0.5x)\n", engine_rate / raw_rate);
  std::filesystem::remove_all(dir);
  return 0;
}
