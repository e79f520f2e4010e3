// Laying out one RecordDocument: the official form look — form label top-left, title
// centred, unit and number line, the label/value grid, the signature block — onto pages
// of a FlowLayout. Used alone for a record and in sequence for a dossier.
// Thread rules: pure functions over the flow they are given.
#pragma once

#include <string>

#include "erflow/reports/pdf/record_document.h"
#include "pdf/flow_layout.h"

namespace erflow::pdf {

constexpr double kBodySize = 10.5;  // 五号, the size of official forms' body text

// Starts a fresh page and lays the record out from there.
void LayoutRecord(const RecordDocument& record, FlowLayout* flow);

// A band of text across the whole content width: free-standing (a title, a note) or, with
// `grid`, one full-width cell (a section heading). Kept together on one page.
Band TextBand(const FlowLayout& flow, const std::string& text, double size, bool bold, Align align,
              bool grid = false);

// A label cell: wraps the label and sets "label（续）" as its continuation.
Cell LabelCell(const TextMeasure& measure, double x0, double x1, const std::string& label,
               double size);

}  // namespace erflow::pdf
