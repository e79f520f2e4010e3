#include "erflow/migration.h"

#include <algorithm>

#include "audit/chain_verifier.h"
#include "erflow/time_format.h"
#include "store/postgres/pg_connection.h"
#include "store/sql_schema.h"
#include "store/sql_store.h"
#include "store/sqlite/sqlite_connection.h"

namespace erflow {
namespace {

Result<std::unique_ptr<SqlConnection>> Connect(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    ERFLOW_ASSIGN_OR_RETURN(std::string info, PostgresConninfo(url));
    ERFLOW_ASSIGN_OR_RETURN(auto conn, PgConnection::Open(info));
    return std::unique_ptr<SqlConnection>(std::move(conn));
  }
  ERFLOW_ASSIGN_OR_RETURN(auto conn, SqliteConnection::Open(url, SqliteOptions{}));
  return std::unique_ptr<SqlConnection>(std::move(conn));
}

// The tables of a store and their columns, in dependency-free copy order.
Result<std::vector<std::pair<std::string, std::vector<std::string>>>> Tables(SqlConnection* c) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  std::vector<std::string> names;
  if (std::string(c->Dialect()) == "sqlite") {
    ERFLOW_ASSIGN_OR_RETURN(
        auto rows, c->Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite_%' ORDER BY name",
                            {}));
    for (const auto& r : rows) names.push_back(SqlText(r[0]));
    for (const auto& n : names) {
      ERFLOW_ASSIGN_OR_RETURN(auto cols,
                              c->Query("SELECT name FROM pragma_table_info(?) ORDER BY cid", {n}));
      std::vector<std::string> columns;
      for (const auto& r : cols) columns.push_back(SqlText(r[0]));
      out.emplace_back(n, columns);
    }
    return out;
  }
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows, c->Query("SELECT table_name, column_name FROM information_schema.columns WHERE "
                          "table_schema = current_schema() ORDER BY table_name, ordinal_position",
                          {}));
  for (const auto& r : rows) {
    if (out.empty() || out.back().first != SqlText(r[0]))
      out.emplace_back(SqlText(r[0]), std::vector<std::string>());
    out.back().second.push_back(SqlText(r[1]));
  }
  return out;
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

Status CopyTable(SqlConnection* from, SqlConnection* to, const std::string& table,
                 const std::vector<std::string>& columns, int64_t* copied,
                 const std::function<void(const std::string&, int64_t)>& progress) {
  const std::string cols = Join(columns, ", ");
  std::vector<std::string> marks(columns.size(), "?");
  const std::string insert =
      "INSERT INTO " + table + " (" + cols + ") VALUES (" + Join(marks, ", ") + ")";
  // Page by the physical order the source gives, 2000 rows at a time, so memory stays flat.
  const std::string order = std::string(from->Dialect()) == "sqlite" ? " ORDER BY rowid" : "";
  for (int64_t offset = 0;; offset += 2000) {
    ERFLOW_ASSIGN_OR_RETURN(
        auto rows, from->Query("SELECT " + cols + " FROM " + table + order + " LIMIT 2000 OFFSET " +
                                   std::to_string(offset),
                               {}));
    for (const auto& r : rows)
      ERFLOW_RETURN_IF_ERROR(to->Execute(insert, r).status().WithContext("copying " + table));
    *copied += static_cast<int64_t>(rows.size());
    if (progress) progress(table, *copied);
    if (rows.size() < 2000) return Status::Ok();
  }
}

}  // namespace

Result<MigrationReport> MigrateStore(
    const std::string& from_url, const std::string& to_url,
    const std::function<void(const std::string&, int64_t)>& progress) {
  ERFLOW_ASSIGN_OR_RETURN(auto from, Connect(from_url));
  ERFLOW_ASSIGN_OR_RETURN(auto to, Connect(to_url));
  ERFLOW_RETURN_IF_ERROR(EnsureSchema(from.get()).WithContext(from_url));
  ERFLOW_RETURN_IF_ERROR(EnsureSchema(to.get()).WithContext(to_url));
  MigrationReport report;
  ERFLOW_ASSIGN_OR_RETURN(auto source_tables, Tables(from.get()));
  ERFLOW_ASSIGN_OR_RETURN(auto target_tables, Tables(to.get()));

  ERFLOW_RETURN_IF_ERROR(to->BeginWrite());
  auto work = [&]() -> Status {
    ERFLOW_ASSIGN_OR_RETURN(auto marker,
                            to->Query("SELECT value FROM meta WHERE key = 'migrated_from'", {}));
    if (!marker.empty())
      return Status::Conflict(to_url + " already received a migration (from " +
                              SqlText(marker[0][0]) +
                              "); migrate refuses to run twice into the same target");
    for (const char* t : {"cases", "events", "definitions", "users"}) {
      ERFLOW_ASSIGN_OR_RETURN(auto n, to->Query(std::string("SELECT COUNT(*) FROM ") + t, {}));
      if (SqlInt(n[0][0]) > 0)
        return Status::Conflict(to_url + " already holds data (" + SqlText(n[0][0]) + " rows in " +
                                t + "); migrate only fills an empty database");
    }
    for (const auto& [table, columns] : source_tables) {
      if (table == "meta") continue;  // the target has its own schema version
      bool in_target = false;
      for (const auto& tt : target_tables) in_target |= tt.first == table;
      if (!in_target)
        return Status::Unsupported("table " + table + " is missing in the target's schema");
      int64_t copied = 0;
      ERFLOW_RETURN_IF_ERROR(CopyTable(from.get(), to.get(), table, columns, &copied, progress));
      report.tables.emplace_back(table, copied);
    }
    if (std::string(to->Dialect()) == "postgresql") {
      // Rows came with their ids: move each identity past the largest one copied.
      for (const auto& [table, columns] : target_tables) {
        if (std::find(columns.begin(), columns.end(), "id") == columns.end()) continue;
        ERFLOW_ASSIGN_OR_RETURN(auto seq,
                                to->Query("SELECT pg_get_serial_sequence(?, 'id')", {table}));
        if (seq.empty() || SqlIsNull(seq[0][0])) continue;
        ERFLOW_RETURN_IF_ERROR(to->Query("SELECT setval(?, COALESCE((SELECT MAX(id) FROM " + table +
                                             "), 0) + 1, false)",
                                         {SqlText(seq[0][0])})
                                   .status());
      }
    }
    return to->Execute("INSERT INTO meta (key, value) VALUES ('migrated_from', ?)", {from_url})
        .status();
  };
  Status s = work();
  if (s.ok()) s = to->Commit();
  if (!s.ok()) {
    to->Rollback();
    return s;
  }
  // Verify on the far side, through the store the target will be used with.
  ERFLOW_ASSIGN_OR_RETURN(auto target, OpenStore(to_url));
  ERFLOW_ASSIGN_OR_RETURN(report.audit, VerifyStore(target.get(), true));
  return report;
}

}  // namespace erflow
