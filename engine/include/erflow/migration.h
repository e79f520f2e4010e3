// Moving an office's data from one store to another — typically a county's SQLite file to
// the province's PostgreSQL — history, snapshots, queues, timers, users, definitions,
// records and counters, ids and hashes unchanged, in one transaction on the target; then
// the hash chains are verified on the far side. A target that already holds data is
// refused, so a migration never runs twice into the same database.
// Thread rules: one migration at a time per target (the target transaction enforces it).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "erflow/engine.h"
#include "erflow/result.h"

namespace erflow {

struct MigrationReport {
  std::vector<std::pair<std::string, int64_t>> tables;  // table → rows copied
  AuditReport audit;                                    // verification on the target
};

// `progress` (optional) is told "table rows" as copying goes.
Result<MigrationReport> MigrateStore(
    const std::string& from_url, const std::string& to_url,
    const std::function<void(const std::string&, int64_t)>& progress = nullptr);

}  // namespace erflow
