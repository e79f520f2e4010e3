// The timer sweep (Engine::Tick) under load against raw SQLite doing the same reads and
// writes, in the same process on the same disk.
//
// erflow: CASES cases of bench/data/deadline.json, each with one pending timer (the
// written report due 30 minutes after the phone report); DUE of them opened early enough
// that their timer is due. Seeded through the engine with synchronous=OFF, then reopened
// with synchronous=FULL, and one Tick() fires the DUE timers — each in its own
// transaction: claim the earliest due timer, load the case, mark the deadline missed,
// escalate (a queue row for the supervisors), append the hash-chained event, update the
// snapshot, queue rows and timers.
// Baseline: raw sqlite3 with prepared statements over tables of the same sizes (CASES
// timers, DUE of them due; CASES cases with snapshots and events of erflow's sizes), per
// fired timer one transaction of what the store minimally must do: select the earliest
// due timer by the (state, fire_at) index, mark it fired, read the case's snapshot,
// insert the event, update the snapshot, insert the escalation's queue row.
//
// usage: tick_bench [CASES] [DUE]   (defaults 100000 10000)
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "erflow/engine.h"
#include "erflow/time_format.h"

using namespace erflow;
using Steady = std::chrono::steady_clock;

namespace {

void Check(const Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "tick_bench: %s: %s\n", what, s.ToString().c_str());
    std::exit(1);
  }
}

double Since(Steady::time_point t0) {
  return std::chrono::duration<double>(Steady::now() - t0).count();
}

struct EngineRun {
  double seed_seconds = 0, tick_seconds = 0;
  int64_t fired = 0;
  size_t event_bytes = 0, snapshot_bytes = 0;
};

EngineRun RunEngine(const std::string& dir, int64_t cases, int64_t due) {
  EngineRun run;
  const Instant t0 = *ParseTimestamp("2025-09-29T09:00:00+08:00");
  ManualClock clock(t0);
  const std::string src = ERFLOW_SOURCE_DIR;
  {
    auto engine = Engine::Open(dir + "/erflow.db?synchronous=OFF", clock);
    Check(engine.status(), "open");
    auto def = LoadDefinitionFile(src + "/bench/data/deadline.json", src + "/forms");
    Check(def.status(), "load");
    Check((*engine)->Deploy(*def, "bench").status(), "deploy");
    for (auto [name, role] : {std::pair{"clerk", "clerk"}, {"boss", "supervisor"}}) {
      User u;
      u.name = name;
      u.roles = {role};
      u.unit = "county";
      Check((*engine)->PutUser(u), "user");
    }
    Command open;
    open.action = Action::kOpen;
    open.actor = "clerk";
    open.plan = "bench-deadline";
    open.form = *ParseJson(R"({"title": "断网", "discovered_at": "2025-09-29T08:55:00+08:00",
                               "description": "政务外网中断"})",
                           "bench");
    auto s0 = Steady::now();
    for (int64_t i = 0; i < cases; ++i) {
      // The first DUE cases at 09:00 (due 09:30); the rest a day later.
      clock.Set(i < due ? t0 : t0.Plus(86400));
      Check((*engine)->Execute(open).status(), "open case");
    }
    run.seed_seconds = Since(s0);
  }
  clock.Set(t0.Plus(31 * 60));
  auto engine = Engine::Open(dir + "/erflow.db?synchronous=FULL", clock);
  Check(engine.status(), "reopen");
  auto s1 = Steady::now();
  auto report = (*engine)->Tick(due + 1);
  run.tick_seconds = Since(s1);
  Check(report.status(), "tick");
  run.fired = report->fired;
  auto view = (*engine)->GetCase(1);
  Check(view.status(), "case");
  run.event_bytes = view->history.back().body.size();
  run.snapshot_bytes = view->state.ToJson().Dump().size();
  return run;
}

void Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "tick_bench: %s: %s\n", sql, err);
    std::exit(1);
  }
}

sqlite3_stmt* Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "tick_bench: %s: %s\n", sql, sqlite3_errmsg(db));
    std::exit(1);
  }
  return st;
}

double RunRaw(const std::string& dir, int64_t cases, int64_t due, size_t event_bytes,
              size_t snapshot_bytes) {
  sqlite3* db = nullptr;
  sqlite3_open((dir + "/raw.db").c_str(), &db);
  Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
  Exec(db,
       "CREATE TABLE cases (id INTEGER PRIMARY KEY, version INTEGER, snapshot TEXT);"
       "CREATE TABLE events (id INTEGER PRIMARY KEY, case_id INTEGER, seq INTEGER, body TEXT,"
       "  UNIQUE (case_id, seq));"
       "CREATE TABLE timers (id INTEGER PRIMARY KEY, case_id INTEGER, state TEXT, fire_at INTEGER);"
       "CREATE INDEX timers_due ON timers (state, fire_at);"
       "CREATE TABLE work_items (case_id INTEGER, task TEXT, unit TEXT, role TEXT, created_at "
       "INTEGER);"
       "CREATE INDEX work_items_pool ON work_items (unit, role, created_at);");
  const std::string event(event_bytes, 'e'), snapshot(snapshot_bytes, 's');
  {
    Exec(db, "BEGIN");
    sqlite3_stmt* c = Prepare(db, "INSERT INTO cases VALUES (?, 2, ?)");
    sqlite3_stmt* e = Prepare(db, "INSERT INTO events (case_id, seq, body) VALUES (?, 1, ?)");
    sqlite3_stmt* t =
        Prepare(db, "INSERT INTO timers (case_id, state, fire_at) VALUES (?, 'pending', ?)");
    for (int64_t i = 1; i <= cases; ++i) {
      sqlite3_bind_int64(c, 1, i);
      sqlite3_bind_text(c, 2, snapshot.data(), static_cast<int>(snapshot.size()), SQLITE_STATIC);
      sqlite3_step(c);
      sqlite3_reset(c);
      sqlite3_bind_int64(e, 1, i);
      sqlite3_bind_text(e, 2, event.data(), static_cast<int>(event.size()), SQLITE_STATIC);
      sqlite3_step(e);
      sqlite3_reset(e);
      sqlite3_bind_int64(t, 1, i);
      sqlite3_bind_int64(t, 2, i <= due ? 1000 : 100000);
      sqlite3_step(t);
      sqlite3_reset(t);
    }
    for (auto* st : {c, e, t}) sqlite3_finalize(st);
    Exec(db, "COMMIT");
  }
  Exec(db, "PRAGMA synchronous=FULL;");
  sqlite3_stmt* begin = Prepare(db, "BEGIN IMMEDIATE");
  sqlite3_stmt* commit = Prepare(db, "COMMIT");
  sqlite3_stmt* next = Prepare(
      db,
      "SELECT id, case_id FROM timers WHERE state = 'pending' AND fire_at <= ? ORDER BY fire_at, "
      "id LIMIT 1");
  sqlite3_stmt* claim =
      Prepare(db, "UPDATE timers SET state = 'fired' WHERE id = ? AND state = 'pending'");
  sqlite3_stmt* load = Prepare(db, "SELECT version, snapshot FROM cases WHERE id = ?");
  sqlite3_stmt* append = Prepare(db, "INSERT INTO events (case_id, seq, body) VALUES (?, ?, ?)");
  sqlite3_stmt* update =
      Prepare(db, "UPDATE cases SET version = ?, snapshot = ? WHERE id = ? AND version = ?");
  sqlite3_stmt* queue = Prepare(
      db, "INSERT INTO work_items VALUES (?, 'escalation', 'county', 'supervisor', 1800)");
  auto t0 = Steady::now();
  int64_t fired = 0;
  while (true) {
    sqlite3_step(begin);
    sqlite3_reset(begin);
    sqlite3_bind_int64(next, 1, 2000);
    if (sqlite3_step(next) != SQLITE_ROW) {
      sqlite3_reset(next);
      sqlite3_step(commit);
      sqlite3_reset(commit);
      break;
    }
    const int64_t timer = sqlite3_column_int64(next, 0), id = sqlite3_column_int64(next, 1);
    sqlite3_reset(next);
    sqlite3_bind_int64(claim, 1, timer);
    sqlite3_step(claim);
    sqlite3_reset(claim);
    sqlite3_bind_int64(load, 1, id);
    sqlite3_step(load);
    const int64_t version = sqlite3_column_int64(load, 0);
    sqlite3_reset(load);
    sqlite3_bind_int64(append, 1, id);
    sqlite3_bind_int64(append, 2, version + 1);
    sqlite3_bind_text(append, 3, event.data(), static_cast<int>(event.size()), SQLITE_STATIC);
    sqlite3_step(append);
    sqlite3_reset(append);
    sqlite3_bind_int64(update, 1, version + 1);
    sqlite3_bind_text(update, 2, snapshot.data(), static_cast<int>(snapshot.size()),
                      SQLITE_STATIC);
    sqlite3_bind_int64(update, 3, id);
    sqlite3_bind_int64(update, 4, version);
    sqlite3_step(update);
    sqlite3_reset(update);
    sqlite3_bind_int64(queue, 1, id);
    sqlite3_step(queue);
    sqlite3_reset(queue);
    sqlite3_step(commit);
    sqlite3_reset(commit);
    ++fired;
  }
  const double seconds = Since(t0);
  for (auto* st : {begin, commit, next, claim, load, append, update, queue}) sqlite3_finalize(st);
  sqlite3_close(db);
  if (fired != due) {
    std::fprintf(stderr, "tick_bench: raw fired %lld, expected %lld\n",
                 static_cast<long long>(fired), static_cast<long long>(due));
    std::exit(1);
  }
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t cases = argc > 1 ? std::atoll(argv[1]) : 100000;
  const int64_t due = argc > 2 ? std::atoll(argv[2]) : 10000;
  char tmpl[] = "/tmp/erflow-tick-XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  EngineRun e = RunEngine(dir, cases, due);
  if (e.fired != due) {
    std::fprintf(stderr, "tick_bench: erflow fired %lld, expected %lld\n",
                 static_cast<long long>(e.fired), static_cast<long long>(due));
    return 1;
  }
  const double raw = RunRaw(dir, cases, due, e.event_bytes, e.snapshot_bytes);
  const double ours_us = 1e6 * e.tick_seconds / due, raw_us = 1e6 * raw / due;
  std::printf("%lld pending timers, %lld due (seeded in %.1f s); event ~%zu B, snapshot ~%zu B\n",
              static_cast<long long>(cases), static_cast<long long>(due), e.seed_seconds,
              e.event_bytes, e.snapshot_bytes);
  std::printf("  erflow Tick : %8.1f us per fired timer (%.2f s)\n", ours_us, e.tick_seconds);
  std::printf("  raw SQLite  : %8.1f us per fired timer (%.2f s)\n", raw_us, raw);
  std::printf("RESULT tick cases=%lld due=%lld erflow_us=%.1f raw_us=%.1f ratio=%.2f\n",
              static_cast<long long>(cases), static_cast<long long>(due), ours_us, raw_us,
              raw_us / ours_us);
  std::filesystem::remove_all(dir);
  return 0;
}
