// How cost grows with the number of cases: commands/s and queue latency measured at each
// of SIZES cases in one database (default 10,000, 100,000 and 1,000,000). Every lookup a
// command or a queue makes goes through an index, so both must stay flat; a scan would
// show here as a rate falling with size.
//
// Seeding (fast, through the engine itself, synchronous=OFF): incident-basic cases spread
// over 100 units, each opened with its report, every fifth also assessed, so the
// database holds realistic open work: one queue row per case in its unit's pool, and
// approvals waiting. At each size the database is reopened with synchronous=FULL and
//   - commands/s: 100 new cases driven through the 10 commands of engine_bench (open,
//     claim, assess, approve, contain, recover, summary, return, summary, approve) in
//     a unit that holds 1/100 of the cases, as an office among a hundred would;
//   - queue latency: Engine::Queue(clerk, 100) for a clerk of a busy unit (its pool holds
//     1/100 of all open cases) and for a supervisor there (approvals), 300 times each;
//     median and 99th percentile.
//
// usage: scale_bench [SIZE…]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "erflow/engine.h"
#include "erflow/time_format.h"

using namespace erflow;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kUnits = 100;

void Check(const Status& s, const char* what) {
  if (!s.ok()) {
    std::fprintf(stderr, "scale_bench: %s: %s\n", what, s.ToString().c_str());
    std::exit(1);
  }
}

double Since(Steady::time_point t0) {
  return std::chrono::duration<double>(Steady::now() - t0).count();
}

Json Form(const char* text) { return *ParseJson(text, "bench"); }

const Json& Report() {
  static const Json j = Form(
      R"({"title": "机房UPS故障导致政务外网中断", "discovered_at": "2025-09-30T08:52:00+08:00",
          "description": "08:52 机房UPS告警，政务外网核心交换机掉电，全县政务外网中断。",
          "people_affected": 3000, "loss": 12.5})");
  return j;
}

std::string Unit(int u) { return "unit-" + std::to_string(u); }

void Setup(Engine* e) {
  const std::string src = ERFLOW_SOURCE_DIR;
  auto def = LoadDefinitionFile(src + "/workflows/incident-basic.json", src + "/forms");
  Check(def.status(), "load");
  Check(e->Deploy(*def, "bench").status(), "deploy");
  for (int u = 0; u < kUnits; ++u)
    for (auto [prefix, role] : {std::pair{"c", "clerk"}, {"d", "clerk"}, {"s", "supervisor"}}) {
      User user;
      user.name = prefix + std::to_string(u);
      user.roles = {role};
      user.unit = Unit(u);
      Check(e->PutUser(user), "user");
    }
}

int64_t Exec(Engine* e, Action a, const std::string& who, int64_t id, const char* task,
             const Json& form, const char* reason = "") {
  Command c;
  c.action = a;
  c.actor = who;
  c.case_id = id;
  c.task = task;
  c.form = form;
  c.plan = "incident-basic";
  c.reason = reason;
  auto out = e->Execute(c);
  Check(out.status(), task);
  return out->case_id;
}

// Grows the database from `from` to `to` seeded cases.
void Seed(Engine* e, int64_t from, int64_t to) {
  const Json assess = Form(R"({"nature": "genuine", "level": "IV", "opinion": "影响有限。"})");
  for (int64_t i = from; i < to; ++i) {
    const int u = static_cast<int>(i % kUnits);
    const int64_t id = Exec(e, Action::kOpen, "c" + std::to_string(u), 0, "", Report());
    if ((i / kUnits) % 5 == 0) Exec(e, Action::kSubmit, "d" + std::to_string(u), id, "assess", assess);
  }
}

struct Figures {
  double commands_per_s = 0;
  double clerk_p50 = 0, clerk_p99 = 0, boss_p50 = 0, boss_p99 = 0;  // microseconds
  size_t clerk_items = 0, boss_items = 0;
};

void Percentiles(std::vector<double> v, double* p50, double* p99) {
  std::sort(v.begin(), v.end());
  *p50 = v[v.size() / 2];
  *p99 = v[std::min(v.size() - 1, v.size() * 99 / 100)];
}

Figures Measure(Engine* e) {
  Figures f;
  const Json assess = Form(R"({"nature": "genuine", "level": "IV", "opinion": "影响有限。"})");
  const Json handling = Form(R"({"measures": "切换备用电源，隔离故障UPS。"})");
  const Json summary =
      Form(R"({"cause": "UPS电池老化。", "result": "已恢复。", "improvements": ["巡检"]})");
  const int kCases = 100;
  const std::string c = "c7", d = "d7", s = "s7";
  auto t0 = Steady::now();
  for (int i = 0; i < kCases; ++i) {
    int64_t id = Exec(e, Action::kOpen, c, 0, "", Report());
    Exec(e, Action::kClaim, d, id, "assess", Json());
    Exec(e, Action::kSubmit, d, id, "assess", assess);
    Exec(e, Action::kApprove, s, id, "assess", Json());
    Exec(e, Action::kSubmit, c, id, "contain", handling);
    Exec(e, Action::kSubmit, d, id, "recover", handling);
    Exec(e, Action::kSubmit, c, id, "summary", summary);
    Exec(e, Action::kReturn, s, id, "summary", Json(), "请补充损失核定。");
    Exec(e, Action::kSubmit, c, id, "summary", summary);
    Exec(e, Action::kApprove, s, id, "summary", Json());
  }
  f.commands_per_s = kCases * 10 / Since(t0);
  std::vector<double> clerk, boss;
  for (int i = 0; i < 300; ++i) {
    auto q0 = Steady::now();
    auto q = e->Queue("c3", 100);
    clerk.push_back(1e6 * Since(q0));
    Check(q.status(), "queue");
    f.clerk_items = q->size();
    auto b0 = Steady::now();
    auto b = e->Queue("s3", 100);
    boss.push_back(1e6 * Since(b0));
    Check(b.status(), "queue");
    f.boss_items = b->size();
  }
  Percentiles(clerk, &f.clerk_p50, &f.clerk_p99);
  Percentiles(boss, &f.boss_p50, &f.boss_p99);
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int64_t> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::atoll(argv[i]));
  if (sizes.empty()) sizes = {10000, 100000, 1000000};
  std::sort(sizes.begin(), sizes.end());
  char tmpl[] = "/tmp/erflow-scale-XXXXXX";
  const std::string dir = mkdtemp(tmpl), db = dir + "/erflow.db";
  ManualClock clock(*ParseTimestamp("2025-09-30T09:00:00+08:00"));
  int64_t seeded = 0;
  std::printf("%10s %12s %14s %14s %14s %10s %10s\n", "cases", "commands/s", "clerk queue",
              "supervisor q.", "(p99 c / s)", "DB MB", "seed s");
  for (int64_t size : sizes) {
    auto s0 = Steady::now();
    {
      auto engine = Engine::Open(db + "?synchronous=OFF", clock);
      Check(engine.status(), "open");
      if (seeded == 0) Setup(engine->get());
      Seed(engine->get(), seeded, size);
      seeded = size;
    }
    const double seed_seconds = Since(s0);
    auto engine = Engine::Open(db + "?synchronous=FULL", clock);
    Check(engine.status(), "reopen");
    Figures f = Measure(engine->get());
    const double mb = std::filesystem::file_size(db) / 1048576.0;
    std::printf("%10lld %12.0f %11.0f us %11.0f us %6.0f / %-6.0f %10.0f %10.1f\n",
                static_cast<long long>(size), f.commands_per_s, f.clerk_p50, f.boss_p50,
                f.clerk_p99, f.boss_p99, mb, seed_seconds);
    std::printf(
        "RESULT scale cases=%lld commands_per_s=%.0f clerk_queue_p50_us=%.0f "
        "clerk_queue_p99_us=%.0f boss_queue_p50_us=%.0f boss_queue_p99_us=%.0f clerk_items=%zu "
        "boss_items=%zu db_mb=%.0f seed_s=%.1f\n",
        static_cast<long long>(size), f.commands_per_s, f.clerk_p50, f.clerk_p99, f.boss_p50,
        f.boss_p99, f.clerk_items, f.boss_items, mb, seed_seconds);
    std::fflush(stdout);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
