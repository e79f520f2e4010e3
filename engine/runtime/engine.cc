#include "erflow/engine.h"

#include "audit/chain_verifier.h"
#include "audit/record_audit.h"
#include "runtime/case_events.h"
#include "runtime/command_processor.h"
#include "runtime/definition_cache.h"
#include "runtime/engine_impl.h"
#include "store/store.h"

namespace erflow {

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Open(const std::string& store_url, const Clock& clock,
                                             std::shared_ptr<const Calendar> calendar,
                                             std::shared_ptr<const RecordIssuer> issuer) {
  ERFLOW_ASSIGN_OR_RETURN(auto store, OpenStore(store_url));
  auto impl = std::make_unique<Impl>(std::move(store), clock, std::move(calendar));
  impl->processor.SetRecordIssuer(std::move(issuer));
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

const Clock& Engine::clock() const {
  return impl_->clock;
}

std::shared_ptr<const Calendar> Engine::calendar() const {
  return impl_->processor.calendar();
}

void Engine::SetCalendar(std::shared_ptr<const Calendar> calendar) {
  impl_->processor.SetCalendar(std::move(calendar));
}

Result<DeployOutcome> Engine::Deploy(const DefinitionPtr& def, const std::string& deployed_by) {
  StoredDefinition d;
  d.id = def->id;
  d.content_hash = def->content_hash;
  d.bundle = def->bundle.Dump();
  d.deployed_at = impl_->clock.Now();
  d.deployed_by = deployed_by;
  ERFLOW_ASSIGN_OR_RETURN(auto result, impl_->store->DeployDefinition(d));
  return DeployOutcome{def->id, result.first, result.second};
}

Result<DefinitionPtr> Engine::GetDefinition(const std::string& id, int64_t version) {
  return impl_->definitions.Get(id, version);
}

Result<std::vector<DefinitionInfo>> Engine::ListDefinitions() {
  ERFLOW_ASSIGN_OR_RETURN(auto stored, impl_->store->ListDefinitions());
  std::vector<DefinitionInfo> out;
  for (const auto& d : stored)
    out.push_back(DefinitionInfo{d.id, d.version, d.content_hash, d.deployed_at, d.deployed_by});
  return out;
}

Status Engine::PutUser(const User& user) {
  if (user.name.empty() || user.name.find_first_of(" \t\n,") != std::string::npos)
    return Status::InvalidArgument("user name \"" + user.name +
                                   "\" must be non-empty without spaces or commas");
  if (user.unit.empty()) return Status::InvalidArgument("user " + user.name + " needs a unit");
  if (user.roles.empty())
    return Status::InvalidArgument("user " + user.name + " needs at least one role");
  if (user.scope != "unit" && user.scope != "all")
    return Status::InvalidArgument("scope must be \"unit\" or \"all\", got \"" + user.scope +
                                   "\"");
  for (const auto& r : user.roles)
    if (!IsKnownRole(r))
      return Status::InvalidArgument(
          "unknown role \"" + r + "\" (expected clerk, supervisor, inspector, archivist or admin)");
  return impl_->store->PutUser(user);
}

Result<User> Engine::GetUser(const std::string& name) {
  ERFLOW_ASSIGN_OR_RETURN(auto u, impl_->store->GetUser(name));
  if (!u) return Status::NotFound("no user \"" + name + "\"");
  return *u;
}

Result<std::vector<User>> Engine::ListUsers() {
  return impl_->store->ListUsers();
}

Result<CommandOutcome> Engine::Execute(const Command& cmd) {
  return impl_->processor.Execute(cmd);
}

Result<TickReport> Engine::Tick(int64_t limit) {
  TickReport report;
  std::vector<int64_t> failed_ids;
  for (int64_t n = 0; n < limit; ++n) {
    int64_t failed = 0;
    auto fired = impl_->processor.FireNextDue(failed_ids, &failed);
    if (!fired.ok()) {
      if (failed == 0) return fired.status();  // could not even claim: the store is failing
      report.errors.push_back("timer " + std::to_string(failed) + ": " + fired.status().ToString());
      failed_ids.push_back(failed);  // left pending; the next tick tries again
      continue;
    }
    if (!*fired) break;
    ++report.fired;
  }
  return report;
}

Result<std::optional<Instant>> Engine::NextTimerAt() {
  return impl_->store->NextTimerAt();
}

Result<CaseView> Engine::GetCase(int64_t id) {
  ERFLOW_ASSIGN_OR_RETURN(auto stored, impl_->store->LoadCase(id));
  if (!stored) return Status::NotFound("no case " + std::to_string(id));
  CaseView view;
  ERFLOW_ASSIGN_OR_RETURN(Json snapshot, ParseJson(stored->snapshot, "case " + std::to_string(id)));
  ERFLOW_ASSIGN_OR_RETURN(view.state, CaseState::FromJson(snapshot));
  ERFLOW_ASSIGN_OR_RETURN(view.definition,
                          impl_->definitions.Get(stored->plan, stored->plan_version));
  ERFLOW_ASSIGN_OR_RETURN(view.history, impl_->store->CaseEvents(id));
  ERFLOW_ASSIGN_OR_RETURN(view.fields, ParseJson(stored->summary, "case summary"));
  return view;
}

Result<std::vector<CaseSummary>> Engine::ListCases(const CaseQuery& q) {
  CaseFilter f;
  f.plan = q.plan;
  f.status = q.status;
  f.unit = q.unit;
  f.from = q.from;
  f.to = q.to;
  f.limit = q.limit;
  f.after_id = q.after_id;
  f.visible_to_unit = q.visible_to_unit;
  f.fields = q.fields;
  f.overdue = q.overdue;
  ERFLOW_ASSIGN_OR_RETURN(auto stored, impl_->store->ListCases(f));
  std::vector<CaseSummary> out;
  for (const auto& c : stored) {
    CaseSummary s{c.id,        c.plan,       c.plan_version, c.unit, c.status,
                  c.opened_at, c.updated_at, c.version,      Json()};
    auto fields = ParseJson(c.summary, "case summary");
    s.fields = fields.ok() ? *fields : Json::Object();
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<WorkItem>> Engine::Queue(const std::string& user, int64_t limit) {
  ERFLOW_ASSIGN_OR_RETURN(User u, GetUser(user));
  return impl_->store->Queue(u, limit);
}

Result<std::vector<WorkItem>> Engine::QueueFor(const User& user, int64_t limit) {
  return impl_->store->Queue(user, limit);
}

Result<AuditReport> Engine::VerifyAudit(bool check_snapshots) {
  ERFLOW_ASSIGN_OR_RETURN(AuditReport report, VerifyStore(impl_->store.get(), check_snapshots));
  ERFLOW_RETURN_IF_ERROR(AuditRecords(impl_->store.get(), &report));
  return report;
}

Result<int64_t> Engine::WriteAnchors() { return impl_->store->WriteAnchors(impl_->clock.Now(), 5000); }

Result<CaseState> Engine::Rebuild(int64_t case_id) {
  ERFLOW_ASSIGN_OR_RETURN(auto events, impl_->store->CaseEvents(case_id));
  if (events.empty())
    return Status::NotFound("case " + std::to_string(case_id) + " has no history");
  return RebuildFromHistory(events);
}

}  // namespace erflow
