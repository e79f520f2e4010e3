// Rendering records and dossiers to PDF bytes (unsigned; sign with SignPdf in signer.h).
//
// A4, title centred, a grid of label/value cells whose long text wraps inside the cell
// and continues on the next page with the grid redrawn, dates as `2025年10月14日 17:00`,
// `第 1 页 共 3 页` page numbers, a signature block, an optional filing-number line. Text
// is drawn with the subset-embedded CjkFont (Identity-H); a character the font cannot
// show makes the call fail with InvalidArgument naming the field and the characters —
// the PDF is never produced with a blank where text should be.
//
// Thread rules: re-entrant; render from as many threads as you like with one shared font.
#pragma once

#include <string>

#include "erflow/reports/pdf/cjk_font.h"
#include "erflow/reports/pdf/record_document.h"
#include "erflow/result.h"

namespace erflow::pdf {

// One record, e.g. an initial report (附件二) or a result report (附件三).
Result<std::string> RenderRecordPdf(const RecordDocument& record, const CjkFont& font);

// A case dossier: cover with contents, each record from a new page, then the history
// appendix (seq, time, who/role/unit, what, old → new, hash) whose header row repeats on
// every page. Bookmarks point at each part; page numbers run across the whole dossier.
Result<std::string> RenderDossierPdf(const Dossier& dossier, const CjkFont& font);

}  // namespace erflow::pdf
