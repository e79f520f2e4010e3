// Command: one request to change a case — open, submit, claim, unclaim, approve, return
// (退回), transfer (转办), withdraw (撤销). Every command goes through Engine::Execute, the
// single choke point that checks role, unit, case state, form schema, four-eyes and the
// optimistic version, then applies it in one transaction. A retried command with the same
// idempotency key is applied once.
// Thread rules: plain value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "erflow/action.h"
#include "erflow/json.h"

namespace erflow {

struct Command {
  Action action = Action::kSubmit;
  std::string actor;    // user name
  std::string plan;     // Action::kOpen: definition id
  int64_t case_id = 0;  // every other command
  std::string task;     // task instance id ("t3") or task id ("report") when unambiguous
  Json form;  // Action::kOpen (start task's form, optional), submit, approve (approval form)
  std::string reason;                       // return (required), transfer, withdraw (optional)
  std::string target_user;                  // transfer
  std::optional<int64_t> expected_version;  // stale → Conflict, nothing applied
  std::string idempotency_key;              // empty: one is generated
};

struct CommandOutcome {
  int64_t case_id = 0;
  int64_t version = 0;    // the case version after the command
  std::string task;       // the task instance acted on
  bool replayed = false;  // true when the key had been applied before
  std::string status;     // case status after the command
  Json event;             // the history event body written (or found, when replayed)
};

}  // namespace erflow
