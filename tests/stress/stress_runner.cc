#include "stress/stress_runner.h"

#include <algorithm>

#include "drill_runner.h"

namespace erflow::stress {

using Kind = StressStep::Kind;

Instant ClockBefore(const StressPlan& plan, size_t i) {
  return i == 0 ? plan.steps.front().at : plan.steps[i - 1].at;
}

Status StressRunner::Setup() {
  for (const auto& file : plan_.definition_files) {
    ERFLOW_ASSIGN_OR_RETURN(DefinitionPtr def, LoadDefinitionFile(file, plan_.forms_dir));
    ERFLOW_RETURN_IF_ERROR(engine_->Deploy(def, "stress").status());
  }
  // Only the users not yet stored: a restart should not rewrite forty rows each time.
  Json missing = Json::Array();
  for (const auto& u : plan_.users.items()) {
    ERFLOW_ASSIGN_OR_RETURN(User stored, [&]() -> Result<User> {
      auto got = engine_->GetUser(u.GetString("name"));
      if (!got.ok() && got.status().code() == Status::Code::kNotFound) return User{};
      return got;
    }());
    if (stored.name.empty() || stored.unit != u.GetString("unit")) missing.Push(u);
  }
  return cli::CreateDrillUsers(missing, engine_);
}

Result<int64_t> StressRunner::CaseOf(int64_t open_step) {
  if (auto it = cases_.find(open_step); it != cases_.end()) return it->second;
  const StressStep& open = plan_.steps.at(open_step);
  // The open happened before this process started (or in it, and the map was lost with a
  // restart): the same key is answered from history, applying nothing.
  ERFLOW_ASSIGN_OR_RETURN(CommandOutcome out, engine_->Execute(open.command));
  if (!out.replayed)
    return Status::Corruption(open.origin + " (step " + std::to_string(open_step) +
                              ") had completed, but its key was not in history: a lost commit");
  cases_[open_step] = out.case_id;
  return out.case_id;
}

Result<StepOutcome> StressRunner::Sweep(size_t i) {
  // As the server's sweeper (and the drill runner) would: each timer at its own moment,
  // never earlier than the clock already is.
  StepOutcome outcome;
  const Instant until = plan_.steps[i].at;
  while (true) {
    ERFLOW_ASSIGN_OR_RETURN(auto next, engine_->NextTimerAt());
    if (!next || *next > until) break;
    clock_->Set(std::max(*next, clock_->Now()));
    ERFLOW_ASSIGN_OR_RETURN(TickReport report, engine_->Tick());
    if (!report.errors.empty()) return Status::IOError(report.errors.front());
    outcome.value += report.fired;
  }
  return outcome;
}

Result<StepOutcome> StressRunner::Run(size_t i) {
  const StressStep& step = plan_.steps.at(i);
  if (step.kind == Kind::kSweep) return Sweep(i);
  clock_->Set(step.at);
  StepOutcome outcome;
  if (step.kind == Kind::kAnchor) {
    ERFLOW_ASSIGN_OR_RETURN(outcome.value, engine_->WriteAnchors());
    return outcome;
  }
  Command cmd = step.command;
  if (step.case_step >= 0) {
    ERFLOW_ASSIGN_OR_RETURN(cmd.case_id, CaseOf(step.case_step));
  }
  auto out = engine_->Execute(cmd);
  if (!out.ok()) {
    const Status::Code code = out.status().code();
    // A refusal is the command's outcome; anything else means the run itself failed.
    if (code == Status::Code::kIOError || code == Status::Code::kCorruption) return out.status();
    outcome.result = out.status().CodeName();
    outcome.message = out.status().message();
    return outcome;
  }
  outcome.replayed = out->replayed;
  if (cmd.action == Action::kOpen) {
    cases_[static_cast<int64_t>(i)] = out->case_id;
    outcome.value = out->case_id;
  }
  return outcome;
}

}  // namespace erflow::stress
