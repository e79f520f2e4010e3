// The cell formats a register uses, created once per workbook. Excel stores one style
// record per distinct format, so rows share these rather than making their own.
// Thread rules: owned by the workbook; used by the thread that writes it.
#pragma once

#include <xlsxwriter.h>

#include "erflow/reports/register_rows.h"

namespace erflow::reports {

struct RegisterFormats {
  lxw_format* title = nullptr;
  lxw_format* header = nullptr;
  lxw_format* moment = nullptr;   // yyyy-mm-dd hh:mm (China time)
  lxw_format* day = nullptr;      // yyyy-mm-dd
  lxw_format* hours = nullptr;    // 0.0
  lxw_format* count = nullptr;    // 0
  lxw_format* percent = nullptr;  // 0.0%
  lxw_format* warning[5] = {};    // by WarningColour; [kNone] is nullptr (no fill)

  static RegisterFormats Create(lxw_workbook* wb);
  lxw_format* Warning(WarningColour c) const;
};

}  // namespace erflow::reports
