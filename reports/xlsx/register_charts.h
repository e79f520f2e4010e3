// The statistics end of a register: a data sheet (统计数据) with the aggregates the
// writer gathered while streaming, and a chart sheet (统计图) showing them — cases per
// month stacked by level, and the on-time rate per deadline kind. Both charts sit on one
// worksheet because an Excel chartsheet holds a single chart, and a reader wants the two
// side by side; the charts read the data sheet by reference, so Excel redraws them if an
// auditor corrects a figure.
// Thread rules: used by the thread that writes the workbook, inside Close().
#pragma once

#include <string>

#include <xlsxwriter.h>

#include "erflow/reports/register_labels.h"
#include "erflow/status.h"
#include "register_formats.h"
#include "register_stats.h"

namespace erflow::reports {

// Adds the chart sheet and then the data sheet, as the last two tabs.
Status WriteRegisterCharts(lxw_workbook* wb, const RegisterStats& stats,
                           const RegisterFormats& formats, Language lang, const std::string& path);

}  // namespace erflow::reports
