// GET /api/v1/audit/verify: walk every case's hash chain and (unless snapshots=false)
// rebuild every snapshot from history. It covers every case, so it is for those the engine
// allows to audit the whole store.
#include "erflow/authority.h"
#include "server/api_error.h"
#include "server/handlers/handlers.h"
#include "views.h"

namespace erflow::server {

ApiReply AuditVerifyHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kAuditStore));
  call.query().OnlyKnown({"snapshots"});
  const bool snapshots = call.query().Bool("snapshots").value_or(true);
  return ApiReply::Ok(views::AuditReportJson(Unwrap(call.ctx.engine->VerifyAudit(snapshots))));
}

}  // namespace erflow::server
