// Passwords, sessions, lock-out and what a user may see.
#include <catch2/catch.hpp>

#include "engine_fixture.h"
#include "erflow/authority.h"

using namespace erflow;
using erflow::test::BasicReport;
using erflow::test::EngineFixture;

TEST_CASE("passwords are slow-hashed and salted, sessions expire and can be revoked") {
  EngineFixture f;
  CHECK(f.engine().SetPassword("clerk1", "short").code() == Status::Code::kInvalidArgument);
  REQUIRE(f.engine().SetPassword("clerk1", "correct horse battery").ok());
  CHECK(f.engine().SignIn("clerk1", "wrong password!").status().code() == Status::Code::kForbidden);
  CHECK(f.engine().SignIn("nobody", "correct horse battery").status().message() ==
        "wrong user name or password");
  auto s = f.engine().SignIn("clerk1", "correct horse battery", 3600);
  REQUIRE(s.ok());
  CHECK(s->token.size() == 64);
  CHECK(s->csrf.size() == 32);
  auto resumed = f.engine().ResumeSession(s->token);
  REQUIRE(resumed.ok());
  CHECK(resumed->first.name == "clerk1");
  CHECK(resumed->second.csrf == s->csrf);
  CHECK(f.engine().ResumeSession("forged").status().code() == Status::Code::kUnauthenticated);
  f.clock().Advance(3601);
  CHECK(f.engine().ResumeSession(s->token).status().code() == Status::Code::kUnauthenticated);
  auto again = f.engine().SignIn("clerk1", "correct horse battery");
  REQUIRE(again.ok());
  REQUIRE(f.engine().SignOut(again->token).ok());
  CHECK(f.engine().ResumeSession(again->token).status().code() == Status::Code::kUnauthenticated);
}

TEST_CASE("repeated failures slow sign-in down and then lock the account") {
  EngineFixture f;
  REQUIRE(f.engine().SetPassword("clerk1", "correct horse battery").ok());
  for (int i = 0; i < 3; ++i) CHECK_FALSE(f.engine().SignIn("clerk1", "guess").ok());
  // After the third failure even the right password waits a moment.
  auto paused = f.engine().SignIn("clerk1", "correct horse battery");
  CHECK_THAT(paused.status().message(), Catch::Contains("too many failed sign-ins"));
  f.clock().Advance(2);
  REQUIRE(f.engine().SignIn("clerk1", "correct horse battery").ok());  // and success resets
  for (int i = 0; i < 10; ++i) {
    f.clock().Advance(120);
    CHECK_FALSE(f.engine().SignIn("clerk1", "guess").ok());
  }
  f.clock().Advance(14 * 60);
  CHECK_THAT(f.engine().SignIn("clerk1", "correct horse battery").status().message(),
             Catch::Contains("too many failed sign-ins"));
  f.clock().Advance(61);
  CHECK(f.engine().SignIn("clerk1", "correct horse battery").ok());
}

TEST_CASE("a user sees the cases their unit takes part in, scope all sees every case") {
  EngineFixture f;
  f.AddUser("archivist", "archivist", "archive");
  User arch = *f.engine().GetUser("archivist");
  arch.scope = "all";
  REQUIRE(f.engine().PutUser(arch).ok());
  auto a = f.Open("incident-basic", "clerk1", BasicReport());
  auto b = f.Open("test-countersign", "clerk1", BasicReport());
  REQUIRE(f.Run(Action::kApprove, "boss1", b->case_id, "draft").ok());
  REQUIRE(
      f.Run(Action::kApprove, "boss2", b->case_id, "draft").ok());  // now routed to city-command
  User outsider = *f.engine().GetUser("outsider");
  User city = *f.engine().GetUser("cityclerk");
  User clerk = *f.engine().GetUser("clerk1");
  CHECK(f.engine().GetCaseAs(outsider, a->case_id).status().code() == Status::Code::kForbidden);
  CHECK(f.engine().GetCaseAs(clerk, a->case_id).ok());
  CHECK(f.engine().GetCaseAs(city, b->case_id).ok());
  CHECK(f.engine().GetCaseAs(city, a->case_id).status().code() == Status::Code::kForbidden);
  CHECK(f.engine().GetCaseAs(arch, a->case_id).ok());
  CHECK(f.engine().ListCasesAs(outsider, CaseQuery{})->empty());
  CHECK(f.engine().ListCasesAs(city, CaseQuery{})->size() == 1);
  CHECK(f.engine().ListCasesAs(clerk, CaseQuery{})->size() == 2);
  CHECK(f.engine().ListCasesAs(arch, CaseQuery{})->size() == 2);
  // Archivists read and export but change nothing; only admins manage.
  CHECK(Authorize(arch, Permission::kExportRecords).ok());
  CHECK(Authorize(arch, Permission::kDeploy).code() == Status::Code::kForbidden);
  CHECK(f.Run(Action::kClaim, "archivist", a->case_id, "assess").status().code() ==
        Status::Code::kForbidden);
}
