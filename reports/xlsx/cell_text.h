// What text may go into a cell. Invalid UTF-8 would make Excel reject the whole workbook
// ("We found a problem with some content"), so it is caught per cell before anything of
// the row is written. Excel cells hold at most 32,767 UTF-16 units; longer text is cut
// with a visible marker rather than refused, because a register line summarises a case
// whose full text lives in its PDF dossier.
// Thread rules: pure functions.
#pragma once

#include <cstddef>
#include <string>

namespace erflow::reports {

constexpr size_t kExcelMaxCellUnits = 32767;

// Byte offset of the first byte that is not part of well-formed UTF-8 (overlongs,
// surrogates and code points above U+10FFFF included), or std::string::npos.
size_t FirstInvalidUtf8(const std::string& s);

// REQUIRES: FirstInvalidUtf8(s) == npos. Returns s itself when it fits a cell; otherwise
// fills *scratch with the longest prefix that fits together with `marker` and returns it.
const std::string& FitCell(const std::string& s, const std::string& marker, std::string* scratch);

}  // namespace erflow::reports
