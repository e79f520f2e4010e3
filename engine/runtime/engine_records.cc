// Engine's records API: signing keys, issued records, the export log, where the history
// vouches for a file's hash, rebuilding a case as of one event, and paging through cases
// for registers.
// Thread rules: as Engine (thread-safe; state lives in the store).
#include <algorithm>

#include "audit/chain_verifier.h"
#include "erflow/authority.h"
#include "erflow/engine.h"
#include "erflow/sha256.h"
#include "runtime/case_events.h"
#include "runtime/engine_impl.h"

namespace erflow {
namespace {

const char kLocalOperator[] = "(local)";

// The effect of `body` that issued record `id` with hash `sha256`, if any.
bool EventIssued(const Json& body, int64_t id, const std::string& sha256) {
  for (const auto& e : body["effects"].items())
    if (e.GetString("type") == "record.issued" && e.GetInt("record") == id &&
        e.GetString("sha256") == sha256)
      return true;
  return false;
}

}  // namespace

Result<CaseState> Engine::RebuildAt(int64_t case_id, int64_t seq) {
  ERFLOW_ASSIGN_OR_RETURN(auto events, impl_->store->CaseEvents(case_id));
  events.erase(std::remove_if(events.begin(), events.end(),
                              [seq](const HistoryEvent& e) { return e.seq > seq; }),
               events.end());
  if (events.empty() || events.back().seq != seq)
    return Status::NotFound("case " + std::to_string(case_id) + " has no event " +
                            std::to_string(seq));
  return RebuildFromHistory(events);
}

Result<SigningKeyInfo> Engine::ImportSigningKey(const std::string& actor, const std::string& user,
                                                SigningKeyInfo key) {
  if (!actor.empty()) {
    ERFLOW_ASSIGN_OR_RETURN(User a, GetUser(actor));
    ERFLOW_RETURN_IF_ERROR(Authorize(a, Permission::kManageKeys));
  }
  ERFLOW_ASSIGN_OR_RETURN(User owner, GetUser(user));
  if (key.certificate_pem.find("-----BEGIN CERTIFICATE-----") == std::string::npos)
    return Status::InvalidArgument("signing key for " + user + ": no PEM certificate");
  if (key.private_key_pem.find("PRIVATE KEY-----") == std::string::npos)
    return Status::InvalidArgument("signing key for " + user + ": no PEM private key");
  if (!(key.not_before < key.not_after))
    return Status::InvalidArgument("signing key for " + user +
                                   ": the certificate's validity period is empty");
  key.user = owner.name;
  if (key.fingerprint.empty()) key.fingerprint = Sha256Hex(key.certificate_pem);
  key.imported_at = impl_->clock.Now();
  key.imported_by = actor.empty() ? kLocalOperator : actor;
  ERFLOW_ASSIGN_OR_RETURN(key.id, impl_->store->ImportSigningKey(key));
  key.current = true;
  return key;
}

Result<std::optional<SigningKeyInfo>> Engine::CurrentSigningKey(const std::string& user) {
  return impl_->store->CurrentSigningKey(user);
}

Result<std::vector<SigningKeyInfo>> Engine::ListSigningKeys() {
  return impl_->store->ListSigningKeys();
}

Result<std::vector<IssuedRecord>> Engine::CaseRecords(int64_t case_id, bool with_pdf) {
  RecordFilter f;
  f.case_id = case_id;
  f.with_pdf = with_pdf;
  return impl_->store->ListRecords(f);
}

Result<ExportEntry> Engine::LogExport(ExportEntry entry) {
  if (entry.kind.empty() || entry.sha256.size() != 64)
    return Status::InvalidArgument("an export needs a kind and the file's SHA-256");
  entry.exported_at = impl_->clock.Now();
  if (entry.exported_by.empty()) entry.exported_by = kLocalOperator;
  return impl_->store->AppendExport(entry);
}

Result<HashTrace> Engine::TraceHash(const std::string& sha256) {
  HashTrace trace;
  trace.sha256 = sha256;
  RecordFilter f;
  f.sha256 = sha256;
  ERFLOW_ASSIGN_OR_RETURN(auto records, impl_->store->ListRecords(f));
  for (const auto& rec : records) {
    const std::string what = "record #" + std::to_string(rec.id) + " of case " +
                             std::to_string(rec.case_id) + " (task " + rec.task + ")";
    ERFLOW_ASSIGN_OR_RETURN(auto stored, impl_->store->LoadCase(rec.case_id));
    ERFLOW_ASSIGN_OR_RETURN(auto events, impl_->store->CaseEvents(rec.case_id));
    if (!stored) {
      trace.problems.push_back(what + ": the case record is missing");
      continue;
    }
    // The event counts only inside an intact chain: otherwise it could have been forged.
    std::vector<AuditProblem> broken;
    VerifyCaseChain(*stored, events, &broken);
    if (!broken.empty()) {
      trace.problems.push_back(what + ": the case's history does not verify — " +
                               broken.front().ToString());
      continue;
    }
    auto at = std::find_if(events.begin(), events.end(),
                           [&](const HistoryEvent& e) { return e.seq == rec.seq; });
    bool held = false;
    if (at != events.end()) {
      ERFLOW_ASSIGN_OR_RETURN(Json body, ParseJson(at->body, "event"));
      held = EventIssued(body, rec.id, sha256);
    }
    if (!held) {
      trace.problems.push_back(what + ": the records table names this hash, but history event " +
                               std::to_string(rec.seq) +
                               " does not hold it (the records table was edited)");
      continue;
    }
    if (at + 1 != events.end() && (at + 1)->command == "withdraw") {
      trace.problems.push_back(what + ": issued by event " + std::to_string(rec.seq) +
                               ", which was withdrawn (撤销) by event " +
                               std::to_string((at + 1)->seq) + "; the record is void");
      continue;
    }
    trace.records.push_back(rec);
  }

  ERFLOW_ASSIGN_OR_RETURN(auto exports, impl_->store->ExportLog(0, sha256, 1000));
  if (!exports.empty()) {
    // Walk the log's chain up to the last candidate: each entry hashes to its hash and
    // names the one before it.
    const int64_t last = exports.back().seq;
    std::string prev = ExportEntry::GenesisHash();
    int64_t expected = 1;
    std::string broken;
    for (int64_t after = 0; broken.empty() && after < last;) {
      ERFLOW_ASSIGN_OR_RETURN(auto page, impl_->store->ExportLog(after, "", 1000));
      if (page.empty()) break;
      for (const auto& e : page) {
        if (e.seq > last) break;
        if (e.seq != expected)
          broken = "entry " + std::to_string(expected) + " is missing";
        else if (ExportEntryBody(e) != e.body || Sha256Hex(e.body) != e.hash)
          broken = "entry " + std::to_string(e.seq) + " was edited";
        else if (e.prev_hash != prev)
          broken = "entry " + std::to_string(e.seq) + " does not follow entry " +
                   std::to_string(e.seq - 1);
        if (!broken.empty()) break;
        prev = e.hash;
        ++expected;
        after = e.seq;
      }
    }
    for (const auto& e : exports) {
      if (broken.empty() || e.seq < expected)
        trace.exports.push_back(e);
      else
        trace.problems.push_back("export-log entry " + std::to_string(e.seq) +
                                 " holds this hash, but the log's chain is broken: " + broken);
    }
  }
  return trace;
}

Status Engine::ForEachCase(CaseQuery query, const std::function<Status(const CaseView&)>& fn) {
  CaseFilter f;
  f.plan = query.plan;
  f.status = query.status;
  f.unit = query.unit;
  f.from = query.from;
  f.to = query.to;
  f.visible_to_unit = query.visible_to_unit;
  f.limit = std::max<int64_t>(query.limit, 1);
  f.after_id = 0;
  while (true) {
    ERFLOW_ASSIGN_OR_RETURN(auto page, impl_->store->ListCases(f));
    if (page.empty()) return Status::Ok();
    for (const auto& c : page) {
      CaseView view;
      ERFLOW_ASSIGN_OR_RETURN(Json snapshot, ParseJson(c.snapshot, "case " + std::to_string(c.id)));
      ERFLOW_ASSIGN_OR_RETURN(view.state, CaseState::FromJson(snapshot));
      ERFLOW_ASSIGN_OR_RETURN(view.definition, impl_->definitions.Get(c.plan, c.plan_version));
      auto fields = ParseJson(c.summary, "case summary");
      view.fields = fields.ok() ? *fields : Json::Object();
      ERFLOW_RETURN_IF_ERROR(fn(view));
      f.after_id = c.id;
    }
  }
}

}  // namespace erflow
