// ServeApplication: `erflow serve` as a Poco ServerApplication — its options (--port,
// --bind, --config, --help), its configuration (ServerConfig: defaults, then the --config
// file, then the options) and its lifecycle: open the engine with the calendar, start the
// timer sweeper and the HTTP server, wait for SIGINT or SIGTERM, then stop accepting,
// let requests in flight finish, stop the sweeper, and exit 0.
//
// Threads: the main thread waits for the signal (SIGINT, SIGTERM and SIGQUIT are blocked
// before any thread starts, so only that wait receives them); Poco's acceptor thread
// queues connections; `server.threads` pool threads serve one connection each; one
// sweeper thread fires timers. All share the one Engine, which is thread-safe.
#pragma once

#include <Poco/Util/ServerApplication.h>

#include <string>
#include <vector>

#include "cli_context.h"

namespace erflow::server {

class ServeApplication final : public Poco::Util::ServerApplication {
 public:
  // `cli`: the global options — database (--db), clock (--now), data folder (--data).
  explicit ServeApplication(const cli::CliContext& cli) : cli_(cli) {}

  // Runs with `args` (the words after "serve") until a termination signal; returns the
  // process exit code (2 for a usage or configuration error).
  int Run(const std::vector<std::string>& args);

  static const char* Usage();

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  const cli::CliContext& cli_;
  bool help_ = false;
};

}  // namespace erflow::server
