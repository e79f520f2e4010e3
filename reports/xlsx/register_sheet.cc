// See register_sheet.h. In constant-memory mode libxlsxwriter flushes a row as soon as a
// later row is touched, so everything that belongs to the title and header rows (row
// heights, their cells) is written before the first data row; the autofilter and panes are
// sheet-level settings and can be set at any time before the workbook closes.
// Thread rules: as register_sheet.h.
#include "register_sheet.h"

#include <algorithm>
#include <utility>

#include "xlsx_status.h"

namespace erflow::reports {

RegisterSheet::RegisterSheet(lxw_workbook* wb, Setup setup) : wb_(wb), setup_(std::move(setup)) {
  uint32_t excel_room = kExcelMaxRows - (header_row() + 1);
  rows_per_worksheet_ =
      setup_.max_rows_per_sheet == 0 ? excel_room : std::min(setup_.max_rows_per_sheet, excel_room);
}

Status RegisterSheet::Start() {
  return AddWorksheet();
}

Status RegisterSheet::AddWorksheet() {
  const SheetLayout& layout = *setup_.layout;
  std::string name = layout.Name(setup_.language);
  if (worksheet_count_ > 0) name += " (" + std::to_string(worksheet_count_ + 1) + ")";
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (ws == nullptr) {
    return Status::IOError(setup_.path + ": libxlsxwriter cannot add worksheet " + name);
  }
  if (!ws->optimize) {
    // libxlsxwriter could not open the worksheet's temporary file and quietly went back to
    // holding every row in memory: for a large register that ends in an out-of-memory
    // kill, so refuse now.
    return Status::IOError(setup_.path + ": cannot create a temporary file in /tmp for worksheet " +
                           name + " (constant-memory mode needs one)");
  }
  ws_ = ws;
  ++worksheet_count_;
  rows_in_ws_ = 0;

  const std::string doing = "writing the header of " + name;
  const RegisterFormats& f = *setup_.formats;
  lxw_row_t header = header_row();
  for (uint16_t c = 0; c < layout.column_count; ++c) {
    lxw_error err = worksheet_set_column(ws, c, c, layout.columns[c].width, nullptr);
    if (err != LXW_NO_ERROR) return XlsxStatus(err, setup_.path, doing);
  }
  if (!setup_.title.empty()) {
    lxw_error err = worksheet_set_row(ws, 0, 22, nullptr);
    if (err == LXW_NO_ERROR) err = worksheet_write_string(ws, 0, 0, setup_.title.c_str(), f.title);
    if (err != LXW_NO_ERROR) return XlsxStatus(err, setup_.path, doing);
  }
  for (uint16_t c = 0; c < layout.column_count; ++c) {
    const char* text = SheetLayout::Header(layout.columns[c], setup_.language);
    lxw_error err = worksheet_write_string(ws, header, c, text, f.header);
    if (err != LXW_NO_ERROR) return XlsxStatus(err, setup_.path, doing);
  }
  worksheet_freeze_panes(ws, header + 1, 0);
  return Status::Ok();
}

Status RegisterSheet::NextRow(lxw_worksheet** ws, lxw_row_t* row) {
  if (rows_in_ws_ == rows_per_worksheet_) {
    ERFLOW_RETURN_IF_ERROR(FinishWorksheet());
    ERFLOW_RETURN_IF_ERROR(AddWorksheet());
  }
  *ws = ws_;
  *row = header_row() + 1 + rows_in_ws_;
  ++rows_in_ws_;
  ++rows_;
  return Status::Ok();
}

Status RegisterSheet::FinishWorksheet() {
  lxw_row_t header = header_row();
  lxw_error err = worksheet_autofilter(ws_, header, 0, header + rows_in_ws_,
                                       static_cast<lxw_col_t>(setup_.layout->column_count - 1));
  if (err != LXW_NO_ERROR) return XlsxStatus(err, setup_.path, "setting the autofilter");
  return Status::Ok();
}

Status RegisterSheet::Finish() {
  return FinishWorksheet();
}

}  // namespace erflow::reports
