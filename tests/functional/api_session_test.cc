// Sessions through the API: the cookie's attributes, expiry (the server restarted with a
// later --now: sessions live in the database, so a restart keeps them until they expire),
// sign-out, disabled users, and the engine's slow-down and lock-out after failed sign-ins.
#include "functional/api_server.h"

using namespace erflow;
using namespace erflow::test;

TEST_CASE("api: sign-in sets an HttpOnly, SameSite=Strict cookie with a lifetime", "[api]") {
  ApiWorld world;
  ApiClient c = world.Anonymous();
  auto r = c.SignIn("clerk1", ApiWorld::Password("clerk1"));
  REQUIRE(r.status == 200);
  const std::string cookie = r.header("Set-Cookie");
  CHECK_THAT(cookie, Catch::StartsWith("erflow_session="));
  CHECK_THAT(cookie, Catch::Contains("; HttpOnly"));
  CHECK_THAT(cookie, Catch::Contains("; SameSite=Strict"));
  CHECK_THAT(cookie, Catch::Contains("; Path=/"));
  CHECK_THAT(cookie, Catch::Contains("; Max-Age=28800"));
  CHECK_THAT(cookie, !Catch::Contains("Expires") && !Catch::Contains("Secure"));
  CHECK(c.token().size() == 64);
  Json body = r.json();
  CHECK(body["user"].GetString("name") == "clerk1");
  CHECK(body["user"].GetString("unit") == "county");
  CHECK(body.GetString("expires_at") == "2025-09-30T17:00:00+08:00");
  // Who am I: the same user and the same CSRF token (a reloaded page needs it again).
  auto me = c.Get("/api/v1/session");
  REQUIRE(me.status == 200);
  CHECK(me.json().GetString("csrf_token") == c.csrf());
  CHECK(me.json()["user"].GetString("name") == "clerk1");
  // The token is not a password: a made-up one is nobody.
  ApiClient forged = world.Anonymous();
  forged.set_token(std::string(64, 'a'));
  CHECK(forged.Get("/api/v1/session").status == 401);
}

TEST_CASE("api: a session expires (restart with a later clock) and then is 401", "[api]") {
  ApiWorld world;
  ApiClient c = world.As("clerk1");
  world.Start("2025-09-30T16:59:00+08:00");
  ApiClient later(world.port());
  later.set_token(c.token());
  later.set_csrf(c.csrf());
  CHECK(later.Get("/api/v1/session").status == 200);  // a restart keeps sessions
  world.Start("2025-09-30T17:00:00+08:00");
  ApiClient expired(world.port());
  expired.set_token(c.token());
  expired.set_csrf(c.csrf());
  auto r = expired.Get("/api/v1/queue");
  CHECK(r.status == 401);
  CHECK(r.error() == "unauthenticated");
  CHECK(expired.Post("/api/v1/cases", Obj({{"plan", Json("incident-basic")}})).status == 401);
}

TEST_CASE("api: sign-out ends the session everywhere and clears the cookie", "[api]") {
  ApiWorld world;
  ApiClient c = world.As("clerk1");
  ApiClient copy = c;  // the same token used from another tab
  auto out = c.Delete("/api/v1/session");
  REQUIRE(out.status == 200);
  CHECK_THAT(out.header("Set-Cookie"),
             Catch::Contains("erflow_session=;") && Catch::Contains("Max-Age=0"));
  CHECK(copy.Get("/api/v1/session").status == 401);
  CHECK(copy.Get("/api/v1/queue").status == 401);
}

TEST_CASE("api: a disabled user's sessions stop at once", "[api]") {
  ApiWorld world;
  ApiClient admin = world.As("admin1"), clerk2 = world.As("clerk2");
  CHECK(clerk2.Get("/api/v1/queue").status == 200);
  REQUIRE(admin.Patch("/api/v1/users/clerk2", Obj({{"active", Json(false)}})).status == 200);
  CHECK(clerk2.Get("/api/v1/queue").status == 401);
  CHECK(world.Anonymous().SignIn("clerk2", ApiWorld::Password("clerk2")).status == 401);
  REQUIRE(admin.Patch("/api/v1/users/clerk2", Obj({{"active", Json(true)}})).status == 200);
  CHECK(world.Anonymous().SignIn("clerk2", ApiWorld::Password("clerk2")).status == 200);
}

TEST_CASE("api: repeated failed sign-ins slow down and lock, whatever the password", "[api]") {
  ApiWorld world;
  ApiClient c = world.Anonymous();
  // A wrong user name and a wrong password get the same answer.
  auto no_user = c.SignIn("nobody", "whatever-it-is");
  auto wrong = c.SignIn("clerk1", "not-the-password");
  CHECK(no_user.status == 401);
  CHECK(wrong.status == 401);
  CHECK(no_user.error() == "sign_in_refused");
  CHECK(no_user.json().GetString("message") == wrong.json().GetString("message"));
  CHECK(c.SignIn("clerk1", "not-the-password").status == 401);
  CHECK(c.SignIn("clerk1", "not-the-password").status == 401);  // third failure: paused
  // While paused (the clock stands still) even the right password is refused.
  auto locked = c.SignIn("clerk1", ApiWorld::Password("clerk1"));
  CHECK(locked.status == 401);
  CHECK_THAT(locked.json().GetString("message"), Catch::Contains("too many failed sign-ins"));
  // Other users are not affected.
  CHECK(world.Anonymous().SignIn("clerk2", ApiWorld::Password("clerk2")).status == 200);
  // Once the pause is over, the right password works and the count starts again.
  world.Start("2025-09-30T09:00:02+08:00");
  ApiClient later = world.Anonymous();
  CHECK(later.SignIn("clerk1", ApiWorld::Password("clerk1")).status == 200);
  CHECK(later.SignIn("clerk1", "wrong-again-1").status == 401);
  CHECK(later.SignIn("clerk1", ApiWorld::Password("clerk1")).status == 200);
}

TEST_CASE("api: a user disabled by the CLI loses the session within session.cache_ms",
          "[api]") {
  ApiWorld world("session.cache_ms = 300\n");
  ApiClient clerk2 = world.As("clerk2");
  REQUIRE(clerk2.Get("/api/v1/queue").status == 200);  // the answer is now cached
  REQUIRE(world.Cli({"users", "disable", "clerk2"}).exit_code == 0);
  // Another process changed the user: the server notices once its cached answer is old.
  int status = 200;
  const auto start = std::chrono::steady_clock::now();
  while (status == 200 && std::chrono::steady_clock::now() - start < std::chrono::seconds(10))
    status = clerk2.Get("/api/v1/queue").status;
  CHECK(status == 401);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}
