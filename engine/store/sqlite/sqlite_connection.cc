#include "store/sqlite/sqlite_connection.h"

namespace erflow {

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                 const SqliteOptions& options) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::IOError(path + ": cannot open database: " + msg);
  }
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db, path));
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  if (options.synchronous != "FULL" && options.synchronous != "NORMAL" &&
      options.synchronous != "OFF")
    return Status::InvalidArgument("synchronous must be FULL, NORMAL or OFF");
  ERFLOW_RETURN_IF_ERROR(conn->ExecScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=" +
                                          options.synchronous + "; PRAGMA foreign_keys=ON;"));
  return conn;
}

SqliteConnection::~SqliteConnection() {
  for (auto& entry : cache_) sqlite3_finalize(entry.second);
  sqlite3_close(db_);
}

Status SqliteConnection::Error(const std::string& what, int rc) const {
  std::string msg = path_ + ": " + what + ": " + sqlite3_errmsg(db_);
  int primary = rc & 0xff;
  if (primary == SQLITE_CONSTRAINT) return Status::Conflict(msg);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return Status::Conflict(msg + " (database busy)");
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return Status::Corruption(msg);
  return Status::IOError(msg);
}

Status SqliteConnection::ExecScript(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    Status s = Error("statement failed", rc);
    return s.code() == Status::Code::kIOError ? Status::IOError(path_ + ": " + msg) : s;
  }
  return Status::Ok();
}

Result<sqlite3_stmt*> SqliteConnection::Prepare(const std::string& sql,
                                                const std::vector<SqlValue>& params) {
  sqlite3_stmt* stmt;
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    stmt = it->second;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  } else {
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) return Error("cannot prepare \"" + sql + "\"", rc);
    cache_.emplace(sql, stmt);
  }
  for (size_t i = 0; i < params.size(); ++i) {
    int idx = static_cast<int>(i + 1);
    const SqlValue& p = params[i];
    if (auto v = std::get_if<int64_t>(&p))
      sqlite3_bind_int64(stmt, idx, *v);
    else if (auto d = std::get_if<double>(&p))
      sqlite3_bind_double(stmt, idx, *d);
    else if (auto s = std::get_if<std::string>(&p))
      sqlite3_bind_text(stmt, idx, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    else
      sqlite3_bind_null(stmt, idx);
  }
  return stmt;
}

Result<std::vector<SqlRow>> SqliteConnection::Query(const std::string& sql,
                                                    const std::vector<SqlValue>& params) {
  ERFLOW_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
  std::vector<SqlRow> rows;
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    int n = sqlite3_column_count(stmt);
    SqlRow row(static_cast<size_t>(n));
    for (int c = 0; c < n; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          row[c] = static_cast<int64_t>(sqlite3_column_int64(stmt, c));
          break;
        case SQLITE_FLOAT:
          row[c] = sqlite3_column_double(stmt, c);
          break;
        case SQLITE_NULL:
          break;
        default: {
          const char* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          row[c] =
              std::string(text ? text : "", static_cast<size_t>(sqlite3_column_bytes(stmt, c)));
        }
      }
    }
    rows.push_back(std::move(row));
  }
  Status s = rc == SQLITE_DONE ? Status::Ok() : Error("query failed", rc);
  sqlite3_reset(stmt);
  if (!s.ok()) return s;
  return rows;
}

Result<int64_t> SqliteConnection::Execute(const std::string& sql,
                                          const std::vector<SqlValue>& params) {
  ERFLOW_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql, params));
  int rc = sqlite3_step(stmt);
  while (rc == SQLITE_ROW) rc = sqlite3_step(stmt);
  Status s = rc == SQLITE_DONE ? Status::Ok() : Error("statement failed", rc);
  sqlite3_reset(stmt);
  if (!s.ok()) return s;
  return static_cast<int64_t>(sqlite3_changes(db_));
}

Status SqliteConnection::BeginWrite() {
  return Execute("BEGIN IMMEDIATE", {}).status();
}
Status SqliteConnection::Commit() {
  return Execute("COMMIT", {}).status();
}
Status SqliteConnection::Rollback() {
  if (sqlite3_get_autocommit(db_)) return Status::Ok();
  return Execute("ROLLBACK", {}).status();
}

}  // namespace erflow
