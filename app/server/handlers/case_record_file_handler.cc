// GET /api/v1/cases/{id}/records/{task}: the signed PDF a task issued, byte for byte as
// stored when it was issued (`erflow record CASE TASK`): {task} is an instance ("t5") or
// a task id with records in one instance only; the latest record of it.
#include "record_exports.h"
#include "server/api_error.h"
#include "server/file_reply.h"
#include "server/handlers/handlers.h"

namespace erflow::server {

ApiReply CaseRecordFileHandler::Serve(ApiCall& call) {
  const int64_t id = call.PathId("id");
  Unwrap(call.ctx.engine->GetCaseAs(call.user(), id));
  const auto records = Unwrap(call.ctx.engine->CaseRecords(id, true));
  IssuedRecord rec = Unwrap(cli::PickRecord(records, id, call.Param("task")));
  const std::string name = "case-" + std::to_string(id) + "-" + rec.task + "-" + rec.kind + ".pdf";
  ApiReply reply = FileReply(kPdfType, std::move(rec.pdf), name);
  reply.headers.emplace_back("X-Erflow-Sha256", rec.sha256);
  return reply;
}

}  // namespace erflow::server
