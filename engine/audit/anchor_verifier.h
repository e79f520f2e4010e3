// Verifying anchors: the anchor chain itself, and that every anchored (case, version,
// head hash) is still in the history — a case deleted or rolled back as a whole, which
// its own chain cannot show, fails here.
// Thread rules: pure function over the store.
#pragma once

#include "erflow/engine.h"
#include "store/store.h"

namespace erflow {

// Appends problems to `report` (case 0 for problems of the anchor chain itself).
Status VerifyAnchors(Store* store, AuditReport* report);

}  // namespace erflow
