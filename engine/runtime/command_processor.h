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

  Result<CommandOutcome> Execute(const Command& cmd);
  // Fires one due timer as a system event on its case. False when another sweeper had
  // already fired it.
  Result<bool> FireTimer(const TimerRow& timer);

 private:
  struct EventMeta {
    std::string actor, actor_name, unit, command, key, reason, target;
  };
  Result<CommandOutcome> Replayed(StoreTransaction* tx, const Command& cmd,
                                  const HistoryEvent& prior);
  Result<CaseState> LoadState(StoreTransaction* tx, int64_t case_id, StoredCase* stored);
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
};

// A fresh random idempotency key (128 bits, hex).
std::string NewIdempotencyKey();

}  // namespace erflow
