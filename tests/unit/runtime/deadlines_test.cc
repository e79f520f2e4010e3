// Deadlines in the runtime against a real SQLite file and the shipped calendar: started by
// events, met or late, missed by the sweeper (overdue, escalation, proposal), reminders,
// daily reports only while the response is active, working days, unknown years.
#include <catch2/catch.hpp>

#include <optional>

#include "engine_fixture.h"

using namespace erflow;
using erflow::test::BasicReport;
using erflow::test::EngineFixture;

namespace {

// A copy, not a pointer: callers often pass a temporary state.
std::optional<DeadlineInstance> Find(const CaseState& s, const std::string& key) {
  for (const auto& d : s.deadlines)
    if (d.key == key) return d;
  return std::nullopt;
}

int64_t Fired(EngineFixture& f) {
  auto r = f.engine().Tick();
  REQUIRE(r.ok());
  REQUIRE(r->errors.empty());
  return r->fired;
}

struct DeadlineCase {
  EngineFixture f;
  int64_t id = 0;
  DeadlineCase() {
    f.AddUser("insp", "inspector", "discipline");
    f.AddUser("cityboss", "supervisor", "city-command");
    f.SetTime("2025-09-29T09:00:00+08:00");
    auto opened = f.Open("test-deadlines", "clerk1", BasicReport());
    REQUIRE(opened.ok());
    id = opened->case_id;
  }
};

}  // namespace

TEST_CASE(
    "a written report that misses 30 minutes: overdue, escalation, proposal, then late by 15") {
  DeadlineCase c;
  auto& f = c.f;
  std::optional<DeadlineInstance> d = Find(f.State(c.id), "written");
  REQUIRE(d);
  CHECK(d->state == "pending");
  CHECK(FormatTimestamp(d->due) == "2025-09-29T09:30:00+08:00");
  auto q = f.engine().Queue("clerk2");
  REQUIRE(q->size() == 1);
  CHECK(FormatTimestamp(Instant{(*q)[0].due}) == "2025-09-29T09:30:00+08:00");

  f.SetTime("2025-09-29T09:19:59+08:00");
  CHECK(Fired(f) == 0);
  f.SetTime("2025-09-29T09:20:00+08:00");
  CHECK(Fired(f) == 1);  // the reminder
  CHECK(Find(f.State(c.id), "written")->reminded);
  f.SetTime("2025-09-29T09:31:00+08:00");
  CHECK(Fired(f) == 1);  // due: missed
  CHECK(Fired(f) == 0);  // and only once

  CaseState s = f.State(c.id);
  CHECK(Find(s, "written")->state == "missed");
  // Overdue mark on the clerk's task.
  q = f.engine().Queue("clerk2");
  REQUIRE(q->size() == 1);
  CHECK((*q)[0].overdue);
  // Escalation in the responsible supervisor's queue (the incident unit's).
  auto esc = f.engine().Queue("boss1");
  REQUIRE(esc->size() == 1);
  CHECK((*esc)[0].kind == "escalation");
  CHECK((*esc)[0].title == "逾期：电话报告后30分钟内书面报告");
  // A proposed accountability item for the inspector, prefilled.
  auto insp = f.engine().Queue("insp");
  REQUIRE(insp->size() == 1);
  const TaskInstance* proposal = s.FindTask((*insp)[0].task);
  REQUIRE(proposal);
  CHECK(proposal->node == "proposal");
  CHECK(proposal->context.GetString("ground") == "late_report");
  CHECK(proposal->context.GetString("deadline_key") == "written");
  const std::string proposal_id = proposal->id;  // `s` is reassigned below

  f.SetTime("2025-09-29T09:45:00+08:00");
  REQUIRE(f.Run(Action::kSubmit, "clerk2", c.id, "written", R"({"measures": "书面报告"})").ok());
  s = f.State(c.id);
  CHECK(Find(s, "written")->state == "late");
  CHECK(Find(s, "written")->late_by == 15 * 60);
  CHECK(f.engine().Queue("boss1")->empty());  // the escalation is resolved
  // Still only one proposal for this deadline.
  int proposals = 0;
  for (const auto& t : s.tasks) proposals += t.node == "proposal";
  CHECK(proposals == 1);
  // The inspector dismisses it with a reason.
  REQUIRE(f.Run(Action::kSubmit, "insp", c.id, proposal_id,
                R"({"decision": "dismiss", "dismissal_reason": "通信中断，情有可原"})")
              .ok());
  // The engine filled the proposal's system fields from the missed deadline.
  const CaseState after = f.State(c.id);
  const Json& decided = after.data["proposal"];
  CHECK(decided.GetString("ground") == "late_report");
  CHECK(decided.GetString("deadline") == "电话报告后30分钟内书面报告");
  CHECK(decided.GetString("due_at") == "2025-09-29T09:30:00+08:00");
  CHECK(decided.GetString("decision") == "dismiss");
  auto rebuilt = f.engine().Rebuild(c.id);
  REQUIRE(rebuilt.ok());
  CHECK(rebuilt->ToJson().Dump() == f.State(c.id).ToJson().Dump());
}

TEST_CASE("work done in time meets its deadline and cancels its timers") {
  DeadlineCase c;
  auto& f = c.f;
  f.SetTime("2025-09-29T09:25:00+08:00");
  REQUIRE(f.Run(Action::kSubmit, "clerk2", c.id, "written", R"({"measures": "书面报告"})").ok());
  CHECK(Find(f.State(c.id), "written")->state == "met");
  f.SetTime("2025-09-29T12:00:00+08:00");
  CHECK(Fired(f) == 0);  // neither the reminder nor the due timer fires
  CHECK(f.engine().Queue("insp")->empty());
}

TEST_CASE("daily reports are due at 17:00 each day only while the response is active") {
  DeadlineCase c;
  auto& f = c.f;
  f.SetTime("2025-09-29T09:20:00+08:00");
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "written", R"({"measures": "书面"})").ok());
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "activate").ok());
  f.SetTime("2025-09-29T10:00:00+08:00");
  REQUIRE(f.Run(Action::kApprove, "cityboss", c.id, "activate").ok());
  CaseState s = f.State(c.id);
  std::optional<DeadlineInstance> today = Find(s, "daily@2025-09-29");
  REQUIRE(today);
  CHECK(FormatTimestamp(today->due) == "2025-09-29T17:00:00+08:00");
  REQUIRE(f.Run(Action::kSubmit, "clerk2", c.id, today->task, R"({"measures": "今日情况"})").ok());
  CHECK(Find(f.State(c.id), "daily@2025-09-29")->state == "met");
  f.SetTime("2025-09-29T17:00:00+08:00");
  CHECK(Fired(f) == 1);  // roll-over: tomorrow's report is created
  s = f.State(c.id);
  std::optional<DeadlineInstance> tomorrow = Find(s, "daily@2025-09-30");
  REQUIRE(tomorrow);
  CHECK(tomorrow->state == "pending");
  // Nobody reports on the 30th: at 17:00 it is missed, and 1 October's is created.
  f.SetTime("2025-09-30T17:00:00+08:00");
  CHECK(Fired(f) == 1);
  s = f.State(c.id);
  CHECK(Find(s, "daily@2025-09-30")->state == "missed");
  REQUIRE(Find(s, "daily@2025-10-01"));
  // The response ends on 1 October before 17:00: that day's report is no longer due.
  f.SetTime("2025-10-01T11:00:00+08:00");
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "end",
                R"({"measures": "处置完毕", "finished_at": "2025-10-01T10:30:00+08:00"})")
              .ok());
  REQUIRE(f.Run(Action::kApprove, "cityboss", c.id, "end").ok());
  s = f.State(c.id);
  CHECK(Find(s, "daily@2025-10-01")->state == "cancelled");
  for (const auto& t : s.tasks)
    if (t.node == "daily") CHECK_FALSE(t.open());
  CHECK(Find(s, "daily@2025-09-30")->state == "missed");  // still on the record
  CHECK(f.engine().Queue("boss1")->empty());              // nothing left to chase
  f.SetTime("2025-10-05T18:00:00+08:00");
  CHECK(Fired(f) == 0);
  CHECK_FALSE(Find(f.State(c.id), "daily@2025-10-02"));
}

TEST_CASE("the result report is due 5 working days after handling completed, holidays skipped") {
  DeadlineCase c;
  auto& f = c.f;
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "written", R"({"measures": "书面"})").ok());
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "activate").ok());
  REQUIRE(f.Run(Action::kApprove, "cityboss", c.id, "activate").ok());
  f.SetTime("2025-09-30T19:00:00+08:00");
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "end",
                R"({"measures": "完毕", "finished_at": "2025-09-30T18:00:00+08:00"})")
              .ok());
  REQUIRE(f.Run(Action::kApprove, "cityboss", c.id, "end").ok());
  std::optional<DeadlineInstance> d = Find(f.State(c.id), "result");
  REQUIRE(d);
  // domain.md: 1–8 Oct 2025 are holidays, Sat 11 Oct works: 9, 10, 11, 13, 14 → 14 Oct 24:00.
  CHECK(FormatTimestamp(d->due) == "2025-10-15T00:00:00+08:00");
  f.SetTime("2025-10-15T00:00:00+08:00");
  CHECK(Fired(f) == 1);
  CHECK(Find(f.State(c.id), "result")->state == "missed");
  f.SetTime("2025-10-15T09:00:00+08:00");
  REQUIRE(
      f.Run(Action::kSubmit, "clerk1", c.id, "result", R"({"cause": "c", "result": "r"})").ok());
  CaseState s = f.State(c.id);
  CHECK(s.status == "closed");
  CHECK(Find(s, "result")->state == "late");
  // The proposal outlives the closed case and can still be decided.
  const TaskInstance* proposal = nullptr;
  for (const auto& t : s.tasks)
    if (t.node == "proposal" && t.open()) proposal = &t;
  REQUIRE(proposal);
  CHECK(f.Run(Action::kSubmit, "insp", c.id, proposal->id,
              R"({"decision": "confirm", "outcome": "circulated_criticism"})")
            .ok());
}

TEST_CASE("a deadline in a year the calendar does not know is recorded as unknown, never guessed") {
  DeadlineCase c;
  auto& f = c.f;
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "written", R"({"measures": "书面"})").ok());
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "activate").ok());
  REQUIRE(f.Run(Action::kApprove, "cityboss", c.id, "activate").ok());
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "end",
                R"({"measures": "完毕", "finished_at": "2026-12-30T18:00:00+08:00"})")
              .ok());
  REQUIRE(f.Run(Action::kApprove, "cityboss", c.id, "end").ok());
  std::optional<DeadlineInstance> d = Find(f.State(c.id), "result");
  REQUIRE(d);
  CHECK(d->state == "unknown");
  CHECK_THAT(d->error, Catch::Contains("no data for 2027"));
}

TEST_CASE("a deadline with a condition applies only when it holds") {
  DeadlineCase small;  // 10 people affected
  CHECK_FALSE(Find(small.f.State(small.id), "big"));
  CHECK(Find(small.f.State(small.id), "written"));
  DeadlineCase c;
  auto big = c.f.Open(
      "test-deadlines", "clerk1",
      R"({"title": "大", "discovered_at": "2025-09-29T08:50:00+08:00", "description": "x", "people_affected": 5000})");
  REQUIRE(big.ok());
  std::optional<DeadlineInstance> d = Find(c.f.State(big->case_id), "big");
  REQUIRE(d);
  CHECK(FormatTimestamp(d->due) == "2025-09-29T09:10:00+08:00");
}

TEST_CASE("an ad-hoc task opens and closes with its availability window") {
  DeadlineCase c;
  auto& f = c.f;
  auto early = f.Run(Action::kSubmit, "clerk1", c.id, "daily", R"({"measures": "太早"})");
  CHECK(early.status().code() == Status::Code::kConflict);
  CHECK_THAT(early.status().message(), Catch::Contains("not available yet"));
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "written", R"({"measures": "书面"})").ok());
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "activate").ok());
  REQUIRE(f.Run(Action::kApprove, "cityboss", c.id, "activate").ok());
  // Activated: today's report exists (engine-made); an extra one may be started by hand.
  std::string daily = Find(f.State(c.id), "daily@2025-09-29")->task;
  REQUIRE(f.Run(Action::kSubmit, "clerk2", c.id, daily, R"({"measures": "日报"})").ok());
  CHECK(f.Run(Action::kSubmit, "clerk1", c.id, "daily", R"({"measures": "补充"})").ok());
  REQUIRE(f.Run(Action::kSubmit, "clerk1", c.id, "end",
                R"({"measures": "完毕", "finished_at": "2025-09-29T12:00:00+08:00"})")
              .ok());
  REQUIRE(f.Run(Action::kApprove, "cityboss", c.id, "end").ok());
  auto late = f.Run(Action::kSubmit, "clerk1", c.id, "daily", R"({"measures": "太晚"})");
  CHECK_THAT(late.status().message(), Catch::Contains("no longer available"));
}

TEST_CASE("system fields: refused from users, assigned by the engine (filing number)") {
  auto doc = ParseJson(R"({"id": "f", "name": {"zh": "表"}, "fields": [
      {"id": "no", "type": "text", "system": true, "required": true, "label": {"zh": "编号"}},
      {"id": "t", "type": "text", "label": {"zh": "内容"}}]})",
                       "f.json");
  auto form = ParseFormSchema(*doc, "f.json");
  REQUIRE(form.ok());
  auto sent = ValidateFormData(*form, *ParseJson(R"({"no": "自己编的", "t": "x"})", "d"));
  CHECK_THAT(sent.status().message(),
             Catch::Contains("form.no: is filled in by the system (编号); leave it out"));
  CHECK(ValidateFormData(*form, *ParseJson(R"({"t": "x"})", "d")).ok());
  Json system = Json::Object();
  system.Set("no", Json("第1号"));
  auto filled = ValidateFormData(*form, *ParseJson(R"({"t": "x"})", "d"), "form", &system);
  REQUIRE(filled.ok());
  CHECK((*filled)["no"].AsString() == "第1号");
}
