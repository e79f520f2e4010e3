// The engine's command semantics against a real SQLite file: routing through choices and
// a parallel join, the choke-point checks, idempotency, versions, and rebuild-from-history.
#include <catch2/catch.hpp>

#include "engine_fixture.h"
#include "runtime/case_events.h"

using namespace erflow;
using erflow::test::BasicReport;
using erflow::test::EngineFixture;

namespace {

std::vector<std::string> OpenNodes(const CaseState& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tasks)
    if (t.open()) out.push_back(t.node + ":" + t.phase);
  return out;
}

// Drives incident-basic up to the approved assessment; returns the case id.
int64_t ThroughAssessment(EngineFixture& f, const std::string& nature) {
  auto opened = f.Open("incident-basic", "clerk1", BasicReport());
  REQUIRE(opened.ok());
  int64_t id = opened->case_id;
  std::string form = nature == "false_alarm" ? R"({"nature": "false_alarm"})"
                                             : R"({"nature": "genuine", "level": "IV"})";
  REQUIRE(f.Run(Action::kSubmit, "clerk2", id, "assess", form).ok());
  REQUIRE(f.Run(Action::kApprove, "boss1", id, "assess").ok());
  return id;
}

}  // namespace

TEST_CASE("a case runs through an exclusive choice and a parallel join to its end") {
  EngineFixture f;
  int64_t id = ThroughAssessment(f, "genuine");
  CHECK(OpenNodes(f.State(id)) == std::vector<std::string>{"contain:fill", "recover:fill"});
  REQUIRE(f.Run(Action::kSubmit, "clerk1", id, "contain", R"({"measures": "隔离"})").ok());
  // The join waits for the second branch.
  CHECK(OpenNodes(f.State(id)) == std::vector<std::string>{"recover:fill"});
  REQUIRE(f.Run(Action::kSubmit, "clerk2", id, "recover", R"({"measures": "恢复"})").ok());
  CHECK(OpenNodes(f.State(id)) == std::vector<std::string>{"summary:fill"});
  REQUIRE(f.Run(Action::kSubmit, "clerk1", id, "summary", R"({"cause": "老化", "result": "恢复"})")
              .ok());
  auto done = f.Run(Action::kApprove, "boss2", id, "summary");
  REQUIRE(done.ok());
  CaseState s = f.State(id);
  CHECK(s.status == "closed");
  CHECK(s.outcome == "completed");
  CHECK(s.data["report"]["title"].AsString() == "机房断电");
  CHECK(s.data["assess"]["level"].AsString() == "IV");
}

TEST_CASE("the false-alarm branch closes the case") {
  EngineFixture f;
  int64_t id = ThroughAssessment(f, "false_alarm");
  CaseState s = f.State(id);
  CHECK(s.status == "closed");
  CHECK(s.outcome == "false_alarm");
  CHECK(OpenNodes(s).empty());
}

TEST_CASE("four-eyes: whoever submitted a form may not approve it") {
  EngineFixture f;
  f.AddUser("both", "clerk", "county");
  // A user holding both roles is the case four-eyes exists for.
  User u = *f.engine().GetUser("both");
  u.roles = {"clerk", "supervisor"};
  REQUIRE(f.engine().PutUser(u).ok());
  auto opened = f.Open("incident-basic", "clerk1", BasicReport());
  REQUIRE(opened.ok());
  REQUIRE(f.Run(Action::kSubmit, "both", opened->case_id, "assess",
                R"({"nature": "genuine", "level": "III"})")
              .ok());
  auto refused = f.Run(Action::kApprove, "both", opened->case_id, "assess");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == Status::Code::kForbidden);
  CHECK_THAT(refused.status().message(), Catch::Contains("four-eyes"));
  // And the approval is not in the submitter's queue, but is in another supervisor's.
  auto mine = f.engine().Queue("both");
  REQUIRE(mine.ok());
  for (const auto& w : *mine) CHECK(w.kind != "approval");
  auto theirs = f.engine().Queue("boss1");
  REQUIRE(theirs.ok());
  REQUIRE(theirs->size() == 1);
  CHECK((*theirs)[0].kind == "approval");
  CHECK(f.Run(Action::kApprove, "boss1", opened->case_id, "assess").ok());
}

TEST_CASE("role and unit are checked at the choke point") {
  EngineFixture f;
  auto opened = f.Open("incident-basic", "clerk1", BasicReport());
  REQUIRE(opened.ok());
  auto wrong_unit =
      f.Run(Action::kSubmit, "outsider", opened->case_id, "assess", R"({"nature": "false_alarm"})");
  CHECK(wrong_unit.status().code() == Status::Code::kForbidden);
  auto wrong_role =
      f.Run(Action::kSubmit, "boss1", opened->case_id, "assess", R"({"nature": "false_alarm"})");
  CHECK(wrong_role.status().code() == Status::Code::kForbidden);
  CHECK(f.Open("incident-basic", "boss1", BasicReport()).status().code() ==
        Status::Code::kForbidden);
  CHECK(f.Run(Action::kSubmit, "nobody", opened->case_id, "assess", "{}").status().code() ==
        Status::Code::kNotFound);
}

TEST_CASE("form data is validated against the schema and nothing is applied on error") {
  EngineFixture f;
  auto opened = f.Open("incident-basic", "clerk1",
                       R"({"title": "x", "discovered_at": "2025-09-30T08:00:00", "colour": 1})");
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.status().code() == Status::Code::kInvalidArgument);
  CHECK_THAT(opened.status().message(),
             Catch::Contains("form.discovered_at") && Catch::Contains("no offset"));
  CHECK_THAT(opened.status().message(), Catch::Contains("unknown field \"colour\""));
  CHECK_THAT(opened.status().message(), Catch::Contains("form.description: is required"));
  auto cases = f.engine().ListCases(CaseQuery{});
  REQUIRE(cases.ok());
  CHECK(cases->empty());
}

TEST_CASE("a stale version is refused as a conflict and nothing is applied") {
  EngineFixture f;
  auto opened = f.Open("incident-basic", "clerk1", BasicReport());
  REQUIRE(opened.ok());
  Command cmd;
  cmd.action = Action::kClaim;
  cmd.actor = "clerk2";
  cmd.case_id = opened->case_id;
  cmd.task = "assess";
  cmd.expected_version = opened->version - 1;
  auto stale = f.engine().Execute(cmd);
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.status().code() == Status::Code::kConflict);
  CHECK_THAT(stale.status().message(), Catch::Contains("stale version"));
  CHECK(f.State(opened->case_id).version == opened->version);
  cmd.expected_version = opened->version;
  CHECK(f.engine().Execute(cmd).ok());
}

TEST_CASE("a retried command with the same idempotency key is applied once") {
  EngineFixture f;
  auto opened = f.Open("incident-basic", "clerk1", BasicReport());
  REQUIRE(opened.ok());
  Command cmd;
  cmd.action = Action::kSubmit;
  cmd.actor = "clerk2";
  cmd.case_id = opened->case_id;
  cmd.task = "assess";
  cmd.form = *ParseJson(R"({"nature": "genuine", "level": "IV"})", "f");
  cmd.idempotency_key = "retry-me";
  auto first = f.engine().Execute(cmd);
  auto second = f.engine().Execute(cmd);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK_FALSE(first->replayed);
  CHECK(second->replayed);
  CHECK(second->version == first->version);
  CHECK(f.State(opened->case_id).version == first->version);
  // The same key on a different command is a conflict, not a silent success.
  cmd.action = Action::kClaim;
  CHECK(f.engine().Execute(cmd).status().code() == Status::Code::kConflict);
}

TEST_CASE("claim, unclaim and held tasks") {
  EngineFixture f;
  auto opened = f.Open("incident-basic", "clerk1", BasicReport());
  int64_t id = opened->case_id;
  REQUIRE(f.Run(Action::kClaim, "clerk2", id, "assess").ok());
  CHECK(f.Run(Action::kClaim, "clerk1", id, "assess").status().code() == Status::Code::kConflict);
  CHECK(f.Run(Action::kSubmit, "clerk1", id, "assess", R"({"nature": "false_alarm"})")
            .status()
            .code() == Status::Code::kForbidden);
  CHECK(f.Run(Action::kUnclaim, "clerk1", id, "assess").status().code() ==
        Status::Code::kForbidden);
  REQUIRE(f.Run(Action::kUnclaim, "clerk2", id, "assess").ok());
  CHECK(f.Run(Action::kSubmit, "clerk1", id, "assess", R"({"nature": "false_alarm"})").ok());
}

TEST_CASE("return (退回) sends an approval back to its submitter with the reason") {
  EngineFixture f;
  auto opened = f.Open("incident-basic", "clerk1", BasicReport());
  int64_t id = opened->case_id;
  REQUIRE(f.Run(Action::kSubmit, "clerk2", id, "assess", R"({"nature": "genuine", "level": "II"})")
              .ok());
  CHECK(f.Run(Action::kReturn, "boss1", id, "assess", "", "").status().code() ==
        Status::Code::kInvalidArgument);
  REQUIRE(f.Run(Action::kReturn, "boss1", id, "assess", "", "级别偏高，请核实").ok());
  CaseState s = f.State(id);
  const TaskInstance* t = s.OpenInstancesOf("assess")[0];
  CHECK(t->phase == "fill");
  CHECK(t->assignee == "clerk2");
  CHECK(t->return_reason == "级别偏高，请核实");
  auto q = f.engine().Queue("clerk2");
  REQUIRE(q.ok());
  REQUIRE(q->size() == 1);
  CHECK((*q)[0].task == t->id);
  // Resubmitting records the change old → new.
  auto again =
      f.Run(Action::kSubmit, "clerk2", id, "assess", R"({"nature": "genuine", "level": "IV"})");
  REQUIRE(again.ok());
  const Json& changes = again->event["changes"];
  REQUIRE(changes.size() == 1);
  CHECK(changes.items()[0].GetString("field") == "assess.level");
  CHECK(changes.items()[0]["old"].AsString() == "II");
  CHECK(changes.items()[0]["new"].AsString() == "IV");
}

TEST_CASE("return from a task's fill phase reopens the earlier task for whoever did it") {
  EngineFixture f;
  auto opened = f.Open("test-countersign", "clerk1", BasicReport());
  int64_t id = opened->case_id;
  REQUIRE(f.Run(Action::kApprove, "boss1", id, "draft").ok());
  REQUIRE(f.Run(Action::kApprove, "boss2", id, "draft").ok());
  REQUIRE(f.Run(Action::kReturn, "cityclerk", id, "review", "", "请补充说明").ok());
  CaseState s = f.State(id);
  auto open = s.OpenInstancesOf("draft");
  REQUIRE(open.size() == 1);
  CHECK(open[0]->assignee == "clerk1");
  CHECK(open[0]->return_reason == "请补充说明");
  CHECK(s.OpenInstancesOf("review").empty());
}

TEST_CASE("transfer (转办) hands a task to an eligible colleague only") {
  EngineFixture f;
  auto opened = f.Open("test-countersign", "clerk1", BasicReport());
  int64_t id = opened->case_id;
  REQUIRE(f.Run(Action::kApprove, "boss1", id, "draft").ok());
  REQUIRE(f.Run(Action::kApprove, "boss2", id, "draft").ok());
  Command t;
  t.action = Action::kTransfer;
  t.actor = "cityclerk";
  t.case_id = id;
  t.task = "review";
  t.target_user = "clerk2";  // wrong unit
  CHECK(f.engine().Execute(t).status().code() == Status::Code::kForbidden);
  t.target_user = "cityclerk2";
  REQUIRE(f.engine().Execute(t).ok());
  CHECK(f.State(id).OpenInstancesOf("review")[0]->assignee == "cityclerk2");
  CHECK(f.Run(Action::kSubmit, "cityclerk", id, "review").status().code() ==
        Status::Code::kForbidden);
  REQUIRE(f.Run(Action::kSubmit, "cityclerk2", id, "review").ok());
  CHECK(f.State(id).status == "closed");
}

TEST_CASE("countersign (会签) needs every member, the submitter is never one of them") {
  EngineFixture f;
  f.AddUser("boss3", "supervisor", "county");
  auto opened = f.Open("test-countersign", "clerk1", BasicReport());
  int64_t id = opened->case_id;
  CaseState s = f.State(id);
  const TaskInstance* t = s.OpenInstancesOf("draft")[0];
  CHECK(t->approvers == std::vector<std::string>{"boss1", "boss2", "boss3"});
  REQUIRE(f.Run(Action::kApprove, "boss1", id, "draft").ok());
  CHECK(f.Run(Action::kApprove, "boss1", id, "draft").status().code() == Status::Code::kConflict);
  REQUIRE(f.Run(Action::kApprove, "boss3", id, "draft").ok());
  CHECK(f.State(id).OpenInstancesOf("draft").size() == 1);
  auto q = f.engine().Queue("boss2");
  REQUIRE(q.ok());
  REQUIRE(q->size() == 1);
  REQUIRE(f.Run(Action::kApprove, "boss2", id, "draft").ok());
  CHECK(f.State(id).OpenInstancesOf("review").size() == 1);
}

TEST_CASE("withdraw (撤销) takes back one's own latest act only before anyone acted") {
  EngineFixture f;
  auto opened = f.Open("incident-basic", "clerk1", BasicReport());
  int64_t id = opened->case_id;
  auto submitted =
      f.Run(Action::kSubmit, "clerk2", id, "assess", R"({"nature": "genuine", "level": "IV"})");
  REQUIRE(submitted.ok());
  CHECK(f.Run(Action::kWithdraw, "clerk1", id, "assess").status().code() ==
        Status::Code::kConflict);
  auto withdrawn = f.Run(Action::kWithdraw, "clerk2", id, "assess");
  REQUIRE(withdrawn.ok());
  CaseState s = f.State(id);
  CHECK(s.OpenInstancesOf("assess")[0]->phase == "fill");
  CHECK(s.data["assess"].is_null());
  CHECK(s.version == submitted->version + 1);  // history only grows
  // Once somebody acted, it is too late.
  REQUIRE(f.Run(Action::kSubmit, "clerk2", id, "assess", R"({"nature": "genuine", "level": "IV"})")
              .ok());
  REQUIRE(f.Run(Action::kApprove, "boss1", id, "assess").ok());
  CHECK(f.Run(Action::kWithdraw, "clerk2", id, "assess").status().code() ==
        Status::Code::kConflict);
  // Withdrawing the opening itself closes the case as withdrawn.
  auto other = f.Open("incident-basic", "clerk1", BasicReport("误开"));
  REQUIRE(f.Run(Action::kWithdraw, "clerk1", other->case_id, "").ok());
  CHECK(f.State(other->case_id).outcome == "withdrawn");
}

TEST_CASE("ad-hoc tasks can be started at any time while the case is active") {
  EngineFixture f;
  auto opened = f.Open("test-countersign", "clerk1", BasicReport());
  int64_t id = opened->case_id;
  REQUIRE(f.Run(Action::kSubmit, "clerk2", id, "note", R"({"measures": "续报一"})").ok());
  REQUIRE(f.Run(Action::kSubmit, "clerk1", id, "note", R"({"measures": "续报二"})").ok());
  CaseState s = f.State(id);
  int notes = 0;
  for (const auto& t : s.tasks) notes += t.node == "note" && t.state == "done";
  CHECK(notes == 2);
  CHECK(s.data["note"]["measures"].AsString() == "续报二");
}

TEST_CASE("the snapshot equals its rebuild from history alone") {
  EngineFixture f;
  int64_t a = ThroughAssessment(f, "genuine");
  REQUIRE(f.Run(Action::kSubmit, "clerk1", a, "contain", R"({"measures": "隔离"})").ok());
  auto other = f.Open("test-countersign", "clerk1", BasicReport());
  REQUIRE(f.Run(Action::kApprove, "boss1", other->case_id, "draft").ok());
  REQUIRE(f.Run(Action::kSubmit, "clerk2", other->case_id, "note", R"({"measures": "续报"})").ok());
  REQUIRE(f.Run(Action::kWithdraw, "clerk2", other->case_id, "note").ok());
  for (int64_t id : {a, other->case_id}) {
    auto rebuilt = f.engine().Rebuild(id);
    REQUIRE(rebuilt.ok());
    CHECK(rebuilt->ToJson().Dump() == f.State(id).ToJson().Dump());
  }
  auto report = f.engine().VerifyAudit(true);
  REQUIRE(report.ok());
  CHECK(report->ok());
  CHECK(report->cases == 2);
}

TEST_CASE("a running case stays on the definition version it started with") {
  EngineFixture f;
  auto opened = f.Open("incident-basic", "clerk1", BasicReport());
  // Deploy a changed definition: the name differs, so it is a new version.
  auto def = LoadDefinitionFile(test::SourceDir() + "/workflows/incident-basic.json",
                                test::SourceDir() + "/forms");
  REQUIRE(def.ok());
  Json bundle = (*def)->bundle;
  Json doc = bundle["definition"];
  doc.Set("name", *ParseJson(R"({"zh": "一般突发事件处置流程（修订）"})", "n"));
  bundle.Set("definition", doc);
  auto changed = LoadDefinitionBundle(bundle, 0);
  REQUIRE(changed.ok());
  auto deployed = f.engine().Deploy(*changed, "test");
  REQUIRE(deployed.ok());
  CHECK(deployed->created);
  CHECK(deployed->version == 2);
  auto same = f.engine().Deploy(*changed, "test");
  CHECK_FALSE(same->created);
  CHECK(f.State(opened->case_id).plan_version == 1);
  REQUIRE(
      f.Run(Action::kSubmit, "clerk2", opened->case_id, "assess", R"({"nature": "false_alarm"})")
          .ok());
  CHECK(f.State(opened->case_id).plan_version == 1);
  auto fresh = f.Open("incident-basic", "clerk1", BasicReport());
  CHECK(f.State(fresh->case_id).plan_version == 2);
}
