// Requests the API must refuse, and how: malformed JSON (400), wrong types and unknown
// members (422 naming the field), oversized bodies (413, before reading them), CSRF
// (403), stale versions (409), idempotent retries, bad query parameters — and SQL-looking
// text, which is data like any other and comes back exactly as sent.
#include <Poco/Net/StreamSocket.h>

#include "functional/api_server.h"

using namespace erflow;
using namespace erflow::test;

namespace {

std::string CasePath(int64_t id, const std::string& tail = "") {
  return "/api/v1/cases/" + std::to_string(id) + tail;
}

// Sends raw bytes on a fresh connection and returns everything the server sends back
// before closing (with a deadline).
std::string RawExchange(int port, const std::string& bytes) {
  Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
  s.setReceiveTimeout(Poco::Timespan(10, 0));
  s.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  std::string out;
  char buf[4096];
  try {
    for (int n; (n = s.receiveBytes(buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  } catch (const Poco::Exception&) {
  }
  return out;
}

}  // namespace

TEST_CASE("api: malformed JSON is 400 with the position, not-an-object too", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1");
  auto r = clerk.Request("POST", "/api/v1/cases", "{\"plan\": ");
  CHECK(r.status == 400);
  CHECK(r.error() == "bad_json");
  CHECK_THAT(r.json().GetString("message"), Catch::Contains("request body:1:10"));
  auto arr = clerk.Request("POST", "/api/v1/cases", "[1, 2]");
  CHECK(arr.status == 400);
  CHECK(arr.error() == "bad_json");
  auto bad_utf8 = clerk.Request("POST", "/api/v1/cases", "{\"plan\": \"\xff\xfe\"}");
  CHECK(bad_utf8.status == 400);
  auto empty = clerk.Request("POST", "/api/v1/cases", "");
  CHECK(empty.status == 400);
  CHECK(clerk.Get("/api/v1/cases").json()["cases"].size() == 0);
}

TEST_CASE("api: wrong types, unknown and missing members are 422 naming each field", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1");
  // Form data: a wrong type, an unknown field, a missing required field — all at once.
  auto r = clerk.Post("/api/v1/cases", Obj({{"plan", Json("incident-basic")},
                                            {"form", Obj({{"title", Json(7)},
                                                          {"discovered_at", Json("yesterday")},
                                                          {"colour", Json("red")}})}}));
  REQUIRE(r.status == 422);
  Json fields = r.json()["fields"];
  CHECK(r.error() == "invalid_argument");
  CHECK(fields.GetString("title") == "expected text, found integer");
  CHECK_THAT(fields.GetString("discovered_at"), Catch::Contains("yesterday"));
  CHECK_THAT(fields.GetString("colour"), Catch::Contains("unknown field"));
  CHECK_THAT(fields.GetString("description"), Catch::Contains("is required"));
  // Request members: wrong type, unknown, missing.
  const int64_t id = world.OpenBasicCase(clerk);
  auto m = clerk.Post(CasePath(id, "/tasks/assess/claim"),
                      Obj({{"version", Json("1")}, {"reason", Json("x")}}));
  REQUIRE(m.status == 422);
  CHECK(m.json()["fields"].GetString("version") == "expected an integer, found string");
  CHECK_THAT(m.json()["fields"].GetString("reason"), Catch::Contains("unknown member"));
  auto missing = clerk.Post(CasePath(id, "/tasks/assess/return"), Obj({{"version", Json(1)}}));
  CHECK(missing.status == 422);
  CHECK(missing.json()["fields"].GetString("reason") == "is required");
  auto form_type = clerk.Post(CasePath(id, "/tasks/assess/submit"),
                              Obj({{"version", Json(1)}, {"form", Json("genuine")}}));
  CHECK(form_type.status == 422);
  CHECK(form_type.json()["fields"].GetString("form") == "expected an object, found string");
  // A plan's own rule ("a genuine incident needs a level") names its field too.
  auto rule =
      world.Act(clerk, id, "assess", "submit", Obj({{"form", Obj({{"nature", Json("genuine")}})}}));
  CHECK(rule.status == 422);
  CHECK_THAT(rule.json()["fields"].GetString("level"), Catch::Contains("a genuine incident"));
  // Nothing was applied by any of them.
  CHECK(world.Case(clerk, id).GetInt("version") == 1);
}

TEST_CASE("api: bodies over the limit are 413 before they are read", "[api]") {
  ApiWorld world("server.max_body_bytes = 4096\n");
  ApiClient clerk = world.As("clerk1");
  const std::string big = "{\"plan\": \"" + std::string(8000, 'x') + "\"}";
  auto r = clerk.Request("POST", "/api/v1/cases", big);
  CHECK(r.status == 413);
  CHECK(r.error() == "too_large");
  CHECK(r.header("Connection") == "Close");
  // Declared bigger than the limit: refused from the header alone, even as the body is
  // still arriving (only the headers and a first part are sent here).
  const std::string head =
      "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nCookie: erflow_session=" + clerk.token() +
      "\r\nX-CSRF-Token: " + clerk.csrf() +
      "\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{";
  std::string answer = RawExchange(world.port(), head);
  CHECK_THAT(answer, Catch::StartsWith("HTTP/1.1 413"));
  // Chunked, without a length: cut off at the limit.
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(world.port()));
  Poco::Net::HTTPRequest req("POST", "/api/v1/cases", Poco::Net::HTTPMessage::HTTP_1_1);
  req.set("Cookie", "erflow_session=" + clerk.token());
  req.set("X-CSRF-Token", clerk.csrf());
  req.setChunkedTransferEncoding(true);
  session.sendRequest(req) << big;
  Poco::Net::HTTPResponse resp;
  session.receiveResponse(resp);
  CHECK(resp.getStatus() == 413);
  // The server is fine afterwards and nothing was opened.
  CHECK(clerk.Get("/api/v1/cases").json()["cases"].size() == 0);
  // A body just under the limit is read normally (and judged on its content).
  auto ok =
      clerk.Request("POST", "/api/v1/cases", "{\"plan\": \"" + std::string(4000, 'x') + "\"}");
  CHECK(ok.status == 404);
}

TEST_CASE("api: SQL-looking text is stored and returned verbatim", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1");
  const std::string evil = "'); DROP TABLE cases;-- \" OR 1=1 --";
  const int64_t id = world.OpenBasicCase(clerk, evil);
  Json c = world.Case(clerk, id);
  CHECK(c["data"]["report"].GetString("title") == evil);
  CHECK(c["fields"].GetString("title") == evil);
  // As a filter value it is just a value that matches nothing…
  auto filtered = clerk.Get("/api/v1/cases?plan=%27%29%3B%20DROP%20TABLE%20cases%3B--");
  REQUIRE(filtered.status == 200);
  CHECK(filtered.json()["cases"].size() == 0);
  // …or exactly what has that value.
  auto by_title = clerk.Get(
      "/api/v1/cases?field.title=%27%29%3B%20DROP%20TABLE%20cases%3B--%20%22%20OR%201%"
      "3D1%20--");
  REQUIRE(by_title.status == 200);
  CHECK(by_title.json()["cases"].size() == 1);
  auto list = clerk.Get("/api/v1/cases").json();
  REQUIRE(list["cases"].size() == 1);
  CHECK(list["cases"].items()[0]["fields"].GetString("title") == evil);
  CHECK(world.Cli({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("api: a stale version is 409 and applies nothing", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1"), clerk2 = world.As("clerk2");
  const int64_t id = world.OpenBasicCase(clerk);
  // Both saw version 1; clerk2 claims first, clerk1's submit at version 1 is stale.
  REQUIRE(clerk2.Post(CasePath(id, "/tasks/assess/claim"), Obj({{"version", Json(1)}})).status ==
          200);
  auto stale =
      clerk.Post(CasePath(id, "/tasks/assess/submit"),
                 Obj({{"version", Json(1)}, {"form", Obj({{"nature", Json("false_alarm")}})}}));
  CHECK(stale.status == 409);
  CHECK(stale.error() == "conflict");
  CHECK_THAT(stale.json().GetString("message"), Catch::Contains("stale version"));
  Json c = world.Case(clerk, id);
  CHECK(c.GetInt("version") == 2);
  CHECK(c["data"]["assess"].is_null());
}

TEST_CASE("api: CSRF token missing or wrong is 403 and changes nothing", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1");
  const int64_t id = world.OpenBasicCase(clerk);
  ApiClient no_token = clerk, wrong = clerk;
  no_token.set_csrf("");
  wrong.set_csrf(std::string(clerk.csrf().size(), '0'));
  for (const ApiClient* c : {&no_token, &wrong}) {
    auto r = c->Post(CasePath(id, "/tasks/assess/claim"), Obj({{"version", Json(1)}}));
    CHECK(r.status == 403);
    CHECK(r.error() == "csrf");
    CHECK(c->Delete("/api/v1/session").status == 403);
  }
  // Another session's token does not do either.
  ApiClient other = world.As("clerk1");
  ApiClient mixed = clerk;
  mixed.set_csrf(other.csrf());
  CHECK(mixed.Post(CasePath(id, "/tasks/assess/claim"), Obj({{"version", Json(1)}})).status == 403);
  CHECK(world.Case(clerk, id).GetInt("version") == 1);
  CHECK(clerk.Get("/api/v1/session").status == 200);  // still signed in
  CHECK(clerk.Post(CasePath(id, "/tasks/assess/claim"), Obj({{"version", Json(1)}})).status == 200);
}

TEST_CASE("api: an idempotent retry applies once, keys are per user", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1"), clerk2 = world.As("clerk2");
  const Headers key{{"Idempotency-Key", "open-7f3a"}};
  Json body = Obj({{"plan", Json("incident-basic")},
                   {"form", Obj({{"title", Json("重试")},
                                 {"discovered_at", Json("2025-09-30T08:40:00+08:00")},
                                 {"description", Json("x")}})}});
  auto first = clerk.Post("/api/v1/cases", body, key);
  auto again = clerk.Post("/api/v1/cases", body, key);
  REQUIRE(first.status == 201);
  REQUIRE(again.status == 201);
  CHECK_FALSE(first.json().GetBool("replayed"));
  CHECK(again.json().GetBool("replayed"));
  CHECK(again.json().GetInt("case") == first.json().GetInt("case"));
  // The same key from another user is that user's own.
  auto theirs = clerk2.Post("/api/v1/cases", body, key);
  REQUIRE(theirs.status == 201);
  CHECK_FALSE(theirs.json().GetBool("replayed"));
  CHECK(clerk.Get("/api/v1/cases").json()["cases"].size() == 2);
  // Reused for a different command: 409.
  auto reused = clerk.Post(CasePath(first.json().GetInt("case"), "/tasks/assess/claim"),
                           Obj({{"version", Json(1)}}), key);
  CHECK(reused.status == 409);
  auto bad = clerk.Post("/api/v1/cases", body, {{"Idempotency-Key", "has space"}});
  CHECK(bad.status == 400);
  CHECK(bad.error() == "bad_request");
}

TEST_CASE("api: unknown paths, methods, ids, actions and query parameters", "[api]") {
  ApiWorld world;
  ApiClient clerk = world.As("clerk1");
  const int64_t id = world.OpenBasicCase(clerk);
  auto nothing = clerk.Get("/api/v1/nothing");
  CHECK(nothing.status == 404);
  CHECK(nothing.error() == "not_found");
  auto method = clerk.Request("PUT", "/api/v1/cases", "{}");
  CHECK(method.status == 405);
  CHECK(method.header("Allow") == "GET, POST");
  CHECK(clerk.Get("/api/v1/cases/abc").status == 400);
  CHECK(clerk.Get("/api/v1/cases/0").status == 400);
  CHECK(clerk.Get("/api/v1/cases/999").status == 404);
  CHECK(world.Act(clerk, id, "assess", "frobnicate").status == 404);
  CHECK(clerk.Get("/api/v1/cases?limit=abc").status == 400);
  CHECK(clerk.Get("/api/v1/cases?limit=0").status == 400);
  CHECK(clerk.Get("/api/v1/cases?colour=red").status == 400);
  CHECK(clerk.Get("/api/v1/cases?status=open").status == 400);
  CHECK(clerk.Get("/api/v1/cases?from=yesterday").status == 400);
  CHECK(clerk.Get("/api/v1/cases?overdue=maybe").status == 400);
  CHECK(clerk.Get("/api/v1/cases?plan=a&plan=b").status == 400);
  CHECK(clerk.Get("/api/v1/queue?limit=501").status == 400);
  auto no_task = world.Act(clerk, id, "nosuchtask", "claim");
  CHECK(no_task.status == 404);
}
