// FlowLayout: stacks bands (rows of table cells, or free lines of text) down A4 pages,
// starting a new page when one is full. A band taller than the space left is split
// between lines: the cells continue on the next page with the grid redrawn, a label
// cell shows "label（续）" there, and pages begun by overflow first repeat the
// continuation bands (a running header, a table's column header).
// Thread rules: one FlowLayout per document being laid out.
#pragma once

#include <string>
#include <vector>

#include "pdf/line_breaker.h"
#include "pdf/page_layout.h"

namespace erflow::pdf {

enum class Align { kLeft, kCenter, kRight };

// Horizontal padding inside a grid cell, in points.
constexpr double kCellPadX = 4.0;

struct Cell {
  double x0 = 0, x1 = 0;  // column edges
  std::vector<std::u32string> lines;
  // The first `head_lines` lines are the cell's label; on a continuation page they are
  // replaced by `continuation_head` ("简要描述（续）").
  size_t head_lines = 0;
  std::vector<std::u32string> continuation_head;
  Align align = Align::kLeft;
};

struct Band {
  std::vector<Cell> cells;
  double size = 10.5;  // font size of every line in the band
  bool bold = false;
  bool grid = true;             // stroke each cell's border
  bool keep_together = false;   // start a new page rather than split, if it fits one
  bool keep_with_next = false;  // a heading: not alone at the foot of a page
  double min_height = 0;
  size_t line_count() const;
};

// Wraps `text` for a cell spanning x0..x1 of a band with the given grid and size.
Cell MakeCell(const TextMeasure& measure, double x0, double x1, const std::u32string& text,
              double size, bool grid, Align align = Align::kLeft);

// Height of a band of `lines` lines at `size` points (padding included).
double BandHeight(double size, size_t lines);

class FlowLayout {
 public:
  FlowLayout(const PageGeometry& geometry, const TextMeasure& measure);

  // Begins a fresh page (unless the current one is still empty). No continuation bands.
  void StartPage();
  // Bands repeated at the top of every page that overflow starts, from now on.
  void SetContinuationBands(std::vector<Band> bands) { continuation_ = std::move(bands); }
  // The footer note of the current page and of pages started from now on.
  void SetFooterNote(const std::u32string& note);
  void AddBand(const Band& band);
  void AddGap(double points);

  size_t page_index() const { return pages_.empty() ? 0 : pages_.size() - 1; }
  const PageGeometry& geometry() const { return geometry_; }
  const TextMeasure& measure() const { return measure_; }
  std::vector<PageLayout> TakePages() { return std::move(pages_); }

 private:
  double Height(const Band& band, size_t lines) const;
  void NewPage();
  void OverflowPage();
  void Place(const Band& band);
  // Free height on a page that overflow starts, after its continuation bands.
  double FreshPageSpace() const;

  PageGeometry geometry_;
  const TextMeasure& measure_;
  std::vector<PageLayout> pages_;
  std::vector<Band> continuation_;
  std::u32string footer_note_;
  double y_ = 0;                // top of the free space on the current page
  bool page_has_body_ = false;  // anything but continuation bands placed on this page
};

}  // namespace erflow::pdf
