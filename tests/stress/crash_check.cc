#include "stress/crash_check.h"

#include <algorithm>
#include <map>
#include <set>

#include "erflow/calendar.h"
#include "erflow/engine.h"
#include "store/store.h"

namespace erflow::stress {
namespace {

using Kind = StressStep::Kind;

struct Opened {
  ManualClock clock{Instant{}};
  std::unique_ptr<Engine> engine;
};

Result<std::unique_ptr<Opened>> OpenDb(const std::string& url, const StressPlan& plan) {
  auto opened = std::make_unique<Opened>();
  ERFLOW_ASSIGN_OR_RETURN(Calendar calendar, Calendar::LoadDir(plan.calendars_dir));
  ERFLOW_ASSIGN_OR_RETURN(
      opened->engine,
      Engine::Open(url, opened->clock, std::make_shared<const Calendar>(std::move(calendar))));
  return opened;
}

Result<std::vector<CaseView>> AllCases(Engine* engine) {
  std::vector<CaseView> out;
  CaseQuery q;
  q.limit = 500;
  while (true) {
    ERFLOW_ASSIGN_OR_RETURN(auto page, engine->ListCases(q));
    for (const auto& c : page) {
      ERFLOW_ASSIGN_OR_RETURN(CaseView v, engine->GetCase(c.id));
      out.push_back(std::move(v));
    }
    if (static_cast<int64_t>(page.size()) < q.limit) return out;
    q.after_id = page.back().id;
  }
}

std::string Step(const StressPlan& plan, size_t i) {
  return "step " + std::to_string(i) + " (" + plan.steps[i].origin + ")";
}

void CheckOutcomes(const StressPlan& plan, const std::vector<StepOutcome>& outcomes,
                   const std::vector<StepOutcome>& reference, std::vector<std::string>* bad) {
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const StressStep& s = plan.steps[i];
    if (s.kind != Kind::kCommand) continue;
    const std::string want = s.expect.empty() ? "ok" : s.expect;
    if (outcomes[i].result != want)
      bad->push_back(Step(plan, i) + ": expected " + want + ", got " + outcomes[i].result + " " +
                     outcomes[i].message);
    if (outcomes[i].result != reference[i].result || outcomes[i].value != reference[i].value)
      bad->push_back(Step(plan, i) + ": differs from the uninterrupted run (" + outcomes[i].result +
                     " " + std::to_string(outcomes[i].value) + " vs " + reference[i].result + " " +
                     std::to_string(reference[i].value) + ")");
  }
}

// Idempotency keys: applied commands exactly once, refused ones never, nothing unknown.
void CheckKeys(const StressPlan& plan, const std::vector<StepOutcome>& outcomes,
               const std::vector<CaseView>& cases, std::vector<std::string>* bad) {
  std::map<std::string, int> seen;
  for (const auto& c : cases)
    for (const auto& e : c.history) {
      if (!e.key.empty())
        ++seen[e.key];
      else if (e.command != "timer")
        bad->push_back("case " + std::to_string(c.state.id) + " event " + std::to_string(e.seq) +
                       ": a " + e.command + " without an idempotency key");
    }
  std::set<std::string> known;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const StressStep& s = plan.steps[i];
    if (s.kind != Kind::kCommand) continue;
    const std::string& key = s.command.idempotency_key;
    known.insert(key);
    const int want = outcomes[i].result == "ok" ? 1 : 0;
    if (seen[key] != want)
      bad->push_back(Step(plan, i) + ": key " + key + " is in history " +
                     std::to_string(seen[key]) + " times, expected " + std::to_string(want));
  }
  for (const auto& [key, n] : seen)
    if (!known.count(key)) bad->push_back("history has key " + key + " that no step used");
}

// 备案编号: the all-time sequence 1..N and each day's 1..n, each number once.
void CheckFilings(const std::vector<CaseView>& cases, CheckFigures* f) {
  std::vector<int64_t> total;
  std::map<std::string, std::vector<int64_t>> daily;
  for (const auto& c : cases)
    for (const auto& e : c.history) {
      auto body = ParseJson(e.body, "event");
      if (!body.ok()) continue;  // the audit reports unreadable events
      for (const auto& eff : (*body)["effects"].items()) {
        if (eff.GetString("type") != "task.filed") continue;
        total.push_back(eff.GetInt("total_seq"));
        const std::string number = eff.GetString("number");
        daily[number.substr(0, number.find("第"))].push_back(eff.GetInt("day_seq"));
      }
    }
  auto gapless = [&](std::vector<int64_t> v, const std::string& what) {
    std::sort(v.begin(), v.end());
    for (size_t i = 0; i < v.size(); ++i)
      if (v[i] != static_cast<int64_t>(i) + 1) {
        f->mismatches.push_back(what + ": filing numbers are not 1.." + std::to_string(v.size()) +
                                " (position " + std::to_string(i + 1) + " holds " +
                                std::to_string(v[i]) + ")");
        return;
      }
  };
  gapless(total, "all-time sequence");
  for (const auto& [day, seqs] : daily) gapless(seqs, day);
  f->filings = static_cast<int64_t>(total.size());
  f->filing_days = static_cast<int64_t>(daily.size());
}

}  // namespace

Result<std::vector<StepOutcome>> RunReference(const StressPlan& plan, const std::string& db) {
  ERFLOW_ASSIGN_OR_RETURN(auto opened, OpenDb(db + "?synchronous=OFF", plan));
  StressRunner runner(plan, opened->engine.get(), &opened->clock);
  ERFLOW_RETURN_IF_ERROR(runner.Setup());
  std::vector<StepOutcome> out;
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    ERFLOW_ASSIGN_OR_RETURN(StepOutcome o, runner.Run(i));
    out.push_back(std::move(o));
  }
  return out;
}

Result<CheckFigures> CheckCrashDatabase(const StressPlan& plan,
                                        const std::vector<StepOutcome>& outcomes,
                                        const std::string& db,
                                        const std::vector<StepOutcome>& reference,
                                        const std::string& reference_db) {
  CheckFigures f;
  auto& bad = f.mismatches;
  if (outcomes.size() != plan.steps.size() || reference.size() != plan.steps.size())
    return Status::InvalidArgument("an outcome per step is needed");
  CheckOutcomes(plan, outcomes, reference, &bad);

  ERFLOW_ASSIGN_OR_RETURN(auto ours, OpenDb(db, plan));
  ERFLOW_ASSIGN_OR_RETURN(auto theirs, OpenDb(reference_db, plan));
  ERFLOW_ASSIGN_OR_RETURN(AuditReport audit, ours->engine->VerifyAudit(true));
  for (const auto& p : audit.problems) bad.push_back("audit verify: " + p.ToString());
  f.anchors = audit.anchors;

  ERFLOW_ASSIGN_OR_RETURN(auto cases, AllCases(ours->engine.get()));
  ERFLOW_ASSIGN_OR_RETURN(auto ref_cases, AllCases(theirs->engine.get()));
  f.cases = static_cast<int64_t>(cases.size());
  if (cases.size() != ref_cases.size())
    bad.push_back(std::to_string(cases.size()) + " cases, the uninterrupted run has " +
                  std::to_string(ref_cases.size()));
  for (size_t i = 0; i < cases.size(); ++i) {
    const CaseView& c = cases[i];
    const std::string name = "case " + std::to_string(c.state.id);
    f.events += static_cast<int64_t>(c.history.size());
    for (const auto& e : c.history) f.timer_events += e.command == "timer";
    const std::string snapshot = c.state.ToJson().Dump();
    auto rebuilt = ours->engine->Rebuild(c.state.id);
    if (!rebuilt.ok() || rebuilt->ToJson().Dump() != snapshot)
      bad.push_back(name + ": snapshot differs from the rebuild from history");
    if (i >= ref_cases.size()) continue;
    const CaseView& r = ref_cases[i];
    if (r.state.id != c.state.id || r.state.version != c.state.version ||
        r.state.head_hash != c.state.head_hash || r.state.status != c.state.status ||
        r.state.ToJson().Dump() != snapshot)
      bad.push_back(name + " (version " + std::to_string(c.state.version) + ", " + c.state.status +
                    ") differs from the uninterrupted run's case " + std::to_string(r.state.id) +
                    " (version " + std::to_string(r.state.version) + ", " + r.state.status + ")");
  }
  CheckKeys(plan, outcomes, cases, &bad);
  CheckFilings(cases, &f);

  ERFLOW_ASSIGN_OR_RETURN(auto store, OpenStore(db));
  ERFLOW_ASSIGN_OR_RETURN(auto ref_store, OpenStore(reference_db));
  ERFLOW_ASSIGN_OR_RETURN(auto last, store->LastAnchor());
  ERFLOW_ASSIGN_OR_RETURN(auto ref_last, ref_store->LastAnchor());
  if (last.has_value() != ref_last.has_value() || (last && last->hash != ref_last->hash))
    bad.push_back("the anchor chain ends in " + (last ? last->hash : std::string("nothing")) +
                  ", the uninterrupted run's in " +
                  (ref_last ? ref_last->hash : std::string("nothing")));
  return f;
}

}  // namespace erflow::stress
