// RowWriter: writes the cells of one register row. Missing values (empty text, no moment)
// leave the cell empty so Excel's filters show them as (Blanks), not as 0 or 1900-01-00.
// The first libxlsxwriter error is kept and the rest of the row is skipped.
// Thread rules: a short-lived local of the writing thread.
#pragma once

#include <optional>
#include <string>

#include <xlsxwriter.h>

#include "erflow/instant.h"
#include "register_formats.h"

namespace erflow::reports {

class RowWriter {
 public:
  // `truncated_marker` ends text cut to fit a cell (see cell_text.h).
  RowWriter(lxw_worksheet* ws, lxw_row_t row, const RegisterFormats& formats,
            const std::string& truncated_marker);

  // REQUIRES: value is valid UTF-8 (RowCheck).
  void Text(lxw_col_t col, const std::string& value, lxw_format* format = nullptr);
  // For labels from our own tables.
  void Label(lxw_col_t col, const char* label, lxw_format* format = nullptr);
  // Date and time of day in China.
  void Moment(lxw_col_t col, const std::optional<Instant>& value);
  // China calendar day only.
  void Day(lxw_col_t col, const std::optional<Instant>& value);
  void Number(lxw_col_t col, double value, lxw_format* format);

  lxw_error error() const { return error_; }

 private:
  void Keep(lxw_error err) {
    if (error_ == LXW_NO_ERROR) error_ = err;
  }

  lxw_worksheet* ws_;
  lxw_row_t row_;
  const RegisterFormats& formats_;
  const std::string& truncated_marker_;
  std::string scratch_;
  lxw_error error_ = LXW_NO_ERROR;
};

}  // namespace erflow::reports
