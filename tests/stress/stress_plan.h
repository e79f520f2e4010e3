// StressPlan: the long, deterministic stream of steps the crash test drives through the
// engine. It replays the drills (drills/*.json, every plan) round after round, each round
// with fresh cases, merged in time order; adds filing cases (tests/data/workflows/
// stress-filing.json) on several days so filing numbers pile up per day; sweeps timers up
// to each command's moment, as the server's sweeper would, so deadlines are reminded,
// missed and escalated; and writes anchors now and then. Every command carries its own
// idempotency key, so a process killed mid-command can be restarted at that step and
// retry it safely.
//
// The plan is a pure function of (source tree, options): the crash driver (the child that
// gets killed) and the harness (which checks the result) build the same plan
// independently instead of passing it around.
// Thread rules: plain values; BuildStressPlan is a pure function of its inputs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "erflow/command.h"
#include "erflow/instant.h"
#include "erflow/result.h"

namespace erflow::stress {

struct StressStep {
  enum class Kind {
    kCommand,  // Engine::Execute(command) at `at`
    kSweep,    // fire every timer due up to `at`, each at its own moment (Engine::Tick)
    kAnchor    // Engine::WriteAnchors at `at`
  };
  Kind kind = Kind::kCommand;
  Instant at;
  Command command;         // kCommand; case_id is resolved when run (see case_step)
  int64_t case_step = -1;  // kCommand other than open: the step that opened its case
  std::string expect;      // "" when the command must succeed, else the refusal's code name
  std::string origin;      // "drills/x.json steps[3], round 2": for messages
};

struct StressPlan {
  std::vector<std::string> definition_files;  // deployed before the first step
  std::string forms_dir;
  std::string calendars_dir;
  Json users;  // [{name, display, roles, unit}]: every drill's users, and the filing clerks
  std::vector<StressStep> steps;

  int64_t CountOf(StressStep::Kind kind) const;
};

struct StressOptions {
  int64_t commands = 2000;  // the plan stops after this many commands
  uint64_t seed = 1;        // chooses the filing cases' moments
  int filings_per_round = 6;
  int anchor_every = 40;  // commands between anchors
};

// Builds the plan from the drills, workflows, forms and calendars under `source_dir`.
Result<StressPlan> BuildStressPlan(const std::string& source_dir, const StressOptions& options);

}  // namespace erflow::stress
