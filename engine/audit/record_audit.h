// Auditing what the archive holds besides case history: every issued record's stored PDF
// still hashes to the SHA-256 its issuing event holds, and the export log's hash chain is
// intact. `erflow audit verify` runs it after the case chains.
// Thread rules: pure functions over the store.
#pragma once

#include "erflow/engine.h"
#include "store/store.h"

namespace erflow {

// Appends what is wrong to `report->problems` (case 0 for export-log problems).
Status AuditRecords(Store* store, AuditReport* report);

}  // namespace erflow
