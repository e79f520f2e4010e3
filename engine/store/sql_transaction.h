// SqlTransaction: StoreTransaction over one pooled connection, rolled back unless
// committed. Thread rules: used by one thread.
#pragma once

#include "store/sql_store.h"

namespace erflow {

class SqlTransaction final : public StoreTransaction {
 public:
  // REQUIRES: BeginWrite() has succeeded on the leased connection.
  explicit SqlTransaction(ConnectionPool::Lease lease) : lease_(std::move(lease)) {}
  ~SqlTransaction() override;

  Result<std::optional<StoredCase>> LoadCase(int64_t id) override;
  Result<int64_t> InsertCase(const StoredCase& c) override;
  Status UpdateCase(const StoredCase& c, int64_t expected_version) override;
  Status AppendEvent(const HistoryEvent& e) override;
  Result<std::optional<HistoryEvent>> FindEventByKey(const std::string& key) override;
  Status UpdateWorkItems(int64_t case_id, const std::vector<WorkItem>& before,
                         const std::vector<WorkItem>& after) override;
  Status UpdateTimers(int64_t case_id, int64_t seq, const std::vector<TimerRow>& before,
                      const std::vector<TimerRow>& after) override;
  Result<std::optional<TimerRow>> ClaimNextDueTimer(Instant now, const std::vector<int64_t>& exclude) override;
  Status AddCaseUnits(int64_t case_id, const std::vector<std::string>& units) override;
  Result<std::optional<User>> GetUser(const std::string& name) override;
  Result<std::vector<User>> UsersWith(const std::string& role, const std::string& unit) override;
  Result<int64_t> NextSequence(const std::string& name) override;
  Result<std::optional<SigningKeyInfo>> CurrentSigningKey(const std::string& user) override;
  Result<int64_t> InsertRecord(const IssuedRecord& r) override;
  Status Commit() override;

 private:
  ConnectionPool::Lease lease_;
  bool done_ = false;
};

}  // namespace erflow
