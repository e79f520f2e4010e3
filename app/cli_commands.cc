// The subcommand table. One line per subcommand; each is implemented in its own file.
#include "cli_context.h"

namespace erflow::cli {

int RunVersionCommand(CliContext& ctx, const Args& args);
int RunCalendarCommand(CliContext& ctx, const Args& args);

const CommandSpec kCommands[] = {
    {"version", "print the version", RunVersionCommand},
    {"calendar", "working-day calendar and due-time arithmetic", RunCalendarCommand},
};
const size_t kCommandCount = sizeof(kCommands) / sizeof(kCommands[0]);

}  // namespace erflow::cli
