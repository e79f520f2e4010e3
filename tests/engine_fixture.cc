#include "engine_fixture.h"

#include <stdexcept>

namespace erflow::test {

EngineFixture::EngineFixture(const std::string& store_url)
    : db_(store_url.empty() ? dir_.File("erflow.db") : store_url),
      clock_(*ParseTimestamp("2025-09-30T09:00:00+08:00")) {
  auto calendar = Calendar::LoadDir(SourceDir() + "/calendars");
  if (!calendar.ok()) throw std::runtime_error(calendar.status().ToString());
  auto e = Engine::Open(db_, clock_, std::make_shared<Calendar>(std::move(calendar).value()));
  if (!e.ok()) throw std::runtime_error(e.status().ToString());
  engine_ = std::move(e).value();
  Deploy("workflows/incident-basic.json");
  Deploy("tests/data/workflows/countersign.json");
  Deploy("tests/data/workflows/deadlines.json");
  AddUser("clerk1", "clerk", "county");
  AddUser("clerk2", "clerk", "county");
  AddUser("boss1", "supervisor", "county");
  AddUser("boss2", "supervisor", "county");
  AddUser("cityclerk", "clerk", "city-command");
  AddUser("cityclerk2", "clerk", "city-command");
  AddUser("outsider", "clerk", "other-county");
}

void EngineFixture::Deploy(const std::string& relative_path) {
  auto def = LoadDefinitionFile(SourceDir() + "/" + relative_path, SourceDir() + "/forms");
  if (!def.ok()) throw std::runtime_error(def.status().ToString());
  auto d = engine_->Deploy(*def, "test");
  if (!d.ok()) throw std::runtime_error(d.status().ToString());
}

void EngineFixture::AddUser(const std::string& name, const std::string& role,
                            const std::string& unit) {
  User u;
  u.name = name;
  u.roles = {role};
  u.unit = unit;
  Status s = engine_->PutUser(u);
  if (!s.ok()) throw std::runtime_error(s.ToString());
}

Result<CommandOutcome> EngineFixture::Run(Action action, const std::string& actor, int64_t case_id,
                                          const std::string& task, const std::string& form_json,
                                          const std::string& reason) {
  Command cmd;
  cmd.action = action;
  cmd.actor = actor;
  cmd.case_id = case_id;
  cmd.task = task;
  cmd.reason = reason;
  if (!form_json.empty()) {
    auto form = ParseJson(form_json, "test form");
    if (!form.ok()) return form.status();
    cmd.form = *form;
  }
  return engine_->Execute(cmd);
}

Result<CommandOutcome> EngineFixture::Open(const std::string& plan, const std::string& actor,
                                           const std::string& form_json) {
  Command cmd;
  cmd.action = Action::kOpen;
  cmd.actor = actor;
  cmd.plan = plan;
  if (!form_json.empty()) cmd.form = *ParseJson(form_json, "test form");
  return engine_->Execute(cmd);
}

CaseState EngineFixture::State(int64_t case_id) {
  auto v = engine_->GetCase(case_id);
  if (!v.ok()) throw std::runtime_error(v.status().ToString());
  return v->state;
}

std::string BasicReport(const std::string& title) {
  return R"({"title": ")" + title +
         R"(", "discovered_at": "2025-09-30T08:50:00+08:00", "description": "UPS 掉电", "people_affected": 10})";
}

}  // namespace erflow::test
