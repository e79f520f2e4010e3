// SHA-256 of a record file, as the case history stores it when a record is issued and as
// `erflow verify FILE.pdf` recomputes it: lower-case hex, 64 characters. For bytes in
// memory use erflow::Sha256Hex (erflow/sha256.h); this reads a file in chunks.
// Thread rules: pure function.
#pragma once

#include <string>

#include "erflow/result.h"

namespace erflow::pdf {

// NotFound if the file cannot be opened, IOError if reading fails.
Result<std::string> Sha256HexOfFile(const std::string& path);

}  // namespace erflow::pdf
