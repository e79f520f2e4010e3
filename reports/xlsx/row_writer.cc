// RowWriter: the cells of one register row (see row_writer.h).
// Thread rules: a short-lived local of the writing thread.
#include "row_writer.h"

#include "cell_text.h"
#include "excel_serial.h"

namespace erflow::reports {

RowWriter::RowWriter(lxw_worksheet* ws, lxw_row_t row, const RegisterFormats& formats,
                     const std::string& truncated_marker)
    : ws_(ws), row_(row), formats_(formats), truncated_marker_(truncated_marker) {}

void RowWriter::Text(lxw_col_t col, const std::string& value, lxw_format* format) {
  if (error_ != LXW_NO_ERROR || value.empty()) return;
  const std::string& fitted = FitCell(value, truncated_marker_, &scratch_);
  Keep(worksheet_write_string(ws_, row_, col, fitted.c_str(), format));
}

void RowWriter::Label(lxw_col_t col, const char* label, lxw_format* format) {
  if (error_ != LXW_NO_ERROR || label == nullptr || label[0] == '\0') return;
  Keep(worksheet_write_string(ws_, row_, col, label, format));
}

void RowWriter::Moment(lxw_col_t col, const std::optional<Instant>& value) {
  if (error_ != LXW_NO_ERROR || !value) return;
  Keep(worksheet_write_number(ws_, row_, col, ExcelSerialInChina(*value), formats_.moment));
}

void RowWriter::Day(lxw_col_t col, const std::optional<Instant>& value) {
  if (error_ != LXW_NO_ERROR || !value) return;
  Keep(worksheet_write_number(ws_, row_, col, ExcelDayInChina(*value), formats_.day));
}

void RowWriter::Number(lxw_col_t col, double value, lxw_format* format) {
  if (error_ != LXW_NO_ERROR) return;
  Keep(worksheet_write_number(ws_, row_, col, value, format));
}

}  // namespace erflow::reports
