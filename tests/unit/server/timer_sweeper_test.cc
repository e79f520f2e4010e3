// The server's timer sweeper in process, with a clock the test moves: it fires what is
// due when it starts, wakes for a timer when nudged after a command, and stops promptly
// however long its interval.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "erflow/definition_loader.h"
#include "erflow/engine.h"
#include "erflow/time_format.h"
#include "server/timer_sweeper.h"
#include "test_support.h"

using namespace erflow;
using namespace erflow::test;

namespace {

struct SweeperWorld {
  TempDir dir;
  ManualClock clock{*ParseTimestamp("2025-09-29T09:00:00+08:00")};
  std::unique_ptr<Engine> engine;
  int64_t case_id = 0;

  SweeperWorld() {
    auto cal = Calendar::LoadDir(SourceDir() + "/calendars");
    REQUIRE(cal.ok());
    auto e = Engine::Open(dir.File("erflow.db"), clock,
                          std::make_shared<const Calendar>(std::move(cal).value()));
    REQUIRE(e.ok());
    engine = std::move(e).value();
    auto def = LoadDefinitionFile(SourceDir() + "/tests/data/workflows/deadlines.json",
                                  SourceDir() + "/forms");
    REQUIRE(def.ok());
    REQUIRE(engine->Deploy(*def, "test").ok());
    REQUIRE(engine->PutUser(User{"clerk1", "", {"clerk"}, "county", true, "unit"}).ok());
    REQUIRE(engine->PutUser(User{"boss1", "", {"supervisor"}, "county", true, "unit"}).ok());
    Command open;
    open.action = Action::kOpen;
    open.actor = "clerk1";
    open.plan = "test-deadlines";
    auto form = ParseJson(
        R"({"title": "断网", "discovered_at": "2025-09-29T08:55:00+08:00", "description": "x"})",
        "form");
    open.form = *form;
    auto out = engine->Execute(open);
    REQUIRE(out.ok());
    case_id = out->case_id;
  }

  std::string DeadlineState() {
    auto c = engine->GetCase(case_id);
    REQUIRE(c.ok());
    REQUIRE(c->state.deadlines.size() == 1);
    return c->state.deadlines[0].state;
  }

  // Polls (with a deadline) until the written-report deadline is missed.
  bool MissedWithin(std::chrono::seconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
      if (DeadlineState() == "missed") return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }
};

}  // namespace

TEST_CASE("sweeper: fires what is already due when it starts (and, not asked to, no anchors)",
          "[api][sweeper]") {
  SweeperWorld w;
  w.clock.Set(*ParseTimestamp("2025-09-29T09:31:00+08:00"));
  server::TimerSweeper sweeper(w.engine.get(), std::chrono::hours(1), 100);
  sweeper.Start();
  CHECK(w.MissedWithin(std::chrono::seconds(10)));
  sweeper.Stop();
  CHECK(sweeper.fired() == 2);  // the reminder and the due timer
  // An anchor would have been written by the first sweep, before it fired them.
  CHECK(sweeper.anchors() == 0);
  auto audit = w.engine->VerifyAudit(false);
  REQUIRE(audit.ok());
  CHECK(audit->anchors == 0);
}

TEST_CASE("sweeper: a nudge makes it look again, Stop does not wait for the interval",
          "[api][sweeper]") {
  SweeperWorld w;
  server::TimerSweeper sweeper(w.engine.get(), std::chrono::hours(1), 100);
  sweeper.Start();
  // Nothing is due yet: it sleeps (up to the due time, at most an hour of real time).
  CHECK(w.DeadlineState() == "pending");
  w.clock.Set(*ParseTimestamp("2025-09-29T09:45:00+08:00"));
  sweeper.Nudge();
  CHECK(w.MissedWithin(std::chrono::seconds(10)));
  const auto before = std::chrono::steady_clock::now();
  sweeper.Stop();
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(5));
  CHECK(sweeper.fired() == 2);
}

namespace {

// Polls (with a deadline) until the store holds `want` anchors.
bool AnchorsWithin(Engine& engine, int64_t want, std::chrono::seconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    auto audit = engine.VerifyAudit(false);
    REQUIRE(audit.ok());
    if (audit->anchors == want) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

}  // namespace

TEST_CASE("sweeper: writes audit anchors when it starts and each interval of the engine clock",
          "[api][sweeper]") {
  SweeperWorld w;
  server::TimerSweeper sweeper(w.engine.get(), std::chrono::hours(1), 100,
                               std::chrono::seconds(600));
  sweeper.Start();
  CHECK(AnchorsWithin(*w.engine, 1, std::chrono::seconds(10)));
  // A case changes, and ten minutes pass on the engine's clock: the next sweep anchors it.
  Command open;
  open.action = Action::kOpen;
  open.actor = "clerk1";
  open.plan = "test-deadlines";
  open.form = *ParseJson(
      R"({"title": "又断网", "discovered_at": "2025-09-29T09:05:00+08:00", "description": "y"})",
      "form");
  REQUIRE(w.engine->Execute(open).ok());
  w.clock.Set(*ParseTimestamp("2025-09-29T09:10:01+08:00"));
  sweeper.Nudge();
  CHECK(AnchorsWithin(*w.engine, 2, std::chrono::seconds(10)));
  sweeper.Stop();
  CHECK(sweeper.anchors() == 2);
  auto audit = w.engine->VerifyAudit(true);
  REQUIRE(audit.ok());
  CHECK(audit->ok());
}
