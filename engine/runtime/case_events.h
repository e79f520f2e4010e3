// Applying history to a case snapshot. Every change a command makes is recorded as a list
// of effects in its history event; ApplyEffect is the only code that changes a CaseState,
// used both while a command runs and when a snapshot is rebuilt from history — which is
// why a rebuild always equals the stored snapshot.
// Thread rules: pure functions over their arguments.
#pragma once

#include <vector>

#include "erflow/case_state.h"
#include "erflow/history_event.h"
#include "erflow/result.h"

namespace erflow {

// Applies one effect object ({"type": "task.created", ...}). Unknown types are Corruption.
Status ApplyEffect(CaseState* state, const Json& effect);

// Rebuilds a snapshot from a case's events in order. A withdrawal (撤销) reverts the
// event before it, so the fold keeps the state as it was before the latest event.
Result<CaseState> RebuildFromHistory(const std::vector<HistoryEvent>& events);

// Folds one parsed event body into `state`; `prior` holds the state before the previous
// event (for reverts) and is updated.
Status ApplyEventBody(const Json& body, const std::string& hash, CaseState* state,
                      CaseState* prior);

}  // namespace erflow
