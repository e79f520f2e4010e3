// SqliteConnection: SqlConnection over the sqlite3 C API, with prepared statements cached
// per SQL text. We use the C API rather than Poco::Data's SQLite connector here because
// the per-statement overhead of the latter (≈30 µs per transaction, see
// shared/toolchain-notes.md) would eat most of our throughput budget against raw SQLite.
// Thread rules: one thread at a time (SQLITE_OPEN_NOMUTEX); the pool enforces it.
#pragma once

#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "store/sql_connection.h"

namespace erflow {

struct SqliteOptions {
  // FULL: a committed command survives power loss (WAL + fsync on commit). NORMAL is
  // faster and survives a process crash but not necessarily an OS crash.
  std::string synchronous = "FULL";
  int busy_timeout_ms = 30000;
};

class SqliteConnection final : public SqlConnection {
 public:
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path,
                                                        const SqliteOptions& options);
  ~SqliteConnection() override;

  Status ExecScript(const std::string& sql) override;
  Result<std::vector<SqlRow>> Query(const std::string& sql,
                                    const std::vector<SqlValue>& params) override;
  Result<int64_t> Execute(const std::string& sql, const std::vector<SqlValue>& params) override;
  Status BeginWrite() override;
  Status Commit() override;
  Status Rollback() override;
  const char* Dialect() const override { return "sqlite"; }

 private:
  SqliteConnection(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Result<sqlite3_stmt*> Prepare(const std::string& sql, const std::vector<SqlValue>& params);
  Status Error(const std::string& what, int rc) const;

  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace erflow
