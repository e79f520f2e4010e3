// erflow definitions list | show ID | validate FILE… | deploy [FILE…]
#include <ostream>

#include "engine_access.h"
#include "exit_codes.h"
#include "views.h"

namespace erflow::cli {
namespace {

const char kUsage[] =
    "usage: erflow definitions list [--json]\n"
    "       erflow definitions show ID [--version N] [--json]\n"
    "       erflow definitions validate FILE... [--forms DIR]\n"
    "       erflow definitions deploy [FILE...] [--forms DIR] [--as NAME]\n"
    "\n"
    "validate checks definitions without a database; every problem is printed as\n"
    "FILE:LINE:COL: JSON.PATH: what was expected. deploy loads the given files (default:\n"
    "every workflows/*.json) and stores a new version of each definition whose content\n"
    "changed; running cases stay on the version they started with.\n";

int Validate(CliContext& ctx, const Args& args) {
  if (args.positionals().empty()) return ctx.UsageError("validate needs at least one FILE", kUsage);
  std::string forms = args.GetOr("forms", ctx.FormsDir());
  int failed = 0;
  Json results = Json::Array();
  for (const auto& file : args.positionals()) {
    auto def = LoadDefinitionFile(file, forms);
    Json r = Json::Object();
    r.Set("file", Json(file));
    r.Set("ok", Json(def.ok()));
    if (def.ok()) {
      r.Set("id", Json((*def)->id));
      if (!ctx.json)
        *ctx.out << file << ": ok (" << (*def)->id << ", " << (*def)->tasks.size() << " tasks)\n";
    } else {
      ++failed;
      r.Set("problems", Json(def.status().message()));
      if (!ctx.json) *ctx.err << def.status().message() << "\n";
    }
    results.Push(std::move(r));
  }
  if (ctx.json) PrintJson(ctx, results);
  return failed ? kExitInvalid : kExitOk;
}

int Deploy(CliContext& ctx, const Args& args) {
  std::vector<std::string> files = args.positionals();
  if (files.empty()) files = ListJsonFiles(ctx.WorkflowsDir());
  if (files.empty()) return ctx.Fail(Status::NotFound("no definitions in " + ctx.WorkflowsDir()));
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  std::string forms = args.GetOr("forms", ctx.FormsDir());
  Json results = Json::Array();
  for (const auto& file : files) {
    auto def = LoadDefinitionFile(file, forms);
    if (!def.ok()) return ctx.Fail(def.status());
    auto outcome = (*engine)->Deploy(*def, args.GetOr("as", "cli"));
    if (!outcome.ok()) return ctx.Fail(outcome.status());
    Json r = Json::Object();
    r.Set("id", Json(outcome->id));
    r.Set("version", Json(outcome->version));
    r.Set("created", Json(outcome->created));
    results.Push(r);
    if (!ctx.json)
      *ctx.out << outcome->id << " v" << outcome->version
               << (outcome->created ? " deployed" : " unchanged") << "\n";
  }
  if (ctx.json) PrintJson(ctx, results);
  return kExitOk;
}

int List(CliContext& ctx) {
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto defs = (*engine)->ListDefinitions();
  if (!defs.ok()) return ctx.Fail(defs.status());
  Json out = Json::Array();
  for (const auto& d : *defs) {
    out.Push(views::DefinitionInfoJson(d));
    if (!ctx.json)
      *ctx.out << d.id << " v" << d.version << "  " << d.content_hash.substr(0, 12) << "\n";
  }
  if (ctx.json) PrintJson(ctx, out);
  return kExitOk;
}

int Show(CliContext& ctx, const Args& args) {
  if (args.positionals().size() != 1) return ctx.UsageError("show needs one definition ID", kUsage);
  int64_t version = 0;
  if (auto v = args.Get("version")) {
    auto n = ParseCount("--version", *v);
    if (!n.ok()) return ctx.Fail(n.status());
    version = *n;
  }
  auto engine = OpenEngine(ctx);
  if (!engine.ok()) return ctx.Fail(engine.status());
  auto def = (*engine)->GetDefinition(args.positionals()[0], version);
  if (!def.ok()) return ctx.Fail(def.status());
  if (ctx.json) {
    PrintJson(ctx, views::DefinitionJson(**def));
    return kExitOk;
  }
  const Definition& d = **def;
  *ctx.out << d.id << " v" << d.version << "  " << d.name.zh << " / " << d.name.en << "\n";
  for (const auto& st : d.stages) {
    *ctx.out << "  " << st.id << "  " << st.name.zh << "\n";
    for (const auto& t : st.tasks) {
      const TaskSpec* spec = d.FindTask(t);
      *ctx.out << "    " << t << "  " << spec->name.zh << "  [" << spec->assignee.front().role
               << (spec->approval ? " → " + spec->approval->assignee.front().role + " approves"
                                  : "")
               << "]\n";
    }
  }
  return kExitOk;
}

}  // namespace

int RunDefinitionsCommand(CliContext& ctx, const Args& in) {
  if (in.Head().empty() || in.WantsHelp()) {
    *(in.WantsHelp() ? ctx.out : ctx.err) << kUsage;
    return in.WantsHelp() ? kExitOk : kExitUsage;
  }
  Args args = in.Tail();
  std::string err = args.Parse({"version", "forms", "as"}, {"json"});
  if (!err.empty()) return ctx.UsageError(err, kUsage);
  const std::string sub = in.Head();
  if (sub == "list") return List(ctx);
  if (sub == "show") return Show(ctx, args);
  if (sub == "validate") return Validate(ctx, args);
  if (sub == "deploy") return Deploy(ctx, args);
  return ctx.UsageError("unknown subcommand 'definitions " + sub + "'", kUsage);
}

}  // namespace erflow::cli
