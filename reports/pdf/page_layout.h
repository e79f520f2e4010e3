// PageLayout: what goes on one page, in points from the bottom-left corner, after layout
// and before it becomes a PDF content stream. Layout code produces these; the document
// writer turns them into pages (and adds the page numbers, which need the page count).
// Thread rules: plain values.
#pragma once

#include <string>
#include <vector>

namespace erflow::pdf {

struct TextOp {
  double x = 0, y = 0;  // start of the baseline
  double size = 10.5;
  bool bold = false;  // drawn with a thin outline: the font has no bold face
  std::u32string text;
  // Extra points after each space. Text extractors (pdftotext) drop a plain space between
  // CJK characters, so "第 1 页 共 3 页" needs wider gaps to read back with its spaces.
  double space_extra = 0;
};

struct LineOp {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.6;
};

struct BoxOp {  // a stroked rectangle: one table cell
  double x = 0, y = 0, w = 0, h = 0;
  double width = 0.6;
};

struct PageLayout {
  std::vector<TextOp> texts;
  std::vector<LineOp> lines;
  std::vector<BoxOp> boxes;
  std::u32string footer_note;  // printed above the page number
};

// A4 portrait with 2 cm side margins; the bottom margin leaves room for the footer.
struct PageGeometry {
  double width = 595.28, height = 841.89;
  double left = 56.7, right = 56.7, top = 56.7, bottom = 70.0;
  double content_width() const { return width - left - right; }
};

// An entry of the PDF outline (bookmarks panel).
struct Bookmark {
  std::string title;  // UTF-8
  size_t page = 0;    // 0-based
};

}  // namespace erflow::pdf
