// CommandProcessor: runs one Command as one transaction — idempotency check, load the
// case and its pinned definition, optimistic version check, plan (CommandPlanner: the
// authority checks), then append the hash-chained history event, update the snapshot
// and replace the case's queue rows, and commit. Nothing is applied when any step fails.
// Thread rules: thread-safe (state lives in the store and the definition cache).
#pragma once

#include "erflow/clock.h"
#include "erflow/command.h"
#include "runtime/definition_cache.h"
#include "runtime/snapshot_cache.h"
#include "store/store.h"

namespace erflow {

class CommandProcessor {
 public:
  CommandProcessor(Store* store, DefinitionCache* definitions, const Clock* clock)
      : store_(store), definitions_(definitions), clock_(clock) {}

  Result<CommandOutcome> Execute(const Command& cmd);

 private:
  Result<CommandOutcome> Replayed(StoreTransaction* tx, const Command& cmd, const HistoryEvent& prior);

  Store* store_;
  DefinitionCache* definitions_;
  const Clock* clock_;
  SnapshotCache snapshots_;
};

// A fresh random idempotency key (128 bits, hex).
std::string NewIdempotencyKey();

}  // namespace erflow
