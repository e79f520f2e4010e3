// HistoryEvent: one entry of a case's append-only history. The body is the canonical JSON
// that was hashed: who (actor, role, unit), when, under which definition version, which
// command, the form data changed (old → new) and the effects the command had. Events of a
// case form a SHA-256 chain: each body names the previous event's hash.
// Thread rules: a plain value type.
#pragma once

#include <cstdint>
#include <string>

#include "erflow/instant.h"
#include "erflow/json.h"

namespace erflow {

struct HistoryEvent {
  int64_t id = 0;  // global insertion order
  int64_t case_id = 0;
  int64_t seq = 0;  // 1, 2, 3… within the case
  Instant at;
  std::string actor;
  std::string command;
  std::string key;   // idempotency key, may be empty for system events
  std::string body;  // canonical JSON text, exactly as hashed
  std::string hash;  // SHA-256 hex of body

  // The genesis "previous hash" of every case's first event.
  static const char* GenesisHash() {
    return "0000000000000000000000000000000000000000000000000000000000000000";
  }
};

}  // namespace erflow
