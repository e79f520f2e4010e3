#include "store/sql_case_fields.h"

#include <map>

#include "erflow/json.h"

namespace erflow {

std::vector<std::pair<std::string, std::string>> CaseFieldRows(const std::string& summary) {
  std::vector<std::pair<std::string, std::string>> out;
  auto j = ParseJson(summary, "case summary");
  if (!j.ok() || !j->is_object()) return out;
  for (const auto& [name, v] : j->members()) {
    if (v.is_string())
      out.emplace_back(name, v.AsString());
    else if (v.is_bool() || v.is_number())
      out.emplace_back(name, v.Dump());
  }
  return out;
}

Status WriteCaseFields(SqlConnection* c, int64_t case_id, const std::string& summary) {
  std::map<std::string, std::string> want;
  for (auto& [name, value] : CaseFieldRows(summary)) want[name] = std::move(value);
  ERFLOW_ASSIGN_OR_RETURN(
      auto rows, c->Query("SELECT name, value FROM case_fields WHERE case_id = ?", {case_id}));
  std::map<std::string, std::string> have;
  for (const auto& r : rows) have[SqlText(r[0])] = SqlText(r[1]);
  for (const auto& [name, value] : have)
    if (!want.count(name))
      ERFLOW_RETURN_IF_ERROR(
          c->Execute("DELETE FROM case_fields WHERE case_id = ? AND name = ?", {case_id, name})
              .status());
  for (const auto& [name, value] : want) {
    auto it = have.find(name);
    if (it != have.end() && it->second == value) continue;
    ERFLOW_RETURN_IF_ERROR(
        c->Execute("INSERT INTO case_fields (case_id, name, value) VALUES (?, ?, ?) "
                   "ON CONFLICT (case_id, name) DO UPDATE SET value = excluded.value",
                   {case_id, name, value})
            .status());
  }
  return Status::Ok();
}

Status BackfillCaseFields(SqlConnection* c) {
  int64_t after = 0;
  while (true) {
    ERFLOW_ASSIGN_OR_RETURN(
        auto rows,
        c->Query("SELECT id, summary FROM cases WHERE id > ? ORDER BY id LIMIT 1000", {after}));
    if (rows.empty()) return Status::Ok();
    for (const auto& r : rows) {
      after = SqlInt(r[0]);
      ERFLOW_RETURN_IF_ERROR(WriteCaseFields(c, after, SqlText(r[1])));
    }
  }
}

void AppendCaseFieldFilters(const CaseFilter& f, std::string* sql, std::vector<SqlValue>* params) {
  for (const auto& [name, value] : f.fields) {
    *sql += " AND id IN (SELECT case_id FROM case_fields WHERE name = ? AND value = ?)";
    params->push_back(name);
    params->push_back(value);
  }
  if (f.overdue)
    *sql += *f.overdue ? " AND id IN (SELECT case_id FROM work_items WHERE overdue = 1)"
                       : " AND id NOT IN (SELECT case_id FROM work_items WHERE overdue = 1)";
}

}  // namespace erflow
