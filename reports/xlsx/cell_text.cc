// UTF-8 validation and cell-size fitting for register text (see cell_text.h).
// Thread rules: pure functions.
#include "cell_text.h"

#include <cstdint>
#include <cstring>

namespace erflow::reports {
namespace {

// Length in bytes of the sequence starting with `lead`, 0 for a byte that cannot start one.
int SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

size_t FirstInvalidUtf8(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII runs dominate ids and numbers; skip them eight at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = SequenceLength(c);
    if (len == 0 || i + len > n) return i;
    for (int k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
    }
    // Overlong 3/4-byte forms, UTF-16 surrogates and values above U+10FFFF.
    if (c == 0xE0 && p[i + 1] < 0xA0) return i;
    if (c == 0xED && p[i + 1] >= 0xA0) return i;
    if (c == 0xF0 && p[i + 1] < 0x90) return i;
    if (c == 0xF4 && p[i + 1] >= 0x90) return i;
    i += len;
  }
  return std::string::npos;
}

const std::string& FitCell(const std::string& s, const std::string& marker, std::string* scratch) {
  // Every UTF-16 unit takes at least one byte, so short strings always fit.
  if (s.size() <= kExcelMaxCellUnits) return s;
  size_t marker_units = 0;
  for (unsigned char c : marker) marker_units += (c & 0xC0) != 0x80 ? 1 : 0;
  size_t units = 0;
  size_t cut = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    int len = SequenceLength(p[i]);
    size_t u = len == 4 ? 2 : 1;  // characters beyond the BMP are surrogate pairs in Excel
    if (units + u > kExcelMaxCellUnits - marker_units && cut == s.size()) cut = i;
    units += u;
    i += len == 0 ? 1 : len;
  }
  if (units <= kExcelMaxCellUnits) return s;
  scratch->assign(s, 0, cut);
  *scratch += marker;
  return *scratch;
}

}  // namespace erflow::reports
