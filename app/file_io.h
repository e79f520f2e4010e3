// Reading and writing whole files for the CLI (PDFs in and out). Writes go to
// "<path>.partial" and are renamed into place, so a reader never sees half a file and a
// failed write leaves an earlier file untouched.
// Thread rules: pure functions over the file system.
#pragma once

#include <string>

#include "erflow/result.h"

namespace erflow::cli {

// NotFound when the file cannot be opened, IOError when reading fails.
Result<std::string> ReadWholeFile(const std::string& path);
// IOError naming the path when it cannot be written.
Status WriteWholeFile(const std::string& path, const std::string& bytes);

}  // namespace erflow::cli
