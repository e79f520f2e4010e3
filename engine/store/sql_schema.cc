#include "store/sql_schema.h"

#include "store/sql_case_fields.h"

namespace erflow {
namespace {

// Types are chosen to mean the same on SQLite and PostgreSQL: BIGINT, TEXT, DOUBLE
// PRECISION. Times are unix seconds (BIGINT); ISO text lives in the event bodies.
const char kSchemaV1[] = R"SQL(
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  unit TEXT NOT NULL,
  active BIGINT NOT NULL,
  scope TEXT NOT NULL DEFAULT 'unit'
);
CREATE TABLE IF NOT EXISTS definitions (
  id TEXT NOT NULL,
  version BIGINT NOT NULL,
  content_hash TEXT NOT NULL,
  bundle TEXT NOT NULL,
  deployed_at BIGINT NOT NULL,
  deployed_by TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE TABLE IF NOT EXISTS cases (
  id @ID@,
  plan TEXT NOT NULL,
  plan_version BIGINT NOT NULL,
  unit TEXT NOT NULL,
  status TEXT NOT NULL,
  opened_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version BIGINT NOT NULL,
  head_hash TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  summary TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cases_opened ON cases (opened_at);
CREATE INDEX IF NOT EXISTS cases_unit ON cases (unit, opened_at);
CREATE TABLE IF NOT EXISTS events (
  id @ID@,
  case_id BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  idem_key TEXT,
  body TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (case_id, seq)
);
CREATE UNIQUE INDEX IF NOT EXISTS events_key ON events (idem_key);
CREATE TABLE IF NOT EXISTS work_items (
  case_id BIGINT NOT NULL,
  task TEXT NOT NULL,
  node TEXT NOT NULL,
  kind TEXT NOT NULL,
  role TEXT NOT NULL,
  unit TEXT NOT NULL,
  assignee TEXT NOT NULL,
  exclude_user TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  plan TEXT NOT NULL,
  title TEXT NOT NULL,
  due BIGINT NOT NULL,
  overdue BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS work_items_queue ON work_items (unit, role, assignee, created_at, case_id);
CREATE INDEX IF NOT EXISTS work_items_mine ON work_items (assignee, created_at, case_id);
CREATE INDEX IF NOT EXISTS work_items_case ON work_items (case_id);
CREATE TABLE IF NOT EXISTS case_units (
  case_id BIGINT NOT NULL,
  unit TEXT NOT NULL,
  PRIMARY KEY (case_id, unit)
);
CREATE INDEX IF NOT EXISTS case_units_unit ON case_units (unit, case_id);
CREATE TABLE IF NOT EXISTS case_fields (
  case_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (case_id, name)
);
CREATE INDEX IF NOT EXISTS case_fields_value ON case_fields (name, value, case_id);
CREATE INDEX IF NOT EXISTS work_items_overdue ON work_items (overdue, case_id);
CREATE TABLE IF NOT EXISTS credentials (
  name TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  failures BIGINT NOT NULL,
  locked_until BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  csrf TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS anchors (
  id @ID@,
  at BIGINT NOT NULL,
  prev TEXT NOT NULL,
  body TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS anchored (
  case_id BIGINT PRIMARY KEY,
  version BIGINT NOT NULL,
  head_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sequences (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS timers (
  id @ID@,
  case_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  deadline TEXT NOT NULL,
  task TEXT NOT NULL,
  fire_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  state TEXT NOT NULL,
  created_seq BIGINT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS timers_due ON timers (state, fire_at);
CREATE INDEX IF NOT EXISTS timers_case ON timers (case_id, state);
CREATE TABLE IF NOT EXISTS signing_keys (
  id @ID@,
  user_name TEXT NOT NULL,
  certificate_pem TEXT NOT NULL,
  private_key_pem TEXT NOT NULL,
  chain_pem TEXT NOT NULL,
  subject_cn TEXT NOT NULL,
  subject_dn TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  not_before BIGINT NOT NULL,
  not_after BIGINT NOT NULL,
  imported_at BIGINT NOT NULL,
  imported_by TEXT NOT NULL,
  is_current BIGINT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS signing_keys_current ON signing_keys (user_name)
  WHERE is_current = 1;
CREATE TABLE IF NOT EXISTS records (
  id @ID@,
  case_id BIGINT NOT NULL,
  task TEXT NOT NULL,
  node TEXT NOT NULL,
  kind TEXT NOT NULL,
  seq BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  pdf_base64 TEXT NOT NULL,
  issued_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_case ON records (case_id, id);
CREATE INDEX IF NOT EXISTS records_sha ON records (sha256);
CREATE TABLE IF NOT EXISTS export_log (
  seq BIGINT PRIMARY KEY,
  kind TEXT NOT NULL,
  case_id BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  file TEXT NOT NULL,
  detail TEXT NOT NULL,
  exported_by TEXT NOT NULL,
  exported_at BIGINT NOT NULL,
  body TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS export_log_sha ON export_log (sha256);
)SQL";

}  // namespace

Status EnsureSchema(SqlConnection* conn) {
  // The common case: an up-to-date database. Checked outside a transaction because the
  // query fails on an empty database (and a failed statement would spoil a transaction).
  auto current = conn->Query("SELECT value FROM meta WHERE key = 'schema_version'", {});
  if (current.ok() && !current->empty() && SqlText((*current)[0][0]) == std::to_string(kSchemaVersion))
    return Status::Ok();
  // An auto-assigned 64-bit key: SQLite's rowid alias, PostgreSQL's identity column.
  std::string schema = kSchemaV1;
  const std::string id_type = std::string(conn->Dialect()) == "sqlite"
                                  ? "INTEGER PRIMARY KEY"
                                  : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
  for (size_t pos; (pos = schema.find("@ID@")) != std::string::npos;)
    schema.replace(pos, 4, id_type);
  ERFLOW_RETURN_IF_ERROR(conn->BeginWrite());
  // Nodes starting together must not race to create the same tables.
  Status s = std::string(conn->Dialect()) == "postgresql"
                 ? conn->Query("SELECT pg_advisory_xact_lock(7307)", {}).status()
                 : Status::Ok();
  if (s.ok()) s = conn->ExecScript(schema);
  if (s.ok()) {
    auto rows = conn->Query("SELECT value FROM meta WHERE key = 'schema_version'", {});
    if (!rows.ok()) {
      s = rows.status();
    } else if (rows->empty()) {
      s = conn->Execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)",
                        {std::to_string(kSchemaVersion)})
              .status();
    } else if (std::stoi(SqlText((*rows)[0][0])) > kSchemaVersion) {
      s = Status::Unsupported("the database has schema version " + SqlText((*rows)[0][0]) +
                              ", newer than this erflow understands (" +
                              std::to_string(kSchemaVersion) + ")");
    } else if (std::stoi(SqlText((*rows)[0][0])) < kSchemaVersion) {
      // Version 2 added case_fields: fill it for the cases written before. Its queue
      // indexes end in case_id, the queue's tie-break, so a queue page needs no sort.
      s = conn->ExecScript("DROP INDEX IF EXISTS work_items_pool; "
                           "DROP INDEX IF EXISTS work_items_assignee;");
      if (s.ok()) s = BackfillCaseFields(conn);
      if (s.ok())
        s = conn->Execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                          {std::to_string(kSchemaVersion)})
                .status();
    }
  }
  if (!s.ok()) {
    conn->Rollback();
    return s;
  }
  return conn->Commit();
}

}  // namespace erflow
