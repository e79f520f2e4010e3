// DrillRunner: plays a scripted drill (应急演练) from drills/*.json against an engine — the
// users it needs, then each step at its own moment on a manual clock — and prints a short
// timeline. `erflow demo` runs every drill; tests use drills too. Plans are named only in
// the drill files, never in code.
// Thread rules: single-threaded.
#pragma once

#include <ostream>
#include <string>

#include "erflow/clock.h"
#include "erflow/engine.h"

namespace erflow::cli {

struct DrillResult {
  std::string drill;
  std::string plan;
  int64_t case_id = 0;
  int steps = 0;
  int refusals = 0;  // steps that were expected to be refused, and were
  std::string status;
  std::string outcome;
};

// Creates or updates a drill's "users" (name, display, roles, unit).
Status CreateDrillUsers(const Json& users, Engine* engine);

// Runs one drill file. `clock` must be the clock `engine` was opened with.
Result<DrillResult> RunDrill(const std::string& file, Engine* engine, ManualClock* clock,
                             std::ostream& out);

}  // namespace erflow::cli
