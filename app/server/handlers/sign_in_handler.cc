// POST /api/v1/session: sign in. The engine checks the password (PBKDF2), counts failures,
// slows down and locks out; this handler only turns its answer into a cookie.
#include "server/api_error.h"
#include "server/body_reader.h"
#include "server/handlers/handlers.h"
#include "server/session_reply.h"

namespace erflow::server {

ApiReply SignInHandler::Serve(ApiCall& call) {
  const Json body = call.JsonBody();
  BodyReader r(body);
  auto name = r.String("user", true);
  auto password = r.String("password", true);
  r.Finish();
  auto session = call.ctx.engine->SignIn(*name, *password, call.ctx.config->session_ttl_seconds);
  if (!session.ok()) {
    // The engine refuses a wrong name, a wrong password and a locked account alike with
    // "forbidden"; to HTTP that is a failed authentication.
    if (session.status().code() == Status::Code::kForbidden)
      throw ApiError(401, "sign_in_refused", session.status().message());
    throw ErrorFor(session.status());
  }
  const User user = Unwrap(call.ctx.engine->GetUser(*name));
  ApiReply reply = ApiReply::Ok(SessionJson(user, *session));
  reply.headers.emplace_back("Set-Cookie",
                             SessionCookie(session->token, call.ctx.config->session_ttl_seconds,
                                           call.ctx.config->cookie_secure));
  reply.headers.emplace_back("Cache-Control", "no-store");
  return reply;
}

}  // namespace erflow::server
