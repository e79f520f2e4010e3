// GET /api/v1/users: every user (administrators only).
#include "erflow/authority.h"
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply UserListHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kManageUsers));
  const auto users = Unwrap(call.ctx.engine->ListUsers());
  Json list = Json::Array();
  for (const auto& u : users) list.Push(views::UserJson(u));
  Json j = Json::Object();
  j.Set("users", std::move(list));
  return ApiReply::Ok(j);
}

}  // namespace erflow::server
