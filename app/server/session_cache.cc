#include "server/session_cache.h"

namespace erflow::server {

Result<std::pair<User, Session>> SessionCache::Resume(const std::string& token) {
  if (ttl_.count() > 0 && !token.empty()) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(token);
    if (it != entries_.end()) {
      if (SteadyClock::now() - it->second.fetched < ttl_ &&
          it->second.session.expires_at > engine_->clock().Now())
        return std::make_pair(it->second.user, it->second.session);
      entries_.erase(it);
    }
  }
  auto resumed = engine_->ResumeSession(token);
  if (resumed.ok() && ttl_.count() > 0) {
    std::lock_guard<std::mutex> lock(mu_);
    // Bounded: when full, start over rather than track ages (entries live a second).
    if (entries_.size() >= capacity_) entries_.clear();
    entries_[token] = Entry{resumed->first, resumed->second, SteadyClock::now()};
  }
  return resumed;
}

void SessionCache::Forget(const std::string& token) {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.erase(token);
}

void SessionCache::ForgetAll() {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.clear();
}

}  // namespace erflow::server
