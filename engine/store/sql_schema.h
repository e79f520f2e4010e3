// The database schema, versioned. Created and migrated by erflow itself on open.
// Thread rules: constants.
#pragma once

#include <string>

#include "store/sql_connection.h"

namespace erflow {

// 1: the first schema. 2: case_fields (filterable summary fields), backfilled on open;
// queue indexes ending in case_id.
constexpr int kSchemaVersion = 2;

// Creates missing tables and indexes and records the schema version; refuses a database
// written by a newer erflow.
Status EnsureSchema(SqlConnection* conn);

}  // namespace erflow
