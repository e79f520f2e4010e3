// POST /api/v1/users: create a user, optionally with a password (administrators only). The
// engine checks names, roles, units, scopes and password strength.
#include "erflow/authority.h"
#include "server/api_error.h"
#include "server/body_reader.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply UserCreateHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kManageUsers));
  const Json body = call.JsonBody();
  BodyReader r(body);
  User u;
  u.name = r.String("name", true).value_or("");
  u.display_name = r.String("display_name", false).value_or("");
  u.roles = r.Strings("roles", true).value_or(std::vector<std::string>{});
  u.unit = r.String("unit", true).value_or("");
  u.scope = r.String("scope", false).value_or("unit");
  u.active = r.Bool("active", false).value_or(true);
  const auto password = r.String("password", false);
  r.Finish();
  Engine& engine = *call.ctx.engine;
  if (engine.GetUser(u.name).ok())
    throw ApiError(409, "conflict", "user \"" + u.name + "\" exists already (PATCH to change it)");
  // Checked before the user is stored, so a weak password creates nobody.
  if (password) {
    Status strong = CheckPasswordStrength(*password);
    if (!strong.ok()) throw ApiError::InvalidField("password", strong.message());
  }
  ThrowIfError(engine.PutUser(u));
  if (password) ThrowIfError(engine.SetPassword(u.name, *password));
  ApiReply reply = ApiReply::FromJson(201, views::UserJson(Unwrap(engine.GetUser(u.name))));
  reply.headers.emplace_back("Location", "/api/v1/users/" + u.name);
  return reply;
}

}  // namespace erflow::server
