// LayoutDossier; see dossier_layout.h. The contents table needs each part's first page,
// which is known only after the parts are laid out: the layout runs twice, the second
// time with the page numbers the first found (numbers never change the cover's length).
#include "pdf/dossier_layout.h"

#include "erflow/time_format.h"
#include "pdf/record_layout.h"
#include "pdf/utf8.h"

namespace erflow::pdf {
namespace {

constexpr double kHistorySize = 8.0;

std::u32string U(const std::string& s) {
  return DecodeUtf8Lossy(s);
}

struct Column {
  const char* title;
  double width;
};
// seq | time | who | what | old → new | hash; widths sum to the A4 content width.
const Column kColumns[] = {{"序号", 26},
                           {"时间", 74},
                           {"操作人·角色·单位", 78},
                           {"操作", 74},
                           {"变更（原值 → 新值）", 126.88},
                           {"哈希", 103}};

Band HistoryRow(const FlowLayout& flow, const std::vector<std::u32string>& texts, bool header) {
  Band band;
  band.size = kHistorySize;
  band.bold = header;
  double x = flow.geometry().left;
  for (size_t i = 0; i < texts.size(); ++i) {
    const double w = kColumns[i].width;
    band.cells.push_back(MakeCell(flow.measure(), x, x + w, texts[i], kHistorySize, true,
                                  header ? Align::kCenter : Align::kLeft));
    x += w;
  }
  // A history entry is short: keep it on one page unless it is taller than a page.
  band.keep_together = true;
  return band;
}

std::vector<std::u32string> HistoryTexts(const HistoryEntry& h) {
  std::string who = h.actor;
  if (!h.role.empty()) who += "\n" + h.role;
  if (!h.unit.empty()) who += "\n" + h.unit;
  std::string what = h.action;
  if (!h.note.empty()) what += "\n" + h.note;
  std::string change;
  for (const HistoryChange& c : h.changes) {
    if (!change.empty()) change += "\n";
    change += c.field + "：" + (c.old_value.empty() ? "（空）" : c.old_value) + " → " +
              (c.new_value.empty() ? "（空）" : c.new_value);
  }
  std::string hash = h.hash;
  if (!h.prev_hash.empty()) hash += "\n前：" + h.prev_hash;
  return {U(std::to_string(h.seq)),
          U(FormatChineseDateTime(h.time)),
          U(who),
          U(what),
          U(change),
          U(hash)};
}

void Cover(const Dossier& d, const std::vector<size_t>& starts, FlowLayout* flow) {
  const PageGeometry& g = flow->geometry();
  const TextMeasure& m = flow->measure();
  flow->SetContinuationBands({});
  flow->StartPage();
  flow->SetFooterNote(U(d.footer_note));
  flow->AddGap(40);
  flow->AddBand(TextBand(*flow, d.title, 22, true, Align::kCenter));
  if (!d.subtitle.empty()) flow->AddBand(TextBand(*flow, d.subtitle, 14, false, Align::kCenter));
  flow->AddGap(24);
  for (const RecordField& f : d.cover_fields) {
    Band band;
    band.size = kBodySize;
    band.cells.push_back(LabelCell(m, g.left, g.left + 100, f.label, kBodySize));
    band.cells.push_back(MakeCell(m, g.left + 100, g.width - g.right, U(f.value), kBodySize, true));
    flow->AddBand(band);
  }
  flow->AddGap(24);
  flow->AddBand(TextBand(*flow, "目  录", 14, true, Align::kCenter));
  flow->AddGap(6);
  auto row = [&](const std::string& no, const std::string& title, const std::string& page,
                 bool header) {
    Band band;
    band.size = kBodySize;
    band.bold = header;
    const double x0 = g.left, x1 = x0 + 40, x3 = g.width - g.right, x2 = x3 - 60;
    band.cells.push_back(MakeCell(m, x0, x1, U(no), kBodySize, true, Align::kCenter));
    band.cells.push_back(MakeCell(m, x1, x2, U(title), kBodySize, true));
    band.cells.push_back(MakeCell(m, x2, x3, U(page), kBodySize, true, Align::kCenter));
    return band;
  };
  const Band header = row("序号", "记录", "页码", true);
  flow->AddBand(header);
  flow->SetContinuationBands({header});
  for (size_t i = 0; i < d.records.size(); ++i) {
    flow->AddBand(
        row(std::to_string(i + 1), d.records[i].title, std::to_string(starts[i] + 1), false));
  }
  flow->AddBand(row(std::to_string(d.records.size() + 1), d.history_title,
                    std::to_string(starts[d.records.size()] + 1), false));
}

}  // namespace

LaidOutDocument LayoutDossier(const Dossier& d, const TextMeasure& m) {
  std::vector<size_t> starts(d.records.size() + 1, 0);
  LaidOutDocument out;
  for (int pass = 0; pass < 2; ++pass) {
    FlowLayout flow(out.geometry, m);
    Cover(d, starts, &flow);
    std::vector<size_t> found(starts.size(), 0);
    for (size_t i = 0; i < d.records.size(); ++i) {
      flow.SetContinuationBands({});
      flow.StartPage();
      found[i] = flow.page_index();
      LayoutRecord(d.records[i], &flow);
    }
    // The appendix: a table whose column header starts every page.
    flow.SetContinuationBands({});
    flow.StartPage();
    found[d.records.size()] = flow.page_index();
    flow.SetFooterNote(U(d.footer_note));
    flow.AddBand(TextBand(flow, d.history_title, 14, true, Align::kCenter));
    flow.AddGap(6);
    std::vector<std::u32string> titles;
    for (const Column& c : kColumns) titles.push_back(U(c.title));
    const Band header = HistoryRow(flow, titles, true);
    flow.AddBand(header);
    flow.SetContinuationBands({header});
    if (d.history.empty()) {
      flow.AddBand(TextBand(flow, "（无记录）", kBodySize, false, Align::kCenter));
    }
    for (const HistoryEntry& h : d.history) flow.AddBand(HistoryRow(flow, HistoryTexts(h), false));
    starts = found;
    out.pages = flow.TakePages();
  }
  out.bookmarks.push_back({"封面与目录", 0});
  for (size_t i = 0; i < d.records.size(); ++i) {
    out.bookmarks.push_back({d.records[i].title, starts[i]});
  }
  out.bookmarks.push_back({d.history_title, starts[d.records.size()]});
  out.info.title = d.title + (d.subtitle.empty() ? "" : " — " + d.subtitle);
  out.info.author = d.author;
  out.info.created = d.created_at;
  return out;
}

}  // namespace erflow::pdf
