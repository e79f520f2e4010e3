// The erflow command line: global options, then a subcommand from the table in
// cli_commands.cc. Each subcommand lives in its own *_command.cc.
#include <iostream>

#include "cli_context.h"
#include "erflow/json.h"
#include "erflow/time_format.h"
#include "exit_codes.h"

#ifndef ERFLOW_DEFAULT_DATA_DIR
#define ERFLOW_DEFAULT_DATA_DIR "."
#endif

namespace erflow::cli {

namespace {

const char kUsage[] =
    "usage: erflow [--db PATH] [--now TIME] [--data DIR] [--json] COMMAND [ARGS]\n"
    "\n"
    "global options:\n"
    "  --db PATH     the store: a SQLite file (default: erflow.db, or $ERFLOW_DB), or a\n"
    "                PostgreSQL database as postgresql://USER@HOST:PORT/DBNAME\n"
    "  --now TIME    pretend it is TIME (ISO-8601 with offset), for tests and drills\n"
    "  --data DIR    folder holding workflows/, forms/, calendars/ (default: the source tree)\n"
    "  --json        machine-readable output\n"
    "\n"
    "exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid input, 4 forbidden,\n"
    "            5 conflict, 6 not found, 7 verification failed\n"
    "\n"
    "commands:\n";

void PrintUsage(std::ostream& os) {
  os << kUsage;
  for (size_t i = 0; i < kCommandCount; ++i) {
    std::string name = kCommands[i].name;
    name.resize(14, ' ');
    os << "  " << name << kCommands[i].summary << "\n";
  }
  os << "\nRun 'erflow COMMAND --help' for a command's options.\n";
}

}  // namespace

int CliContext::Fail(const Status& s) const {
  if (json) {
    Json e = Json::Object();
    e.Set("error", Json(s.CodeName()));
    e.Set("message", Json(s.message()));
    *out << e.Dump() << "\n";
  }
  *err << "erflow: " << s.ToString() << "\n";
  return ExitCodeFor(s);
}

int CliContext::UsageError(const std::string& message, const std::string& usage) const {
  *err << "erflow: " << message << "\n" << usage;
  if (!usage.empty() && usage.back() != '\n') *err << "\n";
  return kExitUsage;
}

int RunCommand(CliContext& ctx, const Args& args) {
  std::string name = args.Head();
  if (name.empty() || name == "--help" || name == "-h" || name == "help") {
    PrintUsage(name.empty() ? *ctx.err : *ctx.out);
    return name.empty() ? kExitUsage : kExitOk;
  }
  for (size_t i = 0; i < kCommandCount; ++i)
    if (name == kCommands[i].name) return kCommands[i].run(ctx, args.Tail());
  *ctx.err << "erflow: unknown command '" << name << "'\n";
  PrintUsage(*ctx.err);
  return kExitUsage;
}

int Main(int argc, char** argv) {
  CliContext ctx;
  ctx.out = &std::cout;
  ctx.err = &std::cerr;
  if (const char* db = std::getenv("ERFLOW_DB")) ctx.db_path = db;
  ctx.data_dir = ERFLOW_DEFAULT_DATA_DIR;
  if (const char* d = std::getenv("ERFLOW_DATA")) ctx.data_dir = d;

  std::vector<std::string> rest;
  std::string now_text;
  for (int i = 1; i < argc; ++i) {
    std::string w = argv[i];
    auto value = [&](const std::string& opt) -> const char* {
      if (i + 1 >= argc) return nullptr;
      (void)opt;
      return argv[++i];
    };
    // Global options are only recognised before the command word.
    if (!rest.empty()) {
      rest.push_back(w);
      continue;
    }
    if (w == "--db" || w == "--now" || w == "--data") {
      const char* v = value(w);
      if (!v) return ctx.UsageError("option " + w + " needs a value", kUsage);
      if (w == "--db") ctx.db_path = v;
      if (w == "--now") now_text = v;
      if (w == "--data") ctx.data_dir = v;
    } else if (w == "--json") {
      ctx.json = true;
    } else {
      rest.push_back(w);
    }
  }
  if (!now_text.empty()) {
    auto t = ParseTimestamp(now_text);
    if (!t.ok()) return ctx.UsageError("--now: " + t.status().message(), "");
    ctx.clock = std::make_unique<ManualClock>(*t);
  } else {
    ctx.clock = std::make_unique<SystemClock>();
  }
  // A subcommand may also take --json after its words.
  for (const auto& w : rest)
    if (w == "--json") ctx.json = true;
  return RunCommand(ctx, Args(rest));
}

}  // namespace erflow::cli
