// GET /api/v1/users/{name}: one user (administrators only).
#include "erflow/authority.h"
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply UserShowHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kManageUsers));
  return ApiReply::Ok(views::UserJson(Unwrap(call.ctx.engine->GetUser(call.Param("name")))));
}

}  // namespace erflow::server
