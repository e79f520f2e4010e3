// GET /api/v1/cases/{id}/records: the signed records the case has issued, in issuing
// order, without their bytes (`erflow record CASE --list`). Whoever may see the case may
// see its records (GetCaseAs).
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply CaseRecordsHandler::Serve(ApiCall& call) {
  const int64_t id = call.PathId("id");
  Unwrap(call.ctx.engine->GetCaseAs(call.user(), id));
  Json list = Json::Array();
  for (const auto& r : Unwrap(call.ctx.engine->CaseRecords(id)))
    list.Push(views::IssuedRecordJson(r));
  Json j = Json::Object();
  j.Set("records", std::move(list));
  return ApiReply::Ok(j);
}

}  // namespace erflow::server
