// Column lists and row mappers shared by the store's reads and its transactions.
#include <sstream>

#include "store/sql_store.h"

namespace erflow::sql {

const char kCaseColumns[] =
    "id, plan, plan_version, unit, status, opened_at, updated_at, version, head_hash, snapshot, "
    "summary";
const char kEventColumns[] = "id, case_id, seq, at, actor, command, idem_key, body, hash";
const char kUserColumns[] = "name, display_name, roles, unit, active, scope";
const char kWorkItemColumns[] =
    "case_id, task, node, kind, role, unit, assignee, exclude_user, created_at, plan, title, due, "
    "overdue";

StoredCase CaseFromRow(const SqlRow& r) {
  StoredCase c;
  c.id = SqlInt(r[0]);
  c.plan = SqlText(r[1]);
  c.plan_version = SqlInt(r[2]);
  c.unit = SqlText(r[3]);
  c.status = SqlText(r[4]);
  c.opened_at = Instant{SqlInt(r[5])};
  c.updated_at = Instant{SqlInt(r[6])};
  c.version = SqlInt(r[7]);
  c.head_hash = SqlText(r[8]);
  c.snapshot = SqlText(r[9]);
  c.summary = SqlText(r[10]);
  return c;
}

HistoryEvent EventFromRow(const SqlRow& r) {
  HistoryEvent e;
  e.id = SqlInt(r[0]);
  e.case_id = SqlInt(r[1]);
  e.seq = SqlInt(r[2]);
  e.at = Instant{SqlInt(r[3])};
  e.actor = SqlText(r[4]);
  e.command = SqlText(r[5]);
  e.key = SqlText(r[6]);
  e.body = SqlText(r[7]);
  e.hash = SqlText(r[8]);
  return e;
}

User UserFromRow(const SqlRow& r) {
  User u;
  u.name = SqlText(r[0]);
  u.display_name = SqlText(r[1]);
  std::stringstream ss(SqlText(r[2]));
  for (std::string role; std::getline(ss, role, ',');)
    if (!role.empty()) u.roles.push_back(role);
  u.unit = SqlText(r[3]);
  u.active = SqlInt(r[4]) != 0;
  u.scope = SqlText(r[5]);
  return u;
}

WorkItem WorkItemFromRow(const SqlRow& r) {
  WorkItem w;
  w.case_id = SqlInt(r[0]);
  w.task = SqlText(r[1]);
  w.node = SqlText(r[2]);
  w.kind = SqlText(r[3]);
  w.role = SqlText(r[4]);
  w.unit = SqlText(r[5]);
  w.assignee = SqlText(r[6]);
  w.exclude_user = SqlText(r[7]);
  w.created_at = Instant{SqlInt(r[8])};
  w.plan = SqlText(r[9]);
  w.title = SqlText(r[10]);
  w.due = SqlInt(r[11]);
  w.overdue = SqlInt(r[12]) != 0;
  return w;
}

StoredDefinition DefinitionFromRow(const SqlRow& r) {
  StoredDefinition d;
  d.id = SqlText(r[0]);
  d.version = SqlInt(r[1]);
  d.content_hash = SqlText(r[2]);
  d.bundle = SqlText(r[3]);
  d.deployed_at = Instant{SqlInt(r[4])};
  d.deployed_by = SqlText(r[5]);
  return d;
}

std::string JoinRoles(const std::vector<std::string>& roles) {
  std::string out;
  for (const auto& r : roles) out += (out.empty() ? "" : ",") + r;
  return out;
}

Result<std::optional<StoredCase>> LoadCase(SqlConnection* c, int64_t id) {
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows,
      c->Query(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE id = ?", {id}));
  if (rows.empty()) return std::optional<StoredCase>();
  return std::optional<StoredCase>(CaseFromRow(rows[0]));
}

Result<std::optional<User>> GetUser(SqlConnection* c, const std::string& name) {
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows,
      c->Query(std::string("SELECT ") + kUserColumns + " FROM users WHERE name = ?", {name}));
  if (rows.empty()) return std::optional<User>();
  return std::optional<User>(UserFromRow(rows[0]));
}

}  // namespace erflow::sql
