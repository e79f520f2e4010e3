// SqlConnection: the narrow SQL surface the store is written against — run a statement
// with positional parameters ('?'), read rows, and run transactions. One implementation
// per database (sqlite/, later postgres/), so the store's SQL and logic exist once.
// Thread rules: a connection is used by one thread at a time (the pool hands it out).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "erflow/result.h"

namespace erflow {

using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;
using SqlRow = std::vector<SqlValue>;

int64_t SqlInt(const SqlValue& v);
double SqlDouble(const SqlValue& v);
std::string SqlText(const SqlValue& v);
bool SqlIsNull(const SqlValue& v);

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  // Runs one or more statements without parameters (schema, pragmas).
  virtual Status ExecScript(const std::string& sql) = 0;
  // Runs a statement and returns all rows (also for INSERT ... RETURNING).
  virtual Result<std::vector<SqlRow>> Query(const std::string& sql,
                                            const std::vector<SqlValue>& params) = 0;
  // Runs a statement and returns the number of rows it changed.
  virtual Result<int64_t> Execute(const std::string& sql, const std::vector<SqlValue>& params) = 0;

  // A write transaction: on SQLite it takes the write lock at once (BEGIN IMMEDIATE) so
  // that two writers never both read a version and then collide on commit.
  virtual Status BeginWrite() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // "sqlite" or "postgresql": the few places where SQL differs ask this.
  virtual const char* Dialect() const = 0;
};

}  // namespace erflow
