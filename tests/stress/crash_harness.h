// CrashHarness: the crash test. It runs the stress plan in a child process
// (erflow_crash_driver) against a durable SQLite database, kills the child with SIGKILL
// at random moments — after a random number of acknowledged steps plus a random few
// milliseconds, so kills land inside commands, commits, sweeps, anchors and start-up —
// and restarts it at the first step not acknowledged, which retries the command that was
// in flight with its idempotency key. When the plan has run to its end it runs the same
// plan without interruption into a reference database and checks the two (crash_check.h).
// Thread rules: single-threaded; forks children, and waits for each before returning.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "stress/crash_check.h"

namespace erflow::stress {

struct CrashOptions {
  StressOptions plan;                // commands, seed
  int kills = 50;                    // SIGKILLs to deliver before the plan ends
  std::string driver;                // the erflow_crash_driver binary
  std::string source_dir;            // drills/, workflows/, forms/, calendars/
  std::string work_dir;              // where crash.db and reference.db are written
  std::ostream* progress = nullptr;  // a line per kill when set
};

struct CrashReport {
  int64_t steps = 0, commands = 0, refusals = 0, sweeps = 0, anchor_steps = 0;
  int kills = 0;
  int starts = 0;
  int64_t kills_before_first_step = 0;  // in opening the database or setup
  int64_t retried_commands = 0;         // commands in flight at a kill, run again with their key
  int64_t replayed = 0;                 // … of which had committed before the kill
  int64_t retried_other = 0;            // sweeps and anchors in flight at a kill, run again
  CheckFigures figures;
  double seconds = 0;
};

Result<CrashReport> RunCrashTest(const CrashOptions& options);

// The report as the crash-test script prints it: counts, then each mismatch.
void PrintCrashReport(const CrashReport& report, std::ostream& out);

}  // namespace erflow::stress
