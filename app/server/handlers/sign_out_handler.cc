// DELETE /api/v1/session: sign out. The engine revokes the token; the cookie is cleared.
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "server/session_cache.h"
#include "server/session_reply.h"

namespace erflow::server {

ApiReply SignOutHandler::Serve(ApiCall& call) {
  ThrowIfError(call.ctx.engine->SignOut(call.session().token));
  call.ctx.sessions->Forget(call.session().token);
  Json j = Json::Object();
  j.Set("signed_out", Json(true));
  ApiReply reply = ApiReply::Ok(j);
  reply.headers.emplace_back("Set-Cookie", SessionCookie("", 0, call.ctx.config->cookie_secure));
  return reply;
}

}  // namespace erflow::server
