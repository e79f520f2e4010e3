// The authorization matrix of the HTTP API: every endpoint × every role — a clerk of the
// case's unit, a clerk of another unit, a supervisor, an inspector, an archivist, an
// administrator and an anonymous client — with the status each must get. Authority is the
// engine's; this table is what it decides, seen through HTTP. Each row prepares its own
// state; refused requests run first, so the one allowed request sees the state the row
// set up (a refusal changes nothing).
#include <array>
#include <functional>
#include <set>

#include "functional/api_server.h"
#include "server/router.h"

using namespace erflow;
using namespace erflow::test;

namespace {

enum Col { kClerk, kOtherClerk, kSupervisor, kInspector, kArchivist, kAdmin, kAnonymous, kCols };
const char* const kWho[kCols] = {"clerk1",     "otherclerk", "boss1", "inspector1",
                                 "archivist1", "admin1",     ""};

struct Matrix {
  ApiWorld& world;
  std::array<ApiClient, kCols> as;
  int64_t case_id = 0;  // the case a row set up
  std::string pdf;      // a file a row set up (a dossier to verify)
  int counter = 0;      // for unique names

  explicit Matrix(ApiWorld& w)
      : world(w), as{w.As("clerk1"),     w.As("otherclerk"), w.As("boss1"), w.As("inspector1"),
                     w.As("archivist1"), w.As("admin1"),     w.Anonymous()} {}

  const ApiClient& clerk() const { return as[kClerk]; }
  std::string CasePath(const std::string& tail = "") const {
    return "/api/v1/cases/" + std::to_string(case_id) + tail;
  }
  // Acts as `who`, with the version read by the case's clerk (others may not see it).
  HttpResult Act(const ApiClient& who, const std::string& task, const std::string& action,
                 Json extra = Json::Object()) {
    return world.Act(who, case_id, task, action, std::move(extra), &as[kClerk]);
  }
  void NewCase() { case_id = world.OpenBasicCase(clerk()); }
  void ClerkDoes(const std::string& task, const std::string& action, Json extra = Json::Object()) {
    auto r = Act(clerk(), task, action, std::move(extra));
    INFO(r.body);
    REQUIRE(r.status == 200);
  }
};

Json Assessment() {
  return Obj({{"form", Obj({{"nature", Json("genuine")}, {"level", Json("III")}})}});
}

// A year the calendar folder does not have yet (made up: one holiday, no adjusted days).
Json Year2027() {
  auto j = ParseJson(R"({"year": 2027,
    "source": {"title": "测试用2027年节假日安排", "issued": "2026-11-01"},
    "holidays": [{"name": {"zh": "元旦", "en": "New Year's Day"},
                  "first": "2027-01-01", "last": "2027-01-01"}]})",
                     "2027");
  REQUIRE(j.ok());
  return *j;
}

struct Row {
  const char* endpoint;
  std::array<int, kCols> expect;
  std::function<void(Matrix&)> setup;
  std::function<HttpResult(Matrix&, Col)> request;
};

std::vector<Row> Rows() {
  using M = Matrix;
  auto none = [](M&) {};
  return {
      {"GET /api/v1/health",
       {200, 200, 200, 200, 200, 200, 200},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/health"); }},
      {"POST /api/v1/session",
       {200, 200, 200, 200, 200, 200, 401},
       none,
       [](M& m, Col c) {
         ApiClient fresh(m.world.port());
         return c == kAnonymous ? fresh.SignIn("clerk1", "not the password")
                                : fresh.SignIn(kWho[c], ApiWorld::Password(kWho[c]));
       }},
      {"GET /api/v1/session",
       {200, 200, 200, 200, 200, 200, 401},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/session"); }},
      {"DELETE /api/v1/session",
       {200, 200, 200, 200, 200, 200, 401},
       none,
       [](M& m, Col c) {
         // A session of its own, so the matrix's sessions live on.
         ApiClient fresh = c == kAnonymous ? m.world.Anonymous() : m.world.As(kWho[c]);
         return fresh.Delete("/api/v1/session");
       }},
      {"GET /api/v1/queue",
       {200, 200, 200, 200, 200, 200, 401},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/queue"); }},
      {"GET /api/v1/cases",
       {200, 200, 200, 200, 200, 200, 401},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/cases"); }},
      {"POST /api/v1/cases",
       {201, 201, 403, 403, 403, 403, 401},
       none,
       [](M& m, Col c) {
         Json form = Obj({{"title", Json("t")},
                          {"discovered_at", Json("2025-09-30T08:40:00+08:00")},
                          {"description", Json("d")}});
         return m.as[c].Post("/api/v1/cases",
                             Obj({{"plan", Json("incident-basic")}, {"form", form}}));
       }},
      {"GET /api/v1/cases/{id}",
       {200, 403, 200, 200, 200, 403, 401},
       [](M& m) { m.NewCase(); },
       [](M& m, Col c) { return m.as[c].Get(m.CasePath()); }},
      {"GET /api/v1/cases/{id}/forms",
       {200, 403, 200, 200, 200, 403, 401},
       [](M& m) { m.NewCase(); },
       [](M& m, Col c) { return m.as[c].Get(m.CasePath("/forms")); }},
      {"POST /api/v1/cases/{id}/tasks/{task}/{action} claim",
       {200, 403, 403, 403, 403, 403, 401},
       [](M& m) { m.NewCase(); },
       [](M& m, Col c) { return m.Act(m.as[c], "assess", "claim"); }},
      {"POST /api/v1/cases/{id}/tasks/{task}/{action} unclaim",
       {200, 403, 403, 403, 403, 403, 401},
       [](M& m) {
         m.NewCase();
         m.ClerkDoes("assess", "claim");
       },
       [](M& m, Col c) { return m.Act(m.as[c], "assess", "unclaim"); }},
      {"POST /api/v1/cases/{id}/tasks/{task}/{action} submit",
       {200, 403, 403, 403, 403, 403, 401},
       [](M& m) { m.NewCase(); },
       [](M& m, Col c) { return m.Act(m.as[c], "assess", "submit", Assessment()); }},
      {"POST /api/v1/cases/{id}/tasks/{task}/{action} approve",
       {403, 403, 200, 403, 403, 403, 401},
       [](M& m) {
         m.NewCase();
         m.ClerkDoes("assess", "submit", Assessment());
       },
       [](M& m, Col c) { return m.Act(m.as[c], "assess", "approve"); }},
      {"POST /api/v1/cases/{id}/tasks/{task}/{action} return",
       {403, 403, 200, 403, 403, 403, 401},
       [](M& m) {
         m.NewCase();
         m.ClerkDoes("assess", "submit", Assessment());
       },
       [](M& m, Col c) {
         return m.Act(m.as[c], "assess", "return", Obj({{"reason", Json("级别依据不足")}}));
       }},
      {"POST /api/v1/cases/{id}/tasks/{task}/{action} transfer",
       {200, 403, 403, 403, 403, 403, 401},
       [](M& m) { m.NewCase(); },
       [](M& m, Col c) {
         return m.Act(m.as[c], "assess", "transfer", Obj({{"to", Json("clerk2")}}));
       }},
      // Withdrawal takes back one's own latest act: for a user who can see the case but
      // did not act last there is nothing to withdraw (409), which no archivist ever has.
      {"POST /api/v1/cases/{id}/tasks/{task}/{action} withdraw",
       {200, 403, 409, 409, 409, 403, 401},
       [](M& m) {
         m.NewCase();
         m.ClerkDoes("assess", "submit", Assessment());
       },
       [](M& m, Col c) { return m.Act(m.as[c], "assess", "withdraw"); }},
      {"GET /api/v1/definitions",
       {200, 200, 200, 200, 200, 200, 401},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/definitions"); }},
      {"GET /api/v1/definitions/{id}",
       {200, 200, 200, 200, 200, 200, 401},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/definitions/incident-basic"); }},
      {"POST /api/v1/definitions",
       {403, 403, 403, 403, 403, 201, 401},
       none,
       [](M& m, Col c) {
         return m.as[c].Post("/api/v1/definitions", Obj({{"source", Json("data")},
                                                         {"ids", Arr({Json("incident-basic")})}}));
       }},
      {"GET /api/v1/users",
       {403, 403, 403, 403, 403, 200, 401},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/users"); }},
      {"POST /api/v1/users",
       {403, 403, 403, 403, 403, 201, 401},
       none,
       [](M& m, Col c) {
         return m.as[c].Post("/api/v1/users",
                             Obj({{"name", Json("new" + std::to_string(++m.counter))},
                                  {"roles", Arr({Json("clerk")})},
                                  {"unit", Json("county")}}));
       }},
      {"GET /api/v1/users/{name}",
       {403, 403, 403, 403, 403, 200, 401},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/users/clerk2"); }},
      {"PATCH /api/v1/users/{name}",
       {403, 403, 403, 403, 403, 200, 401},
       none,
       [](M& m, Col c) {
         return m.as[c].Patch("/api/v1/users/clerk2", Obj({{"display_name", Json("李四")}}));
       }},
      {"PUT /api/v1/users/{name}/password",
       {403, 403, 403, 403, 403, 200, 401},
       none,
       [](M& m, Col c) {
         return m.as[c].Put("/api/v1/users/clerk2/password",
                            Obj({{"password", Json(ApiWorld::Password("clerk2"))}}));
       }},
      {"GET /api/v1/calendar/years",
       {200, 200, 200, 200, 200, 200, 401},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/calendar/years"); }},
      {"POST /api/v1/calendar/years",
       {403, 403, 403, 403, 403, 201, 401},
       none,
       [](M& m, Col c) { return m.as[c].Post("/api/v1/calendar/years", Year2027()); }},
      {"GET /api/v1/audit/verify",
       {403, 403, 403, 403, 200, 200, 401},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/audit/verify"); }},
      {"GET /api/v1/cases/{id}/records",
       {200, 403, 200, 200, 200, 403, 401},
       [](M& m) { m.NewCase(); },
       [](M& m, Col c) { return m.as[c].Get(m.CasePath("/records")); }},
      // incident-basic issues no records: 404 to whoever may see the case.
      {"GET /api/v1/cases/{id}/records/{task}",
       {404, 403, 404, 404, 404, 403, 401},
       [](M& m) { m.NewCase(); },
       [](M& m, Col c) { return m.as[c].Get(m.CasePath("/records/report")); }},
      {"GET /api/v1/cases/{id}/dossier",
       {403, 403, 200, 403, 200, 403, 401},
       [](M& m) { m.NewCase(); },
       [](M& m, Col c) { return m.as[c].Get(m.CasePath("/dossier")); }},
      // incident-basic issues no records: 422 to whoever may see the case.
      {"POST /api/v1/cases/{id}/record-preview",
       {422, 403, 422, 422, 422, 403, 401},
       [](M& m) { m.NewCase(); },
       [](M& m, Col c) {
         return m.as[c].Post(m.CasePath("/record-preview"), Obj({{"task", Json("assess")}}));
       }},
      {"GET /api/v1/register",
       {403, 403, 200, 403, 200, 200, 401},
       none,
       [](M& m, Col c) { return m.as[c].Get("/api/v1/register?from=2025-09-01&to=2025-09-30"); }},
      {"POST /api/v1/records/verify",
       {200, 200, 200, 200, 200, 200, 401},
       [](M& m) {
         m.NewCase();
         m.pdf = m.as[kArchivist].Get(m.CasePath("/dossier")).body;
       },
       [](M& m, Col c) {
         return m.as[c].Request("POST", "/api/v1/records/verify", m.pdf,
                                {{"Content-Type", "application/pdf"}});
       }},
      {"GET / static",
       {200, 200, 200, 200, 200, 200, 200},
       none,
       [](M& m, Col c) { return m.as[c].Get("/"); }},
  };
}

}  // namespace

TEST_CASE("api: authorization matrix, every endpoint × every role", "[api]") {
  ApiWorld world;
  Matrix m(world);
  for (const Row& row : Rows()) {
    row.setup(m);
    // Refusals first: they must leave the row's state as it was for the allowed request.
    std::vector<Col> order;
    for (int pass = 0; pass < 2; ++pass)
      for (int c = 0; c < kCols; ++c)
        if ((row.expect[c] < 300) == (pass == 1)) order.push_back(static_cast<Col>(c));
    for (Col c : order) {
      HttpResult r = row.request(m, c);
      INFO(row.endpoint << " as " << (c == kAnonymous ? "anonymous" : kWho[c]) << ": " << r.body);
      CHECK(r.status == row.expect[c]);
      const bool sign_in = std::string(row.endpoint) == "POST /api/v1/session";
      if (r.status == 401) CHECK(r.error() == (sign_in ? "sign_in_refused" : "unauthenticated"));
      if (r.status == 403) CHECK(r.error() == "forbidden");
    }
  }
}

TEST_CASE("api: the authorization matrix has a row for every route of the router", "[api]") {
  std::set<std::string> covered;
  for (const Row& row : Rows()) {
    std::string e = row.endpoint;
    covered.insert(e.substr(0, e.find(' ', e.find(' ') + 1)));  // "METHOD /path"
  }
  for (const auto& route : server::Router::Routes()) {
    INFO(route.method << " " << route.pattern);
    CHECK(covered.count(route.method + " " + route.pattern) == 1);
  }
}

TEST_CASE("api: unit scoping of case lists and reads", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1"), other = world.As("otherclerk"),
            archivist = world.As("archivist1"), boss = world.As("boss1");
  const int64_t county_case = world.OpenBasicCase(clerk, "县里的事");
  const int64_t township_case = world.OpenBasicCase(other, "乡里的事");
  auto ids = [](const HttpResult& r) {
    std::vector<int64_t> out;
    const Json j = r.json();
    for (const auto& c : j["cases"].items()) out.push_back(c.GetInt("id"));
    return out;
  };
  CHECK(ids(clerk.Get("/api/v1/cases")) == std::vector<int64_t>{county_case});
  CHECK(ids(boss.Get("/api/v1/cases")) == std::vector<int64_t>{county_case});
  CHECK(ids(other.Get("/api/v1/cases")) == std::vector<int64_t>{township_case});
  CHECK(ids(archivist.Get("/api/v1/cases")) == std::vector<int64_t>{county_case, township_case});
  // Filtering by another unit does not widen what a unit-scoped user sees.
  CHECK(ids(clerk.Get("/api/v1/cases?unit=township")).empty());
  CHECK(other.Get("/api/v1/cases/" + std::to_string(county_case)).status == 403);
  // The queue shows only one's own unit's work.
  auto queue = other.Get("/api/v1/queue").json()["items"];
  REQUIRE(queue.size() == 1);
  CHECK(queue.items()[0].GetInt("case") == township_case);
}
