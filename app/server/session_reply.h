// What the session endpoints answer: the user and the session's CSRF token as JSON, and
// the session cookie (HttpOnly, SameSite=Strict, Max-Age only — see API.md for why no
// Expires).
// Thread rules: pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "erflow/credentials.h"
#include "erflow/json.h"
#include "erflow/user.h"

namespace erflow::server {

// {"user": {...}, "csrf_token": "...", "expires_at": "..."}
Json SessionJson(const User& user, const Session& session);

// The Set-Cookie value carrying `token` for `max_age_seconds` (0 clears the cookie).
std::string SessionCookie(const std::string& token, int64_t max_age_seconds, bool secure);

}  // namespace erflow::server
