#include "runtime/definition_cache.h"

namespace erflow {

Result<DefinitionPtr> DefinitionCache::Get(const std::string& id, int64_t version) {
  if (version > 0) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = cache_.find({id, version});
    if (it != cache_.end()) return it->second;
  }
  std::optional<StoredDefinition> stored;
  if (version > 0) {
    ERFLOW_ASSIGN_OR_RETURN(stored, store_->GetDefinition(id, version));
  } else {
    ERFLOW_ASSIGN_OR_RETURN(stored, store_->LatestDefinition(id));
  }
  if (!stored)
    return Status::NotFound("definition \"" + id + "\"" +
                            (version > 0 ? " version " + std::to_string(version) : "") +
                            " is not deployed (run: erflow definitions deploy)");
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = cache_.find({id, stored->version});
    if (it != cache_.end()) return it->second;
  }
  ERFLOW_ASSIGN_OR_RETURN(Json bundle, ParseJson(stored->bundle, "definition " + id));
  auto def = LoadDefinitionBundle(bundle, stored->version);
  if (!def.ok())
    return Status::Corruption("deployed definition " + id + " v" + std::to_string(stored->version) +
                              " no longer loads: " + def.status().message());
  std::lock_guard<std::mutex> lock(mu_);
  cache_[{id, stored->version}] = *def;
  return *def;
}

}  // namespace erflow
