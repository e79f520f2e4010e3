// Engine: the one entry point of the erflow library. It owns the store, the deployed
// definitions and the clock, and offers:
//   - deploying definitions (a changed definition becomes a new version),
//   - users and their roles and units,
//   - Execute(Command): the single choke point through which every change to a case goes,
//   - reads: a case with its history, case lists, a user's queue,
//   - audit: verifying the hash chains and rebuilding snapshots from history.
// Thread rules: thread-safe; share one Engine between the server's threads.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "erflow/calendar.h"
#include "erflow/case_state.h"
#include "erflow/clock.h"
#include "erflow/command.h"
#include "erflow/credentials.h"
#include "erflow/definition_loader.h"
#include "erflow/export_entry.h"
#include "erflow/hash_trace.h"
#include "erflow/history_event.h"
#include "erflow/issued_record.h"
#include "erflow/record_issuer.h"
#include "erflow/signing_key_info.h"
#include "erflow/user.h"
#include "erflow/work_item.h"

namespace erflow {

struct DefinitionInfo {
  std::string id;
  int64_t version = 0;
  std::string content_hash;
  Instant deployed_at;
  std::string deployed_by;
};

struct DeployOutcome {
  std::string id;
  int64_t version = 0;
  bool created = false;  // false: the deployed content was unchanged
};

struct CaseQuery {
  std::string plan, status, unit;
  Instant from, to;  // opened_at range; zero = open-ended
  int64_t limit = 100;
  int64_t after_id = 0;
  std::string visible_to_unit;  // non-empty: only cases this unit takes part in
  // Summary fields (the definition's caseFields, e.g. level → "II") that must equal the
  // given text; booleans as "true"/"false", numbers as written in JSON.
  std::map<std::string, std::string> fields;
  // true: only cases with overdue work outstanding (a missed deadline whose task is still
  // open); false: only the others; unset: both.
  std::optional<bool> overdue;
};

struct CaseSummary {
  int64_t id = 0;
  std::string plan;
  int64_t plan_version = 0;
  std::string unit;
  std::string status;
  Instant opened_at, updated_at;
  int64_t version = 0;
  Json fields;  // the definition's caseFields (level, category, …) and current stages
};

struct CaseView {
  CaseState state;
  DefinitionPtr definition;
  std::vector<HistoryEvent> history;
  Json fields;
};

struct TickReport {
  int64_t fired = 0;                // timers this sweep fired
  std::vector<std::string> errors;  // timers that could not be fired (left pending)
};

struct AuditProblem {
  int64_t case_id = 0;
  int64_t seq = 0;       // 0 when the problem is not one event's
  int64_t event_id = 0;  // global event id, 0 when unknown
  std::string message;
  std::string ToString() const;
};

struct AuditReport {
  int64_t cases = 0;
  int64_t events = 0;
  int64_t anchors = 0;
  std::vector<AuditProblem> problems;
  bool ok() const { return problems.empty(); }
};

class Engine {
 public:
  // Opens (creating if needed) the store at `store_url` (a SQLite file path). The
  // calendar counts working days for deadlines; without one, such deadlines record that
  // their due time cannot be computed. REQUIRES: `clock` outlives the engine.
  // With an `issuer`, a task that declares a `record` issues it, signed, when it
  // completes (record_issuer.h); without one, no records are issued and nobody needs a
  // signing key.
  static Result<std::unique_ptr<Engine>> Open(const std::string& store_url, const Clock& clock,
                                              std::shared_ptr<const Calendar> calendar = nullptr,
                                              std::shared_ptr<const RecordIssuer> issuer = nullptr);
  ~Engine();

  const Clock& clock() const;

  // The working-day calendar deadlines are counted with (null when none). SetCalendar
  // swaps in a new one (e.g. with a year added): commands already running finish with the
  // calendar they started with.
  std::shared_ptr<const Calendar> calendar() const;
  void SetCalendar(std::shared_ptr<const Calendar> calendar);

  Result<DeployOutcome> Deploy(const DefinitionPtr& def, const std::string& deployed_by);
  // version 0: the latest deployed version.
  Result<DefinitionPtr> GetDefinition(const std::string& id, int64_t version = 0);
  Result<std::vector<DefinitionInfo>> ListDefinitions();

  // Adds or updates a user; roles must be known roles.
  Status PutUser(const User& user);
  Result<User> GetUser(const std::string& name);
  Result<std::vector<User>> ListUsers();

  Result<CommandOutcome> Execute(const Command& cmd);

  // Fires every timer due at the clock's now (reminders, overdue marks, escalations,
  // accountability proposals, daily roll-overs), at most `limit` per call. Safe to run
  // concurrently and repeatedly: each timer fires once.
  Result<TickReport> Tick(int64_t limit = 10000);
  // When the earliest pending timer is due, if any (drills step the clock to it; the
  // server's sweeper sleeps until it).
  Result<std::optional<Instant>> NextTimerAt();

  // Passwords and sessions (auth/sign_in.cc).
  Status SetPassword(const std::string& user, const std::string& password);
  // Forbidden for a wrong name or password (which one is not said) and while locked out.
  Result<Session> SignIn(const std::string& user, const std::string& password,
                         int64_t ttl_seconds = 8 * 3600);
  // Unauthenticated when the token is unknown, revoked or expired.
  Result<std::pair<User, Session>> ResumeSession(const std::string& token);
  Status SignOut(const std::string& token);

  // Reads on behalf of a user: only cases their unit takes part in, unless their scope
  // is "all" (the command office, archivists).
  Result<CaseView> GetCaseAs(const User& actor, int64_t id);
  Result<std::vector<CaseSummary>> ListCasesAs(const User& actor, CaseQuery query);

  Result<CaseView> GetCase(int64_t id);
  Result<std::vector<CaseSummary>> ListCases(const CaseQuery& query);
  Result<std::vector<WorkItem>> Queue(const std::string& user, int64_t limit = 100);
  // The same for a user already read (e.g. by ResumeSession), without reading them again.
  Result<std::vector<WorkItem>> QueueFor(const User& user, int64_t limit = 100);

  // Walks every case's hash chain; with `check_snapshots`, also rebuilds each snapshot
  // from history and compares it with the stored one.
  Result<AuditReport> VerifyAudit(bool check_snapshots = true);
  // Writes anchors over every case changed since its last anchor (see store.h); returns
  // how many. The server does it periodically; `erflow audit anchor` on demand.
  Result<int64_t> WriteAnchors();
  Result<CaseState> Rebuild(int64_t case_id);
  // The case as it stood right after its event `seq` (a dossier draws each record from
  // the case as it was when the record was issued).
  Result<CaseState> RebuildAt(int64_t case_id, int64_t seq);

  // Signing keys, issued records and the export log (runtime/engine_records.cc).
  // Stores `key` (already checked by the caller's loader) as `user`'s current signing key;
  // earlier keys stay in the history. `actor` must hold kManageKeys; empty: the local
  // operator of the command line. Returns the key as stored (id, imported_at/by).
  Result<SigningKeyInfo> ImportSigningKey(const std::string& actor, const std::string& user,
                                          SigningKeyInfo key);
  Result<std::optional<SigningKeyInfo>> CurrentSigningKey(const std::string& user);
  // Every import, by user then newest first, without private keys.
  Result<std::vector<SigningKeyInfo>> ListSigningKeys();
  // A case's issued records in issuing order; `with_pdf` also reads the PDF bytes.
  Result<std::vector<IssuedRecord>> CaseRecords(int64_t case_id, bool with_pdf = false);
  // Logs an exported file (a dossier, a register): seq, time and hashes are set here.
  Result<ExportEntry> LogExport(ExportEntry entry);
  // Where the history vouches for a file's SHA-256: the issuing event of a record
  // (checked in the case's verified hash chain, and not withdrawn) or an export-log entry
  // (checked in the log's chain). NotFound is not an error: see HashTrace::found().
  Result<HashTrace> TraceHash(const std::string& sha256);
  // Calls `fn` for each case matching `query` (its paging fields ignored), in id order,
  // with its snapshot and definition but no history: `query.limit` cases are read at a
  // time, so memory stays flat however many cases there are (registers).
  Status ForEachCase(CaseQuery query, const std::function<Status(const CaseView&)>& fn);

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace erflow
