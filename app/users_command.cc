// erflow users add NAME --role ROLE [--role ROLE…] --unit UNIT [--display 姓名] | list
#include <iostream>

#include "engine_access.h"
#include "exit_codes.h"
#include "views.h"

namespace erflow::cli {
namespace {

const char kUsage[] =
    "usage: erflow users add NAME --role ROLE [--role ROLE...] --unit UNIT [--display NAME]\n"
    "                            [--scope unit|all]\n"
    "       erflow users password NAME      (reads the new password from stdin)\n"
    "       erflow users disable NAME\n"
    "       erflow users list [--json]\n"
    "\n"
    "roles: clerk, supervisor, inspector, archivist, admin. scope \"all\" lets a user see\n"
    "every case (the command office, archivists); \"unit\" (default) the cases their unit\n"
    "takes part in. Adding an existing user updates their roles, unit and display name.\n";

}  // namespace

int RunUsersCommand(CliContext& ctx, const Args& in) {
  if (in.Head().empty() || in.WantsHelp()) {
    *(in.WantsHelp() ? ctx.out : ctx.err) << kUsage;
    return in.WantsHelp() ? kExitOk : kExitUsage;
  }
  Args args = in.Tail();
  std::string err = args.Parse({"role", "unit", "display", "scope"}, {"json"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  const std::string sub = in.Head();
  if (sub != "add" && sub != "list" && sub != "disable" && sub != "password")
    return ctx.UsageError("unknown subcommand 'users " + sub + "'", kUsage);
  if (sub != "list" && args.positionals().size() != 1)
    return ctx.UsageError(sub + " needs one NAME", kUsage);
  if (sub == "add" && (args.GetAll("role").empty() || !args.Get("unit")))
    return ctx.UsageError("add needs --role and --unit", kUsage);
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  if (sub == "list") {
    auto users = (*engine)->ListUsers();
    if (!users.ok()) return ctx.Fail(users.status());
    Json out = Json::Array();
    for (const auto& u : *users) {
      out.Push(views::UserJson(u));
      if (!ctx.json) {
        *ctx.out << u.name << "  " << u.Shown() << "  " << u.unit << "  ";
        for (const auto& r : u.roles) *ctx.out << r << " ";
        *ctx.out << (u.active ? "" : "(disabled)") << "\n";
      }
    }
    if (ctx.json) PrintJson(ctx, out);
    return kExitOk;
  }
  if (sub == "password") {
    std::string password;
    std::getline(std::cin, password);
    Status s = (*engine)->SetPassword(args.positionals()[0], password);
    if (!s.ok()) return ctx.Fail(s);
    *ctx.out << args.positionals()[0] << ": password set\n";
    return kExitOk;
  }
  User u;
  if (sub == "disable") {
    auto existing = (*engine)->GetUser(args.positionals()[0]);
    if (!existing.ok()) return ctx.Fail(existing.status());
    u = *existing;
    u.active = false;
  } else {
    u.name = args.positionals()[0];
    u.roles = args.GetAll("role");
    u.unit = *args.Get("unit");
    u.display_name = args.GetOr("display", "");
    u.scope = args.GetOr("scope", "unit");
    if (u.scope != "unit" && u.scope != "all")
      return ctx.UsageError("--scope must be unit or all", kUsage);
  }
  Status s = (*engine)->PutUser(u);
  if (!s.ok()) return ctx.Fail(s);
  if (ctx.json)
    PrintJson(ctx, views::UserJson(u));
  else
    *ctx.out << u.name << (sub == "add" ? " saved" : " disabled") << "\n";
  return kExitOk;
}

}  // namespace erflow::cli
