// SessionCache: the engine's answer to "whose session is this token?" (ResumeSession),
// kept for a moment so that a page's burst of requests does not read the session and the
// user from the database every time. The engine still decides: an entry is the engine's
// own answer, at most `ttl` old, and expiry is checked again on every hit. Sign-out and
// user changes made through this server drop entries at once; a revocation or a disabled
// user written by another process (the CLI, another server) takes effect within `ttl`.
// Thread rules: thread-safe; `mu_` guards `entries_`.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "erflow/engine.h"

namespace erflow::server {

class SessionCache {
 public:
  // `ttl` 0: no caching, every request asks the engine. REQUIRES: `engine` outlives this.
  SessionCache(Engine* engine, std::chrono::milliseconds ttl, size_t capacity = 20000)
      : engine_(engine), ttl_(ttl), capacity_(capacity) {}

  // As Engine::ResumeSession.
  Result<std::pair<User, Session>> Resume(const std::string& token);
  // After sign-out of `token`.
  void Forget(const std::string& token);
  // After a change to any user (roles, unit, scope, disabled).
  void ForgetAll();

 private:
  using SteadyClock = std::chrono::steady_clock;
  struct Entry {
    User user;
    Session session;
    SteadyClock::time_point fetched;
  };

  Engine* engine_;
  const std::chrono::milliseconds ttl_;
  const size_t capacity_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // guarded by mu_; token → answer
};

}  // namespace erflow::server
