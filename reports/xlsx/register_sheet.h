// RegisterSheet: one logical register sheet (台账, 时限 or 奖惩) as it is laid out over
// worksheets: title row, frozen header, column widths, autofilter, and continuation
// worksheets ("时限 (2)") when the rows outgrow one worksheet. It hands out the position
// of each next data row; RowWriter fills it.
// Thread rules: used by the thread that writes the workbook.
#pragma once

#include <cstdint>
#include <string>

#include <xlsxwriter.h>

#include "erflow/reports/register_labels.h"
#include "erflow/status.h"
#include "register_formats.h"
#include "register_layout.h"

namespace erflow::reports {

class RegisterSheet {
 public:
  // Excel's hard limit on rows per worksheet.
  static constexpr uint32_t kExcelMaxRows = 1048576;

  struct Setup {
    const SheetLayout* layout = nullptr;
    Language language = Language::kChinese;
    const RegisterFormats* formats = nullptr;
    std::string title;                // empty: no title row
    uint32_t max_rows_per_sheet = 0;  // 0: Excel's limit
    std::string path;                 // for error messages
  };

  RegisterSheet(lxw_workbook* wb, Setup setup);

  // Creates the first worksheet, so the tab order follows the order of Start() calls.
  Status Start();
  // Where the next data row goes; opens a continuation worksheet when the current is full.
  // REQUIRES: Start() succeeded.
  Status NextRow(lxw_worksheet** ws, lxw_row_t* row);
  // Sets the autofilter of the last worksheet over its header and data.
  Status Finish();

  uint64_t rows() const { return rows_; }
  const SheetLayout& layout() const { return *setup_.layout; }

 private:
  Status AddWorksheet();
  Status FinishWorksheet();
  lxw_row_t header_row() const { return setup_.title.empty() ? 0 : 1; }

  lxw_workbook* wb_;
  Setup setup_;
  uint32_t rows_per_worksheet_;
  lxw_worksheet* ws_ = nullptr;
  int worksheet_count_ = 0;
  uint32_t rows_in_ws_ = 0;
  uint64_t rows_ = 0;
};

}  // namespace erflow::reports
