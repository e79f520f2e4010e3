// Store: the narrow persistence interface of the engine — cases (snapshot + version),
// their hash-chained history, queue rows, users, deployed definitions, sequences and
// timers. The runtime never writes SQL; backends (SQLite now, PostgreSQL later) implement
// this and pass the same store test suite.
//
// Writes happen inside a StoreTransaction: everything a command does (append history,
// update the snapshot, replace queue rows, add/cancel timers, take a filing number) is
// one transaction, or nothing.
// Thread rules: a Store is shared between threads; each transaction belongs to one thread.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "erflow/export_entry.h"
#include "erflow/history_event.h"
#include "erflow/issued_record.h"
#include "erflow/result.h"
#include "erflow/signing_key_info.h"
#include "erflow/user.h"
#include "erflow/work_item.h"

namespace erflow {

struct StoredCase {
  int64_t id = 0;
  std::string plan;
  int64_t plan_version = 0;
  std::string unit;
  std::string status;
  Instant opened_at;
  Instant updated_at;
  int64_t version = 0;
  std::string head_hash;
  std::string snapshot;  // CaseState JSON
  std::string summary;   // JSON of the definition's caseFields (level, category, …)
};

struct StoredDefinition {
  std::string id;
  int64_t version = 0;
  std::string content_hash;
  std::string bundle;  // JSON
  Instant deployed_at;
  std::string deployed_by;
};

// A durable timer: at `fire_at`, `erflow tick` (or the server's sweeper) fires it once.
struct TimerRow {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string kind;  // "remind", "due"
  std::string key;   // the deadline instance
  Instant fire_at;
  Instant due_at;
};

struct Credential {
  std::string name;
  std::string secret;  // HashPassword() output; empty: no password set
  int64_t failures = 0;
  Instant locked_until;
};

struct StoredSession {
  std::string token_hash;
  std::string name;
  std::string csrf;
  Instant created_at, expires_at;
  bool revoked = false;
};

struct CaseFilter {
  std::string plan;
  std::string status;
  std::string unit;
  Instant from, to;  // opened_at range, inclusive; zero means open-ended
  int64_t limit = 100;
  int64_t after_id = 0;         // keyset paging
  std::string visible_to_unit;  // non-empty: only cases this unit takes part in
  std::map<std::string, std::string> fields;  // summary field → value text, all must match
  std::optional<bool> overdue;                // with (true) / without (false) overdue work
};

// An anchor: a signed-off list of (case, version, head hash) for the cases that changed
// since the previous anchor, chained to it. Per-case chains let independent cases commit
// in parallel; anchors tie them together so a case deleted or rolled back as a whole is
// still detected (audit/anchor_verifier).
struct AnchorEntry {
  int64_t case_id = 0;
  int64_t version = 0;
  std::string head_hash;
};

struct StoredAnchor {
  int64_t id = 0;
  Instant at;
  std::string prev;  // the previous anchor's hash (genesis: zeros)
  std::string body;  // JSON [[case, version, head], …]
  std::string hash;  // SHA-256 of prev + "\n" + body
};

class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;  // rolls back unless committed

  virtual Result<std::optional<StoredCase>> LoadCase(int64_t id) = 0;
  // Inserts with a fresh id and returns it.
  virtual Result<int64_t> InsertCase(const StoredCase& c) = 0;
  // Conflict unless the stored version equals `expected_version`.
  virtual Status UpdateCase(const StoredCase& c, int64_t expected_version) = 0;
  virtual Status AppendEvent(const HistoryEvent& e) = 0;
  virtual Result<std::optional<HistoryEvent>> FindEventByKey(const std::string& key) = 0;
  // Replaces the case's queue rows `before` (as derived from the previous snapshot) with
  // `after`, touching only the rows that differ.
  virtual Status UpdateWorkItems(int64_t case_id, const std::vector<WorkItem>& before,
                                 const std::vector<WorkItem>& after) = 0;
  // Cancels timers in `before` not in `after` and inserts those in `after` not in
  // `before` (identity: kind, key, fire time). `seq` is the event that made the change.
  virtual Status UpdateTimers(int64_t case_id, int64_t seq, const std::vector<TimerRow>& before,
                              const std::vector<TimerRow>& after) = 0;
  // Takes the earliest pending timer due at `now` (skipping `exclude`) and marks it fired
  // in this transaction. On PostgreSQL the row is locked FOR UPDATE SKIP LOCKED: sweepers
  // on several nodes each take a different timer, and a node that dies mid-fire releases
  // its timer when its transaction ends.
  virtual Result<std::optional<TimerRow>> ClaimNextDueTimer(Instant now, const std::vector<int64_t>& exclude) = 0;
  // Records which units take part in a case (visibility), adding the new ones.
  virtual Status AddCaseUnits(int64_t case_id, const std::vector<std::string>& units) = 0;
  virtual Result<std::optional<User>> GetUser(const std::string& name) = 0;
  virtual Result<std::vector<User>> UsersWith(const std::string& role, const std::string& unit) = 0;
  // Next value of a named gapless counter (1, 2, 3…), taken inside this transaction.
  virtual Result<int64_t> NextSequence(const std::string& name) = 0;
  // Records (sql_records.cc): a user's current signing key, and storing an issued record
  // (returns its id) in the issuing command's transaction.
  virtual Result<std::optional<SigningKeyInfo>> CurrentSigningKey(const std::string& user) = 0;
  virtual Result<int64_t> InsertRecord(const IssuedRecord& r) = 0;
  virtual Status Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual Result<std::unique_ptr<StoreTransaction>> BeginWrite() = 0;

  virtual Result<std::optional<StoredCase>> LoadCase(int64_t id) = 0;
  virtual Result<std::vector<StoredCase>> ListCases(const CaseFilter& filter) = 0;
  virtual Result<std::vector<HistoryEvent>> CaseEvents(int64_t case_id) = 0;
  // Calls `fn` for every case id in ascending order with its events (audit, rebuild).
  virtual Status ForEachCaseHistory(
      const std::function<Status(const StoredCase&, const std::vector<HistoryEvent>&)>& fn) = 0;
  // Case ids that have events but no case row (a deleted snapshot).
  virtual Result<std::vector<int64_t>> OrphanEventCases() = 0;
  // The user's queue, oldest first: items assigned to them, and unassigned items for
  // their roles in their unit that four-eyes does not exclude them from.
  virtual Result<std::vector<WorkItem>> Queue(const User& user, int64_t limit) = 0;

  // Pending timers due at or before `now`, earliest first.
  virtual Result<std::vector<TimerRow>> DueTimers(Instant now, int64_t limit) = 0;
  virtual Result<std::vector<TimerRow>> PendingTimers(int64_t case_id) = 0;
  virtual Result<std::optional<Instant>> NextTimerAt() = 0;

  virtual Result<std::optional<Credential>> GetCredential(const std::string& name) = 0;
  virtual Status PutCredential(const Credential& c) = 0;  // insert or update
  virtual Status PutSession(const StoredSession& s) = 0;  // insert or update (revoke)
  virtual Result<std::optional<StoredSession>> GetSession(const std::string& token_hash) = 0;

  virtual Status PutUser(const User& user) = 0;  // insert or update
  virtual Result<std::optional<User>> GetUser(const std::string& name) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;

  // Inserts a new version unless the latest has the same content hash; returns the
  // version that is now current for `id` and whether it was new.
  virtual Result<std::pair<int64_t, bool>> DeployDefinition(const StoredDefinition& d) = 0;
  virtual Result<std::optional<StoredDefinition>> GetDefinition(const std::string& id,
                                                                int64_t version) = 0;
  virtual Result<std::optional<StoredDefinition>> LatestDefinition(const std::string& id) = 0;
  virtual Result<std::vector<StoredDefinition>> ListDefinitions() = 0;  // every version, no bundle

  // Signing keys, issued records and the export log (sql_records.cc).
  // Stores `k` as the user's current key (id, current set here); earlier keys stay, no
  // longer current. Returns the stored key's id.
  virtual Result<int64_t> ImportSigningKey(const SigningKeyInfo& k) = 0;
  virtual Result<std::optional<SigningKeyInfo>> CurrentSigningKey(const std::string& user) = 0;
  // Every import (without private keys), by user then newest first.
  virtual Result<std::vector<SigningKeyInfo>> ListSigningKeys() = 0;
  // In issuing order.
  virtual Result<std::vector<IssuedRecord>> ListRecords(const RecordFilter& f) = 0;
  // Appends to the export log: assigns seq, prev_hash, body and hash in one transaction.
  virtual Result<ExportEntry> AppendExport(const ExportEntry& e) = 0;
  // Export-log entries with seq > after_seq (all when sha256 is empty, else only those
  // with that hash), ascending, at most `limit`.
  virtual Result<std::vector<ExportEntry>> ExportLog(int64_t after_seq, const std::string& sha256,
                                                     int64_t limit) = 0;
  // Anchors (sql_anchors.cc). WriteAnchors, in one transaction serialised against other
  // anchor writers, anchors every case whose version changed since it was last anchored,
  // as chained anchors of at most `chunk` entries; returns how many anchors it wrote. It
  // compares every case with its last anchored version (one scan): run it every few
  // minutes, not per command.
  virtual Result<int64_t> WriteAnchors(Instant now, size_t chunk) = 0;
  virtual Result<std::vector<StoredAnchor>> ListAnchors(int64_t after_id, int64_t limit) = 0;
  virtual Result<std::optional<StoredAnchor>> LastAnchor() = 0;
  // The hash of event `seq` of a case, if that event exists.
  virtual Result<std::optional<std::string>> EventHash(int64_t case_id, int64_t seq) = 0;
};

// The canonical JSON text an export-log entry's hash covers (seq, kind, case, sha256,
// size, file, detail, by, at, prev): written by the store, recomputed by verification.
std::string ExportEntryBody(const ExportEntry& e);

// Opens the store named by `url`: a file path (SQLite) — the PostgreSQL backend will be
// chosen by a postgresql:// URL.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace erflow
