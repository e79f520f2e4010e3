#include "store/sql_store.h"

#include <algorithm>

#include "store/sql_case_fields.h"
#include "store/sql_schema.h"
#include "store/sql_transaction.h"
#include "store/postgres/pg_connection.h"
#include "store/sqlite/sqlite_connection.h"

namespace erflow {

SqlStore::SqlStore(ConnectionPool::Factory factory, size_t max_connections)
    : pool_(std::move(factory), max_connections) {}

Result<std::unique_ptr<StoreTransaction>> SqlStore::BeginWrite() {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_RETURN_IF_ERROR(lease->BeginWrite());
  return std::unique_ptr<StoreTransaction>(new SqlTransaction(std::move(lease)));
}

Result<std::optional<StoredCase>> SqlStore::LoadCase(int64_t id) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  return sql::LoadCase(lease.get(), id);
}

Result<std::vector<StoredCase>> SqlStore::ListCases(const CaseFilter& f) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  std::string q = std::string("SELECT ") + sql::kCaseColumns + " FROM cases WHERE id > ?";
  std::vector<SqlValue> params{f.after_id};
  if (!f.plan.empty()) q += " AND plan = ?", params.push_back(f.plan);
  if (!f.status.empty()) q += " AND status = ?", params.push_back(f.status);
  if (!f.unit.empty()) q += " AND unit = ?", params.push_back(f.unit);
  if (!f.visible_to_unit.empty())
    q += " AND id IN (SELECT case_id FROM case_units WHERE unit = ?)",
        params.push_back(f.visible_to_unit);
  if (f.from.seconds) q += " AND opened_at >= ?", params.push_back(f.from.seconds);
  if (f.to.seconds) q += " AND opened_at <= ?", params.push_back(f.to.seconds);
  AppendCaseFieldFilters(f, &q, &params);
  q += " ORDER BY id LIMIT ?";
  params.push_back(f.limit);
  ERFLOW_ASSIGN_OR_RETURN(auto rows, lease->Query(q, params));
  std::vector<StoredCase> out;
  for (const auto& r : rows) out.push_back(sql::CaseFromRow(r));
  return out;
}

Result<std::vector<HistoryEvent>> SqlStore::CaseEvents(int64_t case_id) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(auto rows,
                          lease->Query(std::string("SELECT ") + sql::kEventColumns +
                                           " FROM events WHERE case_id = ? ORDER BY seq, id",
                                       {case_id}));
  std::vector<HistoryEvent> out;
  for (const auto& r : rows) out.push_back(sql::EventFromRow(r));
  return out;
}

Status SqlStore::ForEachCaseHistory(
    const std::function<Status(const StoredCase&, const std::vector<HistoryEvent>&)>& fn) {
  int64_t after = 0;
  while (true) {
    CaseFilter f;
    f.after_id = after;
    f.limit = 500;
    ERFLOW_ASSIGN_OR_RETURN(auto cases, ListCases(f));
    if (cases.empty()) return Status::Ok();
    for (const auto& c : cases) {
      ERFLOW_ASSIGN_OR_RETURN(auto events, CaseEvents(c.id));
      ERFLOW_RETURN_IF_ERROR(fn(c, events));
      after = c.id;
    }
  }
}

Result<std::vector<int64_t>> SqlStore::OrphanEventCases() {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(auto rows,
                          lease->Query("SELECT DISTINCT case_id FROM events WHERE case_id NOT IN "
                                       "(SELECT id FROM cases) ORDER BY case_id",
                                       {}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(SqlInt(r[0]));
  return out;
}

Result<std::vector<WorkItem>> SqlStore::Queue(const User& user, int64_t limit) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  // Each query is one index range scan: items held by the user, then the unassigned pool
  // of each of their roles in their unit. Merged by time below.
  const std::string select =
      std::string("SELECT ") + sql::kWorkItemColumns + " FROM work_items WHERE ";
  std::vector<WorkItem> out;
  auto run = [&](const std::string& where, std::vector<SqlValue> params) -> Status {
    params.push_back(limit);
    ERFLOW_ASSIGN_OR_RETURN(
        auto rows, lease->Query(select + where + " ORDER BY created_at, case_id LIMIT ?", params));
    for (const auto& r : rows) out.push_back(sql::WorkItemFromRow(r));
    return Status::Ok();
  };
  ERFLOW_RETURN_IF_ERROR(run("assignee = ?", {user.name}));
  for (const auto& role : user.roles)
    ERFLOW_RETURN_IF_ERROR(run("unit = ? AND role = ? AND assignee = '' AND exclude_user <> ?",
                               {user.unit, role, user.name}));
  std::stable_sort(out.begin(), out.end(), [](const WorkItem& a, const WorkItem& b) {
    if (a.overdue != b.overdue) return a.overdue;  // escalations and overdue work first
    if (a.created_at != b.created_at) return a.created_at < b.created_at;
    return a.case_id < b.case_id;
  });
  if (static_cast<int64_t>(out.size()) > limit) out.resize(static_cast<size_t>(limit));
  return out;
}

namespace {
std::vector<TimerRow> TimerRows(const std::vector<SqlRow>& rows) {
  std::vector<TimerRow> out;
  for (const auto& r : rows)
    out.push_back(TimerRow{SqlInt(r[0]), SqlInt(r[1]), SqlText(r[2]), SqlText(r[3]),
                           Instant{SqlInt(r[4])}, Instant{SqlInt(r[5])}});
  return out;
}
}  // namespace

Result<std::vector<TimerRow>> SqlStore::DueTimers(Instant now, int64_t limit) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows,
      lease->Query("SELECT id, case_id, kind, deadline, fire_at, due_at FROM timers "
                   "WHERE state = 'pending' AND fire_at <= ? ORDER BY fire_at, id LIMIT ?",
                   {now.seconds, limit}));
  return TimerRows(rows);
}

Result<std::vector<TimerRow>> SqlStore::PendingTimers(int64_t case_id) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows, lease->Query("SELECT id, case_id, kind, deadline, fire_at, due_at FROM timers "
                              "WHERE case_id = ? AND state = 'pending' ORDER BY fire_at, id",
                              {case_id}));
  return TimerRows(rows);
}

Result<std::optional<Instant>> SqlStore::NextTimerAt() {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows, lease->Query("SELECT MIN(fire_at) FROM timers WHERE state = 'pending'", {}));
  if (rows.empty() || SqlIsNull(rows[0][0])) return std::optional<Instant>();
  return std::optional<Instant>(Instant{SqlInt(rows[0][0])});
}

Result<std::optional<Credential>> SqlStore::GetCredential(const std::string& name) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows, lease->Query("SELECT name, secret, failures, locked_until FROM credentials "
                              "WHERE name = ?",
                              {name}));
  if (rows.empty()) return std::optional<Credential>();
  const auto& r = rows[0];
  return std::optional<Credential>(
      Credential{SqlText(r[0]), SqlText(r[1]), SqlInt(r[2]), Instant{SqlInt(r[3])}});
}

Status SqlStore::PutCredential(const Credential& c) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  return lease
      ->Execute(
          "INSERT INTO credentials (name, secret, failures, locked_until) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (name) DO UPDATE SET secret = excluded.secret, failures = "
          "excluded.failures, "
          "locked_until = excluded.locked_until",
          {c.name, c.secret, c.failures, c.locked_until.seconds})
      .status();
}

Status SqlStore::PutSession(const StoredSession& s) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  return lease
      ->Execute(
          "INSERT INTO sessions (token_hash, name, csrf, created_at, expires_at, revoked) VALUES "
          "(?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (token_hash) DO UPDATE SET revoked = excluded.revoked, expires_at = "
          "excluded.expires_at",
          {s.token_hash, s.name, s.csrf, s.created_at.seconds, s.expires_at.seconds,
           int64_t{s.revoked ? 1 : 0}})
      .status();
}

Result<std::optional<StoredSession>> SqlStore::GetSession(const std::string& token_hash) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows, lease->Query("SELECT token_hash, name, csrf, created_at, expires_at, revoked "
                              "FROM sessions WHERE token_hash = ?",
                              {token_hash}));
  if (rows.empty()) return std::optional<StoredSession>();
  const auto& r = rows[0];
  return std::optional<StoredSession>(StoredSession{SqlText(r[0]), SqlText(r[1]), SqlText(r[2]),
                                                    Instant{SqlInt(r[3])}, Instant{SqlInt(r[4])},
                                                    SqlInt(r[5]) != 0});
}

Status SqlStore::PutUser(const User& u) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  return lease
      ->Execute(
          "INSERT INTO users (name, display_name, roles, unit, active, scope) VALUES (?, ?, ?, ?, "
          "?, ?) "
          "ON CONFLICT (name) DO UPDATE SET display_name = excluded.display_name, roles = "
          "excluded.roles, "
          "unit = excluded.unit, active = excluded.active, scope = excluded.scope",
          {u.name, u.display_name, sql::JoinRoles(u.roles), u.unit, int64_t{u.active ? 1 : 0},
           u.scope})
      .status();
}

Result<std::optional<User>> SqlStore::GetUser(const std::string& name) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  return sql::GetUser(lease.get(), name);
}

Result<std::vector<User>> SqlStore::ListUsers() {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(auto rows, lease->Query(std::string("SELECT ") + sql::kUserColumns +
                                                      " FROM users ORDER BY unit, name",
                                                  {}));
  std::vector<User> out;
  for (const auto& r : rows) out.push_back(sql::UserFromRow(r));
  return out;
}

Result<std::pair<int64_t, bool>> SqlStore::DeployDefinition(const StoredDefinition& d) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_RETURN_IF_ERROR(lease->BeginWrite());
  auto rows = lease->Query(
      "SELECT version, content_hash FROM definitions WHERE id = ? ORDER BY version DESC LIMIT 1",
      {d.id});
  if (!rows.ok()) {
    lease->Rollback();
    return rows.status();
  }
  if (!rows->empty() && SqlText((*rows)[0][1]) == d.content_hash) {
    lease->Rollback();
    return std::make_pair(SqlInt((*rows)[0][0]), false);
  }
  int64_t version = rows->empty() ? 1 : SqlInt((*rows)[0][0]) + 1;
  Status s =
      lease
          ->Execute(
              "INSERT INTO definitions (id, version, content_hash, bundle, deployed_at, "
              "deployed_by) "
              "VALUES (?, ?, ?, ?, ?, ?)",
              {d.id, version, d.content_hash, d.bundle, d.deployed_at.seconds, d.deployed_by})
          .status();
  if (s.ok()) s = lease->Commit();
  if (!s.ok()) {
    lease->Rollback();
    return s;
  }
  return std::make_pair(version, true);
}

Result<std::optional<StoredDefinition>> SqlStore::GetDefinition(const std::string& id,
                                                                int64_t version) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows, lease->Query("SELECT id, version, content_hash, bundle, deployed_at, deployed_by "
                              "FROM definitions WHERE id = ? AND version = ?",
                              {id, version}));
  if (rows.empty()) return std::optional<StoredDefinition>();
  return std::optional<StoredDefinition>(sql::DefinitionFromRow(rows[0]));
}

Result<std::optional<StoredDefinition>> SqlStore::LatestDefinition(const std::string& id) {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows, lease->Query("SELECT id, version, content_hash, bundle, deployed_at, deployed_by "
                              "FROM definitions WHERE id = ? ORDER BY version DESC LIMIT 1",
                              {id}));
  if (rows.empty()) return std::optional<StoredDefinition>();
  return std::optional<StoredDefinition>(sql::DefinitionFromRow(rows[0]));
}

Result<std::vector<StoredDefinition>> SqlStore::ListDefinitions() {
  ERFLOW_ASSIGN_OR_RETURN(auto lease, pool_.Acquire());
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows, lease->Query("SELECT id, version, content_hash, '', deployed_at, deployed_by "
                              "FROM definitions ORDER BY id, version",
                              {}));
  std::vector<StoredDefinition> out;
  for (const auto& r : rows) out.push_back(sql::DefinitionFromRow(r));
  return out;
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    ERFLOW_ASSIGN_OR_RETURN(std::string conninfo, PostgresConninfo(url));
    auto factory = [conninfo]() -> Result<std::unique_ptr<SqlConnection>> {
      ERFLOW_ASSIGN_OR_RETURN(auto conn, PgConnection::Open(conninfo));
      return std::unique_ptr<SqlConnection>(std::move(conn));
    };
    {
      ERFLOW_ASSIGN_OR_RETURN(auto conn, factory());
      ERFLOW_RETURN_IF_ERROR(EnsureSchema(conn.get()));
    }
    return std::unique_ptr<Store>(new SqlStore(factory, 16));
  }
  // "path?synchronous=NORMAL" chooses the durability level (default FULL).
  SqliteOptions options;
  std::string path = url;
  if (auto q = url.find("?synchronous="); q != std::string::npos) {
    path = url.substr(0, q);
    options.synchronous = url.substr(q + 13);
  }
  auto factory = [path, options]() -> Result<std::unique_ptr<SqlConnection>> {
    ERFLOW_ASSIGN_OR_RETURN(auto conn, SqliteConnection::Open(path, options));
    return std::unique_ptr<SqlConnection>(std::move(conn));
  };
  {
    ERFLOW_ASSIGN_OR_RETURN(auto conn, factory());
    ERFLOW_RETURN_IF_ERROR(EnsureSchema(conn.get()));
  }
  return std::unique_ptr<Store>(new SqlStore(factory, 8));
}

}  // namespace erflow
