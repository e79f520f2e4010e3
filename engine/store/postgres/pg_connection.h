// PgConnection: SqlConnection over Poco::Data's PostgreSQL connector — the backend for
// offices that outgrow one machine: one PostgreSQL database, any number of erflow nodes.
// The store's SQL is shared with SQLite; this class only translates '?' placeholders to
// PostgreSQL's $1, $2 … and maps server errors onto Status codes.
// Thread rules: one thread at a time (the pool enforces it).
#pragma once

#include <Poco/Data/Session.h>

#include <memory>
#include <string>

#include "store/sql_connection.h"

namespace erflow {

class PgConnection final : public SqlConnection {
 public:
  // `conninfo`: a libpq connection string ("host=… port=… user=… dbname=…").
  static Result<std::unique_ptr<PgConnection>> Open(const std::string& conninfo);

  Status ExecScript(const std::string& sql) override;
  Result<std::vector<SqlRow>> Query(const std::string& sql,
                                    const std::vector<SqlValue>& params) override;
  Result<int64_t> Execute(const std::string& sql, const std::vector<SqlValue>& params) override;
  Status BeginWrite() override;
  Status Commit() override;
  Status Rollback() override;
  const char* Dialect() const override { return "postgresql"; }

 private:
  explicit PgConnection(Poco::Data::Session session) : session_(std::move(session)) {}

  Poco::Data::Session session_;
};

// Turns "postgresql://user[:password]@host[:port]/dbname" into a libpq conninfo string.
Result<std::string> PostgresConninfo(const std::string& url);

// '?' placeholders (outside quotes) to $1, $2, …
std::string NumberPlaceholders(const std::string& sql);

}  // namespace erflow
