// erflow serve: the HTTP server (app/server/). This file only hands the command line to
// ServeApplication, which owns options, configuration and lifecycle.
#include "cli_context.h"
#include "server/serve_application.h"

namespace erflow::cli {

int RunServeCommand(CliContext& ctx, const Args& args) {
  server::ServeApplication app(ctx);
  return app.Run(args.words());
}

}  // namespace erflow::cli
