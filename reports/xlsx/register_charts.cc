// See register_charts.h. The data sheet holds two tables one above the other, months first,
// then deadline kinds, separated by a blank row; constant-memory mode wants rows written
// top to bottom, and this layout lets each table be written in one pass.
// Thread rules: runs inside Close(), on the writing thread.
#include "register_charts.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "xlsx_status.h"

namespace erflow::reports {
namespace {

const char* Text(Language lang, const char* zh, const char* en) {
  return lang == Language::kEnglish ? en : zh;
}

// Levels in the order the stacked columns show them, most severe at the bottom.
constexpr Level kLevelOrder[] = {Level::kI, Level::kII, Level::kIII, Level::kIV, Level::kUnrated};
constexpr lxw_color_t kLevelColours[] = {0xC00000, 0xED7D31, 0xFFC000, 0x4472C4, 0xA5A5A5};
constexpr DeadlineState kStateOrder[] = {DeadlineState::kMet, DeadlineState::kLate,
                                         DeadlineState::kMissed, DeadlineState::kPending,
                                         DeadlineState::kCancelled};

std::string MonthLabel(const RegisterStats::Month& m, Language lang) {
  if (m.year == 0) return Text(lang, "未记录日期", "No date");
  char buf[32];
  if (lang == Language::kEnglish) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", m.year, m.month);
  } else {
    std::snprintf(buf, sizeof buf, "%d年%d月", m.year, m.month);
  }
  return buf;
}

class DataSheetWriter {
 public:
  DataSheetWriter(lxw_worksheet* ws, const RegisterFormats& f) : ws_(ws), f_(f) {}
  void Text(lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* fmt = nullptr) {
    if (err_ == LXW_NO_ERROR) err_ = worksheet_write_string(ws_, r, c, s.c_str(), fmt);
  }
  void Number(lxw_row_t r, lxw_col_t c, double v, lxw_format* fmt) {
    if (err_ == LXW_NO_ERROR) err_ = worksheet_write_number(ws_, r, c, v, fmt);
  }
  lxw_error error() const { return err_; }
  const RegisterFormats& formats() const { return f_; }

 private:
  lxw_worksheet* ws_;
  const RegisterFormats& f_;
  lxw_error err_ = LXW_NO_ERROR;
};

lxw_error AddMonthChart(lxw_workbook* wb, lxw_worksheet* chart_ws, const char* data_name,
                        lxw_row_t last_row, const std::vector<bool>& level_used, Language lang) {
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN_STACKED);
  if (chart == nullptr) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  for (size_t i = 0; i < level_used.size(); ++i) {
    if (!level_used[i]) continue;
    lxw_col_t col = static_cast<lxw_col_t>(i + 1);
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, data_name, 1, 0, last_row, 0);
    chart_series_set_values(s, data_name, 1, col, last_row, col);
    chart_series_set_name_range(s, data_name, 0, col);
    lxw_chart_fill fill = {kLevelColours[i], 0, 0};
    chart_series_set_fill(s, &fill);
  }
  chart_title_set_name(chart, Text(lang, "各月事件数（按级别）", "Cases per month by level"));
  chart_axis_set_name(chart->x_axis, Text(lang, "月份", "Month"));
  chart_axis_set_name(chart->y_axis, Text(lang, "事件数", "Cases"));
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  lxw_chart_options opt = {};
  opt.x_scale = 1.8;
  opt.y_scale = 1.5;
  return worksheet_insert_chart_opt(chart_ws, 1, 1, chart, &opt);
}

lxw_error AddRateChart(lxw_workbook* wb, lxw_worksheet* chart_ws, const char* data_name,
                       lxw_row_t first_row, lxw_row_t last_row, lxw_col_t rate_col, Language lang) {
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
  if (chart == nullptr) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(s, data_name, first_row, 0, last_row, 0);
  chart_series_set_values(s, data_name, first_row, rate_col, last_row, rate_col);
  chart_series_set_name_range(s, data_name, first_row - 1, rate_col);
  chart_series_set_labels(s);
  chart_series_set_labels_num_format(s, "0.0%");
  chart_title_set_name(chart, Text(lang, "各类时限按时完成率", "On-time rate by deadline kind"));
  chart_axis_set_name(chart->x_axis, Text(lang, "时限类别", "Deadline kind"));
  chart_axis_set_min(chart->y_axis, 0);
  chart_axis_set_max(chart->y_axis, 1);
  chart_axis_set_num_format(chart->y_axis, "0%");
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  lxw_chart_options opt = {};
  opt.x_scale = 1.8;
  opt.y_scale = 1.5;
  return worksheet_insert_chart_opt(chart_ws, 25, 1, chart, &opt);
}

}  // namespace

Status WriteRegisterCharts(lxw_workbook* wb, const RegisterStats& stats, const RegisterFormats& f,
                           Language lang, const std::string& path) {
  const char* chart_name = Text(lang, "统计图", "Charts");
  const char* data_name = Text(lang, "统计数据", "Chart data");
  lxw_worksheet* chart_ws = workbook_add_worksheet(wb, chart_name);
  lxw_worksheet* data_ws = chart_ws ? workbook_add_worksheet(wb, data_name) : nullptr;
  if (data_ws == nullptr) {
    return Status::IOError(path + ": libxlsxwriter cannot add the chart sheets");
  }
  // The data sheet is a few hundred cells at most, so it alone is kept in memory: in
  // constant-memory mode libxlsxwriter cannot read rows back to cache chart data, and
  // without a cache it writes text categories as numeric references — readers without a
  // calculation engine (PowerPoint, previewers) then draw empty or numbered axes. The flag
  // is public in worksheet.h; it must change before the first cell is written.
  data_ws->optimize = LXW_FALSE;
  worksheet_gridlines(chart_ws, LXW_HIDE_ALL_GRIDLINES);
  worksheet_set_column(data_ws, 0, 0, 22, nullptr);
  worksheet_set_column(data_ws, 1, 7, 14, nullptr);

  DataSheetWriter w(data_ws, f);
  // Months: 月份 | Ⅰ级 … | 未定级 | 合计
  const std::vector<RegisterStats::Month> months = stats.Months();
  std::vector<bool> level_used(std::size(kLevelOrder), false);
  lxw_row_t row = 0;
  w.Text(row, 0, Text(lang, "月份", "Month"), f.header);
  for (size_t i = 0; i < std::size(kLevelOrder); ++i) {
    w.Text(row, static_cast<lxw_col_t>(i + 1), Label(kLevelOrder[i], lang), f.header);
  }
  lxw_col_t total_col = static_cast<lxw_col_t>(std::size(kLevelOrder) + 1);
  w.Text(row, total_col, Text(lang, "合计", "Total"), f.header);
  for (const RegisterStats::Month& m : months) {
    ++row;
    w.Text(row, 0, MonthLabel(m, lang));
    for (size_t i = 0; i < std::size(kLevelOrder); ++i) {
      uint64_t n = m.by_level[static_cast<size_t>(kLevelOrder[i])];
      // Unrated cases get a column always but a chart series only when there are any.
      if (n > 0 || kLevelOrder[i] != Level::kUnrated) level_used[i] = true;
      w.Number(row, static_cast<lxw_col_t>(i + 1), static_cast<double>(n), f.count);
    }
    w.Number(row, total_col, static_cast<double>(m.total()), f.count);
  }
  const lxw_row_t last_month_row = row;

  // Deadline kinds: 时限类别 | 按时 | 逾期完成 | 已逾期未完成 | 进行中 | 已取消 | 按时率
  row += 2;
  const lxw_row_t kind_header_row = row;
  w.Text(row, 0, Text(lang, "时限类别", "Deadline kind"), f.header);
  for (size_t i = 0; i < std::size(kStateOrder); ++i) {
    w.Text(row, static_cast<lxw_col_t>(i + 1), Label(kStateOrder[i], lang), f.header);
  }
  const lxw_col_t rate_col = static_cast<lxw_col_t>(std::size(kStateOrder) + 1);
  w.Text(row, rate_col, Text(lang, "按时率", "On-time rate"), f.header);
  for (const RegisterStats::Kind& k : stats.Kinds()) {
    ++row;
    w.Text(row, 0, k.other ? Text(lang, "其他", "Other") : k.label);
    for (size_t i = 0; i < std::size(kStateOrder); ++i) {
      uint64_t n = k.by_state[static_cast<size_t>(kStateOrder[i])];
      w.Number(row, static_cast<lxw_col_t>(i + 1), static_cast<double>(n), f.count);
    }
    // No deadline of the kind has come due yet: a blank, not a misleading 0%.
    if (auto rate = k.OnTimeRate()) w.Number(row, rate_col, *rate, f.percent);
  }
  const lxw_row_t last_kind_row = row;
  if (w.error() != LXW_NO_ERROR) return XlsxStatus(w.error(), path, "writing the chart data");

  lxw_error err = LXW_NO_ERROR;
  if (!months.empty()) {
    err = AddMonthChart(wb, chart_ws, data_name, last_month_row, level_used, lang);
  }
  if (err == LXW_NO_ERROR && !stats.Kinds().empty()) {
    err = AddRateChart(wb, chart_ws, data_name, kind_header_row + 1, last_kind_row, rate_col, lang);
  }
  if (err != LXW_NO_ERROR) return XlsxStatus(err, path, "adding the charts");
  if (months.empty() && stats.Kinds().empty()) {
    err = worksheet_write_string(
        chart_ws, 0, 0, Text(lang, "本台账没有事件和时限，无图表。", "No cases or deadlines."),
        nullptr);
    if (err != LXW_NO_ERROR) return XlsxStatus(err, path, "writing the chart sheet");
  }
  return Status::Ok();
}

}  // namespace erflow::reports
