// GET /api/v1/definitions/{id}[?version=N]: one plan with its stages and forms, as
// `erflow definitions show --json` gives it (the UI renders the opening form from it).
#include "erflow/authority.h"
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply DefinitionShowHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kViewCase));
  call.query().OnlyKnown({"version"});
  const int64_t version = call.query().Int("version", 0, 1, int64_t{1} << 53);
  const DefinitionPtr def = Unwrap(call.ctx.engine->GetDefinition(call.Param("id"), version));
  return ApiReply::Ok(views::DefinitionJson(*def));
}

}  // namespace erflow::server
