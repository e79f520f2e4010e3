#include "runtime/command_processor.h"

#include <openssl/rand.h>

#include <algorithm>

#include "erflow/authority.h"
#include "erflow/sha256.h"
#include "erflow/time_format.h"
#include "runtime/case_events.h"
#include "runtime/command_planner.h"
#include "runtime/work_items.h"

namespace erflow {

std::string NewIdempotencyKey() {
  unsigned char bytes[16];
  RAND_bytes(bytes, sizeof bytes);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

namespace {

// What makes two commands "the same" for idempotency.
bool SameCommand(const Json& body, const Command& cmd) {
  if (body.GetString("command") != ActionName(cmd.action) || body.GetString("actor") != cmd.actor)
    return false;
  if (cmd.action == Action::kOpen) return body["definition"].GetString("id") == cmd.plan;
  if (body.GetInt("case") != cmd.case_id) return false;
  return cmd.task.empty() || body.GetString("task") == cmd.task ||
         body.GetString("node") == cmd.task;
}

}  // namespace

Result<CommandOutcome> CommandProcessor::Replayed(StoreTransaction* tx, const Command& cmd,
                                                  const HistoryEvent& prior) {
  ERFLOW_ASSIGN_OR_RETURN(Json body, ParseJson(prior.body, "event " + std::to_string(prior.id)));
  if (!SameCommand(body, cmd))
    return Status::Conflict("idempotency key \"" + cmd.idempotency_key +
                            "\" was already used for a different command (" +
                            body.GetString("command") + " on case " +
                            std::to_string(prior.case_id) + ")");
  CommandOutcome out;
  out.case_id = prior.case_id;
  out.version = prior.seq;
  out.task = body.GetString("task");
  out.replayed = true;
  ERFLOW_ASSIGN_OR_RETURN(auto stored, tx->LoadCase(prior.case_id));
  out.status = stored ? stored->status : "";
  out.event = std::move(body);
  return out;
}

Result<CaseState> CommandProcessor::LoadState(StoreTransaction* tx, int64_t case_id,
                                              StoredCase* stored_out) {
  ERFLOW_ASSIGN_OR_RETURN(auto stored, tx->LoadCase(case_id));
  if (!stored) return Status::NotFound("no case " + std::to_string(case_id));
  *stored_out = *stored;
  if (auto cached = snapshots_.Get(stored->id, stored->version, stored->head_hash))
    return std::move(*cached);
  ERFLOW_ASSIGN_OR_RETURN(Json snapshot,
                          ParseJson(stored->snapshot, "case " + std::to_string(case_id)));
  return CaseState::FromJson(snapshot);
}

Result<CommandOutcome> CommandProcessor::Execute(const Command& in) {
  Command cmd = in;
  if (cmd.idempotency_key.empty()) cmd.idempotency_key = NewIdempotencyKey();
  if (cmd.actor.empty()) return Status::InvalidArgument("a command needs an actor (--as USER)");
  const Instant now = clock_->Now();

  ERFLOW_ASSIGN_OR_RETURN(auto tx, store_->BeginWrite());
  ERFLOW_ASSIGN_OR_RETURN(auto prior, tx->FindEventByKey(cmd.idempotency_key));
  if (prior) return Replayed(tx.get(), cmd, *prior);

  ERFLOW_ASSIGN_OR_RETURN(auto actor, tx->GetUser(cmd.actor));
  if (!actor) return Status::NotFound("no user \"" + cmd.actor + "\"");
  if (!actor->active) return Status::Forbidden("user " + cmd.actor + " is disabled");

  CaseState state;
  DefinitionPtr def;
  // Whether the actor's unit takes no part in the case. Not refused up front — a unit may
  // start an ad-hoc task of a case it is not part of yet — but a refusal must not tell such
  // a user what happens in the case (who holds a task, who acted last, its version): they
  // learn only that they may not see it.
  Status unseen;
  if (cmd.action == Action::kOpen) {
    ERFLOW_ASSIGN_OR_RETURN(def, definitions_->Get(cmd.plan, 0));
  } else {
    StoredCase stored;
    ERFLOW_ASSIGN_OR_RETURN(state, LoadState(tx.get(), cmd.case_id, &stored));
    ERFLOW_ASSIGN_OR_RETURN(def, definitions_->Get(stored.plan, stored.plan_version));
    unseen = AuthorizeCaseView(*actor, state.id, DeriveCaseUnits(*def, state));
  }
  if (cmd.expected_version && *cmd.expected_version != state.version)
    return !unseen.ok()
               ? unseen
               : Status::Conflict("stale version: case " + std::to_string(state.id) +
                                  " is at version " + std::to_string(state.version) +
                                  ", the command was made against version " +
                                  std::to_string(*cmd.expected_version) + "; nothing was applied");

  const auto calendar = this->calendar();
  CommandPlanner planner(*def, state, *actor, now, tx.get(), calendar.get());
  planner.EnableRecords(issuer_ != nullptr);
  if (cmd.action == Action::kWithdraw) {
    ERFLOW_ASSIGN_OR_RETURN(auto events, store_->CaseEvents(state.id));
    if (events.empty())
      return Status::Corruption("case " + std::to_string(state.id) + " has no history");
    HistoryEvent last = events.back();
    events.pop_back();
    ERFLOW_ASSIGN_OR_RETURN(CaseState before, RebuildFromHistory(events));
    ERFLOW_ASSIGN_OR_RETURN(Json last_body,
                            ParseJson(last.body, "event " + std::to_string(last.id)));
    planner.SetWithdrawContext(std::move(last_body), std::move(before));
  }
  if (Status planned = planner.Plan(cmd); !planned.ok()) return unseen.ok() ? planned : unseen;
  if (cmd.action != Action::kWithdraw) ERFLOW_RETURN_IF_ERROR(planner.TrackDeadlines(0));

  if (cmd.action == Action::kOpen) {
    StoredCase fresh;
    fresh.plan = def->id;
    fresh.plan_version = def->version;
    fresh.unit = actor->unit;
    fresh.status = "active";
    fresh.opened_at = now;
    fresh.updated_at = now;
    fresh.snapshot = "{}";
    fresh.summary = "{}";
    ERFLOW_ASSIGN_OR_RETURN(state.id, tx->InsertCase(fresh));
  }
  if (!planner.records_due().empty())
    ERFLOW_RETURN_IF_ERROR(
        IssueRecords(tx.get(), *def, state.id, state.version + 1, now, &planner));
  EventMeta meta{actor->name,         actor->Shown(), actor->unit,    ActionName(cmd.action),
                 cmd.idempotency_key, cmd.reason,     cmd.target_user};
  return Commit(tx.get(), *def, state, planner, meta, now, cmd.action == Action::kOpen);
}

Result<CommandOutcome> CommandProcessor::Commit(StoreTransaction* tx, const Definition& def,
                                                const CaseState& state,
                                                const CommandPlanner& planner,
                                                const EventMeta& meta, Instant now, bool opened) {
  CaseState next = planner.state();
  next.id = state.id;

  Json body = Json::Object();
  body.Add("case", Json(next.id));
  body.Add("seq", Json(state.version + 1));
  body.Add("prev", Json(state.version == 0 ? HistoryEvent::GenesisHash() : state.head_hash));
  body.Add("at", Json(FormatTimestamp(now)));
  body.Add("actor", Json(meta.actor));
  body.Add("actor_name", Json(meta.actor_name));
  body.Add("role", Json(planner.role_used()));
  body.Add("unit", Json(meta.unit));
  Json definition = Json::Object();
  definition.Add("id", Json(def.id));
  definition.Add("version", Json(def.version));
  body.Add("definition", std::move(definition));
  body.Add("command", Json(meta.command));
  body.Add("task", Json(planner.task_id()));
  body.Add("node", Json(planner.node()));
  if (!meta.key.empty()) body.Add("key", Json(meta.key));
  if (!meta.reason.empty()) body.Add("reason", Json(meta.reason));
  if (!meta.target.empty()) body.Add("target", Json(meta.target));
  body.Add("changes", planner.changes());
  body.Add("effects", planner.effects());

  HistoryEvent event;
  event.case_id = next.id;
  event.seq = state.version + 1;
  event.at = now;
  event.actor = meta.actor;
  event.command = meta.command;
  event.key = meta.key;
  event.body = body.Dump();
  event.hash = Sha256Hex(event.body);
  next.version = event.seq;
  next.head_hash = event.hash;

  StoredCase stored;
  stored.id = next.id;
  stored.plan = def.id;
  stored.plan_version = def.version;
  stored.unit = next.unit;
  stored.status = next.status;
  stored.opened_at = next.opened_at;
  stored.updated_at = now;
  stored.version = next.version;
  stored.head_hash = next.head_hash;
  stored.snapshot = next.ToJson().Dump();
  stored.summary = DeriveCaseFields(def, next).Dump();

  ERFLOW_RETURN_IF_ERROR(tx->AppendEvent(event));
  ERFLOW_RETURN_IF_ERROR(tx->UpdateCase(stored, state.version));
  std::vector<WorkItem> items_before, items_after = DeriveWorkItems(def, next);
  std::vector<TimerRow> timers_before, timers_after = DeriveTimers(def, next);
  if (!opened) {
    items_before = DeriveWorkItems(def, state);
    timers_before = DeriveTimers(def, state);
  }
  ERFLOW_RETURN_IF_ERROR(tx->UpdateWorkItems(next.id, items_before, items_after));
  ERFLOW_RETURN_IF_ERROR(tx->UpdateTimers(next.id, event.seq, timers_before, timers_after));
  std::vector<std::string> units = DeriveCaseUnits(def, next);
  if (!opened) {
    std::vector<std::string> known = DeriveCaseUnits(def, state), added;
    for (const auto& u : units)
      if (std::find(known.begin(), known.end(), u) == known.end()) added.push_back(u);
    units = std::move(added);
  }
  ERFLOW_RETURN_IF_ERROR(tx->AddCaseUnits(next.id, units));
  ERFLOW_RETURN_IF_ERROR(tx->Commit());
  snapshots_.Put(next);

  CommandOutcome out;
  out.case_id = next.id;
  out.version = next.version;
  out.task = planner.task_id();
  out.status = next.status;
  out.event = std::move(body);
  return out;
}

Result<std::optional<TimerRow>> CommandProcessor::FireNextDue(const std::vector<int64_t>& exclude, int64_t* failed) {
  const Instant now = clock_->Now();
  ERFLOW_ASSIGN_OR_RETURN(auto tx, store_->BeginWrite());
  // Each timer fires once: it is marked fired in the same transaction as its effects.
  ERFLOW_ASSIGN_OR_RETURN(auto claimed, tx->ClaimNextDueTimer(now, exclude));
  if (!claimed) return claimed;
  const TimerRow timer = *claimed;
  *failed = timer.id;
  StoredCase stored;
  ERFLOW_ASSIGN_OR_RETURN(CaseState state, LoadState(tx.get(), timer.case_id, &stored));
  ERFLOW_ASSIGN_OR_RETURN(DefinitionPtr def, definitions_->Get(stored.plan, stored.plan_version));
  static const User kSystem{"system", "系统", {}, "", true};
  const auto calendar = this->calendar();
  CommandPlanner planner(*def, state, kSystem, now, tx.get(), calendar.get());
  ERFLOW_RETURN_IF_ERROR(planner.FireTimer(timer.kind, timer.key));
  if (planner.effects().size() == 0) {
    ERFLOW_RETURN_IF_ERROR(tx->Commit());  // nothing left to do: the timer is spent
    *failed = 0;
    return claimed;
  }
  ERFLOW_RETURN_IF_ERROR(planner.TrackDeadlines(0));
  EventMeta meta{"system", "系统", "", "timer", "", timer.kind + " " + timer.key, ""};
  ERFLOW_RETURN_IF_ERROR(Commit(tx.get(), *def, state, planner, meta, now, false).status());
  *failed = 0;
  return claimed;
}

}  // namespace erflow
