// Races over HTTP against one `erflow serve` on SQLite: several signed-in clients send the
// same change at the same moment, each from its own thread and connection. Supervisors
// approving one task, clerks claiming one task: one gets 200, every other a 409 that says
// why (the version it saw is stale, or the task is gone). A double click — the same
// request twice at once under one Idempotency-Key — applies once and answers both.
// (The same races across several nodes on PostgreSQL are in cluster_test.cc; between CLI
// processes in races_cli_test.cc.)
#include <atomic>
#include <thread>

#include "functional/api_server.h"

using namespace erflow;
using namespace erflow::test;

namespace {

constexpr int kClients = 6;

std::string TaskPath(int64_t id, const std::string& task, const std::string& action) {
  return "/api/v1/cases/" + std::to_string(id) + "/tasks/" + task + "/" + action;
}

// Every client posts `body` to `path` at once; returns their answers in client order.
std::vector<HttpResult> Together(const std::vector<ApiClient>& clients, const std::string& path,
                                 const Json& body, const Headers& headers = {}) {
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<HttpResult> results(clients.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < clients.size(); ++i)
    threads.emplace_back([&, i] {
      ++ready;
      while (!go) std::this_thread::yield();
      results[i] = clients[i].Post(path, body, headers);
    });
  while (ready < static_cast<int>(clients.size())) std::this_thread::yield();
  go = true;
  for (auto& t : threads) t.join();
  return results;
}

int CountEvents(const Json& c, const std::string& command, const std::string& node) {
  int n = 0;
  for (const auto& e : c["history"].items())
    n += e.GetString("command") == command && e.GetString("node") == node;
  return n;
}

// One winner; every loser a 409 conflict for a reason a user can act on.
void CheckOneWinner(const std::vector<HttpResult>& results) {
  int won = 0;
  for (const auto& r : results) {
    INFO(r.status << " " << r.body);
    if (r.status == 200) {
      ++won;
      continue;
    }
    REQUIRE(r.status == 409);
    CHECK(r.error() == "conflict");
    CHECK_THAT(r.json().GetString("message"),
               Catch::Contains("stale version") || Catch::Contains("already done") ||
                   Catch::Contains("already claimed") || Catch::Contains("is not open"));
  }
  CHECK(won == 1);
}

}  // namespace

TEST_CASE("races over HTTP: supervisors approving one task at once — one 200, the rest 409",
          "[api][races]") {
  ApiWorld world;
  for (int b = 3; b <= kClients; ++b) {
    const std::string name = "boss" + std::to_string(b);
    REQUIRE(world.Cli({"users", "add", name, "--role", "supervisor", "--unit", "county"})
                .exit_code == 0);
    REQUIRE(world.Cli({"users", "password", name}, ApiWorld::Password(name)).exit_code == 0);
  }
  ApiClient clerk1 = world.As("clerk1"), clerk2 = world.As("clerk2");
  std::vector<ApiClient> bosses;
  for (int b = 1; b <= kClients; ++b) bosses.push_back(world.As("boss" + std::to_string(b)));
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    const int64_t id = world.OpenBasicCase(clerk1, "并发审批" + std::to_string(round));
    REQUIRE(world
                .Act(clerk2, id, "assess", "submit",
                     Obj({{"form", Obj({{"nature", Json("genuine")}, {"level", Json("III")}})}}))
                .status == 200);
    const int64_t version = world.Case(clerk1, id).GetInt("version");
    CheckOneWinner(
        Together(bosses, TaskPath(id, "assess", "approve"), Obj({{"version", Json(version)}})));
    CHECK(CountEvents(world.Case(clerk1, id), "approve", "assess") == 1);
  }
  CHECK(world.Cli({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("races over HTTP: clerks claiming one task at once — one holds it", "[api][races]") {
  ApiWorld world;
  for (int c = 3; c <= kClients; ++c) {
    const std::string name = "clerk" + std::to_string(c);
    REQUIRE(world.Cli({"users", "add", name, "--role", "clerk", "--unit", "county"}).exit_code ==
            0);
    REQUIRE(world.Cli({"users", "password", name}, ApiWorld::Password(name)).exit_code == 0);
  }
  std::vector<ApiClient> clerks;
  for (int c = 1; c <= kClients; ++c) clerks.push_back(world.As("clerk" + std::to_string(c)));
  const int64_t id = world.OpenBasicCase(clerks[0]);
  const int64_t version = world.Case(clerks[0], id).GetInt("version");
  auto results =
      Together(clerks, TaskPath(id, "assess", "claim"), Obj({{"version", Json(version)}}));
  CheckOneWinner(results);
  Json c = world.Case(clerks[0], id);
  CHECK(CountEvents(c, "claim", "assess") == 1);
  // The task is held by the one whose claim was answered 200.
  for (size_t i = 0; i < results.size(); ++i)
    if (results[i].status == 200)
      for (const auto& t : c["tasks"].items())
        if (t.GetString("node") == "assess")
          CHECK(t.GetString("assignee") == "clerk" + std::to_string(i + 1));
}

TEST_CASE("races over HTTP: a double click under one Idempotency-Key applies once",
          "[api][races]") {
  ApiWorld world;
  ApiClient clerk1 = world.As("clerk1"), clerk2 = world.As("clerk2");
  const int64_t id = world.OpenBasicCase(clerk1);
  REQUIRE(world
              .Act(clerk2, id, "assess", "submit",
                   Obj({{"form", Obj({{"nature", Json("genuine")}, {"level", Json("IV")}})}}))
              .status == 200);
  const int64_t version = world.Case(clerk1, id).GetInt("version");
  // Two connections of the same supervisor (two tabs), the same request, the same key.
  std::vector<ApiClient> tabs;
  for (int i = 0; i < 2; ++i) tabs.push_back(world.As("boss1"));
  auto results = Together(tabs, TaskPath(id, "assess", "approve"),
                          Obj({{"version", Json(version)}}), {{"Idempotency-Key", "dbl-7"}});
  int replayed = 0;
  for (const auto& r : results) {
    INFO(r.body);
    REQUIRE(r.status == 200);
    replayed += r.json().GetBool("replayed");
    CHECK(r.json().GetInt("version") == version + 1);
  }
  CHECK(replayed == 1);
  CHECK(CountEvents(world.Case(clerk1, id), "approve", "assess") == 1);
}
