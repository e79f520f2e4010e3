// SqlStore: the Store written once in portable SQL over SqlConnection. The SQLite backend
// is this class with SqliteConnection; PostgreSQL plugs in its own connection.
// Thread rules: thread-safe; each call or transaction borrows a pooled connection.
#pragma once

#include "store/connection_pool.h"
#include "store/store.h"

namespace erflow {

class SqlStore final : public Store {
 public:
  // REQUIRES: the schema exists on the connections the factory makes.
  SqlStore(ConnectionPool::Factory factory, size_t max_connections);

  Result<std::unique_ptr<StoreTransaction>> BeginWrite() override;
  Result<std::optional<StoredCase>> LoadCase(int64_t id) override;
  Result<std::vector<StoredCase>> ListCases(const CaseFilter& filter) override;
  Result<std::vector<HistoryEvent>> CaseEvents(int64_t case_id) override;
  Status ForEachCaseHistory(
      const std::function<Status(const StoredCase&, const std::vector<HistoryEvent>&)>& fn)
      override;
  Result<std::vector<int64_t>> OrphanEventCases() override;
  Result<std::vector<WorkItem>> Queue(const User& user, int64_t limit) override;
  Result<std::vector<TimerRow>> DueTimers(Instant now, int64_t limit) override;
  Result<std::vector<TimerRow>> PendingTimers(int64_t case_id) override;
  Result<std::optional<Instant>> NextTimerAt() override;
  Result<std::optional<Credential>> GetCredential(const std::string& name) override;
  Status PutCredential(const Credential& c) override;
  Status PutSession(const StoredSession& s) override;
  Result<std::optional<StoredSession>> GetSession(const std::string& token_hash) override;
  Status PutUser(const User& user) override;
  Result<std::optional<User>> GetUser(const std::string& name) override;
  Result<std::vector<User>> ListUsers() override;
  Result<std::pair<int64_t, bool>> DeployDefinition(const StoredDefinition& d) override;
  Result<std::optional<StoredDefinition>> GetDefinition(const std::string& id,
                                                        int64_t version) override;
  Result<std::optional<StoredDefinition>> LatestDefinition(const std::string& id) override;
  Result<std::vector<StoredDefinition>> ListDefinitions() override;
  Result<int64_t> ImportSigningKey(const SigningKeyInfo& k) override;
  Result<std::optional<SigningKeyInfo>> CurrentSigningKey(const std::string& user) override;
  Result<std::vector<SigningKeyInfo>> ListSigningKeys() override;
  Result<std::vector<IssuedRecord>> ListRecords(const RecordFilter& f) override;
  Result<ExportEntry> AppendExport(const ExportEntry& e) override;
  Result<std::vector<ExportEntry>> ExportLog(int64_t after_seq, const std::string& sha256,
                                             int64_t limit) override;

  Result<int64_t> WriteAnchors(Instant now, size_t chunk) override;
  Result<std::vector<StoredAnchor>> ListAnchors(int64_t after_id, int64_t limit) override;
  Result<std::optional<StoredAnchor>> LastAnchor() override;
  Result<std::optional<std::string>> EventHash(int64_t case_id, int64_t seq) override;

 private:
  ConnectionPool pool_;
};

// Row mappers and statements shared by SqlStore and its transaction (sql_store_rows.cc).
namespace sql {
extern const char kCaseColumns[];
extern const char kEventColumns[];
extern const char kUserColumns[];
extern const char kWorkItemColumns[];
StoredCase CaseFromRow(const SqlRow& r);
HistoryEvent EventFromRow(const SqlRow& r);
User UserFromRow(const SqlRow& r);
WorkItem WorkItemFromRow(const SqlRow& r);
StoredDefinition DefinitionFromRow(const SqlRow& r);
std::string JoinRoles(const std::vector<std::string>& roles);
Result<std::optional<StoredCase>> LoadCase(SqlConnection* c, int64_t id);
Result<std::optional<User>> GetUser(SqlConnection* c, const std::string& name);
Result<std::optional<SigningKeyInfo>> CurrentSigningKey(SqlConnection* c, const std::string& user);
}  // namespace sql

}  // namespace erflow
