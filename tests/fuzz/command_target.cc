// Fuzz target "command": a command as a client sends it — which drill (应急演练) and which
// of its steps it stands in for, then who, what, on which task, the form, a reason, a
// transfer target, the version seen, a time — executed through Engine::Execute against a
// case that the drill's earlier steps brought to that point. Whatever comes in, the engine
// refuses it with a plain error (never Corruption or IOError: no input may break the
// store) or applies it so that the stored snapshot still equals the rebuild from history.
//
// Input: {"drill": "network-security", "step": 7, "as": "…", "action": "submit",
//         "task": "…", "form": {…}, "reason": "…", "to": "…", "version": 3,
//         "at": "2025-09-29T09:50:00+08:00", "plan": "…", "key": "…"}
// The seeds are every step of every drill in that shape (erflow_fuzz_seeds).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>

#include "erflow/definition_loader.h"
#include "erflow/engine.h"
#include "erflow/time_format.h"
#include "fuzz/fuzz_targets.h"

namespace erflow::fuzz {
namespace {

// One engine per drill, so that sweeping one drill's timers does not move another's cases.
// Every case a world prepared keeps its timers (daily reports of an active response…), so
// later sweeps slow down as cases pile up: after kMaxCases the world starts over on a
// fresh database.
constexpr int kMaxCases = 100;

struct DrillWorld {
  Json doc;
  std::string db;  // path without the generation suffix
  int generation = 0;
  int cases = 0;  // opened in this generation
  std::unique_ptr<ManualClock> clock;
  std::unique_ptr<Engine> engine;
  std::map<int64_t, std::pair<int64_t, int64_t>> prepared;  // step → (case, version)
};

std::shared_ptr<const Calendar> SharedCalendar() {
  static const std::shared_ptr<const Calendar> calendar = [] {
    auto c = Calendar::LoadDir(FuzzSourceDir() + "/calendars");
    FuzzCheck(c.ok(), "calendars");
    return std::make_shared<const Calendar>(std::move(c).value());
  }();
  return calendar;
}

std::string DbFile(const DrillWorld& w) {
  return w.db + "-" + std::to_string(w.generation) + ".db";
}

// Opens the world's database of the next generation: the plans, the drill's users.
void Renew(DrillWorld* w) {
  if (w->engine) {
    w->engine.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(DbFile(*w) + suffix);
  }
  ++w->generation;
  w->cases = 0;
  w->prepared.clear();
  w->clock = std::make_unique<ManualClock>(Instant{});
  auto engine = Engine::Open(DbFile(*w) + "?synchronous=OFF", *w->clock, SharedCalendar());
  FuzzCheck(engine.ok(), "open");
  w->engine = std::move(engine).value();
  const std::string src = FuzzSourceDir();
  for (const auto& wf : ListJsonFiles(src + "/workflows")) {
    auto def = LoadDefinitionFile(wf, src + "/forms");
    FuzzCheck(def.ok() && w->engine->Deploy(*def, "fuzz").ok(), "deploy " + wf);
  }
  for (const auto& u : w->doc["users"].items()) {
    User user;
    user.name = u.GetString("name");
    user.display_name = u.GetString("display");
    user.unit = u.GetString("unit");
    for (const auto& r : u["roles"].items()) user.roles.push_back(r.AsString());
    FuzzCheck(w->engine->PutUser(user).ok(), "user");
  }
}

std::map<std::string, DrillWorld>& Worlds() {
  static std::map<std::string, DrillWorld>* worlds = [] {
    auto* out = new std::map<std::string, DrillWorld>();
    // In memory when the machine has /dev/shm: preparing cases is most of the cost.
    char shm[] = "/dev/shm/erflow-fuzz-command-XXXXXX", tmp[] = "/tmp/erflow-fuzz-command-XXXXXX";
    char* tmpl = mkdtemp(shm) ? shm : mkdtemp(tmp);
    FuzzCheck(tmpl != nullptr, "mkdtemp");
    static std::string dir = tmpl;  // removed when the fuzzer (or the test) exits
    std::atexit([] { std::filesystem::remove_all(dir); });
    for (const auto& file : ListJsonFiles(FuzzSourceDir() + "/drills")) {
      auto doc = ParseJsonFile(file);
      FuzzCheck(doc.ok(), file);
      DrillWorld& w = (*out)[doc->GetString("id")];
      w.doc = *doc;
      w.db = dir + "/" + doc->GetString("id");
      Renew(&w);
    }
    return out;
  }();
  return *worlds;
}

Status SweepUntil(DrillWorld* w, Instant until) {
  while (true) {
    ERFLOW_ASSIGN_OR_RETURN(auto next, w->engine->NextTimerAt());
    if (!next || *next > until) return Status::Ok();
    w->clock->Set(std::max(*next, w->clock->Now()));
    ERFLOW_RETURN_IF_ERROR(w->engine->Tick().status());
  }
}

// A case that went through the drill's steps before `step` (a refused step is left out;
// one that fails ends the preparation there). 0 when `step` is the drill's first.
Result<int64_t> Prepare(DrillWorld* w, int64_t step) {
  if (auto it = w->prepared.find(step); it != w->prepared.end()) {
    auto c = w->engine->GetCase(it->second.first);
    if (c.ok() && c->state.version == it->second.second) return it->second.first;
  }
  const auto& steps = w->doc["steps"].items();
  int64_t case_id = 0;
  for (int64_t i = 0; i < step; ++i) {
    const Json& s = steps[i];
    if (!s.GetString("expect").empty()) continue;
    ERFLOW_ASSIGN_OR_RETURN(Instant at, ParseTimestamp(s.GetString("at")));
    if (i == 0) w->clock->Set(at);
    ERFLOW_RETURN_IF_ERROR(SweepUntil(w, at));
    w->clock->Set(at);
    Command cmd;
    cmd.action = ActionFromName(s.GetString("action")).value_or(Action::kSubmit);
    cmd.actor = s.GetString("as");
    cmd.plan = w->doc.GetString("plan");
    cmd.case_id = case_id;
    cmd.task = s.GetString("task");
    cmd.form = s["form"];
    cmd.reason = s.GetString("reason");
    cmd.target_user = s.GetString("to");
    auto out = w->engine->Execute(cmd);
    if (!out.ok()) break;
    if (cmd.action == Action::kOpen) {
      case_id = out->case_id;
      ++w->cases;
    }
  }
  if (case_id == 0) return case_id;
  ERFLOW_ASSIGN_OR_RETURN(CaseView view, w->engine->GetCase(case_id));
  w->prepared[step] = {case_id, view.state.version};
  return case_id;
}

}  // namespace

int FuzzCommand(const uint8_t* data, size_t size) {
  auto in = ParseJson(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!in.ok() || !in->is_object()) return 0;
  auto& worlds = Worlds();
  auto it = worlds.find(in->GetString("drill"));
  if (it == worlds.end()) return 0;
  DrillWorld* w = &it->second;
  if (w->cases >= kMaxCases) Renew(w);
  const auto& steps = w->doc["steps"].items();
  const int64_t step = std::max<int64_t>(
      0, std::min<int64_t>(in->GetInt("step"), static_cast<int64_t>(steps.size()) - 1));
  auto prepared = Prepare(w, step);
  FuzzCheck(prepared.ok() || (prepared.status().code() != Status::Code::kCorruption &&
                              prepared.status().code() != Status::Code::kIOError),
            "preparing a drill case broke the store: " + prepared.status().ToString());
  if (!prepared.ok()) return 0;

  auto action = ActionFromName(in->GetString("action"));
  if (!action) return 0;
  Command cmd;
  cmd.action = *action;
  cmd.actor = in->GetString("as");
  cmd.plan = in->Has("plan") ? in->GetString("plan") : w->doc.GetString("plan");
  cmd.case_id = in->Has("case") ? in->GetInt("case") : *prepared;
  cmd.task = in->GetString("task");
  cmd.form = (*in)["form"];
  cmd.reason = in->GetString("reason");
  cmd.target_user = in->GetString("to");
  if ((*in)["version"].is_int()) cmd.expected_version = in->GetInt("version");
  cmd.idempotency_key = in->GetString("key");
  auto at = ParseTimestamp(in->GetString("at", steps[step].GetString("at")));
  if (at.ok()) w->clock->Set(*at);

  auto out = w->engine->Execute(cmd);
  if (!out.ok()) {
    const auto code = out.status().code();
    FuzzCheck(code != Status::Code::kCorruption && code != Status::Code::kIOError,
              "a command broke the store: " + out.status().ToString());
    return 0;
  }
  if (out->replayed) return 0;
  if (cmd.action == Action::kOpen) ++w->cases;
  auto view = w->engine->GetCase(out->case_id);
  FuzzCheck(view.ok(), "an applied command's case cannot be read: " + view.status().ToString());
  auto rebuilt = w->engine->Rebuild(out->case_id);
  FuzzCheck(rebuilt.ok() && rebuilt->ToJson().Dump() == view->state.ToJson().Dump(),
            "after " + in->Dump() + " the snapshot differs from the rebuild from history");
  return 0;
}

}  // namespace erflow::fuzz
