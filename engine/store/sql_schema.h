// The database schema, versioned. Created and migrated by erflow itself on open.
// Thread rules: constants.
#pragma once

#include <string>

#include "store/sql_connection.h"

namespace erflow {

constexpr int kSchemaVersion = 1;

// Creates missing tables and indexes and records the schema version; refuses a database
// written by a newer erflow.
Status EnsureSchema(SqlConnection* conn);

}  // namespace erflow
