#include "stress/stress_plan.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "erflow/definition_loader.h"
#include "erflow/time_format.h"

namespace erflow::stress {
namespace {

using Kind = StressStep::Kind;

// A step of one round before the round is merged into time order: where it came from,
// and which of the same source's steps opened its case.
struct Draft {
  StressStep step;
  int source = 0;
  int local = 0;
  int open_local = -1;
};

struct Drill {
  std::string file;
  std::string id;
  std::string plan;
  const Json* steps = nullptr;
};

constexpr char kFilingPlan[] = "stress-filing";
constexpr char kFilingClerk[] = "stress.clerk";

// The drills' steps, as commands of round `round` with keys of their own.
Status AddDrill(const Drill& d, int source, int round, std::vector<Draft>* out) {
  int open_local = -1;
  const auto& steps = d.steps->items();
  for (size_t i = 0; i < steps.size(); ++i) {
    const Json& s = steps[i];
    Draft draft;
    draft.source = source;
    draft.local = static_cast<int>(i);
    StressStep& st = draft.step;
    ERFLOW_ASSIGN_OR_RETURN(st.at, ParseTimestamp(s.GetString("at")));
    auto action = ActionFromName(s.GetString("action"));
    if (!action)
      return Status::InvalidArgument(d.file + ": steps[" + std::to_string(i) + "]: unknown action");
    st.command.action = *action;
    st.command.actor = s.GetString("as");
    st.command.plan = d.plan;
    st.command.task = s.GetString("task");
    st.command.form = s["form"];
    st.command.reason = s.GetString("reason");
    st.command.target_user = s.GetString("to");
    st.command.idempotency_key =
        "stress/r" + std::to_string(round) + "/" + d.id + "/" + std::to_string(i);
    st.expect = s.GetString("expect");
    st.origin = d.file + " steps[" + std::to_string(i) + "], round " + std::to_string(round);
    if (*action == Action::kOpen) {
      if (st.expect.empty()) open_local = draft.local;
    } else {
      draft.open_local = open_local;
    }
    out->push_back(std::move(draft));
  }
  return Status::Ok();
}

Json FilingReport(Instant at, int n) {
  Json f = Json::Object();
  f.Set("title", Json("压力测试事件" + std::to_string(n)));
  f.Set("discovered_at", Json(FormatTimestamp(Instant{at.seconds - 600})));
  f.Set("description", Json("崩溃测试生成的事件，用于检验备案编号连续。"));
  return f;
}

Json FilingForm(Instant reported) {
  Json f = Json::Object();
  f.Set("original_reported_at", Json(FormatTimestamp(reported)));
  for (const char* k :
       {"unit_name", "contact_person", "phone", "system_name", "system_purpose",
        "security_measures", "supplementary_description", "final_cause", "consequences", "scope",
        "severity", "handling_process", "recommendations", "reporter_signature"})
    f.Set(k, Json("压力测试"));
  return f;
}

// `count` two-step filing cases at random moments of [from, to] (minutes), each filed
// between 5 minutes and 4 hours after it is opened.
void AddFilings(int round, int count, Instant from, Instant to, std::mt19937_64* rng, int source,
                std::vector<Draft>* out) {
  const int64_t minutes = std::max<int64_t>(1, (to.seconds - from.seconds) / 60);
  for (int n = 0; n < count; ++n) {
    const Instant opened{from.seconds + 60 * static_cast<int64_t>((*rng)() % minutes)};
    const Instant filed{opened.seconds + 60 * static_cast<int64_t>(5 + (*rng)() % 236)};
    const std::string key = "stress/r" + std::to_string(round) + "/filing" + std::to_string(n);
    Draft open;
    open.source = source + n;
    open.local = 0;
    open.step.at = opened;
    open.step.command.action = Action::kOpen;
    open.step.command.actor = kFilingClerk;
    open.step.command.plan = kFilingPlan;
    open.step.command.form = FilingReport(opened, n);
    open.step.command.idempotency_key = key + "/open";
    open.step.origin = "filing case " + std::to_string(n) + ", round " + std::to_string(round);
    Draft file = open;
    file.local = 1;
    file.open_local = 0;
    file.step.at = filed;
    file.step.command.action = Action::kSubmit;
    file.step.command.task = "file";
    file.step.command.form = FilingForm(opened);
    file.step.command.idempotency_key = key + "/file";
    out->push_back(std::move(open));
    out->push_back(std::move(file));
  }
}

StressStep Marker(Kind kind, Instant at, const std::string& origin) {
  StressStep s;
  s.kind = kind;
  s.at = at;
  s.origin = origin;
  return s;
}

}  // namespace

int64_t StressPlan::CountOf(StressStep::Kind kind) const {
  return std::count_if(steps.begin(), steps.end(),
                       [kind](const StressStep& s) { return s.kind == kind; });
}

Result<StressPlan> BuildStressPlan(const std::string& source_dir, const StressOptions& options) {
  StressPlan plan;
  plan.definition_files = ListJsonFiles(source_dir + "/workflows");
  plan.definition_files.push_back(source_dir + "/tests/data/workflows/stress-filing.json");
  plan.forms_dir = source_dir + "/forms";
  plan.calendars_dir = source_dir + "/calendars";
  plan.users = Json::Array();

  std::vector<Json> drill_docs;
  for (const auto& file : ListJsonFiles(source_dir + "/drills")) {
    ERFLOW_ASSIGN_OR_RETURN(Json doc, ParseJsonFile(file));
    drill_docs.push_back(std::move(doc));
  }
  if (drill_docs.empty()) return Status::NotFound("no drills under " + source_dir + "/drills");
  std::vector<Drill> drills;
  std::set<std::string> user_names;
  Instant first{INT64_MAX}, last{INT64_MIN};
  for (size_t i = 0; i < drill_docs.size(); ++i) {
    const Json& doc = drill_docs[i];
    drills.push_back({"drills/" + doc.GetString("id") + ".json", doc.GetString("id"),
                      doc.GetString("plan"), &doc["steps"]});
    for (const auto& u : doc["users"].items())
      if (user_names.insert(u.GetString("name")).second) plan.users.Push(u);
    for (const auto& s : doc["steps"].items()) {
      ERFLOW_ASSIGN_OR_RETURN(Instant at, ParseTimestamp(s.GetString("at")));
      first = std::min(first, at);
      last = std::max(last, at);
    }
  }
  for (const char* name : {kFilingClerk}) {
    Json u = Json::Object();
    u.Set("name", Json(name));
    u.Set("display", Json("压力测试员"));
    Json roles = Json::Array();
    roles.Push(Json("clerk"));
    u.Set("roles", std::move(roles));
    u.Set("unit", Json("stress-filing-office"));
    plan.users.Push(std::move(u));
  }

  // Rounds reuse the drills' moments, so the clock goes back at each round's start. Cases
  // of an earlier round do not notice: every timer of theirs due before the round's last
  // moment has fired already, and later ones never come due.
  int64_t commands = 0;
  for (int round = 1; commands < options.commands; ++round) {
    std::vector<Draft> drafts;
    for (size_t d = 0; d < drills.size(); ++d)
      ERFLOW_RETURN_IF_ERROR(AddDrill(drills[d], static_cast<int>(d), round, &drafts));
    std::mt19937_64 rng(options.seed * 1000003 + static_cast<uint64_t>(round));
    AddFilings(round, options.filings_per_round, first, last, &rng, static_cast<int>(drills.size()),
               &drafts);
    std::stable_sort(drafts.begin(), drafts.end(),
                     [](const Draft& a, const Draft& b) { return a.step.at < b.step.at; });
    std::map<std::pair<int, int>, int64_t> global;  // (source, local) → plan index
    Instant swept{INT64_MIN};
    for (auto& d : drafts) {
      if (commands >= options.commands) break;
      if (d.step.at > swept) {
        plan.steps.push_back(Marker(Kind::kSweep, d.step.at, "sweep before " + d.step.origin));
        swept = d.step.at;
      }
      if (d.open_local >= 0) {
        auto it = global.find({d.source, d.open_local});
        if (it == global.end())
          return Status::Corruption(d.step.origin + ": its case is opened later");
        d.step.case_step = it->second;
      }
      global[{d.source, d.local}] = static_cast<int64_t>(plan.steps.size());
      plan.steps.push_back(d.step);
      if (++commands % options.anchor_every == 0)
        plan.steps.push_back(Marker(Kind::kAnchor, d.step.at, "anchor after " + d.step.origin));
    }
  }
  plan.steps.push_back(Marker(Kind::kAnchor, plan.steps.back().at, "final anchor"));
  return plan;
}

}  // namespace erflow::stress
