// StressRunner: runs a StressPlan's steps against an engine, one at a time, in any process
// — the crash driver (killed at random and restarted at the step that was in flight) and
// the harness's uninterrupted reference run use the same code, so a difference between
// their databases can only come from the crashes.
//
// A restarted process knows nothing of the cases opened before it: a command's case is
// found by retrying the step that opened it with that step's idempotency key, which the
// engine answers from history without applying anything. An open that was acknowledged
// but is not in history is a lost commit and is reported as Corruption.
// Thread rules: single-threaded; the engine must be opened with `clock`.
#pragma once

#include <map>
#include <string>

#include "erflow/engine.h"
#include "stress/stress_plan.h"

namespace erflow::stress {

struct StepOutcome {
  std::string result = "ok";  // "ok", or the refusal's Status code name
  bool replayed = false;      // a command the engine had applied before (same key)
  int64_t value = 0;          // open: the case id; sweep: timers fired; anchor: anchors written
  std::string message;        // the refusal's message
};

class StressRunner {
 public:
  // REQUIRES: `plan`, `engine` and `clock` outlive the runner.
  StressRunner(const StressPlan& plan, Engine* engine, ManualClock* clock)
      : plan_(plan), engine_(engine), clock_(clock) {}

  // Deploys the plan's definitions and creates its users; idempotent, so every restarted
  // process runs it first.
  Status Setup();

  // Runs step `i`. REQUIRES: every step before `i` has completed, in this process or an
  // earlier one. A refused command is an outcome, not an error; errors are failures of
  // the store or of the plan itself.
  Result<StepOutcome> Run(size_t i);

 private:
  Result<int64_t> CaseOf(int64_t open_step);
  Result<StepOutcome> Sweep(size_t i);

  const StressPlan& plan_;
  Engine* engine_;
  ManualClock* clock_;
  std::map<int64_t, int64_t> cases_;  // open step → case id
};

// The clock a process restarted at step `i` must start from: the moment the step before
// it left the clock at, so timers fire at the same moments with or without a restart.
Instant ClockBefore(const StressPlan& plan, size_t i);

}  // namespace erflow::stress
