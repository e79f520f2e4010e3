// Turning libxlsxwriter's error codes into erflow Status values that name the workbook,
// so the CLI's one line on stderr says which file failed and why.
// Thread rules: pure functions (reads errno of the calling thread).
#pragma once

#include <string>

#include <xlsxwriter.h>

#include "erflow/status.h"

namespace erflow::reports {

// "register.xlsx: writing sheet 台账: Error creating output xlsx file. Usually a
// permissions error. (No space left on device)". `doing` says what was being done.
// REQUIRES: err != LXW_NO_ERROR.
Status XlsxStatus(lxw_error err, const std::string& path, const std::string& doing);

}  // namespace erflow::reports
