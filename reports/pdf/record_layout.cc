// LayoutRecord; see record_layout.h.
#include "pdf/record_layout.h"

#include <algorithm>

#include "erflow/time_format.h"
#include "pdf/utf8.h"

namespace erflow::pdf {
namespace {

constexpr double kTitleSize = 18.0, kSubtitleSize = 12.0, kRunningHeadSize = 9.0;
constexpr double kLabelWidth = 100.0;  // ~8 characters of 五号 per line

std::u32string U(const std::string& s) {
  return DecodeUtf8Lossy(s);
}

Band LabelValueRow(const FlowLayout& flow, const RecordRow& row) {
  const PageGeometry& g = flow.geometry();
  const TextMeasure& m = flow.measure();
  Band band;
  band.size = kBodySize;
  const size_t k = std::max<size_t>(1, row.fields.size());
  const double pair_w = g.content_width() / k;
  const double label_w = std::min(kLabelWidth, pair_w * 0.42);
  for (size_t i = 0; i < row.fields.size(); ++i) {
    const double x0 = g.left + pair_w * i;
    const double x1 = i + 1 == k ? g.width - g.right : x0 + pair_w;
    band.cells.push_back(LabelCell(m, x0, x0 + label_w, row.fields[i].label, kBodySize));
    band.cells.push_back(
        MakeCell(m, x0 + label_w, x1, U(row.fields[i].value), kBodySize, /*grid=*/true));
  }
  band.min_height = BandHeight(kBodySize, std::max(1, row.min_lines));
  return band;
}

Band FullWidthRow(const FlowLayout& flow, const RecordRow& row) {
  const PageGeometry& g = flow.geometry();
  const TextMeasure& m = flow.measure();
  const RecordField& f = row.fields.front();
  const double x0 = g.left, x1 = g.width - g.right;
  Cell cell = MakeCell(m, x0, x1, U(f.label + "："), kBodySize, true);
  cell.head_lines = cell.lines.size();
  cell.continuation_head = MakeCell(m, x0, x1, U(f.label + "（续）："), kBodySize, true).lines;
  Cell body = MakeCell(m, x0, x1, U(f.value), kBodySize, true);
  cell.lines.insert(cell.lines.end(), body.lines.begin(), body.lines.end());
  Band band;
  band.size = kBodySize;
  band.cells.push_back(std::move(cell));
  // min_lines counts the text lines below the label.
  band.min_height = BandHeight(kBodySize, band.cells[0].head_lines + std::max(1, row.min_lines));
  return band;
}

Band HeadingRow(const FlowLayout& flow, const std::string& heading) {
  Band band = TextBand(flow, heading, kBodySize, true, Align::kCenter, /*grid=*/true);
  band.keep_with_next = true;
  return band;
}

// "单位名称：…" left and "编号：…" right on one line (either may be absent).
Band UnitLine(const FlowLayout& flow, const RecordDocument& r, double size) {
  const PageGeometry& g = flow.geometry();
  const double split = g.left + g.content_width() * 0.62;
  Band band;
  band.size = size;
  band.grid = false;
  if (!r.unit_name.empty()) {
    band.cells.push_back(
        MakeCell(flow.measure(), g.left, split, U("单位名称：" + r.unit_name), size, false));
  }
  if (!r.document_number.empty()) {
    band.cells.push_back(MakeCell(flow.measure(), split, g.width - g.right,
                                  U("编号：" + r.document_number), size, false, Align::kRight));
  }
  return band;
}

void SignatureBlock(const RecordDocument& r, FlowLayout* flow) {
  if (r.signatures.empty()) return;
  const PageGeometry& g = flow->geometry();
  const TextMeasure& m = flow->measure();
  const double x0 = g.left, x4 = g.width - g.right;
  const double x1 = x0 + 120, x3 = x4 - 150, x2 = x3 - 70;
  flow->AddGap(12);
  for (const SignatureSlot& s : r.signatures) {
    Band band;
    band.size = kBodySize;
    band.keep_together = true;
    band.min_height = BandHeight(kBodySize, 2);  // room for a hand signature on paper
    band.cells.push_back(LabelCell(m, x0, x1, s.role, kBodySize));
    band.cells.push_back(MakeCell(m, x1, x2, U(s.signer_name), kBodySize, true));
    band.cells.push_back(LabelCell(m, x2, x3, "签署日期", kBodySize));
    band.cells.push_back(MakeCell(
        m, x3, x4, U(s.signed_at ? FormatChineseDateTime(*s.signed_at) : ""), kBodySize, true));
    flow->AddBand(band);
  }
}

}  // namespace

Band TextBand(const FlowLayout& flow, const std::string& text, double size, bool bold, Align align,
              bool grid) {
  const PageGeometry& g = flow.geometry();
  Band band;
  band.size = size;
  band.bold = bold;
  band.grid = grid;
  band.keep_together = true;
  band.cells.push_back(
      MakeCell(flow.measure(), g.left, g.width - g.right, U(text), size, grid, align));
  return band;
}

Cell LabelCell(const TextMeasure& measure, double x0, double x1, const std::string& label,
               double size) {
  Cell cell = MakeCell(measure, x0, x1, U(label), size, true);
  cell.head_lines = cell.lines.size();
  cell.continuation_head = MakeCell(measure, x0, x1, U(label + "（续）"), size, true).lines;
  return cell;
}

void LayoutRecord(const RecordDocument& r, FlowLayout* flow) {
  flow->SetContinuationBands({});
  flow->StartPage();
  flow->SetFooterNote(U(r.footer_note));
  if (!r.form_label.empty()) {
    flow->AddBand(TextBand(*flow, r.form_label, kBodySize, false, Align::kLeft));
  }
  flow->AddBand(TextBand(*flow, r.title, kTitleSize, true, Align::kCenter));
  if (!r.subtitle.empty()) {
    flow->AddBand(TextBand(*flow, r.subtitle, kSubtitleSize, false, Align::kCenter));
  }
  flow->AddGap(6);
  if (!r.unit_name.empty() || !r.document_number.empty()) {
    flow->AddBand(UnitLine(*flow, r, kBodySize));
  }
  if (!r.filing_number.empty()) {
    flow->AddBand(TextBand(*flow, "备案编号: " + r.filing_number, kBodySize, false, Align::kRight));
  }
  flow->AddGap(4);

  // Pages the table overflows onto say whose continuation they are.
  const PageGeometry& g = flow->geometry();
  Band running;
  running.size = kRunningHeadSize;
  running.grid = false;
  running.cells.push_back(MakeCell(flow->measure(), g.left, g.left + g.content_width() * 0.62,
                                   U(r.title + "（续）"), kRunningHeadSize, false));
  if (!r.document_number.empty()) {
    running.cells.push_back(MakeCell(flow->measure(), g.left + g.content_width() * 0.62,
                                     g.width - g.right, U("编号：" + r.document_number),
                                     kRunningHeadSize, false, Align::kRight));
  }
  flow->SetContinuationBands({running});

  for (const RecordSection& section : r.sections) {
    if (!section.heading.empty()) flow->AddBand(HeadingRow(*flow, section.heading));
    for (const RecordRow& row : section.rows) {
      if (row.fields.empty()) continue;
      flow->AddBand(row.layout == RecordRow::Layout::kFullWidth ? FullWidthRow(*flow, row)
                                                                : LabelValueRow(*flow, row));
    }
  }
  SignatureBlock(r, flow);
  flow->SetContinuationBands({});
}

}  // namespace erflow::pdf
