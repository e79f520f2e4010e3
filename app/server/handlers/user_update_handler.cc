// PATCH /api/v1/users/{name}: change a user's display name, roles, unit, scope or whether
// they are active (administrators only). A disabled user's sessions stop working at once:
// the engine checks the user on every session it resumes.
#include "erflow/authority.h"
#include "server/api_error.h"
#include "server/body_reader.h"
#include "server/handlers/handlers.h"
#include "server/session_cache.h"
#include "views.h"

namespace erflow::server {

ApiReply UserUpdateHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kManageUsers));
  Engine& engine = *call.ctx.engine;
  User u = Unwrap(engine.GetUser(call.Param("name")));
  const Json body = call.JsonBody();
  BodyReader r(body);
  if (auto v = r.String("display_name", false)) u.display_name = *v;
  if (auto v = r.Strings("roles", false)) u.roles = *v;
  if (auto v = r.String("unit", false)) u.unit = *v;
  if (auto v = r.String("scope", false)) u.scope = *v;
  if (auto v = r.Bool("active", false)) u.active = *v;
  r.Finish();
  ThrowIfError(engine.PutUser(u));
  call.ctx.sessions->ForgetAll();  // their sessions must see the change at once
  return ApiReply::Ok(views::UserJson(Unwrap(engine.GetUser(u.name))));
}

}  // namespace erflow::server
