// DefinitionCache: deployed definitions by (id, version), loaded from the store once and
// kept, since a deployed version never changes.
// Thread rules: thread-safe; `mu_` guards `cache_`.
#pragma once

#include <map>
#include <mutex>
#include <utility>

#include "erflow/definition_loader.h"
#include "store/store.h"

namespace erflow {

class DefinitionCache {
 public:
  explicit DefinitionCache(Store* store) : store_(store) {}

  // version 0: the latest deployed version (always asked of the store).
  Result<DefinitionPtr> Get(const std::string& id, int64_t version);

 private:
  Store* store_;
  std::mutex mu_;
  std::map<std::pair<std::string, int64_t>, DefinitionPtr> cache_;  // guarded by mu_
};

}  // namespace erflow
