// CommandProcessor: runs one Command as one transaction — idempotency check, load the
// case and its pinned definition, optimistic version check, plan (CommandPlanner: the
// authority checks), then append the hash-chained history event, update the snapshot
// and replace the case's queue rows, and commit. Nothing is applied when any step fails.
// Thread rules: thread-safe (state lives in the store and the definition cache);
// `calendar_mu_` guards `calendar_`, which each command copies once and keeps to its end.
#pragma once

#include <memory>
#include <mutex>

#include "erflow/calendar.h"
#include "erflow/clock.h"
#include "erflow/command.h"
#include "erflow/record_issuer.h"
#include "runtime/definition_cache.h"
#include "runtime/snapshot_cache.h"
#include "store/store.h"

namespace erflow {

class CommandPlanner;

class CommandProcessor {
 public:
  // `calendar` may be null (working-day deadlines then record that they cannot be
  // computed). REQUIRES: all pointers outlive the processor.
  CommandProcessor(Store* store, DefinitionCache* definitions, const Clock* clock,
                   std::shared_ptr<const Calendar> calendar)
      : store_(store), definitions_(definitions), clock_(clock), calendar_(std::move(calendar)) {}

  std::shared_ptr<const Calendar> calendar() const {
    std::lock_guard<std::mutex> lock(calendar_mu_);
    return calendar_;
  }
  void SetCalendar(std::shared_ptr<const Calendar> calendar) {
    std::lock_guard<std::mutex> lock(calendar_mu_);
    calendar_ = std::move(calendar);
  }

  // With an issuer, completing a task that declares a `record` issues it, signed, in the
  // same transaction. REQUIRES: called before the processor runs any command.
  void SetRecordIssuer(std::shared_ptr<const RecordIssuer> issuer) { issuer_ = std::move(issuer); }

  Result<CommandOutcome> Execute(const Command& cmd);
  // Claims the earliest timer due now (not in `exclude`) and fires it as a system event on
  // its case, in one transaction. Nothing when no timer is due. On failure the timer
  // stays pending and `*failed` names it.
  Result<std::optional<TimerRow>> FireNextDue(const std::vector<int64_t>& exclude, int64_t* failed);

 private:
  struct EventMeta {
    std::string actor, actor_name, unit, command, key, reason, target;
  };
  Result<CommandOutcome> Replayed(StoreTransaction* tx, const Command& cmd,
                                  const HistoryEvent& prior);
  Result<CaseState> LoadState(StoreTransaction* tx, int64_t case_id, StoredCase* stored);
  // Issues the records the planner queued (command_processor_records.cc): gathers the
  // signers and their keys, asks the issuer, stores the PDF, reports the effect back.
  Status IssueRecords(StoreTransaction* tx, const Definition& def, int64_t case_id, int64_t seq,
                      Instant now, CommandPlanner* planner);
  // Writes what a planner decided: the event, the snapshot, queue rows, timers; commits.
  Result<CommandOutcome> Commit(StoreTransaction* tx, const Definition& def, const CaseState& state,
                                const CommandPlanner& planner, const EventMeta& meta, Instant now,
                                bool opened);

  Store* store_;
  DefinitionCache* definitions_;
  const Clock* clock_;
  mutable std::mutex calendar_mu_;
  std::shared_ptr<const Calendar> calendar_;  // guarded by calendar_mu_
  SnapshotCache snapshots_;
  std::shared_ptr<const RecordIssuer> issuer_;  // null: no records; set once before use
};

// A fresh random idempotency key (128 bits, hex).
std::string NewIdempotencyKey();

}  // namespace erflow
