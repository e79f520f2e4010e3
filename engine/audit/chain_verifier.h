// Verifying a case's hash-chained history: every event's body hashes to its stored hash,
// names the previous event's hash, carries its own case and sequence number, and agrees
// with the indexed columns; the chain ends where the case snapshot says it does. The
// first broken event is named, with what is wrong: edited, deleted, inserted, reordered.
// Thread rules: pure functions.
#pragma once

#include <vector>

#include "erflow/engine.h"
#include "store/store.h"

namespace erflow {

// Appends to `problems` what is wrong with one case's chain.
void VerifyCaseChain(const StoredCase& c, const std::vector<HistoryEvent>& events,
                     std::vector<AuditProblem>* problems);

// Walks every case; with `check_snapshots`, compares each stored snapshot with the one
// rebuilt from history.
Result<AuditReport> VerifyStore(Store* store, bool check_snapshots);

}  // namespace erflow
