// SHA-256 of records, as the case history stores it when a record is issued and as
// `erflow verify` recomputes it. Lower-case hex, 64 characters.
// Thread rules: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "erflow/result.h"

namespace erflow::pdf {

std::string Sha256Hex(std::string_view bytes);
Result<std::string> Sha256HexOfFile(const std::string& path);

}  // namespace erflow::pdf
