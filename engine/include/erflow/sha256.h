// SHA-256 of bytes, as lowercase hex. Used by the audit chain, definition content hashes
// and record hashes. Thread rules: pure function.
#pragma once

#include <string>

namespace erflow {

std::string Sha256Hex(const std::string& data);

}  // namespace erflow
