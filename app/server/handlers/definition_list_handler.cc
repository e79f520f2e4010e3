// GET /api/v1/definitions: every deployed version of every plan. Any user who may see cases
// may read the plans they follow.
#include "erflow/authority.h"
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply DefinitionListHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kViewCase));
  const auto defs = Unwrap(call.ctx.engine->ListDefinitions());
  Json list = Json::Array();
  for (const auto& d : defs) list.Push(views::DefinitionInfoJson(d));
  Json j = Json::Object();
  j.Set("definitions", std::move(list));
  return ApiReply::Ok(j);
}

}  // namespace erflow::server
