// CrashCheck: what must hold of a database after the crash test, each point checked
// against the plan, the acknowledged outcomes, and a reference database the same plan
// produced without interruption:
//   - every acknowledged command has the outcome the plan expects (and the reference had);
//   - every applied command's idempotency key is in history exactly once, no refused one
//     is, and no event has a key the plan does not know;
//   - nothing half-applied: `audit verify` passes (hash chains, each snapshot equal to a
//     rebuild from history, anchors), and each snapshot also equals Engine::Rebuild;
//   - every case equals the reference's (version, head hash, status, snapshot), so no
//     timer fired twice or not at all, and the anchor chain ends in the same hash;
//   - filing numbers are gapless and unique: all-time 1..N, and 1..n on each day.
// Each failed point is one line in `mismatches`.
// Thread rules: single-threaded; opens both databases itself.
#pragma once

#include <string>
#include <vector>

#include "stress/stress_plan.h"
#include "stress/stress_runner.h"

namespace erflow::stress {

struct CheckFigures {
  int64_t cases = 0;
  int64_t events = 0;
  int64_t timer_events = 0;
  int64_t filings = 0;
  int64_t filing_days = 0;
  int64_t anchors = 0;
  std::vector<std::string> mismatches;
};

// `outcomes[i]` is step i's acknowledged outcome (every step must have one), and
// `reference` the outcomes of the uninterrupted run into `reference_db`.
Result<CheckFigures> CheckCrashDatabase(const StressPlan& plan,
                                        const std::vector<StepOutcome>& outcomes,
                                        const std::string& db,
                                        const std::vector<StepOutcome>& reference,
                                        const std::string& reference_db);

// Runs the whole plan without interruption into `db` (synchronous=OFF: durability is not
// what the reference is for) and returns each step's outcome.
Result<std::vector<StepOutcome>> RunReference(const StressPlan& plan, const std::string& db);

}  // namespace erflow::stress
