// The write transaction of SqlStore: holds one pooled connection inside BEGIN … COMMIT.
#include "store/sql_transaction.h"

#include "store/sql_case_fields.h"

namespace erflow {

SqlTransaction::~SqlTransaction() {
  if (!done_) lease_->Rollback();
}

Result<std::optional<StoredCase>> SqlTransaction::LoadCase(int64_t id) {
  return sql::LoadCase(lease_.get(), id);
}

Result<int64_t> SqlTransaction::InsertCase(const StoredCase& c) {
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows,
      lease_->Query(
          "INSERT INTO cases (plan, plan_version, unit, status, opened_at, updated_at, version, "
          "head_hash, snapshot, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {c.plan, c.plan_version, c.unit, c.status, c.opened_at.seconds, c.updated_at.seconds,
           c.version, c.head_hash, c.snapshot, c.summary}));
  if (rows.empty()) return Status::IOError("inserting a case returned no id");
  return SqlInt(rows[0][0]);
}

Status SqlTransaction::UpdateCase(const StoredCase& c, int64_t expected_version) {
  ERFLOW_ASSIGN_OR_RETURN(
      int64_t changed,
      lease_->Execute(
          "UPDATE cases SET status = ?, updated_at = ?, version = ?, head_hash = ?, snapshot = ?, "
          "summary = ? WHERE id = ? AND version = ?",
          {c.status, c.updated_at.seconds, c.version, c.head_hash, c.snapshot, c.summary, c.id,
           expected_version}));
  if (changed != 1)
    return Status::Conflict("case " + std::to_string(c.id) + " changed since version " +
                            std::to_string(expected_version) + "; reload it and try again");
  return WriteCaseFields(lease_.get(), c.id, c.summary);
}

Status SqlTransaction::AppendEvent(const HistoryEvent& e) {
  SqlValue key = e.key.empty() ? SqlValue() : SqlValue(e.key);
  return lease_
      ->Execute(
          "INSERT INTO events (case_id, seq, at, actor, command, idem_key, body, hash) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {e.case_id, e.seq, e.at.seconds, e.actor, e.command, key, e.body, e.hash})
      .status();
}

Result<std::optional<HistoryEvent>> SqlTransaction::FindEventByKey(const std::string& key) {
  ERFLOW_ASSIGN_OR_RETURN(auto rows, lease_->Query(std::string("SELECT ") + sql::kEventColumns +
                                                       " FROM events WHERE idem_key = ?",
                                                   {key}));
  if (rows.empty()) return std::optional<HistoryEvent>();
  return std::optional<HistoryEvent>(sql::EventFromRow(rows[0]));
}

namespace {

bool SameItem(const WorkItem& a, const WorkItem& b) {
  return a.task == b.task && a.node == b.node && a.kind == b.kind && a.role == b.role &&
         a.unit == b.unit && a.assignee == b.assignee && a.exclude_user == b.exclude_user &&
         a.created_at == b.created_at && a.title == b.title && a.due == b.due &&
         a.overdue == b.overdue;
}

bool Contains(const std::vector<WorkItem>& items, const WorkItem& w) {
  for (const auto& x : items)
    if (SameItem(x, w)) return true;
  return false;
}

}  // namespace

Status SqlTransaction::UpdateWorkItems(int64_t case_id, const std::vector<WorkItem>& before,
                                       const std::vector<WorkItem>& after) {
  for (const auto& w : before) {
    if (Contains(after, w)) continue;
    ERFLOW_RETURN_IF_ERROR(
        lease_
            ->Execute("DELETE FROM work_items WHERE case_id = ? AND task = ? AND assignee = ?",
                      {case_id, w.task, w.assignee})
            .status());
  }
  for (const auto& w : after) {
    if (Contains(before, w)) continue;
    ERFLOW_RETURN_IF_ERROR(
        lease_
            ->Execute(std::string("INSERT INTO work_items (") + sql::kWorkItemColumns +
                          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      {case_id, w.task, w.node, w.kind, w.role, w.unit, w.assignee, w.exclude_user,
                       w.created_at.seconds, w.plan, w.title, w.due, int64_t{w.overdue ? 1 : 0}})
            .status());
  }
  return Status::Ok();
}

namespace {
bool SameTimer(const TimerRow& a, const TimerRow& b) {
  return a.kind == b.kind && a.key == b.key && a.fire_at == b.fire_at;
}
bool ContainsTimer(const std::vector<TimerRow>& rows, const TimerRow& t) {
  for (const auto& r : rows)
    if (SameTimer(r, t)) return true;
  return false;
}
}  // namespace

Status SqlTransaction::UpdateTimers(int64_t case_id, int64_t seq,
                                    const std::vector<TimerRow>& before,
                                    const std::vector<TimerRow>& after) {
  for (const auto& t : before) {
    if (ContainsTimer(after, t)) continue;
    ERFLOW_RETURN_IF_ERROR(
        lease_
            ->Execute("UPDATE timers SET state = 'cancelled' WHERE case_id = ? AND kind = ? AND "
                      "deadline = ? AND fire_at = ? AND state = 'pending'",
                      {case_id, t.kind, t.key, t.fire_at.seconds})
            .status());
  }
  for (const auto& t : after) {
    if (ContainsTimer(before, t)) continue;
    ERFLOW_RETURN_IF_ERROR(
        lease_
            ->Execute("INSERT INTO timers (case_id, kind, deadline, task, fire_at, due_at, state, "
                      "created_seq, payload) "
                      "VALUES (?, ?, ?, '', ?, ?, 'pending', ?, '{}')",
                      {case_id, t.kind, t.key, t.fire_at.seconds, t.due_at.seconds, seq})
            .status());
  }
  return Status::Ok();
}

Status SqlTransaction::AddCaseUnits(int64_t case_id, const std::vector<std::string>& units) {
  for (const auto& u : units)
    ERFLOW_RETURN_IF_ERROR(
        lease_
            ->Execute("INSERT INTO case_units (case_id, unit) VALUES (?, ?) ON CONFLICT DO NOTHING",
                      {case_id, u})
            .status());
  return Status::Ok();
}

Result<std::optional<TimerRow>> SqlTransaction::ClaimNextDueTimer(Instant now, const std::vector<int64_t>& exclude) {
  std::string sql =
      "SELECT id, case_id, kind, deadline, fire_at, due_at FROM timers WHERE state = 'pending' AND fire_at <= ?";
  std::vector<SqlValue> params(1 + exclude.size());
  params[0] = now.seconds;
  for (size_t i = 0; i < exclude.size(); ++i) {
    sql += " AND id <> ?";
    params[i + 1] = exclude[i];
  }
  sql += " ORDER BY fire_at, id LIMIT 1";
  // SQLite: this transaction already holds the write lock; PostgreSQL: lock the row and
  // let other sweepers pass it by.
  if (std::string(lease_->Dialect()) == "postgresql") sql += " FOR UPDATE SKIP LOCKED";
  ERFLOW_ASSIGN_OR_RETURN(auto rows, lease_->Query(sql, params));
  if (rows.empty()) return std::optional<TimerRow>();
  const SqlRow& r = rows[0];
  TimerRow t{SqlInt(r[0]), SqlInt(r[1]), SqlText(r[2]), SqlText(r[3]), Instant{SqlInt(r[4])}, Instant{SqlInt(r[5])}};
  ERFLOW_ASSIGN_OR_RETURN(int64_t changed,
                          lease_->Execute("UPDATE timers SET state = 'fired' WHERE id = ? AND state = 'pending'", {t.id}));
  if (changed != 1) return std::optional<TimerRow>();
  return std::optional<TimerRow>(t);
}

Result<std::optional<User>> SqlTransaction::GetUser(const std::string& name) {
  return sql::GetUser(lease_.get(), name);
}

Result<std::vector<User>> SqlTransaction::UsersWith(const std::string& role,
                                                    const std::string& unit) {
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows, lease_->Query(std::string("SELECT ") + sql::kUserColumns +
                                   " FROM users WHERE unit = ? AND active = 1 ORDER BY name",
                               {unit}));
  std::vector<User> out;
  for (const auto& r : rows) {
    User u = sql::UserFromRow(r);
    if (u.HasRole(role)) out.push_back(std::move(u));
  }
  return out;
}

Result<int64_t> SqlTransaction::NextSequence(const std::string& name) {
  // One atomic upsert: the row lock it takes serialises concurrent filings until commit,
  // and a rollback gives the number back, so the sequence stays gapless.
  ERFLOW_ASSIGN_OR_RETURN(auto rows, lease_->Query("INSERT INTO sequences (name, value) VALUES (?, 1) "
                                                   "ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 "
                                                   "RETURNING value",
                                                   {name}));
  return SqlInt(rows.at(0).at(0));
}

Status SqlTransaction::Commit() {
  Status s = lease_->Commit();
  if (s.ok()) done_ = true;
  return s;
}

}  // namespace erflow
