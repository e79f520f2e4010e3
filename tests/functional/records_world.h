// RecordsWorld: a real database with every plan deployed, opened in the test process
// with the PdfRecordIssuer the erflow binary uses, the demo CA (scripts/make-demo-ca),
// drills played step by step through the engine, and the real binary for the commands
// under test (record, dossier, verify, register, keys, audit). Header-only: only
// *_test.cc files are compiled into the test binary.
// Thread rules: test code, one thread (the CLI runs in child processes).
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "erflow/calendar.h"
#include "erflow/definition_loader.h"
#include "erflow/engine.h"
#include "erflow/reports/pdf/signing_key.h"
#include "erflow/reports/records/key_material.h"
#include "erflow/reports/records/pdf_record_issuer.h"
#include "erflow/time_format.h"
#include "test_support.h"

namespace erflow::test {

inline Json LoadDrill(const std::string& file) {
  auto d = ParseJsonFile(SourceDir() + "/drills/" + file);
  INFO(d.status().ToString());
  REQUIRE(d.ok());
  return *d;
}

// The index of the last step of `drill` with this action on this task.
inline size_t LastStep(const Json& drill, const std::string& action, const std::string& task) {
  const auto& steps = drill["steps"].items();
  for (size_t i = steps.size(); i-- > 0;)
    if (steps[i].GetString("action") == action && steps[i].GetString("task") == task) return i;
  FAIL("the drill has no step " << action << " " << task);
  return 0;
}

inline std::string Run(const RunResult& r) {
  return "exit " + std::to_string(r.exit_code) + "\nstdout: " + r.out + "\nstderr: " + r.err;
}

class RecordsWorld {
 public:
  RecordsWorld()
      : db_(dir_.File("erflow.db")), clock_(*ParseTimestamp("2025-09-29T08:00:00+08:00")) {
    REQUIRE_FALSE(DemoCaDir().empty());
    auto cal = Calendar::LoadDir(SourceDir() + "/calendars");
    REQUIRE(cal.ok());
    auto issuer = records::PdfRecordIssuer::Create(SourceDir() + "/reports/templates");
    INFO(issuer.status().ToString());
    REQUIRE(issuer.ok());
    issuer_ = *issuer;
    auto e = Engine::Open(db_, clock_, std::make_shared<Calendar>(std::move(cal).value()), issuer_);
    INFO(e.status().ToString());
    REQUIRE(e.ok());
    engine_ = std::move(e).value();
    for (const auto& file : ListJsonFiles(SourceDir() + "/workflows")) {
      auto def = LoadDefinitionFile(file, SourceDir() + "/forms");
      INFO(def.status().ToString());
      REQUIRE(def.ok());
      REQUIRE(engine_->Deploy(*def, "test").ok());
    }
  }

  Engine& engine() { return *engine_; }
  ManualClock& clock() { return clock_; }
  const std::string& db() const { return db_; }
  const TempDir& dir() const { return dir_; }
  const records::PdfRecordIssuer& issuer() const { return *issuer_; }
  static std::string CaFile(const std::string& name = "ca.pem") { return DemoCaDir() + "/" + name; }

  // A demo key (reporter.p12: CN 张伟, supervisor.p12: CN 王芳 …) as `user`'s signing key.
  void ImportKey(const std::string& user, const std::string& p12 = "reporter.p12") {
    auto k = pdf::LoadSigningKeyFile(CaFile(p12), kDemoKeyPassword, clock_.Now());
    INFO(k.status().ToString());
    REQUIRE(k.ok());
    auto stored = engine_->ImportSigningKey("", user, records::KeyInfoOf(*k));
    INFO(stored.status().ToString());
    REQUIRE(stored.ok());
  }

  // The drill's users; each gets a signing key unless named in `without_keys`.
  void AddDrillUsers(const Json& drill, const std::set<std::string>& without_keys = {}) {
    for (const auto& u : drill["users"].items()) {
      User user;
      user.name = u.GetString("name");
      user.display_name = u.GetString("display");
      user.unit = u.GetString("unit");
      for (const auto& r : u["roles"].items()) user.roles.push_back(r.AsString());
      REQUIRE(engine_->PutUser(user).ok());
      if (!without_keys.count(user.name)) ImportKey(user.name);
    }
  }

  // Plays steps [from, to) of `drill` at their own moments; an "open" step sets *case_id.
  // Steps expected to be refused must be refused with that code.
  void Play(const Json& drill, size_t from, size_t to, int64_t* case_id) {
    const auto& steps = drill["steps"].items();
    for (size_t i = from; i < to && i < steps.size(); ++i) {
      const Json& s = steps[i];
      clock_.Set(*ParseTimestamp(s.GetString("at")));
      Command cmd;
      cmd.action = *ActionFromName(s.GetString("action"));
      cmd.actor = s.GetString("as");
      cmd.plan = drill.GetString("plan");
      cmd.case_id = *case_id;
      cmd.task = s.GetString("task");
      cmd.form = s["form"];
      cmd.reason = s.GetString("reason");
      cmd.target_user = s.GetString("to");
      auto out = engine_->Execute(cmd);
      INFO("steps[" << i << "] " << s.GetString("action") << " " << cmd.task << " as " << cmd.actor
                    << ": " << (out.ok() ? "ok" : out.status().ToString()));
      if (s.Has("expect")) {
        REQUIRE_FALSE(out.ok());
        CHECK(out.status().CodeName() == s.GetString("expect"));
        continue;
      }
      REQUIRE(out.ok());
      if (cmd.action == Action::kOpen) *case_id = out->case_id;
    }
  }

  // The real binary on this database; `now` empty: the clock's now.
  RunResult Cli(std::vector<std::string> args, const std::string& now = "",
                const std::string& stdin_text = "") const {
    args.insert(args.begin(),
                {"--db", db_, "--now", now.empty() ? FormatTimestamp(clock_.Now()) : now});
    return RunErflow(args, stdin_text);
  }

  // The record of `task` written by `erflow record`, as bytes.
  std::string RecordPdf(int64_t case_id, const std::string& task) const {
    const std::string file = dir_.File("case" + std::to_string(case_id) + "-" + task + ".pdf");
    auto r = Cli({"record", std::to_string(case_id), task, "--out", file});
    INFO(Run(r));
    REQUIRE(r.exit_code == 0);
    return ReadFile(file);
  }

 private:
  TempDir dir_;
  std::string db_;
  ManualClock clock_;
  std::shared_ptr<records::PdfRecordIssuer> issuer_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace erflow::test
