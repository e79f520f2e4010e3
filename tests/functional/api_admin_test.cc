// Administration through the API: users (create, update, disable, passwords), definitions
// (list, show, deploy from the data folder or an uploaded bundle), calendar years (list,
// add — written to the calendar folder and used at once) and audit verification that
// notices a tampered database.
#include <filesystem>

#include "functional/api_server.h"

using namespace erflow;
using namespace erflow::test;

TEST_CASE("api: users are created, updated and given passwords by an admin", "[api]") {
  ApiWorld world;
  ApiClient admin = world.As("admin1");
  Json zhang = Obj({{"name", Json("zhang.wei")},
                    {"display_name", Json("张伟")},
                    {"roles", Arr({Json("clerk")})},
                    {"unit", Json("county")}});
  auto created = admin.Post("/api/v1/users", zhang);
  REQUIRE(created.status == 201);
  CHECK(created.header("Location") == "/api/v1/users/zhang.wei");
  CHECK(created.json().GetString("display_name") == "张伟");
  CHECK(created.json().GetString("scope") == "unit");
  CHECK(admin.Post("/api/v1/users", zhang).status == 409);
  // The engine's rules come back as 422.
  auto bad_role = admin.Post(
      "/api/v1/users",
      Obj({{"name", Json("x1")}, {"roles", Arr({Json("superviser")})}, {"unit", Json("county")}}));
  CHECK(bad_role.status == 422);
  CHECK_THAT(bad_role.json().GetString("message"), Catch::Contains("unknown role"));
  auto weak = admin.Post("/api/v1/users", Obj({{"name", Json("x2")},
                                               {"roles", Arr({Json("clerk")})},
                                               {"unit", Json("county")},
                                               {"password", Json("short")}}));
  CHECK(weak.status == 422);
  CHECK_THAT(weak.json()["fields"].GetString("password"), Catch::Contains("10 characters"));
  CHECK(admin.Get("/api/v1/users/x2").status == 404);  // a weak password creates nobody
  auto bad_scope = admin.Patch("/api/v1/users/zhang.wei", Obj({{"scope", Json("everything")}}));
  CHECK(bad_scope.status == 422);
  // Update and password, then zhang.wei signs in and works as a supervisor.
  auto updated = admin.Patch("/api/v1/users/zhang.wei",
                             Obj({{"roles", Arr({Json("clerk"), Json("supervisor")})}}));
  REQUIRE(updated.status == 200);
  CHECK(updated.json()["roles"].size() == 2);
  CHECK(updated.json().GetString("unit") == "county");
  CHECK(world.Anonymous().SignIn("zhang.wei", "new-password-1").status == 401);
  REQUIRE(admin.Put("/api/v1/users/zhang.wei/password", Obj({{"password", Json("new-password-1")}}))
              .status == 200);
  ApiClient zhang_client = world.Anonymous();
  REQUIRE(zhang_client.SignIn("zhang.wei", "new-password-1").status == 200);
  CHECK(zhang_client.Get("/api/v1/session").json()["user"]["roles"].size() == 2);
  CHECK(admin.Put("/api/v1/users/nobody/password", Obj({{"password", Json("long-enough-1")}}))
            .status == 404);
  // The list has everyone.
  CHECK(admin.Get("/api/v1/users").json()["users"].size() == ApiWorld::People().size() + 1);
}

TEST_CASE("api: definitions are listed, shown and deployed from data or a bundle", "[api]") {
  ApiWorld world;
  ApiClient admin = world.As("admin1"), clerk = world.As("clerk1");
  Json list = clerk.Get("/api/v1/definitions").json();
  CHECK(list["definitions"].size() >= 6);
  auto shown = clerk.Get("/api/v1/definitions/incident-basic");
  REQUIRE(shown.status == 200);
  Json def = shown.json();
  CHECK(def.GetInt("version") == 1);
  CHECK(def["definition"].GetString("start") == "report");
  CHECK(clerk.Get("/api/v1/definitions/nothing").status == 404);
  CHECK(clerk.Get("/api/v1/definitions/incident-basic?version=9").status == 404);

  // From the data folder: unchanged content is not a new version.
  auto same = admin.Post("/api/v1/definitions",
                         Obj({{"source", Json("data")}, {"ids", Arr({Json("incident-basic")})}}));
  REQUIRE(same.status == 201);
  CHECK_FALSE(same.json()["deployed"].items()[0].GetBool("created"));
  CHECK(admin
            .Post("/api/v1/definitions",
                  Obj({{"source", Json("data")}, {"ids", Arr({Json("../../etc/passwd")})}}))
            .status == 422);
  CHECK(admin
            .Post("/api/v1/definitions",
                  Obj({{"source", Json("data")}, {"ids", Arr({Json("no-such-plan")})}}))
            .status == 404);

  // An uploaded bundle: the test plan with deadlines and the forms it needs.
  auto doc = ParseJsonFile(SourceDir() + "/tests/data/workflows/deadlines.json");
  REQUIRE(doc.ok());
  Json forms = Json::Array();
  for (const char* f :
       {"basic-report", "basic-handling", "basic-summary", "common-accountability-proposal"}) {
    auto schema = ParseJsonFile(SourceDir() + "/forms/" + f + ".json");
    REQUIRE(schema.ok());
    forms.Push(Obj({{"file", Json(std::string(f) + ".json")}, {"schema", *schema}}));
  }
  Json bundle = Obj({{"definition", *doc}, {"forms", forms}});
  auto deployed =
      admin.Post("/api/v1/definitions", Obj({{"source", Json("bundle")}, {"bundle", bundle}}));
  INFO(deployed.body);
  REQUIRE(deployed.status == 201);
  CHECK(deployed.json()["deployed"].items()[0].GetString("id") == "test-deadlines");
  CHECK(deployed.json()["deployed"].items()[0].GetBool("created"));
  auto c = clerk.Post("/api/v1/cases",
                      Obj({{"plan", Json("test-deadlines")},
                           {"form", Obj({{"title", Json("t")},
                                         {"discovered_at", Json("2025-09-30T08:50:00+08:00")},
                                         {"description", Json("d")}})}}));
  CHECK(c.status == 201);
  // A bundle with a mistake: every problem by its path.
  Json broken = *doc;
  broken.Find("stages")->items()[0].Find("tasks")->items()[0].Set("role", Json("boss"));
  auto bad = admin.Post("/api/v1/definitions",
                        Obj({{"source", Json("bundle")},
                             {"bundle", Obj({{"definition", broken}, {"forms", forms}})}}));
  CHECK(bad.status == 422);
  CHECK_THAT(bad.json()["fields"].GetString("stages[0].tasks[0].role"),
             Catch::Contains("unknown role"));
  CHECK(admin.Post("/api/v1/definitions", Obj({{"source", Json("ftp")}})).status == 422);
}

TEST_CASE("api: a calendar year is added, written to the folder and used at once", "[api]") {
  ApiWorld world;
  ApiClient admin = world.As("admin1"), clerk = world.As("clerk1");
  Json years = clerk.Get("/api/v1/calendar/years").json();
  REQUIRE(years["years"].size() == 3);
  const Json& y2025 = years["years"].items()[1];
  CHECK(y2025.GetInt("year") == 2025);
  CHECK(y2025["source"].GetString("number") == "国办发明电〔2024〕12号");
  CHECK(y2025["holidays"].items()[0]["name"].GetString("zh") == "元旦");

  auto doc = ParseJson(R"({"year": 2027,
    "source": {"title": "测试用2027年节假日安排", "issued": "2026-11-01"},
    "holidays": [{"name": {"zh": "元旦", "en": "New Year's Day"},
                  "first": "2027-01-01", "last": "2027-01-01"}]})",
                       "2027");
  REQUIRE(doc.ok());
  auto added = admin.Post("/api/v1/calendar/years", *doc);
  REQUIRE(added.status == 201);
  CHECK(added.json().GetInt("year") == 2027);
  CHECK(clerk.Get("/api/v1/calendar/years").json()["years"].size() == 4);
  CHECK(std::filesystem::exists(world.dir().File("calendars/2027.json")));
  CHECK(admin.Post("/api/v1/calendar/years", *doc).status == 409);
  // The file is a calendar file like the others: the CLI reads it.
  auto cli = RunErflow({"--data", world.dir().path(), "calendar", "day", "2027-01-01"});
  CHECK(cli.exit_code == 0);
  CHECK_THAT(cli.out, Catch::Contains("元旦"));
  // A bad year: each problem by its path.
  Json bad = *doc;
  bad.Set("year", Json(2028));
  bad.Find("holidays")->items()[0].Set("first", Json("2028-02-30"));
  auto refused = admin.Post("/api/v1/calendar/years", bad);
  CHECK(refused.status == 422);
  CHECK(refused.json()["fields"].Has("holidays[0].first"));
  CHECK_FALSE(std::filesystem::exists(world.dir().File("calendars/2028.json")));
}

TEST_CASE("api: audit verification finds an event edited behind the engine's back", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1"), archivist = world.As("archivist1");
  const int64_t id = world.OpenBasicCase(clerk);
  Json ok = archivist.Get("/api/v1/audit/verify").json();
  CHECK(ok.GetBool("ok"));
  CHECK(ok.GetInt("events") == 1);
  REQUIRE(RunShell("sqlite3 " + ShellQuote(world.db()) +
                   " \"UPDATE events SET body = replace(body, '断网', '误报') WHERE case_id = " +
                   std::to_string(id) + "\"")
              .exit_code == 0);
  Json bad = archivist.Get("/api/v1/audit/verify?snapshots=false").json();
  CHECK_FALSE(bad.GetBool("ok"));
  REQUIRE(bad["problems"].size() == 1);
  CHECK(bad["problems"].items()[0].GetInt("case") == id);
  CHECK_THAT(bad["problems"].items()[0].GetString("message"), Catch::Contains("edited"));
}
