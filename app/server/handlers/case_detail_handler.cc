// GET /api/v1/cases/{id}: the whole case — stages, tasks, deadlines, data, history — as
// `erflow case show --json` gives it. Visibility is the engine's (GetCaseAs).
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply CaseDetailHandler::Serve(ApiCall& call) {
  const CaseView view = Unwrap(call.ctx.engine->GetCaseAs(call.user(), call.PathId("id")));
  return ApiReply::Ok(views::CaseViewJson(view));
}

}  // namespace erflow::server
