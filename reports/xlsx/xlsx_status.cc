// See xlsx_status.h. File and zip errors are IOError (the caller may retry elsewhere);
// everything else means we asked libxlsxwriter for something it refuses, a bug on our side
// or bad input, hence InvalidArgument.
// Thread rules: pure functions.
#include "xlsx_status.h"

#include <cerrno>
#include <cstring>

namespace erflow::reports {

Status XlsxStatus(lxw_error err, const std::string& path, const std::string& doing) {
  int saved_errno = errno;
  std::string msg = path + ": " + doing + ": " + lxw_strerror(err);
  switch (err) {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      // libxlsxwriter leaves errno from the failing fopen/fwrite; it is the useful part
      // ("No space left on device").
      if (saved_errno != 0) msg += std::string(" (") + std::strerror(saved_errno) + ")";
      return Status::IOError(msg);
    default:
      return Status::InvalidArgument(msg);
  }
}

}  // namespace erflow::reports
