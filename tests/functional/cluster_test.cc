// Several `erflow serve` nodes on one PostgreSQL database: any node takes any command,
// conflicting commands on one case have exactly one winner, every timer fires once with
// every node sweeping, and a node killed mid-stream loses nothing — its clients retry on
// another node with the same idempotency key.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "functional/api_server.h"
#include "store_backends.h"

using namespace erflow;
using namespace erflow::test;

namespace {

constexpr const char* kT0 = "2025-09-29T09:00:00+08:00";

// A fresh PostgreSQL database with the plans, users with passwords, and a server config.
class Cluster {
 public:
  Cluster() {
    for (const auto& b : StoreBackends())
      if (b.name == "postgresql") url_ = b.fresh_url();
    if (url_.empty()) return;
    REQUIRE(Cli({"definitions", "deploy"}).exit_code == 0);
    REQUIRE(Cli({"definitions", "deploy", SourceDir() + "/tests/data/workflows/deadlines.json"})
                .exit_code == 0);
    for (auto [name, role, unit] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"clerk1", "clerk", "county"},
             {"clerk2", "clerk", "county"},
             {"boss1", "supervisor", "county"},
             {"boss2", "supervisor", "county"},
             {"cityboss", "supervisor", "city-command"},
             {"insp", "inspector", "discipline"}}) {
      REQUIRE(Cli({"users", "add", name, "--role", role, "--unit", unit}).exit_code == 0);
      REQUIRE(Cli({"users", "password", name}, "pw-" + name + "-0000").exit_code == 0);
    }
    std::filesystem::create_directories(dir_.File("web"));
    WriteFile(dir_.File("web/index.html"), "<!doctype html><title>erflow</title>");
    config_ = dir_.File("server.properties");
    WriteFile(config_, "server.web_root = " + dir_.File("web") + "\ncalendar.folder = " +
                           SourceDir() + "/calendars\nsweeper.interval_ms = 100\n");
  }
  bool available() const { return !url_.empty(); }

  RunResult Cli(std::vector<std::string> args, const std::string& in = "",
                const std::string& now = kT0) const {
    args.insert(args.begin(), {"--db", url_, "--now", now});
    return RunErflow(args, in);
  }
  std::unique_ptr<ApiServer> Node(const std::string& now) const {
    return std::make_unique<ApiServer>(
        dir_.path(), std::vector<std::string>{"--db", url_, "--now", now},
        std::vector<std::string>{"--port", "0", "--config", config_});
  }
  int64_t OpenBasic(const std::string& title) const {
    auto r = Cli({"case", "open", "incident-basic", "--as", "clerk1", "--form", "-"},
                 R"({"title": ")" + title +
                     R"(", "discovered_at": "2025-09-29T08:50:00+08:00", "description": "x"})");
    REQUIRE(r.exit_code == 0);
    return std::stoll(r.out);
  }
  Json Case(int64_t id) const {
    auto r = Cli({"case", "show", std::to_string(id), "--json"});
    REQUIRE(r.exit_code == 0);
    return *ParseJson(r.out, "case");
  }

 private:
  TempDir dir_;
  std::string url_, config_;
};

bool SkipWithoutPostgres(const Cluster& c) {
  if (c.available()) return false;
  if (std::getenv("ERFLOW_REQUIRE_PG"))
    FAIL("ERFLOW_REQUIRE_PG is set but no PostgreSQL cluster is");
  WARN("no PostgreSQL cluster (run through scripts/test): cluster test not run");
  return true;
}

Json Body(int64_t version, const std::string& form = "") {
  Json b = Json::Object();
  b.Set("version", Json(version));
  if (!form.empty()) b.Set("form", *ParseJson(form, "form"));
  return b;
}

}  // namespace

TEST_CASE("cluster: approvals racing on two nodes have exactly one winner per task") {
  Cluster c;
  if (SkipWithoutPostgres(c)) return;
  std::vector<int64_t> cases;
  for (int i = 0; i < 6; ++i) {
    int64_t id = c.OpenBasic("并发" + std::to_string(i));
    REQUIRE(c.Cli({"case", "act", std::to_string(id), "assess", "submit", "--as", "clerk2",
                   "--form", "-"},
                  R"({"nature": "genuine", "level": "IV"})")
                .exit_code == 0);
    cases.push_back(id);
  }
  auto a = c.Node(kT0), b = c.Node(kT0);
  // Two supervisors, each on their own node, approve every case at the same moment.
  ApiClient boss1(a->port()), boss2(b->port());
  REQUIRE(boss1.SignIn("boss1", "pw-boss1-0000").status == 200);
  REQUIRE(boss2.SignIn("boss2", "pw-boss2-0000").status == 200);
  for (int64_t id : cases) {
    const std::string path = "/api/v1/cases/" + std::to_string(id) + "/tasks/assess/approve";
    std::atomic<int> go{0};
    HttpResult r1, r2;
    std::thread t1([&] {
      while (!go) {
      }
      r1 = boss1.Post(path, Body(2));
    });
    std::thread t2([&] {
      while (!go) {
      }
      r2 = boss2.Post(path, Body(2));
    });
    go = 1;
    t1.join();
    t2.join();
    INFO("case " << id << ": " << r1.status << " " << r1.body << " / " << r2.status << " "
                 << r2.body);
    CHECK(((r1.status == 200) != (r2.status == 200)));
    CHECK((r1.status == 409 || r2.status == 409));
    Json after = c.Case(id);
    int approvals = 0;
    for (const auto& e : after["history"].items()) approvals += e.GetString("command") == "approve";
    CHECK(approvals == 1);
  }
  CHECK(c.Cli({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("cluster: with both nodes sweeping, every timer fires exactly once") {
  Cluster c;
  if (SkipWithoutPostgres(c)) return;
  const int n = 12;
  for (int i = 0; i < n; ++i)
    REQUIRE(
        c.Cli({"case", "open", "test-deadlines", "--as", "clerk1", "--form", "-"},
              R"({"title": "t", "discovered_at": "2025-09-29T08:55:00+08:00", "description": "x"})")
            .exit_code == 0);
  // Two hours later, both nodes' sweepers find 2 timers per case due (reminder, due).
  auto a = c.Node("2025-09-29T11:00:00+08:00"), b = c.Node("2025-09-29T11:00:00+08:00");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int missed = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    missed = 0;
    for (int id = 1; id <= n; ++id) {
      const Json one = c.Case(id);
      for (const auto& d : one["deadlines"].items()) missed += d.GetString("state") == "missed";
    }
    if (missed == n) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  REQUIRE(missed == n);
  a->Stop();
  b->Stop();
  for (int id = 1; id <= n; ++id) {
    Json cs = c.Case(id);
    int timers = 0, proposals = 0;
    for (const auto& e : cs["history"].items()) timers += e.GetString("command") == "timer";
    for (const auto& t : cs["tasks"].items()) proposals += t.GetString("node") == "proposal";
    INFO("case " << id);
    CHECK(timers == 2);
    CHECK(proposals == 1);
  }
  CHECK(c.Cli({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("cluster: a node killed mid-stream loses nothing, clients retry on the other node") {
  Cluster c;
  if (SkipWithoutPostgres(c)) return;
  const int n = 16;
  std::vector<int64_t> cases;
  for (int i = 0; i < n; ++i) cases.push_back(c.OpenBasic("流" + std::to_string(i)));
  auto a = c.Node(kT0), b = c.Node(kT0);
  ApiClient on_a(a->port()), on_b(b->port());
  REQUIRE(on_a.SignIn("clerk2", "pw-clerk2-0000").status == 200);
  on_b.set_token(on_a.token());  // sessions live in the database: one sign-in serves every node
  on_b.set_csrf(on_a.csrf());
  int retried = 0;
  for (int i = 0; i < n; ++i) {
    if (i == n / 2) a->Stop(SIGKILL);  // node A dies without warning
    const std::string path = "/api/v1/cases/" + std::to_string(cases[i]) + "/tasks/assess/submit";
    const Headers key{{"Idempotency-Key", "stream-" + std::to_string(i)}};
    const Json body = Body(1, R"({"nature": "genuine", "level": "IV"})");
    HttpResult r;
    bool sent = false;
    try {
      r = (i % 2 == 0 ? on_a : on_b).Post(path, body, key);
      sent = true;
    } catch (const Poco::Exception&) {
    }
    if (!sent || r.status >= 500) {
      ++retried;
      r = on_b.Post(path, body, key);  // same key: applied once whatever happened before
    }
    INFO("case " << cases[i] << ": " << r.status << " " << r.body);
    CHECK(r.status == 200);
  }
  CHECK(retried >= 1);
  // A retry of a command that did land is answered from history, not applied again.
  auto again = on_b.Post("/api/v1/cases/" + std::to_string(cases[0]) + "/tasks/assess/submit",
                         Body(1, R"({"nature": "genuine", "level": "IV"})"),
                         Headers{{"Idempotency-Key", "stream-0"}});
  CHECK(again.status == 200);
  CHECK(again.json().GetBool("replayed"));
  for (int64_t id : cases) {
    Json cs = c.Case(id);
    int submits = 0;
    for (const auto& e : cs["history"].items())
      submits += e.GetString("command") == "submit" && e.GetString("task") == "t2";
    CHECK(submits == 1);
    CHECK(cs.GetInt("version") == 2);
  }
  CHECK(c.Cli({"audit", "verify"}).exit_code == 0);
}
