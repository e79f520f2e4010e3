// GET /api/v1/cases/{id}/dossier: the case's dossier (案卷) exported by the signed-in user
// as `erflow dossier CASE --as USER` does — every issued record and the whole history —
// signed with their key when they have one, its SHA-256 appended to the export log (so
// verification finds it later). Needs the export permission and sight of the case.
#include "erflow/authority.h"
#include "file_io.h"
#include "record_exports.h"
#include "server/api_error.h"
#include "server/file_reply.h"
#include "server/handlers/handlers.h"

namespace erflow::server {

ApiReply CaseDossierHandler::Serve(ApiCall& call) {
  const int64_t id = call.PathId("id");
  ThrowIfError(Authorize(call.user(), Permission::kExportRecords));
  Unwrap(call.ctx.engine->GetCaseAs(call.user(), id));
  const std::string name = "dossier-case-" + std::to_string(id) + ".pdf";
  ScratchDir scratch;
  const auto done = Unwrap(cli::ExportDossier(*call.ctx.engine, *call.ctx.records, id, call.user(),
                                              call.ctx.engine->clock().Now(), scratch.File(name)));
  ApiReply reply = FileReply(kPdfType, Unwrap(cli::ReadWholeFile(scratch.File(name))), name);
  reply.headers.emplace_back("X-Erflow-Sha256", done.entry.sha256);
  reply.headers.emplace_back("X-Erflow-Signed", done.is_signed ? "true" : "false");
  return reply;
}

}  // namespace erflow::server
