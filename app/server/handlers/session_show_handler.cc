// GET /api/v1/session: who am I, and the session's CSRF token again (a reloaded page cannot
// read the HttpOnly cookie, and needs the token for its next change).
#include "server/handlers/handlers.h"
#include "server/session_reply.h"

namespace erflow::server {

ApiReply SessionShowHandler::Serve(ApiCall& call) {
  ApiReply reply = ApiReply::Ok(SessionJson(call.user(), call.session()));
  reply.headers.emplace_back("Cache-Control", "no-store");
  return reply;
}

}  // namespace erflow::server
