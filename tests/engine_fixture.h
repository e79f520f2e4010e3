// EngineFixture: a real Engine on a fresh SQLite file in a temporary folder, with a manual
// clock, the source tree's definitions deployed and a small cast of users.
#pragma once

#include <memory>
#include <string>

#include "erflow/engine.h"
#include "erflow/time_format.h"
#include "test_support.h"

namespace erflow::test {

class EngineFixture {
 public:
  // A fresh SQLite file unless `store_url` names another (fresh) database.
  explicit EngineFixture(const std::string& store_url = "");

  Engine& engine() { return *engine_; }
  ManualClock& clock() { return clock_; }
  const std::string& db_path() const { return db_; }
  void SetTime(const std::string& iso) { clock_.Set(*ParseTimestamp(iso)); }

  // Deploys a definition file (path relative to the source tree) with forms from forms/.
  void Deploy(const std::string& relative_path);
  void AddUser(const std::string& name, const std::string& role, const std::string& unit);

  Result<CommandOutcome> Run(Action action, const std::string& actor, int64_t case_id,
                             const std::string& task, const std::string& form_json = "",
                             const std::string& reason = "");
  Result<CommandOutcome> Open(const std::string& plan, const std::string& actor,
                              const std::string& form_json = "");
  CaseState State(int64_t case_id);

 private:
  TempDir dir_;
  std::string db_;
  ManualClock clock_;
  std::unique_ptr<Engine> engine_;
};

// Report form data for incident-basic.
std::string BasicReport(const std::string& title = "机房断电");

}  // namespace erflow::test
