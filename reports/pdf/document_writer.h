// Writing laid-out pages as a PDF: one content stream per page, the subset CJK font
// embedded once (Type0 / CIDFontType2, Identity-H, with a ToUnicode map), page numbers
// "第 i 页 共 n 页", the footer note, bookmarks and the document information.
// Thread rules: a pure function; the font is only read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "erflow/instant.h"
#include "erflow/result.h"
#include "pdf/line_breaker.h"
#include "pdf/page_layout.h"

namespace erflow::pdf {

struct DocumentInfo {
  std::string title, author, subject, keywords;  // UTF-8
  std::optional<Instant> created;                // default: PoDoFo stamps "now"
};

struct LaidOutDocument {
  PageGeometry geometry;
  std::vector<PageLayout> pages;
  std::vector<Bookmark> bookmarks;
  DocumentInfo info;
};

Result<std::string> WritePdf(const LaidOutDocument& doc, const TextMeasure& measure);

// "D:20251014170000+08'00'", the PDF date form, in China Standard Time.
std::string PdfDateString(Instant t);

}  // namespace erflow::pdf
