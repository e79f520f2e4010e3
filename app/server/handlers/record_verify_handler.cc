// POST /api/v1/records/verify: the body is a PDF (a record or a dossier from the archive);
// the answer is `erflow verify --json`'s — the signatures (each valid and chained to a
// trusted CA) and the history (the file's SHA-256 held by a record's issuing event in an
// intact chain, or by the export log), each with its own verdict. Always 200 when the
// check ran: a failed verification is a result, not an error. The trusted CAs are
// records.ca_file, or else the roots of the imported signing keys' chains.
#include <set>

#include "erflow/authority.h"
#include "erflow/sha256.h"
#include "file_io.h"
#include "record_exports.h"
#include "server/api_error.h"
#include "server/handlers/handlers.h"

namespace erflow::server {
namespace {

std::string TrustedCas(const ServerContext& ctx) {
  if (!ctx.config->records_ca_file.empty())
    return Unwrap(cli::ReadWholeFile(ctx.config->records_ca_file));
  std::set<std::string> roots;
  for (const auto& k : Unwrap(ctx.engine->ListSigningKeys()))
    if (!k.chain_pems.empty()) roots.insert(k.chain_pems.back());
  std::string pem;
  for (const auto& r : roots) pem += r + (r.empty() || r.back() == '\n' ? "" : "\n");
  return pem;
}

}  // namespace

ApiReply RecordVerifyHandler::Serve(ApiCall& call) {
  ThrowIfError(Authorize(call.user(), Permission::kVerify));
  const std::string& pdf = call.body();
  if (pdf.compare(0, 5, "%PDF-") != 0)
    throw ApiError::InvalidField("body", "expected the bytes of a PDF file (starting with %PDF-)");
  const std::string cas = TrustedCas(call.ctx);
  if (cas.empty()) {
    // Nothing to check signatures against: say so as the signatures' verdict; the history
    // check still runs.
    cli::PdfCheck check;
    check.sha256 = Sha256Hex(pdf);
    check.signatures.file_size = pdf.size();
    check.signatures.problems.push_back(
        "no trusted CA certificate: set records.ca_file, or import users' signing keys with "
        "their CA chain");
    check.history = Unwrap(call.ctx.engine->TraceHash(check.sha256));
    return ApiReply::Ok(cli::PdfCheckJson(check));
  }
  return ApiReply::Ok(cli::PdfCheckJson(Unwrap(cli::CheckPdf(*call.ctx.engine, pdf, cas))));
}

}  // namespace erflow::server
