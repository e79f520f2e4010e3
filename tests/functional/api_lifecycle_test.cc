// Cases through the API from report to close: queue, claim, submit, four-eyes refusal,
// approve, return with a reason, transfer, withdraw, the parallel handling tasks, the
// summary; the archivist who reads everything and changes nothing; the forms the UI
// renders; and deadlines fired by the server's own sweeper, seen in the case detail.
#include "functional/api_server.h"

using namespace erflow;
using namespace erflow::test;

namespace {

Json Form(std::initializer_list<std::pair<const char*, Json>> fields) {
  return Obj({{"form", Obj(fields)}});
}

void Ok(const HttpResult& r) {
  INFO(r.body);
  REQUIRE(r.status == 200);
}

const Json* FindTask(const Json& c, const std::string& node) {
  for (const auto& t : c["tasks"].items())
    if (t.GetString("node") == node) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE("api: a full case lifecycle, with four-eyes refused through the API", "[api]") {
  ApiWorld world;
  ApiClient admin = world.As("admin1");
  // A user holding both roles: the engine must still refuse them approving their own work.
  REQUIRE(admin
              .Post("/api/v1/users", Obj({{"name", Json("dual")},
                                          {"display_name", Json("王五")},
                                          {"roles", Arr({Json("clerk"), Json("supervisor")})},
                                          {"unit", Json("county")},
                                          {"password", Json(ApiWorld::Password("dual"))}}))
              .status == 201);
  ApiClient clerk1 = world.As("clerk1"), clerk2 = world.As("clerk2"), boss = world.As("boss1"),
            dual = world.As("dual");
  const int64_t id = world.OpenBasicCase(clerk1);

  // The assessment waits in the county clerks' queue.
  Json queue = clerk2.Get("/api/v1/queue").json();
  REQUIRE(queue["items"].size() == 1);
  CHECK(queue["items"].items()[0].GetString("node") == "assess");
  CHECK(queue["items"].items()[0].GetString("kind") == "task");
  CHECK(queue.GetString("now") == ApiWorld::kNow);  // the server's (drill) clock, for countdowns

  // dual submits the assessment, and may not approve it.
  Ok(world.Act(dual, id, "assess", "submit",
               Form({{"nature", Json("genuine")}, {"level", Json("III")}})));
  auto four_eyes = world.Act(dual, id, "assess", "approve");
  CHECK(four_eyes.status == 403);
  CHECK(four_eyes.error() == "forbidden");
  CHECK_THAT(four_eyes.json().GetString("message"), Catch::Contains("four-eyes"));
  // Their queue never offered it.
  const Json dual_queue = dual.Get("/api/v1/queue").json();
  for (const auto& w : dual_queue["items"].items()) CHECK(w.GetString("kind") != "approval");

  // The supervisor sends it back with a reason; it returns to the one who submitted it.
  Ok(world.Act(boss, id, "assess", "return", Obj({{"reason", Json("级别依据不足，请补充")}})));
  Json c = world.Case(clerk1, id);
  const Json& last = c["history"].items().back();
  CHECK(last.GetString("command") == "return");
  CHECK(last.GetString("reason") == "级别依据不足，请补充");
  CHECK(last.GetString("actor") == "boss1");

  const Json* assess = FindTask(c, "assess");
  REQUIRE(assess);
  CHECK(assess->GetString("assignee") == "dual");
  CHECK(assess->GetString("phase") == "fill");
  CHECK(assess->GetString("return_reason") == "级别依据不足，请补充");
  // dual hands it over to clerk2 (转办), who submits, takes it back (撤销) and submits again.
  Ok(world.Act(dual, id, "assess", "transfer", Obj({{"to", Json("clerk2")}})));
  Ok(world.Act(clerk2, id, "assess", "submit",
               Form({{"nature", Json("genuine")}, {"level", Json("II")}})));
  Ok(world.Act(clerk2, id, "assess", "withdraw", Obj({{"reason", Json("级别填错")}})));
  Ok(world.Act(clerk2, id, "assess", "submit",
               Form({{"nature", Json("genuine")}, {"level", Json("III")}})));
  Ok(world.Act(boss, id, "assess", "approve"));

  // Parallel handling, then the summary and its approval close the case.
  Ok(world.Act(clerk1, id, "contain", "submit", Form({{"measures", Json("断开受影响链路")}})));
  Ok(world.Act(clerk2, id, "recover", "submit", Form({{"measures", Json("切换备用线路")}})));
  Ok(world.Act(clerk1, id, "summary", "submit",
               Form({{"cause", Json("光缆被挖断")}, {"result", Json("已恢复")}})));
  Ok(world.Act(boss, id, "summary", "approve"));

  c = world.Case(clerk1, id);
  CHECK(c.GetString("status") == "closed");
  CHECK(c.GetString("outcome") == "completed");
  CHECK(c["fields"].GetString("level") == "III");
  for (const auto& s : c["stages"].items()) CHECK(s.GetString("state") == "done");
  CHECK(c["history"].items()[0].GetString("command") == "open");
  CHECK(c["history"].items()[0]["changes"].size() == 3);
  // Closed: no more changes.
  CHECK(world.Act(clerk1, id, "summary", "submit", Form({{"cause", Json("x")}})).status == 409);
  auto audit = admin.Get("/api/v1/audit/verify").json();
  CHECK(audit.GetBool("ok"));
  CHECK(audit.GetInt("cases") == 1);
}

TEST_CASE("api: an archivist reads everything and changes nothing", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1"), archivist = world.As("archivist1");
  const int64_t id = world.OpenBasicCase(clerk);
  CHECK(archivist.Get("/api/v1/cases").json()["cases"].size() == 1);
  CHECK(archivist.Get("/api/v1/cases/" + std::to_string(id) + "/forms").status == 200);
  // Each action tried where it would be valid for the right person, so the refusal is
  // about who asks, not about the state of the task.
  auto refused = [&](const char* action, Json extra = Json::Object()) {
    const Json before = world.Case(archivist, id);
    auto r = world.Act(archivist, id, "assess", action, std::move(extra));
    INFO(action << ": " << r.body);
    CHECK(r.status == 403);
    CHECK(r.error() == "forbidden");
    const Json after = world.Case(archivist, id);
    CHECK(after.GetInt("version") == before.GetInt("version"));
    CHECK(after["history"].size() == before["history"].size());
  };
  refused("claim");
  refused("submit", Form({{"nature", Json("genuine")}, {"level", Json("IV")}}));
  refused("transfer", Obj({{"to", Json("clerk2")}}));
  Ok(world.Act(clerk, id, "assess", "claim"));
  refused("unclaim");
  Ok(world.Act(clerk, id, "assess", "submit",
               Form({{"nature", Json("genuine")}, {"level", Json("IV")}})));
  refused("approve");
  refused("return", Obj({{"reason", Json("x")}}));
  // Withdrawal takes back one's own act, and an archivist has none.
  CHECK(world.Act(archivist, id, "assess", "withdraw").status == 409);
  CHECK(archivist.Post("/api/v1/cases", Obj({{"plan", Json("incident-basic")}})).status == 403);
  CHECK(archivist.Get("/api/v1/cases").json()["cases"].size() == 1);
}

TEST_CASE("api: the forms of a case, as the UI renders and checks them", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1");
  const int64_t id = world.OpenBasicCase(clerk);
  auto r = clerk.Get("/api/v1/cases/" + std::to_string(id) + "/forms");
  REQUIRE(r.status == 200);
  Json f = r.json();
  CHECK(f.GetString("plan") == "incident-basic");
  CHECK(f.GetInt("version") == 1);
  const Json* assess = nullptr;
  for (const auto& t : f["tasks"].items())
    if (t.GetString("id") == "assess") assess = &t;
  REQUIRE(assess);
  CHECK(assess->GetString("form") == "basic-assessment");
  CHECK(assess->GetString("return_to") == "report");
  CHECK(assess->GetString("approval_mode") == "any");
  CHECK((*assess)["approval_label"].GetString("zh") == "确认研判");
  CHECK((*assess)["approval_actions"].Dump() == R"(["approve","return","transfer","withdraw"])");
  const Json& report = f["forms"]["basic-report"];
  REQUIRE(report.is_object());
  const Json& title = report["fields"].items()[0];
  CHECK(title.GetString("id") == "title");
  CHECK(title.GetString("type") == "text");
  CHECK(title.GetBool("required"));
  CHECK(title.GetInt("maxLength") == 100);
  CHECK(f["forms"]["basic-assessment"].is_object());
}

TEST_CASE("api: deadlines fire inside the server, seen through the case detail", "[api]") {
  ApiWorld world("sweeper.interval_ms = 60000\n", false);
  REQUIRE(world.Cli({"definitions", "deploy", SourceDir() + "/tests/data/workflows/deadlines.json"})
              .exit_code == 0);
  world.Start("2025-09-29T09:00:00+08:00");
  ApiClient clerk = world.As("clerk1");
  auto opened = clerk.Post("/api/v1/cases",
                           Obj({{"plan", Json("test-deadlines")},
                                {"form", Obj({{"title", Json("断网")},
                                              {"discovered_at", Json("2025-09-29T08:55:00+08:00")},
                                              {"description", Json("x")}})}}));
  REQUIRE(opened.status == 201);
  const int64_t id = opened.json().GetInt("case");
  Json c = world.Case(clerk, id);
  REQUIRE(c["deadlines"].size() == 1);
  CHECK(c["deadlines"].items()[0].GetString("state") == "pending");
  CHECK(c["deadlines"].items()[0].GetString("due") == "2025-09-29T09:30:00+08:00");

  // The server comes back after the due time; nobody runs `erflow tick`.
  world.Start("2025-09-29T09:40:00+08:00");
  ApiClient again = world.As("clerk1");
  std::string state;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    state = world.Case(again, id)["deadlines"].items()[0].GetString("state");
    if (state == "missed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK(state == "missed");
  Json after = world.Case(again, id);
  CHECK(after["history"].items().back().GetString("command") == "timer");
  CHECK(after["history"].items().back().GetString("actor") == "system");
  // The escalation is in the supervisor's queue, overdue first; the case lists as overdue.
  ApiClient boss = world.As("boss1");
  Json queue = boss.Get("/api/v1/queue").json();
  REQUIRE(queue["items"].size() >= 1);
  CHECK(queue["items"].items()[0].GetString("kind") == "escalation");
  CHECK(queue["items"].items()[0].GetBool("overdue"));
  CHECK(again.Get("/api/v1/cases?overdue=true").json()["cases"].size() == 1);
  CHECK(again.Get("/api/v1/cases?overdue=false").json()["cases"].size() == 0);
  CHECK(world.server().Stop() == 0);
  CHECK_THAT(world.server().log(), Catch::Contains("timer(s) fired"));
}
