// Deriving a case's queue entries and its summary fields from its snapshot. Both are
// written in the same transaction as the snapshot and can be rebuilt from it.
// Thread rules: pure functions.
#pragma once

#include <vector>

#include "erflow/case_state.h"
#include "erflow/definition.h"
#include "erflow/work_item.h"
#include "store/store.h"

namespace erflow {

std::vector<WorkItem> DeriveWorkItems(const Definition& def, const CaseState& state);

// The timers a snapshot needs: a reminder and a due timer for each pending deadline, and
// the roll-over of each daily deadline not yet rolled.
std::vector<TimerRow> DeriveTimers(const Definition& def, const CaseState& state);

// Every unit that takes part in the case: the incident unit, the units its tasks were
// routed to or completed by, the units escalations went to and copies (抄送) were sent to,
// and, while the case is active, the fixed units its ad-hoc tasks name (a higher command
// that may take over). A unit that took part stays able to see the case.
std::vector<std::string> DeriveCaseUnits(const Definition& def, const CaseState& state);

// The definition's caseFields evaluated on the case, plus "stages": the open stages.
Json DeriveCaseFields(const Definition& def, const CaseState& state);

}  // namespace erflow
