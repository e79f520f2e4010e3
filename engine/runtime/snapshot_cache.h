// SnapshotCache: recently written case snapshots, kept parsed, so that a command on a
// case this process touched last does not parse its JSON snapshot again. An entry is used
// only when the stored row still has the same version and head hash — another process (or
// node) writing the case simply makes it a miss.
// Thread rules: thread-safe; `mu_` guards `entries_`.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "erflow/case_state.h"

namespace erflow {

class SnapshotCache {
 public:
  explicit SnapshotCache(size_t capacity = 4096) : capacity_(capacity) {}

  std::optional<CaseState> Get(int64_t case_id, int64_t version, const std::string& head_hash) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(case_id);
    if (it == entries_.end() || it->second.version != version || it->second.head_hash != head_hash)
      return std::nullopt;
    return it->second;
  }

  void Put(const CaseState& state) {
    std::lock_guard<std::mutex> lock(mu_);
    if (entries_.size() >= capacity_ && !entries_.count(state.id)) entries_.erase(entries_.begin());
    entries_[state.id] = state;
  }

 private:
  size_t capacity_;
  std::mutex mu_;
  std::unordered_map<int64_t, CaseState> entries_;  // guarded by mu_
};

}  // namespace erflow
