#include "server/session_reply.h"

#include "erflow/time_format.h"
#include "server/api_call.h"
#include "views.h"

namespace erflow::server {

Json SessionJson(const User& user, const Session& session) {
  Json j = Json::Object();
  j.Set("user", views::UserJson(user));
  j.Set("csrf_token", Json(session.csrf));
  j.Set("expires_at", Json(FormatTimestamp(session.expires_at)));
  return j;
}

std::string SessionCookie(const std::string& token, int64_t max_age_seconds, bool secure) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; Max-Age=" + std::to_string(max_age_seconds) + "; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

}  // namespace erflow::server
