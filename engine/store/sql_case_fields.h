// Case fields: the scalar members of each case's summary (the definition's caseFields —
// level, category, nature …) kept as (case_id, name, value) rows with an index on
// (name, value), so a case list filtered by level is an index lookup however many cases
// there are. Written in the command's transaction together with the summary they come
// from, and rebuilt from the summaries when a database written before they existed is
// opened. Also the overdue filter, from the queue rows' overdue flag (indexed too).
// Thread rules: functions over one connection, used by one thread at a time.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "store/sql_connection.h"
#include "store/store.h"

namespace erflow {

// The rows for a summary (JSON object text): strings as they are, booleans "true"/"false",
// numbers as JSON writes them; arrays, objects and nulls are not filterable.
std::vector<std::pair<std::string, std::string>> CaseFieldRows(const std::string& summary);

// Makes the case's rows match `summary`, touching only the rows that differ.
Status WriteCaseFields(SqlConnection* c, int64_t case_id, const std::string& summary);

// Writes the rows of every case (migration to schema version 2).
Status BackfillCaseFields(SqlConnection* c);

// Appends " AND …" conditions for `f.fields` and `f.overdue` to a query on `cases`.
void AppendCaseFieldFilters(const CaseFilter& f, std::string* sql, std::vector<SqlValue>* params);

}  // namespace erflow
