// RenderRecordPdf and RenderDossierPdf; see erflow/reports/pdf/renderer.h.
#include "erflow/reports/pdf/renderer.h"

#include "pdf/coverage_check.h"
#include "pdf/document_writer.h"
#include "pdf/dossier_layout.h"
#include "pdf/record_layout.h"

namespace erflow::pdf {

Result<std::string> RenderRecordPdf(const RecordDocument& record, const CjkFont& font) {
  ERFLOW_RETURN_IF_ERROR(CheckRecord(record, font));
  const TextMeasure measure(font.true_type());
  LaidOutDocument doc;
  FlowLayout flow(doc.geometry, measure);
  LayoutRecord(record, &flow);
  doc.pages = flow.TakePages();
  doc.info.title = record.title;
  doc.info.author = record.author;
  doc.info.subject = record.subject;
  doc.info.created = record.created_at;
  return WritePdf(doc, measure);
}

Result<std::string> RenderDossierPdf(const Dossier& dossier, const CjkFont& font) {
  ERFLOW_RETURN_IF_ERROR(CheckDossier(dossier, font));
  const TextMeasure measure(font.true_type());
  return WritePdf(LayoutDossier(dossier, measure), measure);
}

}  // namespace erflow::pdf
