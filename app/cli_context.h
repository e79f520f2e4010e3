// CliContext: what every CLI subcommand receives — the global options already parsed
// (--db, --now, --data, --json), the clock they imply, and the output streams.
// Thread rules: owned by main(); subcommands run on the main thread.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "args.h"
#include "erflow/clock.h"
#include "erflow/status.h"

namespace erflow::cli {

struct CliContext {
  std::string db_path = "erflow.db";  // --db: SQLite file (or, later, postgresql://...)
  std::string data_dir;               // --data: folder with workflows/, forms/, calendars/
  std::unique_ptr<Clock> clock;       // ManualClock at --now, else SystemClock
  bool json = false;                  // --json: machine-readable output
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;

  std::string WorkflowsDir() const { return data_dir + "/workflows"; }
  std::string FormsDir() const { return data_dir + "/forms"; }
  std::string CalendarsDir() const { return data_dir + "/calendars"; }

  // Prints "erflow: <message>" on stderr (or a JSON error object on stdout with --json)
  // and returns the exit code for the status.
  int Fail(const Status& s) const;
  // Prints a usage error and returns kExitUsage.
  int UsageError(const std::string& message, const std::string& usage) const;
};

using CommandFn = int (*)(CliContext& ctx, const Args& args);

struct CommandSpec {
  const char* name;
  const char* summary;
  CommandFn run;
};

// The subcommand table (cli_commands.cc).
extern const CommandSpec kCommands[];
extern const size_t kCommandCount;

// Dispatches `words` (after the global options) to the subcommand table.
int RunCommand(CliContext& ctx, const Args& args);

// Parses the global options and runs; the whole of main().
int Main(int argc, char** argv);

}  // namespace erflow::cli
