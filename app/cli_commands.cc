// The subcommand table. One line per subcommand; each is implemented in its own file.
#include "cli_context.h"

namespace erflow::cli {

int RunVersionCommand(CliContext& ctx, const Args& args);
int RunCalendarCommand(CliContext& ctx, const Args& args);
int RunDefinitionsCommand(CliContext& ctx, const Args& args);
int RunUsersCommand(CliContext& ctx, const Args& args);
int RunCaseCommand(CliContext& ctx, const Args& args);
int RunQueueCommand(CliContext& ctx, const Args& args);
int RunAuditCommand(CliContext& ctx, const Args& args);
int RunDemoCommand(CliContext& ctx, const Args& args);
int RunTickCommand(CliContext& ctx, const Args& args);
int RunMigrateCommand(CliContext& ctx, const Args& args);
int RunKeysCommand(CliContext& ctx, const Args& args);
int RunRecordCommand(CliContext& ctx, const Args& args);
int RunDossierCommand(CliContext& ctx, const Args& args);
int RunVerifyCommand(CliContext& ctx, const Args& args);
int RunRegisterCommand(CliContext& ctx, const Args& args);
int RunServeCommand(CliContext& ctx, const Args& args);

const CommandSpec kCommands[] = {
    {"definitions", "list, show, validate and deploy process definitions", RunDefinitionsCommand},
    {"users", "add, disable and list users (roles, units)", RunUsersCommand},
    {"case", "open a case, act on its tasks, show it, list cases", RunCaseCommand},
    {"queue", "the tasks a user may take, oldest first", RunQueueCommand},
    {"tick", "fire due timers: reminders, overdue marks, escalations", RunTickCommand},
    {"audit", "verify the hash-chained history", RunAuditCommand},
    {"keys", "import and list users' signing certificates", RunKeysCommand},
    {"record", "write a signed PDF record a task issued", RunRecordCommand},
    {"dossier", "write a case's dossier: records and history", RunDossierCommand},
    {"verify", "check a PDF's signatures and its hash in the history", RunVerifyCommand},
    {"register", "write the Excel register of a date range", RunRegisterCommand},
    {"demo", "play the drills in drills/ through the engine", RunDemoCommand},
    {"migrate", "copy a store (SQLite) into an empty PostgreSQL database", RunMigrateCommand},
    {"version", "print the version", RunVersionCommand},
    {"calendar", "working-day calendar and due-time arithmetic", RunCalendarCommand},
    {"serve", "the HTTP server: JSON API, web UI, timer sweeper", RunServeCommand},
};
const size_t kCommandCount = sizeof(kCommands) / sizeof(kCommands[0]);

}  // namespace erflow::cli
