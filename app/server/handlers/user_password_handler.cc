// PUT /api/v1/users/{name}/password: set a user's password (administrators only). The
// engine hashes it (PBKDF2) and checks its strength.
#include "erflow/authority.h"
#include "server/api_error.h"
#include "server/body_reader.h"
#include "server/handlers/handlers.h"

namespace erflow::server {

ApiReply UserPasswordHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kManageUsers));
  const Json body = call.JsonBody();
  BodyReader r(body);
  const auto password = r.String("password", true);
  r.Finish();
  const std::string& name = call.Param("name");
  ThrowIfError(call.ctx.engine->GetUser(name).status());
  Status set = call.ctx.engine->SetPassword(name, *password);
  if (set.code() == Status::Code::kInvalidArgument)
    throw ApiError::InvalidField("password", set.message());
  ThrowIfError(set);
  Json j = Json::Object();
  j.Set("name", Json(name));
  j.Set("password_set", Json(true));
  return ApiReply::Ok(j);
}

}  // namespace erflow::server
