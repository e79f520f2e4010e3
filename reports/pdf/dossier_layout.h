// Laying out a Dossier: the cover with its contents table, each record from a new page,
// and the history appendix as a table whose header repeats on every page.
// Thread rules: a pure function.
#pragma once

#include "erflow/reports/pdf/record_document.h"
#include "pdf/document_writer.h"
#include "pdf/line_breaker.h"

namespace erflow::pdf {

LaidOutDocument LayoutDossier(const Dossier& dossier, const TextMeasure& measure);

}  // namespace erflow::pdf
