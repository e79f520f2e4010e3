// FlowLayout: pagination of bands; see flow_layout.h.
#include "pdf/flow_layout.h"

#include <algorithm>
#include <cmath>

namespace erflow::pdf {
namespace {

constexpr double kNextSize = 10.5;  // assumed size of what follows a keep_with_next band

double Leading(double size) {
  return size * 1.5;
}
double PadY(double size) {
  return size * 0.3;
}

// Lines a band of this size can hold within `height` points.
size_t LinesWithin(double height, double size) {
  const double usable = height - 2 * PadY(size);
  if (usable <= 0) return 0;
  return static_cast<size_t>(std::floor(usable / Leading(size) + 1e-6));
}

}  // namespace

double BandHeight(double size, size_t lines) {
  return lines * Leading(size) + 2 * PadY(size);
}

size_t Band::line_count() const {
  size_t n = 0;
  for (const Cell& c : cells) n = std::max(n, c.lines.size());
  return n;
}

Cell MakeCell(const TextMeasure& measure, double x0, double x1, const std::u32string& text,
              double size, bool grid, Align align) {
  Cell cell;
  cell.x0 = x0;
  cell.x1 = x1;
  cell.align = align;
  const double pad = grid ? kCellPadX : 0;
  cell.lines = WrapText(measure, text, size, std::max(size, x1 - x0 - 2 * pad));
  return cell;
}

FlowLayout::FlowLayout(const PageGeometry& geometry, const TextMeasure& measure)
    : geometry_(geometry), measure_(measure) {}

double FlowLayout::Height(const Band& band, size_t lines) const {
  return std::max(band.min_height, BandHeight(band.size, lines));
}

void FlowLayout::NewPage() {
  pages_.emplace_back();
  pages_.back().footer_note = footer_note_;
  y_ = geometry_.height - geometry_.top;
  page_has_body_ = false;
}

void FlowLayout::StartPage() {
  if (!pages_.empty() && !page_has_body_ && pages_.back().texts.empty() &&
      pages_.back().boxes.empty()) {
    return;
  }
  NewPage();
}

void FlowLayout::OverflowPage() {
  NewPage();
  for (const Band& b : continuation_) Place(b);
  page_has_body_ = false;
}

void FlowLayout::SetFooterNote(const std::u32string& note) {
  footer_note_ = note;
  if (!pages_.empty()) pages_.back().footer_note = note;
}

double FlowLayout::FreshPageSpace() const {
  double h = geometry_.height - geometry_.top - geometry_.bottom;
  for (const Band& b : continuation_) h -= Height(b, b.line_count());
  return h;
}

void FlowLayout::AddGap(double points) {
  if (pages_.empty()) NewPage();
  y_ -= points;
}

void FlowLayout::AddBand(const Band& band) {
  if (pages_.empty()) NewPage();
  Band rest = band;
  for (int guard = 0; guard < 100000; ++guard) {
    const double avail = y_ - geometry_.bottom;
    const double need = Height(rest, rest.line_count());
    const double next = rest.keep_with_next ? BandHeight(kNextSize, 2) : 0;
    if (need + next <= avail + 1e-6 || (need <= avail + 1e-6 && !page_has_body_)) {
      Place(rest);
      return;
    }
    const size_t fit = LinesWithin(avail, rest.size);
    const bool fits_fresh_page = need <= FreshPageSpace() + 1e-6;
    // Move to a new page rather than split when the band would fit there whole and is
    // meant to stay together or is short, or when too little of it fits here.
    if (page_has_body_ &&
        ((fits_fresh_page && (rest.keep_together || rest.line_count() <= 3)) || fit < 2)) {
      OverflowPage();
      continue;
    }
    if (fit == 0 || fit >= rest.line_count()) {  // nothing to split by: place as it is
      Place(rest);
      return;
    }
    Band first = rest, second = rest;
    for (size_t i = 0; i < rest.cells.size(); ++i) {
      const Cell& c = rest.cells[i];
      Cell& a = first.cells[i];
      Cell& b = second.cells[i];
      a.lines.assign(c.lines.begin(), c.lines.begin() + std::min(fit, c.lines.size()));
      b.lines = c.head_lines > 0 ? c.continuation_head : std::vector<std::u32string>{};
      const size_t from = std::max(fit, c.head_lines);
      if (from < c.lines.size())
        b.lines.insert(b.lines.end(), c.lines.begin() + from, c.lines.end());
      b.head_lines = c.head_lines > 0 ? c.continuation_head.size() : 0;
    }
    first.min_height = 0;
    second.min_height = 0;
    Place(first);
    OverflowPage();
    rest = std::move(second);
  }
}

void FlowLayout::Place(const Band& band) {
  if (pages_.empty()) NewPage();
  PageLayout& page = pages_.back();
  const size_t n = band.line_count();
  const double h = Height(band, n);
  const double leading = Leading(band.size), pad = PadY(band.size);
  for (const Cell& cell : band.cells) {
    if (band.grid) page.boxes.push_back({cell.x0, y_ - h, cell.x1 - cell.x0, h, 0.6});
    const double inset = band.grid ? kCellPadX : 0;
    for (size_t i = 0; i < cell.lines.size(); ++i) {
      const std::u32string& line = cell.lines[i];
      if (line.empty()) continue;
      // Centre the glyphs (which sit ~0.38 em above the baseline) in the line's box.
      const double baseline = y_ - pad - i * leading - leading / 2 - band.size * 0.38;
      double x = cell.x0 + inset;
      if (cell.align != Align::kLeft) {
        const double w = measure_.Width(line, band.size);
        x = cell.align == Align::kCenter ? (cell.x0 + cell.x1 - w) / 2 : cell.x1 - inset - w;
      }
      page.texts.push_back({x, baseline, band.size, band.bold, line});
    }
  }
  y_ -= h;
  page_has_body_ = true;
}

}  // namespace erflow::pdf
