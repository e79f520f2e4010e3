// PdfRecordIssuer; see pdf_record_issuer.h.
#include "erflow/reports/records/pdf_record_issuer.h"

#include "erflow/reports/pdf/renderer.h"
#include "erflow/reports/pdf/signer.h"
#include "erflow/reports/records/key_material.h"
#include "erflow/reports/records/record_content.h"

namespace erflow::records {

Result<std::shared_ptr<PdfRecordIssuer>> PdfRecordIssuer::Create(const std::string& templates_dir) {
  ERFLOW_ASSIGN_OR_RETURN(RecordTemplates templates, RecordTemplates::LoadDir(templates_dir));
  return std::shared_ptr<PdfRecordIssuer>(new PdfRecordIssuer(std::move(templates)));
}

Result<std::shared_ptr<const pdf::CjkFont>> PdfRecordIssuer::Font() const {
  std::lock_guard<std::mutex> lock(font_mu_);
  if (!font_) {
    ERFLOW_ASSIGN_OR_RETURN(font_, pdf::CjkFont::LoadDefault());
  }
  return font_;
}

Result<std::string> PdfRecordIssuer::Issue(const RecordRequest& request) const {
  RecordContext ctx;
  ctx.definition = request.definition;
  ctx.state = request.state;
  ctx.task = request.task;
  ctx.kind = request.kind;
  ctx.seq = request.seq;
  ctx.signatures = SignatureLinesOf(request.signers);
  ctx.issued_at = request.now;
  ERFLOW_ASSIGN_OR_RETURN(pdf::RecordDocument doc, BuildRecordDocument(ctx, templates_));
  ERFLOW_ASSIGN_OR_RETURN(auto font, Font());
  ERFLOW_ASSIGN_OR_RETURN(std::string pdf, pdf::RenderRecordPdf(doc, *font));
  for (const auto& signer : request.signers) {
    if (!signer.key) continue;  // the record says so in its signature block
    const pdf::SigningKey key = SigningKeyOf(*signer.key);
    pdf::SignatureRequest req;
    req.signer_name = signer.display_name;
    req.reason = signer.reason;
    req.location = signer.unit;
    req.signing_time = request.now;
    auto signed_pdf = pdf::SignPdf(pdf, key, req);
    if (!signed_pdf.ok())
      return signed_pdf.status().WithContext("signing as " + signer.display_name + " (" +
                                             signer.user + ")");
    pdf = std::move(*signed_pdf);
  }
  return pdf;
}

}  // namespace erflow::records
